/**
 * The ICDAR 2013 dev-set evaluation: every `NAME.pdf` of a folder extracted end to end (no table
 * regions given), scored against `NAME-str.xml` and `NAME-reg.xml`, and the overall figures:
 * cell-adjacency precision/recall/F1 pooled over every table of every document (the headline),
 * the mean F1 per true table, and the share of true regions found with completeness ≥ 0.9.
 * The ratchet holds the committed floor of the two headline figures.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFile } from '../pipeline.js';
import { exists } from './command-io.js';
import { loadIcdar } from './icdar.js';
import { icdarOutputOfDocument } from './icdar-document.js';
import type { PageWords } from './icdar-regions.js';
import { mean, prf, ratio, type Prf } from './metrics.js';
import { REGION_COMPLETE, scoreIcdar, type IcdarScore } from './score-icdar.js';

export interface EvalDocument {
  doc: string;
  /** True tables, output tables, and true tables matched. */
  gold: number;
  output: number;
  matched: number;
  adjacency: Prf;
  macroF1: number | null;
  /** Mean completeness and purity of the document's true regions; null without a region file. */
  completeness: number | null;
  purity: number | null;
  regionsComplete: number;
  regionsMeasured: number;
  ms: number;
  score: IcdarScore;
}

export interface EvalOverall {
  documents: number;
  pages: number;
  goldTables: number;
  outputTables: number;
  matchedTables: number;
  /** Pooled over all tables (micro): the headline. */
  adjacency: Prf;
  /** Mean F1 over every true table. */
  macroF1: number | null;
  regionsMeasured: number;
  regionsComplete: number;
  /** Share of true regions found with completeness ≥ REGION_COMPLETE. */
  regionsCompleteShare: number | null;
  meanCompleteness: number | null;
  meanPurity: number | null;
  /** Wall-clock and CPU time of the whole run (extraction and scoring). */
  wallMs: number;
  cpuMs: number;
}

export interface EvalResult {
  dir: string;
  date: string;
  threads: number;
  overall: EvalOverall;
  documents: EvalDocument[];
}

/** The document names of a folder that have a PDF and a structure file. */
export async function evalDocuments(dir: string): Promise<string[]> {
  const files = new Set(await readdir(dir));
  return [...files]
    .filter((f) => f.endsWith('.pdf') && files.has(f.replace(/\.pdf$/, '-str.xml')))
    .map((f) => f.replace(/\.pdf$/, ''))
    .sort();
}

async function evalOne(dir: string, name: string, threads: number): Promise<{ doc: EvalDocument; pages: number }> {
  const t0 = performance.now();
  const words: PageWords = new Map();
  const extracted = await extractFile(join(dir, `${name}.pdf`), {
    threads,
    onPageRead: (page) => words.set(page.number, page.words.map((w) => ({ text: w.text, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 }))),
  });
  const gold = await loadIcdar(join(dir, `${name}-str.xml`));
  const regionsPath = join(dir, `${name}-reg.xml`);
  const regions = (await exists(regionsPath)) ? await loadIcdar(regionsPath) : undefined;
  const score = scoreIcdar(gold, icdarOutputOfDocument(extracted), { regions, words });
  const summary = score.regions?.summary;
  const measured = (score.regions?.tables ?? []).filter((r) => r.completeness !== null);
  return {
    pages: extracted.source.pages,
    doc: {
      doc: name,
      gold: score.tables.length,
      output: extracted.tables.length,
      matched: score.tables.filter((t) => t.output !== null).length,
      adjacency: score.adjacency,
      macroF1: score.macroF1,
      completeness: summary?.meanCompleteness ?? null,
      purity: summary?.meanPurity ?? null,
      regionsComplete: measured.filter((r) => (r.completeness as number) >= REGION_COMPLETE).length,
      regionsMeasured: measured.length,
      ms: performance.now() - t0,
      score,
    },
  };
}

export interface EvalOptions {
  threads?: number;
  /** Only these documents (names without extension); default: all. */
  only?: string[];
  onDocument?: (d: EvalDocument) => void;
}

