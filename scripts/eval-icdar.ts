/**
 * `npm run eval:icdar [-- --dir DIR] [--out FILE] [--threads N] [--only A,B] [--update]`: the
 * ICDAR 2013 dev set end to end (see src/evaluate/eval-icdar.ts). Prints one line per document and
 * the overall figures, writes everything as JSON, and checks the committed ratchet
 * (DIR/ratchet.json): exit 1 when a headline figure dropped below it. --update raises the ratchet
 * where a figure rose. --only runs some documents (to look at them; no ratchet then).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { exists } from '../src/evaluate/command-io.js';
import { belowRatchet, raiseRatchet, ratchetOf, readRatchet, runIcdarEval, type EvalDocument } from '../src/evaluate/eval-icdar.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'fixtures/icdar2013-dev' },
    out: { type: 'string', default: '.tmp/eval-icdar.json' },
    threads: { type: 'string' },
    update: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const dir = values.dir as string;
const threads = values.threads ? Number(values.threads) : availableParallelism();
const ratchetPath = join(dir, 'ratchet.json');

const f = (v: number | null): string => (v === null ? '  n/a' : v.toFixed(3));
const pad = (s: string | number, n: number): string => String(s).padStart(n);
console.log(`${'document'.padEnd(10)} gold found     P      R     F1  compl  purity   ms`);
const line = (d: EvalDocument): void =>
  console.log(`${d.doc.padEnd(10)} ${pad(d.gold, 4)} ${pad(`${d.matched}/${d.output}`, 5)}  ${f(d.adjacency.precision)}  ${f(d.adjacency.recall)}  ${f(d.adjacency.f1)}  ${f(d.completeness)}  ${f(d.purity)}  ${pad(Math.round(d.ms), 5)}`);

const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
if (only && values.update) {
  console.error('eval:icdar: --update needs the whole set, not --only');
  process.exit(2);
}
let result;
try {
  result = await runIcdarEval(dir, { threads, only, onDocument: line });
} catch (error) {
  console.error(`eval:icdar: ${(error as Error).message}`);
  process.exit(2);
}
const o = result.overall;
console.log(
  [
    '',
    `${o.documents} documents, ${o.pages} pages, ${o.goldTables} true tables, ${o.outputTables} output tables (${o.matchedTables} matched)`,
    `adjacency (pooled over all tables)  P ${f(o.adjacency.precision)}  R ${f(o.adjacency.recall)}  F1 ${f(o.adjacency.f1)}  (${o.adjacency.correct} right, ${o.adjacency.expected} true, ${o.adjacency.found} output)`,
    `mean F1 per true table              ${f(o.macroF1)}`,
    `regions found, completeness ≥ 0.9   ${o.regionsComplete}/${o.regionsMeasured} (${f(o.regionsCompleteShare)})   mean completeness ${f(o.meanCompleteness)}  mean purity ${f(o.meanPurity)}`,
    `time                                ${(o.wallMs / 1000).toFixed(1)} s wall, ${(o.cpuMs / 1000).toFixed(1)} s CPU (all threads; ${threads} thread(s) per document)`,
  ].join('\n'),
);

await mkdir(dirname(values.out as string), { recursive: true });
await writeFile(values.out as string, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written ${values.out}`);

const measured = ratchetOf(o);
const committed = !only && (await exists(ratchetPath)) ? await readRatchet(ratchetPath) : null;
const below = committed ? belowRatchet(measured, committed) : [];
if (below.length) {
  console.error(`eval:icdar: below the committed ratchet (${ratchetPath}): ${below.join(', ')}`);
  process.exitCode = 1;
} else if (values.update) {
  const next = await raiseRatchet(ratchetPath, measured, committed ?? measured);
  console.log(`ratchet ${ratchetPath}: ${JSON.stringify(next)}`);
} else if (committed) console.log(`ratchet ${ratchetPath}: holds (${JSON.stringify(committed)})`);
