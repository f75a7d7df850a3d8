/**
 * `npm run fuzz [-- --cases N --from I --seed S --jobs J --page-timeout S --max-pages N --batch N]`:
 * thousands of mutated PDFs through the real CLI; prints the totals; exit 1 on any crash, hang,
 * internal error, bad stderr line or partial output. Not part of `npm test` (see fuzz.test.ts for
 * the CI subset).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, runFuzz } from './run.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    from: { type: 'string', default: '0' },
    seed: { type: 'string', default: '20240601' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'page-timeout': { type: 'string', default: '10' },
    'max-pages': { type: 'string', default: '4' },
    batch: { type: 'string', default: '500' },
    input: { type: 'string', multiple: true },
  },
});

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const work = await mkdtemp(path.join(tmpdir(), 'report-extract-fuzz-'));
const seedFile = path.join(repo, 'tests/fixtures/bad/excerpt-2p.pdf');
const inputs = (values.input ?? [seedFile]).map((f) => readFileSync(f));
if (!values.input) {
  // The same excerpt with its streams uncompressed: mutations then hit content operators and
  // font programs instead of only breaking Flate streams.
  try {
    const plain = path.join(work, 'excerpt-uncompressed.pdf');
    execFileSync('qpdf', ['--stream-data=uncompress', '--decode-level=generalized', seedFile, plain]);
    inputs.push(readFileSync(plain));
  } catch {
    process.stderr.write('qpdf not available: fuzzing the compressed excerpt only\n');
  }
}
const opts = {
  inputs,
  seed: Number(values.seed),
  cases: Number(values.cases),
  from: Number(values.from),
  batch: Number(values.batch),
  jobs: Number(values.jobs),
  pageTimeout: Number(values['page-timeout']),
  maxPages: Number(values['max-pages']),
  workDir: work,
};
process.stderr.write(`fuzz: ${opts.cases} cases, seed ${opts.seed}, ${inputs.length} seed file(s), jobs ${opts.jobs}, page timeout ${opts.pageTimeout} s, max pages ${opts.maxPages}\n`);
const r = await runFuzz({ ...opts, onBatch: (done, rep) => process.stderr.write(`  ${done}/${opts.cases} cases, ${rep.wallSeconds.toFixed(0)} s, ${rep.crashes.length + rep.hangs.length + rep.internal.length + rep.badLines.length + rep.partialOutput.length} problems\n`) });
await rm(work, { recursive: true, force: true });
process.stdout.write(formatReport(r) + '\n');
process.exit(r.crashes.length + r.hangs.length + r.internal.length + r.badLines.length + r.partialOutput.length ? 1 : 0);
