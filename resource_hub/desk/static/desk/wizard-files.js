// Step 2 of the desk's wizard: upload several files through uploader.js (the
// upload API, resumable, parts in parallel), one progress bar each, then
// attach each new document to the record. Messages come translated from the page.
const form = document.querySelector("[data-desk-upload]");
const list = form.querySelector("[data-desk-list]");
const input = form.querySelector("input[type=file]");
const drop = form.querySelector("[data-desk-drop]");
const attached = document.getElementById("desk-attached");
const csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
const maxBytes = Number(form.dataset.maxBytes);
const msg = (key) => form.dataset[`msg${key[0].toUpperCase()}${key.slice(1)}`] ?? key;
const formatter = new Intl.NumberFormat(document.documentElement.lang || undefined, {
  style: "unit",
  unit: "megabyte",
  maximumFractionDigits: 1,
});
const mb = (bytes) => formatter.format(bytes / 1e6);
const { Uploader } = await import(form.dataset.uploaderUrl);

let count = 0;
function row(file) {
  count += 1;
  const item = document.createElement("li");
  item.id = `desk-upload-${count}`;
  item.dataset.filename = file.name;
  const name = document.createElement("span");
  name.className = "desk-upload__name";
  name.textContent = file.name;
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "desk-button desk-button--quiet desk-button--small";
  cancel.textContent = msg("cancel");
  cancel.setAttribute("aria-label", `${msg("cancel")} ${file.name}`);
  const bar = document.createElement("progress");
  bar.max = file.size || 1;
  bar.value = 0;
  bar.setAttribute("aria-label", file.name);
  const status = document.createElement("p");
  status.className = "desk-upload__status";
  status.textContent = msg("waiting");
  item.append(name, cancel, bar, status);
  list.append(item);
  return { item, bar, cancel, status };
}

async function attach(document_) {
  const body = new FormData();
  body.append("document", document_.id);
  const response = await fetch(form.dataset.attachUrl, {
    method: "POST",
    body,
    headers: { "X-CSRFToken": csrfToken, Accept: "application/json" },
    credentials: "same-origin",
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error?.message ?? response.statusText);
  attached.querySelector("[data-desk-none]")?.remove();
  const item = window.document.createElement("li");
  item.className = "desk-file";
  item.textContent = answer.document.title;
  attached.append(item);
}

async function send(file, view) {
  const finish = (state, text) => {
    view.item.classList.add(state);
    view.item.dataset.state = state === "is-done" ? "done" : "failed";
    view.status.textContent = text;
    view.cancel.remove();
  };
  if (file.size > maxBytes) return finish("is-failed", `${msg("failed")}: ${msg("tooLarge")}`);
  const controller = new AbortController();
  const uploader = new Uploader({ csrfToken, apiPath: form.dataset.apiRoot });
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
    const done = await uploader.upload(file, {
      collection: Number(form.dataset.collection),
      signal: controller.signal,
    });
    await attach(done.document);
    view.bar.value = view.bar.max;
    finish("is-done", msg("done"));
  } catch (error) {
    finish("is-failed", error.code === "aborted" ? msg("cancelled") : `${msg("failed")}: ${error.message}`);
  }
}

async function sendAll(files) {
  // Every file gets its row at once; they go one at a time (each sends its parts in parallel).
  const views = files.map((file) => [file, row(file)]);
  for (const [file, view] of views) await send(file, view);
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
