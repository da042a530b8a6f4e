import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntry } from '../../test/audit-draft.js';
import { ENGINES, freshStore, openTestDeps, type TestContext } from '../../test/engines.js';
import { appendAudit } from './audit-repo.js';
import { openDatabase, type Database } from './database.js';
import { GroupCommitter, WriteQueueTimeoutError } from './group-commit.js';
import { storageFaultOf } from './storage-faults.js';

const entry = readEntry;

describe.each(ENGINES)('the write queue on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => t.close());

  const targets = async () => (await t.deps.db.selectFrom('audit_log').select('target').where('target', 'like', 'job:%').orderBy('seq').execute()).map((r) => r.target);

  it('refuses a job that waited longer than the bound behind a stuck batch, and never writes it', async () => {
    const WAIT_MS = 150;
    const committer = new GroupCommitter(t.deps.db, async () => undefined, 64, WAIT_MS);
    let unstick!: () => void;
    const stuck = new Promise<void>((resolve) => (unstick = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = committer.submit(async (tx) => {
      await appendAudit(tx, entry('job:stuck'));
      started();
      await stuck;
    });
    // Queued behind the running batch: a job a batch has taken waits for that batch instead.
    await running;
    const startedAt = performance.now();
    const late = committer.submit((tx) => appendAudit(tx, entry('job:late')));
    const error = await late.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteQueueTimeoutError);
    expect(storageFaultOf(error)).toBe('unavailable');
    // Refused once its wait ran out, not when the stuck batch finally ended.
    expect(performance.now() - startedAt).toBeLessThan(WAIT_MS + 2_000);
    unstick();
    await first;
    // The refused job did not run in the batch after the stuck one either.
    await committer.submit((tx) => appendAudit(tx, entry('job:next')));
    expect(await targets()).toEqual(['job:stuck', 'job:next']);
  });

  it('runs a job that waited less than the bound', async () => {
    const committer = new GroupCommitter(t.deps.db, async () => undefined, 64, 5_000);
    let unstick!: () => void;
    const stuck = new Promise<void>((resolve) => (unstick = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = committer.submit(async (tx) => {
      await appendAudit(tx, entry('job:slow'));
      started();
      await stuck;
    });
    await running;
    const second = committer.submit((tx) => appendAudit(tx, entry('job:queued')));
    await new Promise((r) => setTimeout(r, 100));
    unstick();
    await Promise.all([first, second]);
    expect(await targets()).toEqual(['job:slow', 'job:queued']);
  });
});

describe.runIf(ENGINES.includes('postgres'))('PostgreSQL session limits', () => {
  let drop: () => Promise<void>;
  let target: string;
  const opened: Database[] = [];
  beforeEach(async () => {
    const store = await freshStore('postgres');
    target = store.target;
    drop = store.drop;
  });
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    await drop();
  });
  const open = async (...args: Parameters<typeof openDatabase> extends [string, ...infer R] ? R : never) => {
    const d = await openDatabase(target, ...args);
    opened.push(d);
    return d;
  };

  it('ends a statement that runs past the statement timeout instead of waiting for it', async () => {
    const { db } = await open({ statementTimeoutMs: 200 });
    const startedAt = performance.now();
    const error = await sql`select pg_sleep(10)`.execute(db).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('57014');
    expect(storageFaultOf(error)).toBe('unavailable');
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    // The connection stays usable.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('ends a transaction left idle past the idle-in-transaction timeout', async () => {
    const { db } = await open({ idleInTransactionTimeoutMs: 200 });
    const error = await db
      .transaction()
      .execute(async (tx) => {
        await sql`select 1`.execute(tx);
        await new Promise((r) => setTimeout(r, 1_000));
        await sql`select 1`.execute(tx);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(storageFaultOf(error)).toBe('unavailable');
    // The pool drops the dead session and opens a fresh one.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('sets both limits on every session by default', async () => {
    const { db } = await open();
    const show = async (name: string) => (await sql<Record<string, string>>`select current_setting(${name}) as v`.execute(db)).rows[0]?.v;
    expect(await show('statement_timeout')).toBe('1min');
    expect(await show('idle_in_transaction_session_timeout')).toBe('1min');
  });
});
