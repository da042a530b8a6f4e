import { Worker } from 'node:worker_threads';
import type { CheckpointBody, TrailScanResult } from '@crosscheck/core';
import type { Kysely } from 'kysely';
import { inclusionPath, scanAuditTrail } from './audit-scan.js';
import type { DB } from './schema.js';

export type ScanJob = { kind: 'scan'; checkpoint: CheckpointBody | null } | { kind: 'proof'; seq: number; size: number };

/** Full scans of the audit trail: the chain and Merkle root, and inclusion proofs. */
export interface AuditScanner {
  scan(checkpoint: CheckpointBody | null): Promise<TrailScanResult>;
  proof(seq: number, size: number): Promise<string[]>;
}

/**
 * Runs each scan in a worker thread with its own connection to `target`: hashing a million
 * entries takes seconds of CPU, which on the server's thread would stall every request. An
 * in-memory SQLite database cannot be opened twice, so it is scanned on the caller's thread.
 */
export function auditScanner(target: string, db: Kysely<DB>): AuditScanner {
  if (target === ':memory:') {
    return { scan: (checkpoint) => scanAuditTrail(db, checkpoint), proof: (seq, size) => inclusionPath(db, seq, size) };
  }
  return {
    scan: (checkpoint) => inWorker<TrailScanResult>(target, { kind: 'scan', checkpoint }),
    proof: (seq, size) => inWorker<string[]>(target, { kind: 'proof', seq, size }),
  };
}

function inWorker<T>(target: string, job: ScanJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./audit-scan-worker-entry.mjs', import.meta.url), { workerData: { target, job } });
    let settled = false;
    worker.once('message', (m: { ok: true; result: T } | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`audit scan failed: ${m.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`audit scan worker stopped (exit code ${code}) before it answered`));
    });
  });
}
