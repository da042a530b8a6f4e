// A thread for shared-token-buckets.test.ts: takes tokens from the shared buckets as a worker
// does, as fast as it can, and reports how many it got.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { SharedTokenBuckets } = await import('./shared-token-buckets.ts');
const { memory, perMinute, takes, now } = workerData;
const buckets = new SharedTokenBuckets(perMinute, memory, 2);
// Both threads start together, so that their takes overlap: each counts itself ready, then waits for the word to go.
const gate = new Int32Array(workerData.start);
Atomics.add(gate, 1, 1);
Atomics.wait(gate, 0, 0);
let ok = 0;
for (let i = 0; i < takes; i++) if (buckets.take('key:shared', now).ok) ok++;
parentPort.postMessage(ok);
