import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readerNamed } from './readers.ts';

/** `node packages/server/bin/run-ts.js fuzz/replay.ts READER FILE...`: one input at a time, timed, with the full error. */
const [name, ...files] = process.argv.slice(2);
const reader = name ? readerNamed(name) : undefined;
if (!reader || files.length === 0) {
  console.error('usage: replay.ts READER FILE...');
  process.exit(2);
}
for (const file of files) {
  const started = performance.now();
  try {
    const signature = await reader.read(readFileSync(file));
    console.log(`${file}: ${(performance.now() - started).toFixed(1)} ms: ${signature}`);
  } catch (e) {
    console.log(`${file}: ${(performance.now() - started).toFixed(1)} ms: CRASH`);
    console.log(e);
    process.exitCode = 1;
  }
}
