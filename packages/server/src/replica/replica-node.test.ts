import { waitFor } from '../../test/wait-for.js';
import { createServer, request, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../test/engines.js';
import { testHttpOptions } from '../../test/http-harness.js';
import { createAlert } from '../app/create-alert.js';
import { updateAlert } from '../app/update-alert.js';
import { createKey } from '../app/manage-keys.js';
import { screen } from '../app/screen.js';
import { screenBatch } from '../app/screen-batch.js';
import { buildApp } from '../http/build-app.js';
import { verifyAuditChain } from '../store/audit-repo.js';
import { ReplicaNode, type ReplicaStatus } from './replica-node.js';
import { newSigningKey, signBatch, type SignedBatch } from '../app/replica/signed-batch.js';

/**
 * The line between a copy and its centre, which the test can spoil: answers to forwards lost
 * after the centre handled them, batches altered or signed by another key on the way.
 */
type Spoil = 'none' | 'lose-forward-answer' | 'alter-batch' | 'other-key' | 'fake-ack' | 'replay-batch' | 'hold-forward';

/** The line's server, its address, and how many requests it is passing to the centre right now. */
interface Line {
  server: Server;
  url: string;
  passing: () => number;
}

function line(target: string, spoil: () => Spoil, spoiled: () => void): Promise<Line> {
  let lastBatch: string | null = null;
  let passing = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const mode = spoil();
      const forwarding = req.url?.startsWith('/api/v1/replica/forward') === true;
      // What an impostor on the way can do without the centre's private key.
      if (forwarding && mode === 'fake-ack') {
        const ids = (JSON.parse(Buffer.concat(chunks).toString()) as { items: { id: string }[] }).items.map((i) => i.id);
        spoiled();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ acknowledged: ids, stored: ids, alreadyHad: [], hitsRefused: 0 }));
        return;
      }
      if (forwarding && mode === 'hold-forward') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('held');
        return;
      }
      if (req.url?.startsWith('/api/v1/replica/batch') && mode === 'replay-batch' && lastBatch !== null) {
        spoiled();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(lastBatch);
        return;
      }
      passing++;
      const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          passing--;
          let text = Buffer.concat(body).toString();
          if (req.url?.startsWith('/api/v1/replica/batch') && answer.statusCode === 200) lastBatch = text;
          if (mode === 'lose-forward-answer' && forwarding) {
            spoiled();
            req.socket.destroy();
            return;
          }
          if (req.url?.startsWith('/api/v1/replica/batch') && answer.statusCode === 200) {
            const batch = JSON.parse(text) as SignedBatch;
            // Asked again as the answer passes: a pull sent before the test spoiled the line may
            // come back with the very change the test wrote after spoiling it.
            const now = spoil();
            if (now === 'alter-batch' && batch.items.length > 0) {
              (batch.items[0] as { owner: string }).owner = 'ITA';
              text = JSON.stringify(batch);
              spoiled();
            }
            if (now === 'other-key') {
              text = JSON.stringify(signBatch(batch, newSigningKey()));
              spoiled();
            }
          }
          res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
          res.end(text);
        });
      });
      up.on('error', () => {
        passing--;
        res.destroy();
      });
      up.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, passing: () => passing })));
}

