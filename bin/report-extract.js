#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx report-extract` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv.slice(2));
