/**
 * Output-folder housekeeping that needs no record schemas (so the command line's main thread can
 * use it without loading them): checking the folder can be written, tracking the temporary
 * folders of writes in progress so an interrupt can remove them, and removing those left behind by
 * runs that were killed.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Told about each temporary folder as it appears and disappears (see writeDocument). */
export interface TempListener {
  /** `restoreAs`: a previous result moved aside, to be put back under that name if the write dies. */
  add(folder: string, restoreAs: string | null): void;
  remove(folder: string): void;
}

/** The temporary folders of writes in progress, removable at once (synchronously, for a signal). */
export class TempRegistry implements TempListener {
  private readonly temps = new Map<string, string | null>();

  add(folder: string, restoreAs: string | null): void {
    this.temps.set(folder, restoreAs);
  }

  remove(folder: string): void {
    this.temps.delete(folder);
  }

  /** Undo unfinished writes: remove new folders, put moved-aside previous results back. */
  removeAll(filter: (folder: string) => boolean = () => true): void {
    for (const [t, restoreAs] of this.temps) {
      if (!filter(t)) continue;
      try {
        if (restoreAs && existsSync(t) && !existsSync(restoreAs)) renameSync(t, restoreAs);
        else rmSync(t, { recursive: true, force: true });
      } catch {
        // best effort: the next run removes what is left (removeStaleTemps)
      }
      this.temps.delete(t);
    }
  }
}

/** Writes done by this thread. */
export const localTemps = new TempRegistry();

/** Remove every unfinished temporary folder of this thread at once. */
export function removeActiveTemps(): void {
  localTemps.removeAll();
}

const TEMP = /^\..+\.(?:tmp|old)-(\d+)-\d+$/;

/** The name of a temporary folder next to DIR/<docId>, recognisable by removeStaleTemps. */
export function tempName(outDir: string, docId: string, kind: 'tmp' | 'old'): string {
  return path.join(outDir, `.${docId}.${kind}-${process.pid}-${Date.now()}`);
}

/**
 * Remove temporary folders left in `outDir` by runs that were killed (their process is gone).
 * Folders of a run still going on (another process writing to the same folder) are kept.
 */
export async function removeStaleTemps(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await rm(path.join(outDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Create `outDir` if needed and prove a folder can be made in it (throws the fs error if not). */
export async function checkWritable(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const probe = await mkdtemp(path.join(outDir, '.write-check-'));
  await rm(probe, { recursive: true, force: true });
}