/** Extracts and scores every document of `dir`, one after another, each with `threads` threads. */
export async function runIcdarEval(dir: string, opts: EvalOptions = {}): Promise<EvalResult> {
  const threads = Math.max(1, opts.threads ?? 1);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const documents: EvalDocument[] = [];
  let pages = 0;
  const names = await evalDocuments(dir);
  const unknown = (opts.only ?? []).filter((n) => !names.includes(n));
  if (unknown.length) throw new Error(`no such document in ${dir}: ${unknown.join(', ')}`);
  for (const name of opts.only ? names.filter((n) => opts.only!.includes(n)) : names) {
    const one = await evalOne(dir, name, threads);
    pages += one.pages;
    documents.push(one.doc);
    opts.onDocument?.(one.doc);
  }
  const cpu = process.cpuUsage(cpu0);
  const sum = (pick: (d: EvalDocument) => number): number => documents.reduce((n, d) => n + pick(d), 0);
  const allTables = documents.flatMap((d) => d.score.tables);
  const allRegions = documents.flatMap((d) => d.score.regions?.tables ?? []);
  const measured = allRegions.filter((r) => r.completeness !== null);
  const complete = sum((d) => d.regionsComplete);
  return {
    dir,
    date: new Date().toISOString(),
    threads,
    documents,
    overall: {
      documents: documents.length,
      pages,
      goldTables: sum((d) => d.gold),
      outputTables: sum((d) => d.output),
      matchedTables: sum((d) => d.matched),
      adjacency: prf(sum((d) => d.adjacency.correct), sum((d) => d.adjacency.expected), sum((d) => d.adjacency.found)),
      macroF1: mean(allTables.map((t) => t.adjacency.f1).filter((f): f is number => f !== null)),
      regionsMeasured: measured.length,
      regionsComplete: complete,
      regionsCompleteShare: ratio(complete, measured.length),
      meanCompleteness: mean(measured.map((r) => r.completeness as number)),
      meanPurity: mean(allRegions.filter((r) => r.purity !== null).map((r) => r.purity as number)),
      wallMs: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    },
  };
}

/** The committed floor of the headline figures (3 decimals, rounded down). */
export interface Ratchet {
  adjacencyF1: number;
  regionsCompleteShare: number;
  /** The mean F1 per true table, held only where the committed file has it (a set of small tables, one per style, where the pooled figure hides a style that fails). */
  macroF1?: number;
}

export const floor3 = (v: number | null): number => Math.floor((v ?? 0) * 1000 + 1e-9) / 1000;

export function ratchetOf(o: EvalOverall): Ratchet {
  return { adjacencyF1: floor3(o.adjacency.f1), regionsCompleteShare: floor3(o.regionsCompleteShare), macroF1: floor3(o.macroF1) };
}

export async function readRatchet(path: string): Promise<Ratchet> {
  const data = JSON.parse(await readFile(path, 'utf8')) as Partial<Ratchet>;
  if (typeof data.adjacencyF1 !== 'number' || typeof data.regionsCompleteShare !== 'number') throw new Error(`${path}: expected adjacencyF1 and regionsCompleteShare`);
  return { adjacencyF1: data.adjacencyF1, regionsCompleteShare: data.regionsCompleteShare, ...(typeof data.macroF1 === 'number' ? { macroF1: data.macroF1 } : {}) };
}

/** The figures below the committed floor, named. */
export function belowRatchet(measured: Ratchet, committed: Ratchet): string[] {
  return (Object.keys(committed) as (keyof Ratchet)[]).filter((k) => (measured[k] ?? 0) < committed[k]!).map((k) => `${k} ${measured[k]} < ${committed[k]}`);
}

/** Raises the committed floor where the measured figures rose; never lowers it. */
export async function raiseRatchet(path: string, measured: Ratchet, committed: Ratchet): Promise<Ratchet> {
  const next: Ratchet = { adjacencyF1: Math.max(measured.adjacencyF1, committed.adjacencyF1), regionsCompleteShare: Math.max(measured.regionsCompleteShare, committed.regionsCompleteShare) };
  // The mean per table is held only where the committed file already holds it.
  if (committed.macroF1 !== undefined) next.macroF1 = Math.max(measured.macroF1 ?? 0, committed.macroF1);
  await writeFile(path, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
