// What an upload screen does around uploader.js, shared by the admin's "Upload files"
// screen (upload-page.js) and the desk's wizard (desk/wizard-files.js): messages
// translated by the page, sizes in the page's language, a status line that follows
// an upload, cancelling, and taking files from a file input or a drop zone.

/** The page's translated message `key`, from a data-msg-<key> attribute of `form`. */
export function messages(form) {
  return (key) => form.dataset[`msg${key[0].toUpperCase()}${key.slice(1)}`] ?? key;
}

/** Bytes as megabytes in the page's language ("12.5 MB"). */
export function megabytes() {
  const formatter = new Intl.NumberFormat(document.documentElement.lang || undefined, {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  });
  return (bytes) => formatter.format(bytes / 1e6);
}

/**
 * Show what `uploader` does with `file` in `view` ({bar, cancel, status}), and let
 * view.cancel stop it (aborting the multipart upload on the server). Returns the
 * AbortSignal to pass to uploader.upload().
 */
export function follow(uploader, file, view, msg) {
  const mb = megabytes();
  const controller = new AbortController();
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
  uploader.addEventListener("checking", () => {
    view.status.textContent = msg("checking"); // the server reads the file (202, polled)
  });
  uploader.addEventListener("retry", () => {
    view.status.textContent = msg("retrying");
  });
  return controller.signal;
}

/** The failure line for `error`: cancelled, or what went wrong. */
export function failure(error, msg) {
  return error.code === "aborted" ? msg("cancelled") : `${msg("failed")}: ${error.message}`;
}

/**
 * Call `take(files)` with the files chosen in `input` or dropped on `drop`, and
 * with any chosen before this script had loaded (a slow connection). Marks the
 * form `data-ready` once it listens.
 */
export function acceptFiles(input, drop, take) {
  const chosen = () => {
    if (!input.files.length) return;
    take([...input.files]);
    input.value = "";
  };
  input.addEventListener("change", chosen);
  chosen();
  input.form.dataset.ready = "true";
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
    take([...event.dataTransfer.files]);
  });
}
