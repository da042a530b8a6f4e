import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/store/audit-repo.js';
import { openDatabase } from '../src/store/database.js';
import { runCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';
import { startListening, startServer, stopServer } from './serve-process.js';

const BULK = 1500;

const keyOf = async (args: string[]) => (await runCli(['keys', 'create', ...args])).stdout.trim().split('\n').pop()!;

/** Starts a national copy following `centre` and resolves once it listens. */
function startCopy(centre: string, key: string, db: string): Promise<{ child: ChildProcess; url: string }> {
  return startListening(['replica', '--from', centre, '--key', key, '--trust-on-first-use', '--batch-limit', '50', '--port', '0', '--db', db], {}, 'copy');
}

/**
 * `kill -9` of a national copy while it pulls a long feed from its centre: what it applied is
 * whole batches (its alerts are exactly its applied position), its audit chain verifies, and once
 * restarted it resumes from there, ending with every alert once.
 */
describe.each(ENGINES)('a national copy killed mid-sync, its database on %s', (engine) => {
  let centreStore: TestStore;
  let copyStore: TestStore;
  let centre: { child: ChildProcess; url: string } | undefined;
  let copy: { child: ChildProcess; url: string } | undefined;
  const keys = { replica: '', bureau: '' };

  beforeAll(async () => {
    centreStore = await freshStore('sqlite');
    copyStore = await freshStore(engine);
    await Promise.all([runCli(['db', 'migrate', '--db', centreStore.target]), runCli(['db', 'migrate', '--db', copyStore.target])]);
    [keys.replica, keys.bureau] = await Promise.all([keyOf(['--member', 'DEU', '--role', 'replica', '--db', centreStore.target]), keyOf(['--member', 'DEU', '--role', 'bureau', '--db', copyStore.target])]);
    const lines = Array.from({ length: BULK }, (_, i) => JSON.stringify({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: `SYNC${String(i).padStart(6, '0')}`, status: 'stolen-issued' }, visibility: { mode: 'all' } })).join('\n');
    expect((await runCli(['alerts', 'import', '-', '--member', 'FRA', '--db', centreStore.target], lines)).code).toBe(0);
    centre = await startServer(centreStore.target);
  }, 240_000);

  afterAll(async () => {
    await stopServer(copy);
    await stopServer(centre);
    await centreStore?.drop();
    await copyStore?.drop();
  });

  const copied = async () => {
    const db = await openDatabase(copyStore.target);
    try {
      const alerts = Number((await db.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const distinct = Number((await db.db.selectFrom('alerts').select((eb) => eb.fn.count('id').distinct().as('n')).executeTakeFirstOrThrow()).n);
      const state = await db.db.selectFrom('replica_state').select('applied_to').executeTakeFirst();
      return { alerts, distinct, appliedTo: Number(state?.applied_to ?? 0), chain: (await verifyAuditChain(db.db)).ok };
    } finally {
      await db.close();
    }
  };

  it('keeps whole batches, resumes where it stopped and ends with every alert once', async () => {
    copy = await startCopy(centre!.url, keys.replica, copyStore.target);
    const until = Date.now() + 60_000;
    let seen = await copied();
    while (seen.appliedTo < 200 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await copied();
    }
    copy.child.kill('SIGKILL');
    await new Promise((r) => copy!.child.once('exit', r));
    const killed = await copied();
    expect(killed.appliedTo, 'the copy finished before it was killed').toBeLessThan(BULK);
    // Each change of this feed creates one alert: what was applied is exactly what is there.
    expect(killed).toEqual({ alerts: killed.appliedTo, distinct: killed.appliedTo, appliedTo: killed.appliedTo, chain: true });

    copy = await startCopy(centre!.url, keys.replica, copyStore.target);
    let done = await copied();
    while (done.appliedTo < BULK && Date.now() < until + 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      done = await copied();
    }
    // Read again once the feed is all applied: the counts above are separate queries, and a batch
    // may have committed between them while the copy was still catching up.
    done = await copied();
    expect(done).toEqual({ alerts: BULK, distinct: BULK, appliedTo: BULK, chain: true });
  }, 180_000);
});
