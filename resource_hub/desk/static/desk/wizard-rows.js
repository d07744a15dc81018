// The wizard's repeated rows (creators, translations). Without this script the
// page offers empty rows and a "Remove" box on each; with it, an "Add" button
// clones the formset's empty form from its <template> and each box becomes a
// button that hides its row (the box stays ticked, so the server drops the row).
function enhance(row, add) {
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
}

for (const add of document.querySelectorAll("[data-desk-add]")) {
  const prefix = add.dataset.deskAdd;
  const rows = document.querySelector(`[data-desk-rows="${prefix}"]`);
  const template = document.getElementById(`desk-${prefix}-template`);
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const max = Number(document.getElementById(`id_${prefix}-MAX_NUM_FORMS`).value);
  if (!rows || !template || !total) continue;
  rows.querySelectorAll("[data-desk-row]").forEach((row) => enhance(row, add));
  add.hidden = false;
  add.addEventListener("click", () => {
    const index = Number(total.value);
    if (index >= max) return;
    const holder = document.createElement("div");
    holder.innerHTML = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__number__", String(index + 1));
    const row = holder.firstElementChild;
    rows.append(row);
    total.value = String(index + 1);
    enhance(row, add);
    row.querySelector("input, select")?.focus();
  });
}
