#!/usr/bin/env node
// Runs the program from its esbuild bundle in dist/, rebuilt first whenever src/ has changed
// (about 0.1 s), so `npx report-extract` works right after `npm install` and a run does not pay
// for compiling TypeScript. Where dist/ cannot be written, it runs the sources through tsx.
import { setFlagsFromString } from 'node:v8';

// V8 hands a function to its optimizing compiler (TurboFan, on background threads) once it has run
// some 66 KB of bytecode. A run of a few seconds then compiles hundreds of lukewarm functions, and
// that compiling took about a fifth of the CPU of an 80-page document on two cores, without
// shortening the extraction thread's own time. Four times the budget keeps the optimizing for the
// functions that stay hot. V8 flags are process-wide: the worker threads get it too.
setFlagsFromString('--interrupt-budget=262144');
let main;
try {
  const { build, stale } = await import('../scripts/build.mjs');
  if (stale()) await build();
  main = await import('../dist/cli/main.js');
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
await main.run(process.argv.slice(2));
