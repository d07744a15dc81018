// The admin's "Import records" screen: the ZIP goes straight to the object store in
// parts through uploader.js (an upload with the purpose "import": progress, retry,
// resume), and the form then carries only the finished upload's id, not the bytes.
// Without this script the ZIP comes with the form (a smaller limit, said on the page).
// Messages come translated from the page.
const form = document.getElementById("import-form");
const box = form.querySelector("[data-rh-import-zip]");
const input = form.querySelector("input[type=file][name=files]");
const uploaded = form.querySelector("input[name=files_upload]");
const institution = form.querySelector("[name=institution]");
const submit = form.querySelector("button[type=submit]");
const bar = box.querySelector("progress");
const status = box.querySelector("[data-rh-status]");
const cancel = box.querySelector("[data-rh-cancel]");
const collections = JSON.parse(box.dataset.collections);
const maxBytes = Number(box.dataset.maxBytes);
const { Uploader } = await import(box.dataset.uploaderUrl);
// Beside uploader.js: the status line and cancelling shared with the other upload screens.
const { failure, follow, messages } = await import(
  new URL("upload-rows.js", new URL(box.dataset.uploaderUrl, window.location.href)).href
);
const msg = messages(box);

let sending = null; // the upload under way: a promise

function show(text, state = "") {
  box.hidden = false;
  box.dataset.state = state;
  status.textContent = text;
}

async function send(file) {
  uploaded.value = "";
  input.value = ""; // the bytes go to the store, not with the form
  bar.max = file.size || 1;
  bar.value = 0;
  bar.hidden = false;
  cancel.hidden = false;
  cancel.textContent = msg("cancel");
  if (file.size > maxBytes) {
    show(`${msg("failed")}: ${msg("tooLarge")}`, "failed");
    cancel.hidden = true;
    return;
  }
  show(`${msg("uploading")} ${file.name}`, "uploading");
  const uploader = new Uploader({
    csrfToken: form.querySelector("input[name=csrfmiddlewaretoken]").value,
  });
  const signal = follow(uploader, file, { bar, cancel, status }, msg);
  try {
    const done = await uploader.upload(file, {
      collection: collections[institution.value],
      purpose: "import",
      signal,
    });
    uploaded.value = done.id;
    bar.value = bar.max;
    show(`${msg("done")}: ${file.name}`, "done");
    cancel.textContent = msg("remove");
  } catch (error) {
    show(failure(error, msg), "failed");
    cancel.hidden = true;
  }
}

function take() {
  const file = input.files[0];
  if (!file) return;
  sending = send(file).finally(() => {
    sending = null;
    submit.disabled = false;
  });
  submit.disabled = true;
}

cancel.addEventListener("click", () => {
  if (sending) return; // follow() aborts the upload in progress
  uploaded.value = ""; // a finished upload: not used (the server drops it a day later)
  bar.hidden = true;
  cancel.hidden = true;
  show(msg("removed"), "");
});

form.addEventListener("submit", (event) => {
  if (sending) {
    event.preventDefault();
    show(msg("wait"), "uploading");
  }
});

input.addEventListener("change", take);
if (uploaded.value) {
  // The page came back (an error elsewhere in the form): the ZIP uploaded before is kept.
  bar.hidden = true;
  cancel.textContent = msg("remove");
  show(msg("kept"), "done");
} else {
  take(); // chosen before this script had loaded (a slow connection)
}
form.dataset.zipReady = "true";
