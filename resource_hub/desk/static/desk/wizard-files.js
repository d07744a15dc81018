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
const { Uploader } = await import(form.dataset.uploaderUrl);
// Beside uploader.js: the screen's parts shared with the admin's upload screen.
const { acceptFiles, failure, follow, messages } = await import(
  new URL("upload-rows.js", new URL(form.dataset.uploaderUrl, window.location.href)).href
);
const msg = messages(form);

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
  body.append("label", form.querySelector("[data-desk-label]")?.value.trim() ?? "");
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
  if (answer.label) {
    const label = window.document.createElement("strong");
    label.className = "desk-file__label";
    label.textContent = `${answer.label}:`;
    item.append(label, " ");
  }
  item.append(answer.document.title);
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
  const uploader = new Uploader({ csrfToken, apiPath: form.dataset.apiRoot });
  const signal = follow(uploader, file, view, msg);
  try {
    const done = await uploader.upload(file, {
      collection: Number(form.dataset.collection),
      signal,
    });
    await attach(done.document);
    view.bar.value = view.bar.max;
    finish("is-done", msg("done"));
  } catch (error) {
    finish("is-failed", failure(error, msg));
  }
}

async function sendAll(files) {
  // Every file gets its row at once; they go one at a time (each sends its parts in parallel).
  const views = files.map((file) => [file, row(file)]);
  for (const [file, view] of views) await send(file, view);
}

acceptFiles(input, drop, sendAll);
