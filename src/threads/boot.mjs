// Starts a worker thread's entry module (workerData.entry): the extraction worker, a page reader.
// 1. pdf.js (and, for TypeScript sources, zod) is imported here first, natively: through the
//    TypeScript loader pdf.js's 2 MB modules take seconds to load instead of a few hundred ms. Its parser module is handed to
//    pdf.js as `globalThis.pdfjsWorker`, so the first getDocument does not load it again.
// 2. A worker may or may not inherit the parent's TypeScript loader (Node 20 does not run
//    `--import tsx` again in workers; the bin registers tsx in-process only), so: try the plain
//    import, and register tsx in this thread when it fails.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

// pdf.js's polyfills replace Array.prototype.push and JSON.parse/stringify with slow versions:
// put the built-ins back (src/load/pdfjs/natives.ts does the same for the main thread).
const natives = [Array.prototype.push, JSON.parse, JSON.stringify];
// In dist/, pdf.js patched for reading sits next to this folder (scripts/pdfjs-patch.mjs).
const patched = (file, installed) => {
  const url = new URL(`../pdfjs/${file}`, import.meta.url);
  return existsSync(url) ? url.href : installed;
};
await import(patched('pdf.mjs', 'pdfjs-dist/legacy/build/pdf.mjs'));
globalThis.pdfjsWorker = await import(patched('pdf.worker.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'));
Object.defineProperty(Array.prototype, 'push', { value: natives[0], writable: true, configurable: true, enumerable: false });
JSON.parse = natives[1];
JSON.stringify = natives[2];
const entry = workerData.entry;
// A bundled entry (dist/) imports what it needs itself; a page reader does not need zod at all.
if (entry.endsWith('.ts')) await import('zod');
try {
  await import(entry);
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${entry}?tsx`);
}
