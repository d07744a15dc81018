// Search filters apply as soon as one is ticked or cleared, so the button is
// hidden; without JavaScript the "Apply filters" button does it.
(() => {
  const form = document.querySelector("form.search");
  const filters = form && form.querySelector(".facets");
  if (!filters) return;
  const button = filters.querySelector(".apply-filters");
  if (button) button.hidden = true;
  filters.addEventListener("change", (event) => {
    if (event.target.matches("input[type=checkbox]")) {
      filters.setAttribute("aria-busy", "true");
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
