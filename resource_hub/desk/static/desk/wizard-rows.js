// The wizard's creator rows. Without this script the page offers two empty
// rows and a "Remove this creator" box on each; with it, "Add another creator"
// clones the formset's empty form and the box becomes a button that hides its row.
const rows = document.querySelector("[data-desk-creators]");
const template = document.getElementById("desk-creator-template");
const add = document.querySelector("[data-desk-add-creator]");
if (rows && template && add) {
  const prefix = rows.dataset.prefix;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const max = Number(document.getElementById(`id_${prefix}-MAX_NUM_FORMS`).value);

  const enhance = (row) => {
    const box = row.querySelector("input[name$='-DELETE']");
    if (!box) return;
    const label = box.closest("label");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "desk-button desk-button--quiet desk-button--small";
    button.textContent = label.textContent.trim();
    button.addEventListener("click", () => {
      box.checked = true;
      row.hidden = true;
      add.focus();
    });
    label.hidden = true;
    label.after(button);
  };

  rows.querySelectorAll("[data-desk-creator]").forEach(enhance);
  add.hidden = false;
  add.addEventListener("click", () => {
    const index = Number(total.value);
    if (index >= max) return;
    const html = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__number__", String(index + 1));
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const row = holder.firstElementChild;
    rows.append(row);
    total.value = String(index + 1);
    enhance(row);
    row.querySelector("input")?.focus();
  });
}
