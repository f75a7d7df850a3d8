// Starts src/cli/worker.ts in a worker thread. A worker may or may not inherit the parent's
// TypeScript loader (Node 20 does not run `--import tsx` again in workers; the bin registers tsx
// in-process only), so: try the plain import, and register tsx in this thread when it fails.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
try {
  await import(entry);
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${entry}?tsx`);
}
