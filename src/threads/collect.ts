/**
 * A full garbage collection on request. V8 collects the old generation only once it reaches a
 * limit set at the last collection (about twice what survived it); a long document's laid-out pages
 * die when its records are made, and without a collection then, the writing stage's garbage goes
 * on top of them and grows the heap to that limit. Collected first, writing reuses their space.
 * `gc` is exposed only to contexts created after the flag is set, hence the new context.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
