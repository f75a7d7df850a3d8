#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx report-extract` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
