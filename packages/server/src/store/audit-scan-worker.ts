import { parentPort, workerData } from 'node:worker_threads';
import { inclusionPath, scanAuditTrail } from './audit-scan.js';
import { openDatabase } from './database.js';
import type { ScanJob } from './audit-scan-thread.js';

// One job per worker: it opens its own connection, so the server's connection (SQLite's only
// one) stays free for requests, and its CPU work stays off the server's event loop.
const { target, job } = workerData as { target: string; job: ScanJob };
const database = await openDatabase(target);
try {
  const result = job.kind === 'scan' ? await scanAuditTrail(database.db, job.checkpoint) : await inclusionPath(database.db, job.seq, job.size);
  parentPort!.postMessage({ ok: true, result });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  await database.close();
}
