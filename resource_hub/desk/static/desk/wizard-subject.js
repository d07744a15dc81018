// The wizard's subject list: a box above it that hides the options not
// matching what the teacher types (code or name). The list works without it.
const select = document.querySelector("select[data-desk-filter]");
if (select) {
  const box = document.createElement("input");
  box.type = "search";
  box.id = `${select.id}_filter`;
  box.className = "desk-filter";
  box.setAttribute("aria-label", select.dataset.deskFilter);
  box.setAttribute("aria-controls", select.id);
  box.placeholder = select.dataset.deskFilter;
  const none = document.createElement("p");
  none.className = "desk-help";
  none.setAttribute("aria-live", "polite");
  select.before(box, none);
  box.addEventListener("input", () => {
    const words = box.value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of select.querySelectorAll("optgroup")) {
      const groupMatches = words.every((w) => group.label.toLocaleLowerCase().includes(w));
      let visible = 0;
      for (const option of group.querySelectorAll("option")) {
        const text = option.textContent.toLocaleLowerCase();
        option.hidden = !groupMatches && !words.every((w) => text.includes(w));
        if (!option.hidden) visible += 1;
      }
      group.hidden = visible === 0;
      shown += visible;
    }
    none.textContent = shown ? "" : select.dataset.deskFilterNone;
  });
}
