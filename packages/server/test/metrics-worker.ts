import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Registry } from 'prom-client';
import { httpMetrics } from '../src/metrics/http-metrics.js';
import { answerMetricsRequests } from '../src/metrics/worker-metrics.js';

// A serving worker in miniature: its own registry, some screenings observed, answering the main
// thread's scrapes on the port it was given.
const { port, screenings } = workerData as { port: MessagePort; screenings: number };
const registry = new Registry();
const metrics = httpMetrics(registry);
for (let i = 0; i < screenings; i++) metrics.screenings.observe({ kind: 'person' }, 0.002);
answerMetricsRequests(port, registry);
parentPort!.postMessage('ready');
// A real worker is kept alive by its HTTP server; this one by a timer, until it is terminated.
setInterval(() => undefined, 60_000);
