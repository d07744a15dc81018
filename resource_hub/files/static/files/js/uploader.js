// Resource Hub direct uploader: sends a file straight to the object store in
// parts, through the upload API (/api/v1/uploads, docs/api/uploads.md).
//
//   import { Uploader } from "/static/files/js/uploader.js";
//   const uploader = new Uploader();             // in a page: session + CSRF cookie
//   uploader.addEventListener("progress", (e) => bar.value = e.detail.loaded / e.detail.total);
//   const result = await uploader.upload(file, { collection: 7, title: "Week 1" });
//   result.document.id, result.document.download_url
//   await uploader.upload(zip, { collection: 7, purpose: "import" });  // a records import's ZIP:
//   result.id is named by the import form; no document is made
//
// Parts go up in parallel (`concurrency`), a failed part is retried with
// exponential back-off (`retries`), an expired part URL is signed again, and
// an upload cut short (dropped connection, closed tab) resumes where it
// stopped: the upload's id is remembered (localStorage) and the server says
// which parts it already holds. Completing may take a while on the server (it
// reads the whole file): when the answer is 202 "completing", the upload's
// status is polled until it is "completed" or "rejected" (`pollMs`, growing
// to `maxPollMs`). No dependencies; works in browsers and in Node.js 20
// (tests, scripts: pass `baseUrl` and `token`).
//
// Events (CustomEvent, `detail` shown):
//   start     {file, upload, resumed}       the upload exists on the server
//   progress  {file, upload, loaded, total} bytes confirmed or in flight
//   retry     {file, part, attempt, delay, error}
//   checking  {file, upload}                the parts are all there; the server checks the file
//   complete  {file, upload, document}
//   error     {file, error}                 error.code / error.message from the API

const RETRYABLE_STATUS = new Set([0, 403, 408, 429, 500, 502, 503, 504]);
const SIGN_AHEAD_MS = 60_000; // re-sign a part URL that expires within a minute
const STORAGE_PREFIX = "rh-upload:";

export class UploadError extends Error {
  constructor(message, { code = "error", status = 0, retryable = false } = {}) {
    super(message);
    this.name = "UploadError";
    this.code = code;
    this.status = status;
    this.retryable = retryable;
  }
}

function readCookie(name) {
  if (typeof document === "undefined") return "";
  const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : "";
}

function defaultStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a browser with storage disabled: no resume across tabs, the rest works
  }
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new UploadError("Cancelled", { code: "aborted" }));
      },
      { once: true },
    );
  });

export class Uploader extends EventTarget {
  constructor({
    baseUrl = typeof location !== "undefined" ? location.origin : undefined,
    apiPath = "/api/v1/",
    token = null,
    csrfToken = null,
    concurrency = 3,
    retries = 6,
    backoffMs = 1000,
    maxBackoffMs = 30_000,
    signBatch = 20,
    pollMs = 500,
    maxPollMs = 5_000,
    storage = defaultStorage(),
    fetch: fetchImpl = globalThis.fetch?.bind(globalThis),
  } = {}) {
    super();
    if (!baseUrl) throw new TypeError("Uploader needs a baseUrl outside a browser");
    this.baseUrl = baseUrl;
    this.apiPath = apiPath;
    this.token = token;
    this.csrfToken = csrfToken;
    this.concurrency = Math.max(1, concurrency);
    this.retries = retries;
    this.backoffMs = backoffMs;
    this.maxBackoffMs = maxBackoffMs;
    this.signBatch = signBatch;
    this.pollMs = pollMs;
    this.maxPollMs = maxPollMs;
    this.storage = storage;
    this.fetch = fetchImpl;
  }

  // ---- the public calls ------------------------------------------------------------

  /** Upload `file` (a File or Blob with a name) into `collection`; resolves to the finished upload. */
  async upload(file, { collection, title = "", sha256 = "", purpose = "", signal } = {}) {
    try {
      return await this.#upload(file, { collection, title, sha256, purpose, signal });
    } catch (error) {
      const failure =
        error instanceof UploadError ? error : new UploadError(String(error?.message ?? error));
      if (signal?.aborted) failure.code = "aborted";
      this.#emit("error", { file, error: failure });
      throw failure;
    }
  }

  /** Give up an upload on the server (its parts are deleted) and forget it here. */
  async cancel(upload, file = null) {
    await this.#api("DELETE", upload.links.self);
    const purpose = upload.purpose && upload.purpose !== "document" ? upload.purpose : "";
    if (file) this.#forget(file, purpose ? `${upload.collection}:${purpose}` : upload.collection);
  }

