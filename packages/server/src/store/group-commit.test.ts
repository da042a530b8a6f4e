import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntry } from '../../test/audit-draft.js';
import { ENGINES, openTestDeps, type TestContext } from '../../test/engines.js';
import { appendAudit, verifyAuditChain } from './audit-repo.js';
import { afterCommit, BatchFailedError, MAX_BATCH_JOBS } from './group-commit.js';
import { onWriteBatches } from './store-deps.js';
import { inWriteTransaction, type Tx } from './write-transaction.js';

const entry = readEntry;

describe.each(ENGINES)('group commit on %s', (engine) => {
  let t: TestContext;
  let batches: number[];
  beforeEach(async () => {
    t = await openTestDeps(engine);
    batches = [];
    onWriteBatches(t.deps, (jobs) => batches.push(jobs));
  });
  afterEach(async () => t.close());

  const targets = async () => (await t.deps.db.selectFrom('audit_log').select('target').where('target', 'like', 'job:%').orderBy('seq').execute()).map((r) => r.target);
  const audit = (target: string) => inWriteTransaction(t.deps.db, (tx) => appendAudit(tx, entry(target)));

  it('writes concurrent jobs in one transaction, in submission order, with a valid chain', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `job:${i}`);
    const seqs = await Promise.all(names.map(audit));
    expect(batches).toEqual([20]);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
    expect(await targets()).toEqual(names);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('makes a batch of what queued while the one before was being written, up to the limit', async () => {
    let open!: () => void;
    let running!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const started = new Promise<void>((resolve) => (running = resolve));
    const first = inWriteTransaction(t.deps.db, async (tx) => {
      running();
      await gate;
      return appendAudit(tx, entry('job:first'));
    });
    // The first batch has begun and taken its job: whatever comes now waits for the next.
    await started;
    const later = Array.from({ length: MAX_BATCH_JOBS + 3 }, (_, i) => audit(`job:${i}`));
    open();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([1, MAX_BATCH_JOBS, 3]);
    expect(await targets()).toEqual(['job:first', ...Array.from({ length: MAX_BATCH_JOBS + 3 }, (_, i) => `job:${i}`)]);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('rolls back only the failing job, which hears its own error', async () => {
    const boom = new Error('refused');
    const results = await Promise.allSettled([
      audit('job:a'),
      inWriteTransaction(t.deps.db, async (tx) => {
        await appendAudit(tx, entry('job:failed'));
        throw boom;
      }),
      audit('job:c'),
    ]);
    expect(batches).toEqual([1 + 1 + 1]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(boom);
    expect(await targets()).toEqual(['job:a', 'job:c']);
    const seqs = (results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<number>[]).map((r) => r.value);
    expect(seqs[1]).toBe(seqs[0]! + 1);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('chains entries after a job that appended several and then failed', async () => {
    const results = await Promise.allSettled([
      inWriteTransaction(t.deps.db, async (tx) => {
        await appendAudit(tx, entry('job:a1'));
        await appendAudit(tx, entry('job:a2'));
      }),
      inWriteTransaction(t.deps.db, async (tx) => {
        await appendAudit(tx, entry('job:b1'));
        await appendAudit(tx, entry('job:b2'));
        throw new Error('refused');
      }),
      audit('job:c'),
    ]);
    expect(batches).toEqual([3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await targets()).toEqual(['job:a1', 'job:a2', 'job:c']);
    const seqs = (await t.deps.db.selectFrom('audit_log').select('seq').where('target', 'like', 'job:%').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('recovers a job whose statement failed in the database (PostgreSQL aborts the whole transaction on it)', async () => {
    const results = await Promise.allSettled([
      audit('job:a'),
      inWriteTransaction(t.deps.db, async (tx) => {
        await appendAudit(tx, entry('job:dup'));
        // A second row with the same primary key.
        await sql`insert into audit_log select * from audit_log where target = 'job:dup'`.execute(tx);
      }),
      audit('job:c'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await targets()).toEqual(['job:a', 'job:c']);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('fails every job of a batch whose commit fails, and writes none of them', async () => {
    // A deferred foreign key is checked at COMMIT, on both engines.
    await sql`create table gc_parent (id integer primary key)`.execute(t.deps.db);
    await sql`create table gc_child (id integer primary key, parent integer references gc_parent (id) deferrable initially deferred)`.execute(t.deps.db);
    const results = await Promise.allSettled([
      audit('job:a'),
      inWriteTransaction(t.deps.db, async (tx: Tx) => {
        await sql`insert into gc_child (id, parent) values (1, 42)`.execute(tx);
      }),
      audit('job:c'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(BatchFailedError);
    expect(await targets()).toEqual([]);
    // The next batch starts clean.
    await audit('job:after');
    expect(await targets()).toEqual(['job:after']);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('runs a job\'s after-commit hooks once its batch committed, before the job settles, and never for undone writes', async () => {
    const events: string[] = [];
    onWriteBatches(t.deps, () => events.push('batch committed'));
    let seenByHook: Promise<string[]> | null = null;
    const job = (name: string, fail = false) =>
      inWriteTransaction(t.deps.db, async (tx) => {
        await appendAudit(tx, entry(name));
        afterCommit(tx, () => {
          events.push(`hook ${name}`);
          // Another connection (on PostgreSQL) must already see the row.
          seenByHook ??= targets();
        });
        if (fail) throw new Error('refused');
      }).then(
        () => events.push(`settled ${name}`),
        () => events.push(`failed ${name}`),
      );
    await Promise.all([job('job:a'), job('job:b', true), job('job:c')]);
    expect(events).toEqual(['batch committed', 'hook job:a', 'hook job:c', 'settled job:a', 'failed job:b', 'settled job:c']);
    expect(await seenByHook).toEqual(['job:a', 'job:c']);
  });

  it('runs no after-commit hook of a batch whose commit fails', async () => {
    await sql`create table gc_parent (id integer primary key)`.execute(t.deps.db);
    await sql`create table gc_child (id integer primary key, parent integer references gc_parent (id) deferrable initially deferred)`.execute(t.deps.db);
    const hooks: string[] = [];
    const results = await Promise.allSettled([
      inWriteTransaction(t.deps.db, async (tx) => afterCommit(tx, () => hooks.push('a'))),
      inWriteTransaction(t.deps.db, async (tx: Tx) => {
        afterCommit(tx, () => hooks.push('b'));
        await sql`insert into gc_child (id, parent) values (1, 42)`.execute(tx);
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(hooks).toEqual([]);
  });

  it('refuses an after-commit hook on a transaction that is not a write job\'s', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      expect(() => afterCommit(tx, () => undefined)).toThrow(/write job/);
    });
  });

  it('refuses a write transaction started inside another instead of waiting forever', async () => {
    await expect(inWriteTransaction(t.deps.db, () => audit('job:inner'))).rejects.toThrow(/inside another one/);
    expect(await targets()).toEqual([]);
  });
});
