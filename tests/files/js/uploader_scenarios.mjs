// Drives static/files/js/uploader.js from Node.js against the live test server
// and the real S3 server. Called by tests/files/test_uploader_js.py, which
// checks the outcome in the database and the bucket. Prints one JSON object.
//
//   node uploader_scenarios.mjs <scenario> <baseUrl> <token> <collection> <size>

import { File as BufferFile } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [scenario, baseUrl, token, collectionText, sizeText] = process.argv.slice(2);
const collection = Number(collectionText);
const size = Number(sizeText);
const here = path.dirname(new URL(import.meta.url).pathname);
const moduleUrl = pathToFileURL(
  path.join(here, "../../../resource_hub/files/static/files/js/uploader.js"),
).href;
const { Uploader } = await import(moduleUrl);

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) { this.items.set(key, String(value)); }
  removeItem(key) { this.items.delete(key); }
}

// A PDF whose bulk is a stream of random bytes (valid: pages + xref).
function pdfOf(totalSize) {
  const head = "%PDF-1.4\n";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  const chunks = [Buffer.from(head)];
  const offsets = [];
  let offset = head.length;
  for (const [i, body] of objects.entries()) {
    const text = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    offsets.push(offset);
    chunks.push(text);
    offset += text.length;
  }
  const noise = randomBytes(Math.max(0, totalSize - 600));
  const streamHead = Buffer.from(`4 0 obj\n<< /Length ${noise.length} >>\nstream\n`);
  const streamTail = Buffer.from("\nendstream\nendobj\n");
  offsets.push(offset);
  chunks.push(streamHead, noise, streamTail);
  offset += streamHead.length + noise.length + streamTail.length;
  let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}

const isPartPut = (url, init) => (init?.method ?? "GET") === "PUT";

function countingFetch(log, failures = new Map()) {
  // failures: part number -> list of ways to fail ("network", 503), used in order
  return async (url, init = {}) => {
    if (isPartPut(url, init)) {
      const number = Number(new URL(url).searchParams.get("partNumber") ?? url.match(/parts\/(\d+)/)?.[1]);
      log.push(number);
      const plan = failures.get(number);
      if (plan?.length) {
        const way = plan.shift();
        if (way === "network") throw new TypeError("fetch failed (simulated)");
        return new Response("simulated", { status: way });
      }
    }
    return fetch(url, init);
  };
}

function newUploader(fetchImpl, storage, extra = {}) {
  return new Uploader({ baseUrl, token, fetch: fetchImpl, storage, backoffMs: 20, ...extra });
}

function track(uploader) {
  const seen = { progress: [], retries: [], starts: [], errors: [], checks: 0 };
  uploader.addEventListener("checking", () => (seen.checks += 1));
  uploader.addEventListener("progress", (e) => seen.progress.push(e.detail.loaded));
  uploader.addEventListener("retry", (e) => seen.retries.push({ part: e.detail.part, attempt: e.detail.attempt }));
  uploader.addEventListener("start", (e) => seen.starts.push(e.detail.resumed));
  uploader.addEventListener("error", (e) => seen.errors.push(e.detail.error.code));
  return seen;
}

const out = { scenario };
const bytes = scenario === "refused" ? Buffer.concat([Buffer.from("MZ"), randomBytes(200)]) : pdfOf(size);
const FileClass = globalThis.File ?? BufferFile; // a global from Node.js 20, in node:buffer before
const file = new FileClass([bytes], scenario === "refused" ? "notes.pdf" : "บทเรียน 教材.pdf", { lastModified: 1_700_000_000_000 });
out.sha256 = createHash("sha256").update(bytes).digest("hex");
out.size = bytes.length;

if (scenario === "parallel-with-retries") {
  const log = [];
  const failures = new Map([[2, ["network", 503]], [3, [500]]]);
  const uploader = newUploader(countingFetch(log, failures), new MemoryStorage(), { concurrency: 3 });
  const seen = track(uploader);
  const result = await uploader.upload(file, { collection, title: "Parallel" });
  Object.assign(out, { result, puts: log, ...seen });
} else if (scenario === "polled") {
  // The server answers 202 while a worker checks the file: the module polls the status.
  const log = [];
  const uploader = newUploader(countingFetch(log), new MemoryStorage(), { pollMs: 50, maxPollMs: 200 });
  const seen = track(uploader);
  const result = await uploader.upload(file, { collection, title: "Polled" });
  Object.assign(out, { result, puts: log, ...seen });
} else if (scenario === "resume") {
  const storage = new MemoryStorage();
  const log = [];
  const controller = new AbortController();
  // The first tab: part 1 arrives, then the connection is cut and the tab closes.
  const first = newUploader(async (url, init = {}) => {
    const response = await countingFetch(log)(url, init);
    if (isPartPut(url, init) && log.length === 1) controller.abort(new Error("tab closed"));
    return response;
  }, storage, { concurrency: 1 });
  const firstSeen = track(first);
  try {
    await first.upload(file, { collection, signal: controller.signal });
    out.firstOutcome = "finished";
  } catch (error) {
    out.firstOutcome = error.code;
  }
  out.firstPuts = [...log];
  out.remembered = [...storage.items.values()];
  // A new tab, same file: it resumes and sends only what is missing.
  log.length = 0;
  const second = newUploader(countingFetch(log), storage, { concurrency: 2 });
  const seen = track(second);
  const result = await second.upload(file, { collection });
  Object.assign(out, { result, puts: log, firstStarts: firstSeen.starts, ...seen, left: [...storage.items.keys()] });
} else if (scenario === "refused") {
  const uploader = newUploader(countingFetch([]), new MemoryStorage());
  const seen = track(uploader);
  try {
    await uploader.upload(file, { collection });
    out.outcome = "accepted";
  } catch (error) {
    out.outcome = error.code;
    out.message = error.message;
  }
  Object.assign(out, seen);
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
process.stdout.write(JSON.stringify(out));