describe.each(ENGINES)('a copy and its centre (%s) over a line that fails', (engine) => {
  let centre: TestContext;
  let copy: TestContext;
  let app: FastifyInstance;
  let proxy: Line;
  let node: ReplicaNode;
  let spoil: Spoil = 'none';
  let spoiledCount = 0;
  // Caught up with the centre's real head (not only with the head it last heard of) and nothing waiting.
  const settled = async (s: ReplicaStatus) => {
    const head = Number((await centre.deps.db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow()).value);
    return s.appliedTo === head && s.centreHead === head && s.outbox === 0 && s.lastError === null ? s : undefined;
  };

  beforeAll(async () => {
    centre = await openTestDeps(engine);
    copy = await openTestDeps('sqlite');
    app = await buildApp(centre.deps, testHttpOptions({ bodyLimit: 1 << 20 }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const key = (await createKey(centre.deps, as('IPO', 'admin'), { member: 'DEU', role: 'replica' })).key;
    proxy = await line(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`, () => spoil, () => {
      spoiledCount++;
      spoil = 'none';
    });
    for (let i = 0; i < 30; i++) await createAlert(centre.deps, as('FRA'), documentAlert('FRA', `LINE${String(i).padStart(4, '0')}`));
    node = new ReplicaNode(copy.deps, { from: proxy.url, key, trustOnFirstUse: true, batchLimit: 7, pollMs: 20 });
    await node.prepare();
    node.start();
    await waitFor('the first catch-up', async () => await settled(await node.status()));
  });
  afterAll(async () => {
    await node.stop();
    await new Promise((r) => proxy.server.close(r));
    await app.close();
    await copy.close();
    await centre.close();
  });

  it('stores a hit and an entry once when the answer to a forward is lost after the centre took it', async () => {
    spoil = 'lose-forward-answer';
    const r = await screen(copy.deps, as('DEU', 'frontline'), { documents: [{ number: 'LINE0007', issuingState: 'FRA' }] });
    expect(r.hits).toHaveLength(1);
    await waitFor('the lost answer', async () => (spoiledCount > 0 ? true : undefined));
    const s = await waitFor('the retry to be acknowledged', async () => await settled(await node.status()));
    expect(s.outbox).toBe(0);
    expect(await centre.deps.db.selectFrom('hits').select('id').execute()).toHaveLength(1);
    const local = await copy.deps.db.selectFrom('audit_log').select('seq').execute();
    expect(await centre.deps.db.selectFrom('replica_received').select('item_id').execute()).toHaveLength(local.length);
    const forward = await centre.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'replica.forward').execute();
    // The retry is on the trail, storing nothing.
    expect(forward.map((f) => JSON.parse(f.detail) as { stored: number; alreadyHad: number }).some((d) => d.stored === 0 && d.alreadyHad > 0)).toBe(true);
    expect((await verifyAuditChain(centre.deps.db)).ok).toBe(true);
    expect((await verifyAuditChain(copy.deps.db)).ok).toBe(true);
  });

  it('forwards the hits of a traveller batch screened on the copy with its one audit entry', async () => {
    const before = (await centre.deps.db.selectFrom('hits').select('id').execute()).length;
    const travellers = [{ documents: [{ number: 'LINE0011', issuingState: 'FRA' }] }, { documents: [{ number: 'NOTHING1' }] }, { documents: [{ number: 'LINE0012', issuingState: 'FRA' }] }];
    await screenBatch(copy.deps, as('DEU', 'frontline'), 'application/json', travellers);
    await waitFor('the batch forwarded', async () => await settled(await node.status()));
    const hits = await centre.deps.db.selectFrom('hits').innerJoin('alerts', 'alerts.id', 'hits.alert_id').select('alerts.body').execute();
    expect(hits.length - before).toBe(2);
    const entries = await centre.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'replica.forward-entry').where('role', '=', 'replica').execute();
    const entry = entries.map((e) => JSON.parse(e.detail) as { replica: { action: string }; centreScreenings: string[] }).find((d) => d.replica.action === 'screening.run-batch');
    expect(entry?.centreScreenings).toHaveLength(2);
  });

  it('applies nothing of a batch altered on the way, and takes it whole when asked again', async () => {
    const before = (await node.status()).appliedTo;
    spoil = 'alter-batch';
    await createAlert(centre.deps, as('FRA'), documentAlert('FRA', 'LINE0100'));
    await waitFor('the altered batch', async () => (spoiledCount > 1 ? true : undefined));
    const s = await waitFor('the batch asked again', async () => await settled(await node.status()));
    expect(s.appliedTo).toBe(before + 1);
    const row = await copy.deps.db.selectFrom('alerts').select('owner').where('body', 'like', '%LINE0100%').executeTakeFirstOrThrow();
    expect(row.owner).toBe('FRA');
  });

  it('does not take an acknowledgement the centre did not sign: the hit stays in the outbox until the centre has it', async () => {
    const before = (await centre.deps.db.selectFrom('hits').select('id').execute()).length;
    spoil = 'fake-ack';
    const count = spoiledCount;
    await screen(copy.deps, as('DEU', 'frontline'), { documents: [{ number: 'LINE0020', issuingState: 'FRA' }] });
    await waitFor('the forged acknowledgement', async () => (spoiledCount > count ? true : undefined));
    const s = await waitFor('the copy to refuse it', async () => {
      const st = await node.status();
      return st.lastError !== null ? st : undefined;
    });
    expect(s.lastError).toMatch(/forward: the answer to the forward of \d+ items was not accepted: the acknowledgement is not signed/);
    expect(s.outbox).toBeGreaterThan(0);
    expect((await centre.deps.db.selectFrom('hits').select('id').execute()).length).toBe(before);
    // The real centre then gets it, once.
    await waitFor('the real acknowledgement', async () => await settled(await node.status()));
    expect((await centre.deps.db.selectFrom('hits').select('id').execute()).length).toBe(before + 1);
  });

  it('refuses an old signed batch replayed for a new pull: it does not pass for contact with the centre', async () => {
    const head = (await waitFor('the copy caught up', async () => await settled(await node.status()))).appliedTo;
    spoil = 'replay-batch';
    const count = spoiledCount;
    // A pull the line passed on before it turned hostile must be answered before the new change
    // exists: otherwise the centre's real answer could carry it, under load.
    await waitFor('the pulls already passed on', async () => (proxy.passing() === 0 ? true : undefined));
    await createAlert(centre.deps, as('FRA'), documentAlert('FRA', 'LINE0300'));
    await waitFor('the replayed batch', async () => (spoiledCount > count ? true : undefined));
    const s = await waitFor('the copy to refuse it', async () => {
      const st = await node.status();
      return st.lastError !== null ? st : undefined;
    });
    expect(s.lastError).toMatch(/batch\.replayed: the batch answers another pull/);
    expect(s.appliedTo).toBe(head);
    spoil = 'none';
    expect((await waitFor('the change after all', async () => await settled(await node.status()))).appliedTo).toBe(head + 1);
  });

  it("says so when a forwarded hit's alert was withdrawn from the member at the centre before the hit arrived", async () => {
    spoil = 'hold-forward';
    const alert = await createAlert(centre.deps, as('FRA'), documentAlert('FRA', 'LINE0400'));
    await waitFor('the alert on the copy', async () => ((await copy.deps.db.selectFrom('alerts').select('id').where('id', '=', alert.id).executeTakeFirst()) ? true : undefined));
    const r = await screen(copy.deps, as('DEU', 'frontline'), { documents: [{ number: 'LINE0400', issuingState: 'FRA' }] });
    expect(r.hits).toHaveLength(1);
    await updateAlert(centre.deps, as('FRA'), alert.id, { visibility: { mode: 'all-except', members: ['DEU'] } });
    spoil = 'none';
    const s = await waitFor('the forward', async () => await settled(await node.status()));
    expect(s.hitsRefused).toBe(1);
  });

  it('stops syncing loudly on a batch signed by another key, and keeps serving', async () => {
    spoil = 'other-key';
    await createAlert(centre.deps, as('FRA'), documentAlert('FRA', 'LINE0200'));
    const s = await waitFor('sync to stop', async () => {
      const st = await node.status();
      return st.stopped !== null ? st : undefined;
    });
    expect(s.stopped).toMatch(/signed with key .* but this copy pinned the centre's key/);
    expect(await copy.deps.db.selectFrom('alerts').select('id').where('body', 'like', '%LINE0200%').executeTakeFirst()).toBeUndefined();
    const r = await screen(copy.deps, as('DEU', 'frontline'), { documents: [{ number: 'LINE0003', issuingState: 'FRA' }] });
    expect(r.hits).toHaveLength(1);
  });
});

/** A centre restored from an older backup: its feed loses its last changes, then may grow past them again. */
async function restoreFeedTo(deps: TestContext['deps'], seq: number): Promise<void> {
  // One transaction, as a restore is: a copy polling between the two statements
  // would otherwise see a head counter past the feed's last change.
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('changes').where('seq', '>', seq).execute();
    await trx.updateTable('counters').set({ value: seq }).where('name', '=', 'changes').execute();
  });
}

describe.each(ENGINES)('a copy whose centre (%s) was restored from an older backup', (engine) => {
  let centre: TestContext;
  let app: FastifyInstance;
  let url: string;
  let key: string;
  const copies: TestContext[] = [];
  const nodes: ReplicaNode[] = [];
  const follow = async (copy: TestContext) => {
    const node = new ReplicaNode(copy.deps, { from: url, key, trustOnFirstUse: true, batchLimit: 5, pollMs: 20 });
    nodes.push(node);
    await node.prepare();
    node.start();
    return node;
  };
  const head = async () => Number((await centre.deps.db.selectFrom('counters').select('value').where('name', '=', 'changes').executeTakeFirstOrThrow()).value);
  const stoppedOf = (node: ReplicaNode) => waitFor('sync to stop', async () => {
    const s = await node.status();
    return s.stopped !== null ? s : undefined;
  });

  beforeAll(async () => {
    centre = await openTestDeps(engine);
    app = await buildApp(centre.deps, testHttpOptions({ bodyLimit: 1 << 20 }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    key = (await createKey(centre.deps, as('IPO', 'admin'), { member: 'DEU', role: 'replica' })).key;
    for (let i = 0; i < 12; i++) await createAlert(centre.deps, as('FRA'), documentAlert('FRA', `REST${String(i).padStart(4, '0')}`));
  });
  afterAll(async () => {
    for (const n of nodes) await n.stop();
    await app.close();
    for (const c of copies) await c.close();
    await centre.close();
  });

  it('stops for good when the restored centre has written other changes under numbers the copy applied', async () => {
    const copy = await openTestDeps('sqlite');
    copies.push(copy);
    const first = await follow(copy);
    const applied = await waitFor('the catch-up', async () => {
      const s = await first.status();
      return s.appliedTo === 12 && s.lastError === null ? s : undefined;
    });
    await first.stop();
    // Restored to change 8, then new alerts reuse 9 to 14.
    await restoreFeedTo(centre.deps, 8);
    for (let i = 0; i < 6; i++) await createAlert(centre.deps, as('FRA'), documentAlert('FRA', `REUSED${i}`));
    expect(await head()).toBeGreaterThan(applied.appliedTo);
    const second = await follow(copy);
    const s = await stoppedOf(second);
    expect(s.stopped).toMatch(/the centre's change 12 is not the change 12 this copy applied: the centre's feed was rewritten/);
    expect(s.appliedTo).toBe(12);
    await second.stop();
    // A restart does not forget it: the copy must be rebuilt.
    const third = await follow(copy);
    expect((await third.status()).stopped).toBe(s.stopped);
    await new Promise((r) => setTimeout(r, 100));
    expect((await third.status()).appliedTo).toBe(12);
  });

  it('stops for good when the restored centre is behind what the copy applied, on the signed word of the centre', async () => {
    const copy = await openTestDeps('sqlite');
    copies.push(copy);
    const first = await follow(copy);
    const top = await head();
    await waitFor('the catch-up', async () => ((await first.status()).appliedTo === top ? true : undefined));
    // A centre is restored while it is down: the copy's next pull meets the restored feed whole.
    await first.stop();
    await restoreFeedTo(centre.deps, top - 4);
    const s = await stoppedOf(await follow(copy));
    expect(s.stopped).toMatch(new RegExp(`the centre's feed ends at change ${top - 4}, but this copy applied up to ${top}: the centre was restored from an older backup`));
    expect((await copy.deps.db.selectFrom('replica_state').select('stopped').executeTakeFirstOrThrow()).stopped).toBe(s.stopped);
  });
});

describe('a copy and something answering in place of its centre', () => {
  it('refuses a centre reached over plain http, except on this machine', async () => {
    const copy = await openTestDeps('sqlite');
    try {
      const node = (from: string) => new ReplicaNode(copy.deps, { from, key: 'k', trustOnFirstUse: true });
      await expect(node('http://centre.example.org').prepare()).rejects.toThrow(/must be reached over https/);
      await node('http://127.0.0.1:9').prepare();
    } finally {
      await copy.close();
    }
  });

  it('sends nothing of its outbox to an address that has not yet given a batch signed with the pinned key', async () => {
    const copy = await openTestDeps('sqlite');
    const asked: string[] = [];
    const impostor = createServer((req, res) => {
      asked.push(`${req.method} ${req.url?.split('?')[0]}`);
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('busy');
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
    const node = new ReplicaNode(copy.deps, { from: `http://127.0.0.1:${(impostor.address() as { port: number }).port}`, key: 'k', centralKey: newSigningKey().publicKeyPem, pollMs: 10 });
    try {
      await createKey(copy.deps, as('DEU', 'admin'), { member: 'DEU', role: 'frontline' });
      await node.prepare();
      expect((await node.status()).outbox).toBeGreaterThan(0);
      node.start();
      await waitFor('a few pulls', async () => (asked.length >= 2 ? true : undefined));
      await new Promise((r) => setTimeout(r, 200));
      expect(asked.filter((a) => a.includes('/forward'))).toEqual([]);
    } finally {
      await node.stop();
      await new Promise((r) => impostor.close(r));
      await copy.close();
    }
  });
});
