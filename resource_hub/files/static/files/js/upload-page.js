// The admin's "Upload files" screen: one row per file with a progress bar;
// the work is done by uploader.js. Messages come translated from the page.
import { Uploader } from "./uploader.js";
import { acceptFiles, failure, follow, messages } from "./upload-rows.js";

const form = document.querySelector("[data-rh-upload]");
const list = form.querySelector("[data-rh-list]");
const input = form.querySelector("input[type=file]");
const drop = form.querySelector("[data-rh-drop]");
const collection = form.querySelector("select[name=collection]");
const msg = messages(form);
const csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
const maxBytes = Number(form.dataset.maxBytes);

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
  const uploader = new Uploader({ csrfToken });
  const signal = follow(uploader, file, view, msg);
  try {
    const done = await uploader.upload(file, { collection: Number(collection.value), signal });
    view.item.classList.add("is-done");
    view.status.textContent = `${msg("done")} · `;
    const link = document.createElement("a");
    link.href = done.document.edit_url;
    link.textContent = msg("edit");
    view.status.append(link);
  } catch (error) {
    view.item.classList.add("is-failed");
    view.status.textContent = failure(error, msg);
  }
  view.cancel.remove();
}

async function sendAll(files) {
  // One file at a time (each already sends its parts in parallel).
  for (const file of files) await send(file);
}

acceptFiles(input, drop, sendAll);
