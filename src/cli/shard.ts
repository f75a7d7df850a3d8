/**
 * `--shard K/N`: a deterministic share of the inputs, so a corpus spreads over N machines that each
 * run the same command. An input belongs to shard K when a hash of its path relative to the root it
 * was found under (the folder or the glob's base given on the command line) falls in K's bucket:
 * the same on every machine wherever the corpus is mounted, and independent of the other inputs,
 * so adding a file never moves the others.
 */
import { createHash } from 'node:crypto';
import { UsageError } from './errors.js';

export interface Shard {
  /** 1-based shard number. */
  k: number;
  /** Number of shards. */
  n: number;
}

/** Parse `K/N` (1 ≤ K ≤ N). */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) {
    throw new UsageError(`extract: --shard must be K/N with 1 <= K <= N (shard K of N), not "${spec}"`, { showUsage: false });
  }
  return { k, n };
}

/** The shard (1…n) a key belongs to: the first 48 bits of its SHA-256, modulo n. */
export function shardOf(key: string, n: number): number {
  const h = createHash('sha256').update(key.normalize('NFC'), 'utf8').digest();
  return (h.readUIntBE(0, 6) % n) + 1;
}
