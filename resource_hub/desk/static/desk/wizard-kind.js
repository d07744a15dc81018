// The wizard's details step: the Type list offers the types of the kind chosen
// above it. Without this script the page sends the kind's types for the kind
// it was opened with, and refuses a type of the other kind with a message.
const select = document.querySelector("select[data-desk-types]");
const radios = document.querySelectorAll("input[name=kind]");
if (select && radios.length) {
  const types = JSON.parse(select.dataset.deskTypes);
  const show = (kind) => {
    const chosen = select.value;
    const empty = select.options[0];
    select.replaceChildren(empty);
    for (const [code, label] of types[kind] ?? []) {
      select.append(new Option(label, code, false, code === chosen));
    }
  };
  for (const radio of radios) radio.addEventListener("change", () => show(radio.value));
}
