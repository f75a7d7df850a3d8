#!/usr/bin/env node
// Runs the program from its esbuild bundle in dist/, rebuilt first whenever src/ has changed
// (about 0.1 s), so `npx report-extract` works right after `npm install` and a run does not pay
// for compiling TypeScript. Where dist/ cannot be written, it runs the sources through tsx.
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
