import type { ChildProcess } from 'node:child_process';
import { waitFor } from './wait-for.js';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/database.js';
import { verifyAuditChain } from '../src/store/audit-repo.js';
import { runCli, startCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';

const BULK = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a crosscheck process and resolves with its URL once it listens. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${out} ${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out} ${err}`)));
  });
}

const keyOf = async (args: string[]) => (await runCli(['keys', 'create', ...args])).stdout.trim().split('\n').pop()!;

const call = async (url: string, key: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

interface Status {
  appliedTo: number;
  centreHead: number;
  behind: number;
  outbox: number;
  lastError: string | null;
  stopped: string | null;
  member: string | null;
}

/**
 * The scenario: a centre and a DEU national copy on loopback. The centre is killed while
 * the copy is still pulling a long sequence of batches; the copy screens on its own; the centre
 * comes back; nothing is lost or doubled on either side.
 */
/** This file's waits are longer than the default (a copy catches up over HTTP), and a probe that fails (a server still starting) is asked again. */
const waitForLong = <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000, every = 25): Promise<T> => waitFor(what, () => probe().catch(() => undefined), ms, every);

describe.each(ENGINES)('a national copy beside a centre on %s', (engine) => {
  let centreStore: TestStore;
  let copyStore: TestStore;
  let centre: Awaited<ReturnType<typeof start>> | undefined;
  let copy: Awaited<ReturnType<typeof start>> | undefined;
  let centrePort = 0;
  const keys = { fra: '', ita: '', replica: '', frontline: '', bureau: '' };
  const ids = { doc: '', hidden: '', itaOnly: '', narrowed: '' };
  const startCentre = async () => (centre = await start(['serve', '--port', String(centrePort), '--db', centreStore.target]));
  const status = async () => (await call(copy!.url, keys.bureau, 'GET', '/api/v1/replica/status')).body as unknown as Status;

  beforeAll(async () => {
    centreStore = await freshStore(engine);
    copyStore = await freshStore('sqlite');
    centrePort = await freePort();
    await Promise.all([runCli(['db', 'migrate', '--db', centreStore.target]), runCli(['db', 'migrate', '--db', copyStore.target])]);
    [keys.fra, keys.ita, keys.replica, keys.frontline, keys.bureau] = await Promise.all([
      keyOf(['--member', 'FRA', '--role', 'bureau', '--db', centreStore.target]),
      keyOf(['--member', 'ITA', '--role', 'bureau', '--db', centreStore.target]),
      keyOf(['--member', 'DEU', '--role', 'replica', '--db', centreStore.target]),
      // The copy's own users and keys are made on its own database, with the ordinary CLI.
      keyOf(['--member', 'DEU', '--role', 'frontline', '--db', copyStore.target]),
      keyOf(['--member', 'DEU', '--role', 'bureau', '--db', copyStore.target]),
    ]);
    await startCentre();
    const publish = async (body: unknown) => {
      const res = await call(centre!.url, keys.fra, 'POST', '/api/v1/alerts', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const doc = (number: string, visibility: unknown = { mode: 'all' }) => ({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number, status: 'stolen-issued' }, visibility });
    ids.doc = await publish(doc('RPL0DOC01'));
    ids.hidden = await publish({ kind: 'person', category: 'missing', person: { names: [{ family: 'VERBORGEN', given: 'KLAUS' }], birthDate: '1970-02-03' }, hiddenFromFrontline: true, visibility: { mode: 'all' } });
    ids.itaOnly = await publish(doc('RPL0ITA01', { mode: 'only', members: ['ITA'] }));
    ids.narrowed = await publish(doc('RPL0NAR01'));
    const lines = Array.from({ length: BULK }, (_, i) => JSON.stringify(doc(`BULK${String(i).padStart(6, '0')}`))).join('\n');
    expect((await runCli(['alerts', 'import', '-', '--member', 'FRA', '--db', centreStore.target], lines)).code).toBe(0);
  }, 240_000); // two server processes and a first copy of the feed, slower under a loaded suite

  afterAll(async () => {
    for (const p of [copy, centre]) p?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await centreStore?.drop();
    await copyStore?.drop();
  });

  it('catches up, keeps screening while the centre is down, and forwards once when it is back', async () => {
    copy = await start(['replica', '--from', `http://127.0.0.1:${centrePort}`, '--key', keys.replica, '--trust-on-first-use', '--batch-limit', '50', '--port', '0', '--db', copyStore.target]);

    // Killed mid-sync: the copy has applied some batches, not all.
    const mid = await waitForLong('a partly applied sequence', async () => {
      const s = await status();
      return s.appliedTo >= 300 ? s : undefined;
    }, 30_000, 5);
    centre!.child.kill('SIGKILL');
    await new Promise((r) => centre!.child.once('exit', r));
    expect(mid.appliedTo).toBeLessThan(BULK);
    const down = await waitForLong('the copy to notice', async () => {
      const s = await status();
      return s.lastError !== null ? s : undefined;
    });
    expect(down.behind).toBeGreaterThan(0);
    expect(down.stopped).toBeNull();

    // Border posts keep screening against the copy.
    const found = await call(copy.url, keys.frontline, 'POST', '/api/v1/screen', { documents: [{ number: 'RPL0DOC01', issuingState: 'FRA' }] });
    expect(found.status).toBe(200);
    expect((found.body.hits as { alertId: string }[]).map((h) => h.alertId)).toEqual([ids.doc]);
    // The alert hidden from the frontline is matched and recorded, but not shown to the officer.
    const hidden = await call(copy.url, keys.frontline, 'POST', '/api/v1/screen', { person: { names: [{ family: 'VERBORGEN', given: 'KLAUS' }], birthDate: '1970-02-03' } });
    expect(hidden.body.hits).toEqual([]);
    // The centre is the only writer of alerts.
    const refused = await call(copy.url, keys.bureau, 'POST', '/api/v1/alerts', { kind: 'vehicle', vehicle: { plate: 'X' }, visibility: { mode: 'all' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('replica.read-only');
    expect((await status()).outbox).toBeGreaterThan(0);

    // The centre comes back on the same address; the copy resumes where it was.
    await startCentre();
    const caughtUp = await waitForLong('the copy to catch up and empty its outbox', async () => {
      const s = await status();
      return s.behind === 0 && s.appliedTo === s.centreHead && s.outbox === 0 && s.lastError === null ? s : undefined;
    }, 40_000, 50);
    expect(caughtUp.member).toBe('DEU');

    // Narrowing the visibility withdraws the alert from the copy.
    expect((await call(centre!.url, keys.fra, 'PATCH', `/api/v1/alerts/${ids.narrowed}`, { visibility: { mode: 'all-except', members: ['DEU'] } })).status).toBe(200);
    await waitForLong('the withdrawal to reach the copy', async () => ((await call(copy!.url, keys.bureau, 'GET', `/api/v1/alerts/${ids.narrowed}`)).status === 404 ? true : undefined));
    await waitForLong('the copy to settle', async () => {
      const s = await status();
      return s.behind === 0 && s.outbox === 0 ? s : undefined;
    });
  }, 120_000);

  it('holds every alert its member may see exactly once, and nothing else; the centre has every hit and entry once', async () => {
    const c: Database = await openDatabase(centreStore.target);
    const r: Database = await openDatabase(copyStore.target);
    try {
      const copyActive = (await r.db.selectFrom('alerts').select('id').where('status', '=', 'active').orderBy('id').execute()).map((x) => x.id);
      const expected = (await c.db.selectFrom('alerts').select('id').where('id', 'not in', [ids.itaOnly, ids.narrowed]).orderBy('id').execute()).map((x) => x.id);
      expect(copyActive).toHaveLength(BULK + 2);
      expect(copyActive).toEqual(expected);
      // Never reached: the ITA-only alert. Withdrawn: the narrowed one, its data gone.
      expect(await r.db.selectFrom('alerts').select('id').where('id', '=', ids.itaOnly).executeTakeFirst()).toBeUndefined();
      const narrowed = await r.db.selectFrom('alerts').select(['status', 'body']).where('id', '=', ids.narrowed).executeTakeFirstOrThrow();
      expect(narrowed.status).toBe('withdrawn');
      const versions = await r.db.selectFrom('alert_versions').select('body').where('alert_id', '=', ids.narrowed).execute();
      expect(JSON.stringify(versions)).not.toContain('RPL0NAR01');

      const localHits = (await r.db.selectFrom('hits').select('alert_id').orderBy('alert_id').execute()).map((h) => h.alert_id);
      const centreHits = (await c.db.selectFrom('hits').select('alert_id').where('screening_member', '=', 'DEU').orderBy('alert_id').execute()).map((h) => h.alert_id);
      expect(localHits).toEqual([ids.doc, ids.hidden].sort());
      expect(centreHits).toEqual(localHits);
      const told = await c.db.selectFrom('events').select('data').where('member', '=', 'FRA').where('type', '=', 'hit.created').execute();
      expect(told).toHaveLength(2);

      const localEntries = await r.db.selectFrom('audit_log').select('seq').execute();
      // Under one fixed action and the copy's own target: never in another member's audit view.
      const forwarded = await c.db.selectFrom('audit_log').select(['detail', 'target']).where('role', '=', 'replica').where('action', '=', 'replica.forward-entry').execute();
      expect(forwarded.every((f) => f.target.startsWith('replica:'))).toBe(true);
      const seqs = forwarded.map((f) => (JSON.parse(f.detail) as { replica: { seq: number } }).replica.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(localEntries.map((e) => Number(e.seq)).sort((a, b) => a - b));
      expect(await c.db.selectFrom('replica_received').select('item_id').execute()).toHaveLength(localEntries.length);

      expect((await verifyAuditChain(c.db)).ok).toBe(true);
      expect((await verifyAuditChain(r.db)).ok).toBe(true);
    } finally {
      await c.close();
      await r.close();
    }
  }, 60_000);
});
