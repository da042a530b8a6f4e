#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, evaluations) with tsx: `node run-ts.js FILE [args]`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.js FILE.ts [args]');
  process.exit(2);
}
// The script sees itself as argv[1], as if Node had run it directly.
process.argv.splice(1, 2, resolve(file));
await import(pathToFileURL(resolve(file)).href);
