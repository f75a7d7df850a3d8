/** Running the real command line in a child process, and temporary folders, for the robustness tests. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, vi } from 'vitest';

// These tests start real processes (each loads pdf.js and threads): allow for a slow, busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

export const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const bad = (name: string): string => path.join(repo, 'tests/fixtures/bad', name);
export const fixture = (name: string): string => path.join(repo, 'fixtures/mc2278', name);

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `report-extract ...args` (the bin, as `npx report-extract` and `npm run extract` do) and collect its output. */
export function cli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: Record<string, string>; onSpawn?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(repo, 'bin/report-extract.js'), ...args], {
      cwd: opts.cwd ?? repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    opts.onSpawn?.(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'rx-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The `error: <file>: ...` lines of a run's stderr, by file. */
export function errorLines(stderr: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of stderr.split('\n')) {
    const m = /^error: (.+?): (.*)$/.exec(line);
    if (m) out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  }
  return out;
}

/** Entries of an output folder, temporary ones included (they start with a dot). */
export function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