  // ---- the steps -------------------------------------------------------------------

  async #upload(file, { collection, title, sha256, purpose, signal }) {
    const name = file.name || "file";
    // What an upload is remembered by: an import's ZIP is not resumed as a document.
    const scope = purpose ? `${collection}:${purpose}` : collection;
    let upload = await this.#resumable(file, scope, purpose || "document");
    const resumed = Boolean(upload);
    if (!upload) {
      upload = await this.#api("POST", `${this.apiPath}uploads`, {
        collection,
        filename: name,
        size: file.size,
        title,
        sha256,
        ...(purpose ? { purpose } : {}),
      });
      this.#remember(file, scope, upload.id);
    }
    this.#emit("start", { file, upload, resumed });

    const progress = new Progress(file.size, (loaded) =>
      this.#emit("progress", { file, upload, loaded, total: file.size }),
    );
    for (let round = 0; ; round += 1) {
      if (upload.state === "completing") {
        // Resumed while the server was checking it: wait for the verdict.
        return await this.#finish(file, scope, upload, round, signal);
      }
      const status = await this.#api("GET", upload.links.self);
      const held = new Map(status.parts.map((p) => [p.number, p.size]));
      const missing = [];
      for (let n = 1; n <= upload.part_count; n += 1) {
        const size = partLength(upload, n);
        if (held.get(n) === size) progress.done(n, size);
        else missing.push(n);
      }
      progress.report();
      await this.#sendParts(file, upload, missing, progress, signal);
      const finished = await this.#finish(file, scope, upload, round, signal);
      if (finished) return finished;
      upload = { ...upload, state: "started" }; // send what is missing, then complete again
    }
  }

  // Ask the server to complete, wait while it checks the file; null: send parts and try again.
  // (`scope`: the collection, and the purpose if any, the upload is remembered by.)
  async #finish(file, scope, upload, round, signal) {
    try {
      let status = upload;
      if (status.state !== "completing") {
        status = await this.#api("POST", upload.links.complete, {}, { signal });
      }
      for (let delay = this.pollMs; status.state === "completing"; delay = Math.min(delay * 2, this.maxPollMs)) {
        this.#emit("checking", { file, upload: status });
        await sleep(delay, signal);
        status = await this.#api("GET", upload.links.self, undefined, { signal });
      }
      if (status.state !== "completed") throw stoppedError(status);
      this.#forget(file, scope);
      this.#emit("complete", { file, upload: status, document: status.document });
      return status;
    } catch (error) {
      // Parts the store lost (or never confirmed), or a check that could not run
      // just now: send what is missing and complete again, once.
      if (RESUMABLE_CODES.has(error.code) && round === 0) return null;
      if (error.status === 422 || error.code === "upload_not_active") this.#forget(file, scope);
      throw error;
    }
  }

  async #resumable(file, scope, purpose) {
    const id = this.storage?.getItem(storageKey(file, scope));
    if (!id) return null;
    try {
      const upload = await this.#api("GET", `${this.apiPath}uploads/${id}`);
      const live = upload.state === "started" || upload.state === "completing";
      const same = upload.size === file.size && (upload.purpose ?? "document") === purpose;
      if (live && same) return upload;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    this.#forget(file, scope);
    return null;
  }

  async #sendParts(file, upload, numbers, progress, signal) {
    const queue = [...numbers];
    const signed = new Map();
    const worker = async () => {
      while (queue.length) {
        signal?.throwIfAborted();
        const number = queue.shift();
        await this.#sendPart(file, upload, number, signed, queue, progress, signal);
      }
    };
    const workers = Array.from({ length: Math.min(this.concurrency, queue.length) }, worker);
    await Promise.all(workers);
  }

  async #sendPart(file, upload, number, signed, queue, progress, signal) {
    const start = (number - 1) * upload.part_size;
    const blob = file.slice(start, start + partLength(upload, number));
    for (let attempt = 0; ; attempt += 1) {
      try {
        const part = await this.#signedPart(upload, number, signed, queue);
        await this.#put(part, blob, (loaded) => progress.partial(number, loaded), signal);
        progress.done(number, blob.size);
        return;
      } catch (error) {
        progress.partial(number, 0);
        signed.delete(number); // an expired or refused URL: sign it again
        if (signal?.aborted) throw signal.reason ?? error;
        const retryable = error.retryable ?? true;
        if (!retryable || attempt >= this.retries) throw error;
        const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt) * (0.5 + Math.random() / 2);
        this.#emit("retry", { file, part: number, attempt: attempt + 1, delay, error });
        await sleep(delay, signal);
      }
    }
  }

  async #signedPart(upload, number, signed, queue) {
    const cached = signed.get(number);
    if (cached && Date.parse(cached.expires_at) - Date.now() > SIGN_AHEAD_MS) return cached;
    // Sign this part and the next few in one request.
    const batch = [number, ...queue.filter((n) => !signed.has(n)).slice(0, this.signBatch - 1)];
    const { parts } = await this.#api("POST", upload.links.parts, { parts: batch });
    for (const part of parts) signed.set(part.number, part);
    return signed.get(number);
  }

  // PUT one part; XMLHttpRequest in browsers (it reports upload progress), fetch elsewhere.
  #put(part, blob, onProgress, signal) {
    const url = new URL(part.url, this.baseUrl).href;
    if (typeof XMLHttpRequest === "undefined") {
      return this.fetch(url, { method: "PUT", body: blob, signal }).then(
        async (response) => {
          if (!response.ok) throw partError(response.status, await response.text());
          onProgress(blob.size);
        },
        (error) => {
          throw signal?.aborted ? error : new UploadError(String(error.message ?? error), { retryable: true });
        },
      );
    }
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("PUT", url);
      xhr.upload.onprogress = (event) => onProgress(event.loaded);
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(partError(xhr.status, xhr.responseText)));
      xhr.onerror = () => reject(new UploadError("The connection was lost.", { retryable: true }));
      xhr.ontimeout = xhr.onerror;
      signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      xhr.onabort = () => reject(signal?.reason ?? new UploadError("Cancelled", { code: "aborted" }));
      xhr.send(blob);
    });
  }

  // ---- the API -------------------------------------------------------------------------

  async #api(method, path, body = undefined, { signal } = {}) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    else if (method !== "GET") headers["X-CSRFToken"] = this.csrfToken ?? readCookie("csrftoken");
    for (let attempt = 0; ; attempt += 1) {
      let response;
      try {
        response = await this.fetch(new URL(path, this.baseUrl).href, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: "same-origin",
          signal,
        });
      } catch (error) {
        if (signal?.aborted || attempt >= this.retries) {
          throw new UploadError("The site cannot be reached; check the connection.", { code: "offline" });
        }
        await sleep(Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt), signal);
        continue;
      }
      const data = await response.json().catch(() => ({}));
      if (response.ok) return data;
      const error = new UploadError(data.error?.message ?? `HTTP ${response.status}`, {
        code: data.error?.code ?? "http_error",
        status: response.status,
      });
      // The store was unreachable for a moment: wait and ask again.
      if (response.status === 503 && attempt < this.retries) {
        await sleep(Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt), signal);
        continue;
      }
      throw error;
    }
  }

  #remember(file, collection, id) {
    this.storage?.setItem(storageKey(file, collection), id);
  }

  #forget(file, collection) {
    this.storage?.removeItem(storageKey(file, collection));
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function storageKey(file, collection) {
  return `${STORAGE_PREFIX}${collection}:${file.size}:${file.lastModified ?? 0}:${file.name}`;
}

