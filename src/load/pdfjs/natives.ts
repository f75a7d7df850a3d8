/**
 * Built-ins captured before pdf.js is evaluated (this module imports nothing, so it runs first).
 * pdf.js's legacy build ships core-js polyfills that *replace* Array.prototype.push and JSON's
 * parse/stringify with spec-edge-case versions written in JavaScript; they are several times
 * slower and every part of the process pays for them. See ./index.ts.
 */
const isNative = (f: unknown): boolean => typeof f === 'function' && Function.prototype.toString.call(f).includes('[native code]');
// Only what is still built in is worth keeping: a thread that loaded pdf.js before this module
// (src/threads/boot.mjs) has already restored them itself.
const NATIVE = {
  push: isNative(Array.prototype.push) ? Array.prototype.push : null,
  parse: isNative(JSON.parse) ? JSON.parse : null,
  stringify: isNative(JSON.stringify) ? JSON.stringify : null,
};

/** Put the captured built-ins back (the polyfills only differ on edge cases nobody here relies on). */
export function restoreNatives(): void {
  if (NATIVE.push && Array.prototype.push !== NATIVE.push) Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true, enumerable: false });
  if (NATIVE.parse && JSON.parse !== NATIVE.parse) JSON.parse = NATIVE.parse;
  if (NATIVE.stringify && JSON.stringify !== NATIVE.stringify) JSON.stringify = NATIVE.stringify;
}

/** Whether Array.prototype.push and JSON are the engine's own (for tests). */
export const nativesInPlace = (): boolean => isNative(Array.prototype.push) && isNative(JSON.parse) && isNative(JSON.stringify);
