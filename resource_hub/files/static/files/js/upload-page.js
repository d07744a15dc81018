// The admin's "Upload files" screen: one row per file with a progress bar;
// the work is done by uploader.js. Messages come translated from the page.
import { Uploader } from "./uploader.js";

const form = document.querySelector("[data-rh-upload]");
const list = form.querySelector("[data-rh-list]");
const input = form.querySelector("input[type=file]");
const drop = form.querySelector("[data-rh-drop]");
const collection = form.querySelector("select[name=collection]");
const msg = (key) => form.dataset[`msg${key[0].toUpperCase()}${key.slice(1)}`] ?? key;
const csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
const maxBytes = Number(form.dataset.maxBytes);
const formatter = new Intl.NumberFormat(document.documentElement.lang || undefined, {
  style: "unit",
  unit: "megabyte",
  maximumFractionDigits: 1,
});
const mb = (bytes) => formatter.format(bytes / 1e6);

function row(file) {
  const item = document.createElement("li");
  item.className = "rh-upload__item";
  const name = document.createElement("span");
  name.className = "rh-upload__name";
  name.textContent = file.name;
  const bar = document.createElement("progress");
  bar.max = file.size || 1;
  bar.value = 0;
  bar.setAttribute("aria-label", file.name);
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button button-small button-secondary";
  cancel.textContent = msg("cancel");
  const status = document.createElement("p");
  status.className = "rh-upload__status";
  status.textContent = msg("waiting");
  item.append(name, bar, cancel, status);
  list.append(item);
  return { item, bar, cancel, status };
}

async function send(file) {
  const view = row(file);
  if (file.size > maxBytes) {
    view.item.classList.add("is-failed");
    view.status.textContent = `${msg("failed")}: ${msg("tooLarge")}`;
    view.cancel.remove();
    return;
  }
  const controller = new AbortController();
  const uploader = new Uploader({ csrfToken });
  let current = null;
  view.cancel.addEventListener("click", async () => {
    controller.abort();
    if (current) await uploader.cancel(current, file).catch(() => {});
  });
  uploader.addEventListener("start", (e) => {
    current = e.detail.upload;
    view.status.textContent = e.detail.resumed ? msg("resumed") : msg("uploading");
  });
  uploader.addEventListener("progress", (e) => {
    view.bar.value = e.detail.loaded;
    view.status.textContent = `${msg("uploading")} ${mb(e.detail.loaded)} / ${mb(e.detail.total)}`;
    if (e.detail.loaded >= e.detail.total) view.status.textContent = msg("checking");
  });
  uploader.addEventListener("retry", () => {
    view.status.textContent = msg("retrying");
  });
  try {
    const done = await uploader.upload(file, { collection: Number(collection.value), signal: controller.signal });
    view.item.classList.add("is-done");
    view.status.textContent = `${msg("done")} · `;
    const link = document.createElement("a");
    link.href = done.document.edit_url;
    link.textContent = msg("edit");
    view.status.append(link);
  } catch (error) {
    view.item.classList.add("is-failed");
    view.status.textContent =
      error.code === "aborted" ? msg("cancelled") : `${msg("failed")}: ${error.message}`;
  }
  view.cancel.remove();
}

async function sendAll(files) {
  // One file at a time (each already sends its parts in parallel).
  for (const file of files) await send(file);
}

input.addEventListener("change", () => {
  sendAll([...input.files]);
  input.value = "";
});
for (const type of ["dragenter", "dragover"]) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("is-over");
  });
}
for (const type of ["dragleave", "drop"]) {
  drop.addEventListener(type, () => drop.classList.remove("is-over"));
}
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  sendAll([...event.dataTransfer.files]);
});