function partLength(upload, number) {
  return number < upload.part_count ? upload.part_size : upload.size - upload.part_size * (upload.part_count - 1);
}

// Codes with which completing stops but the upload goes on ("started" again).
const RESUMABLE_CODES = new Set(["parts_missing", "storage_unavailable", "completion_failed"]);

// The error of an upload whose check ended without a document (polled status).
function stoppedError(status) {
  const rejected = status.state === "rejected";
  return new UploadError(status.error?.message ?? `The upload is ${status.state}.`, {
    code: rejected ? (status.error?.reason ?? "rejected") : (status.error?.code ?? "upload_not_active"),
    status: rejected ? 422 : 409,
  });
}

function partError(status, text) {
  const expired = status === 403 && /expired|Request has expired/i.test(text);
  return new UploadError(expired ? "The part URL expired." : `The store answered ${status}.`, {
    code: expired ? "expired" : "store_error",
    status,
    retryable: RETRYABLE_STATUS.has(status),
  });
}

// Bytes done per part plus bytes in flight; reports at most every 100 ms.
class Progress {
  constructor(total, report) {
    this.total = total;
    this.parts = new Map();
    this.reportFn = report;
    this.last = 0;
  }

  done(number, size) {
    this.parts.set(number, size);
    this.report(true);
  }

  partial(number, loaded) {
    this.parts.set(number, loaded);
    this.report();
  }

  report(force = false) {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    let loaded = 0;
    for (const size of this.parts.values()) loaded += size;
    this.reportFn(Math.min(loaded, this.total));
  }
}
