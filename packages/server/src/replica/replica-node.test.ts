import { createServer, request, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert, openTestDeps, type TestContext } from '../../test/engines.js';
import { createAlert } from '../app/create-alert.js';
import { createKey } from '../app/manage-keys.js';
import { screen } from '../app/screen.js';
import { screenBatch } from '../app/screen-batch.js';
import { buildApp } from '../http/build-app.js';
import { verifyAuditChain } from '../store/audit-repo.js';
import { ReplicaNode, type ReplicaStatus } from './replica-node.js';
import { newSigningKey, signBatch, type SignedBatch } from './signed-batch.js';

/**
 * The line between a copy and its centre, which the test can spoil: answers to forwards lost
 * after the centre handled them, batches altered or signed by another key on the way.
 */
type Spoil = 'none' | 'lose-forward-answer' | 'alter-batch' | 'other-key';

function line(target: string, spoil: () => Spoil, spoiled: () => void): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(body).toString();
          const mode = spoil();
          if (mode === 'lose-forward-answer' && req.url?.startsWith('/api/v1/replica/forward')) {
            spoiled();
            req.socket.destroy();
            return;
          }
          if (req.url?.startsWith('/api/v1/replica/batch') && answer.statusCode === 200) {
            const batch = JSON.parse(text) as SignedBatch;
            if (mode === 'alter-batch' && batch.items.length > 0) {
              (batch.items[0] as { owner: string }).owner = 'ITA';
              text = JSON.stringify(batch);
              spoiled();
            }
            if (mode === 'other-key') {
              text = JSON.stringify(signBatch(batch, newSigningKey()));
              spoiled();
            }
          }
          res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
          res.end(text);
        });
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(ENGINES)('a copy and its centre (%s) over a line that fails', (engine) => {
  let centre: TestContext;
  let copy: TestContext;
  let app: FastifyInstance;
  let proxy: { server: Server; url: string };
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
    app = await buildApp(centre.deps, { bodyLimit: 1 << 20, logLevel: 'silent', secureCookies: false });
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
    const entries = await centre.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'replica.entry').where('role', '=', 'replica').execute();
    const entry = entries.map((e) => JSON.parse(e.detail) as { replica: { action: string }; centreScreenings: string[] }).find((d) => d.replica.action === 'screening.batch');
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
