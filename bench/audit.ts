/**
 * `npm run bench` (audit.ts): the audit trail at scale, on SQLite and (with DATABASE_URL) on
 * PostgreSQL. Output: JSON lines `{bench, engine, n, ms, ...}`.
 *
 *   fill          = n synthetic, well-chained entries written in batches (setup, for scale)
 *   verify-chain  = the hash chain and head alone (`crosscheck audit verify`)
 *   checkpoint    = a signed checkpoint: chain + Merkle root over n entries, on a worker thread
 *   verify-checkpoint = chain + Merkle root + comparison with the checkpoint (`audit verify --checkpoint`)
 *   proof         = an inclusion proof of the middle entry (its size in bytes as served)
 *   backup / restore = `crosscheck backup` / `crosscheck restore` (with its replay of the trail)
 *
 * `--n N` sets the number of entries (default 1,000,000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MerkleBuilder, auditLeafHash } from '../packages/core/src/index.js';
import { defaultConfig } from '../packages/server/src/config.js';
import { openDeps } from '../packages/server/src/main.js';
import { writeCheckpoint } from '../packages/server/src/app/audit/write-checkpoint.js';
import { proveEntry } from '../packages/server/src/app/audit/prove-entry.js';
import { backupDatabase } from '../packages/server/src/app/backup/backup-database.js';
import { restoreDatabase } from '../packages/server/src/app/backup/restore-database.js';
import { scanAuditTrail, verifyAuditChain } from '../packages/server/src/store/audit-scan.js';
import { fillAuditTrail } from '../packages/server/test/audit-trail.js';
import { freshStore, type EngineName } from '../packages/server/test/engines.js';

const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 1_000_000;
const engines: EngineName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

const report = (bench: string, engine: string, ms: number, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ bench, engine, n: N, ms: Math.round(ms), ...extra }));

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await work();
  return [r, performance.now() - t0];
}

// The Merkle root alone, in memory: its cost and that its memory does not grow with n.
{
  const leaf = auditLeafHash('ab'.repeat(32));
  const heap0 = process.memoryUsage().heapUsed;
  const b = new MerkleBuilder();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) b.pushLeafHash(leaf);
  b.root();
  report('merkle-root', 'memory', performance.now() - t0, { heapGrowthKiB: Math.round((process.memoryUsage().heapUsed - heap0) / 1024) });
}

for (const engine of engines) {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-audit-'));
  const store = await freshStore(engine);
  const into = await freshStore(engine);
  const config = defaultConfig({ db: store.target });
  const { deps, database } = await openDeps({ ...config, auditTrail: { ...config.auditTrail, keyFile: join(dir, 'audit.key') } });
  try {
    const [, fillMs] = await timed(() => fillAuditTrail(deps.db, N, 2000));
    report('fill', engine, fillMs);
    const [chain, chainMs] = await timed(() => verifyAuditChain(deps.db));
    if (!chain.ok) throw new Error('the filled trail does not verify');
    report('verify-chain', engine, chainMs, { entries: chain.entries });
    const [{ checkpoint }, cpMs] = await timed(() => writeCheckpoint(deps, 'system'));
    report('checkpoint', engine, cpMs, { size: checkpoint.size });
    const [scan, scanMs] = await timed(() => scanAuditTrail(deps.db, checkpoint));
    if (scan.problem) throw new Error(scan.problem.message);
    report('verify-checkpoint', engine, scanMs, { entries: scan.entries });
    const [proof, proofMs] = await timed(() => proveEntry(deps, { actor: { member: deps.operator, role: 'auditor', credential: 'cli:bench' }, requestId: 'bench' }, { seq: String(Math.floor(N / 2)) }));
    report('proof', engine, proofMs, { pathHashes: proof.path.length, bytes: Buffer.byteLength(JSON.stringify(proof)), pathBytes: proof.path.length * 32 });
    const file = join(dir, 'backup');
    const [, backupMs] = await timed(() => backupDatabase(store.target, engine, file, new Date()));
    report('backup', engine, backupMs, { bytes: statSync(file).size });
    const [trail, restoreMs] = await timed(() => restoreDatabase(into.target, engine, file, { force: false, auditTrail: deps.auditTrail }));
    report('restore', engine, restoreMs, { entries: trail.entries, checkpointSize: trail.checkpoint?.size });
  } finally {
    await database.close();
    await store.drop();
    await into.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
