import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlert } from '../app/create-alert.js';
import { screen } from '../app/screen.js';
import { ENGINES, as, personAlert } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { verifySignature } from './signature.js';
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from './start.js';
import type { DeliveryInfo } from '../app/webhooks/webhook-info.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that answers 500 to the first `failFirst` requests and 200 after. */
async function startReceiver(failFirst: number): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = got.length <= failFirst ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/crosscheck`, got, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, capMs = 10_000): Promise<T> {
  const until = Date.now() + capMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
}


const FAST: Partial<WebhookWorkerOptions> = { pollMs: 10, baseDelayMs: 10 };

describe.each(ENGINES)('webhooks on %s', (engine) => {
  let h: Harness;
  const workers: WebhookWorker[] = [];
  const closers: (() => Promise<void>)[] = [];
  const workerErrors: unknown[] = [];

  beforeEach(async () => {
    h = await httpHarness(engine, [
      ['FRA', 'bureau'],
      ['FRA', 'admin'],
      ['FRA', 'frontline'],
      ['DEU', 'bureau'],
      ['DEU', 'admin'],
    ]);
    // The receivers here listen on loopback, which installations refuse unless they allow it.
    h.t.deps.webhooks = { allowPrivate: true };
    workerErrors.length = 0;
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      w.stop();
      await w.stopped();
    }
    for (const c of closers.splice(0)) await c();
    await h.close();
    expect(workerErrors).toEqual([]);
  });

  const runWorker = (options: Partial<WebhookWorkerOptions> = FAST): WebhookWorker => {
    const w = startWebhookWorker(h.t.deps, (err) => workerErrors.push(err), options);
    workers.push(w);
    return w;
  };

  async function register(url: string, key = h.key('FRA')): Promise<{ id: string; url: string; createdAt: string; secret: string }> {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(key), payload: { url } });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function deliveries(key: string, query = ''): Promise<DeliveryInfo[]> {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/webhooks/deliveries${query}`, headers: bearer(key) });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: DeliveryInfo[] }).items;
  }

  const settled = (key: string, query: string) => waitFor(async () => {
    const items = await deliveries(key, query);
    return items.length > 0 && items.every((d) => d.status !== 'pending') ? items : undefined;
  });

  it('delivers a hit to a receiver that failed twice, signed with the secret given at creation, and logs the three attempts', async () => {
    const receiver = await startReceiver(2);
    closers.push(receiver.close);
    const hook = await register(receiver.url);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(hook).toMatchObject({ url: receiver.url });

    const alert = await createAlert(h.t.deps, as('FRA'), personAlert('MOREAU'));
    const screening = await screen(h.t.deps, as('DEU', 'frontline'), { person: { names: ['ANNA MOREAU'], birthDate: '1974-08', sex: 'F' } });
    expect(screening.hits.length).toBeGreaterThan(0);
    runWorker();

    const [delivery] = await settled(h.key('FRA'), `?webhookId=${hook.id}`);
    expect(delivery).toMatchObject({ webhookId: hook.id, type: 'hit.created', status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(delivery!.deliveredAt).not.toBeNull();

    expect(receiver.got).toHaveLength(3);
    for (const r of receiver.got) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-crosscheck-event']).toBe('hit.created');
      expect(r.headers['x-crosscheck-delivery']).toBe(delivery!.id);
      expect(verifySignature(hook.secret, String(r.headers['x-crosscheck-signature']), r.body, Math.floor(Date.now() / 1000))).toBe(true);
    }
    const body = JSON.parse(receiver.got[2]!.body) as { id: number; type: string; member: string; at: string; data: Record<string, unknown> };
    const hit = await h.t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', screening.screeningId).executeTakeFirstOrThrow();
    expect(body).toMatchObject({ id: delivery!.eventSeq, type: 'hit.created', member: 'FRA', data: { alertId: alert.id, hitId: hit.id } });
    expect(verifySignature('whsec_someone-else', String(receiver.got[2]!.headers['x-crosscheck-signature']), receiver.got[2]!.body, Math.floor(Date.now() / 1000))).toBe(false);
  });

  it('sends a test delivery on request, and lists webhooks without their secrets', async () => {
    const receiver = await startReceiver(0);
    closers.push(receiver.close);
    const hook = await register(receiver.url, h.key('FRA'));
    runWorker();

    const res = await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    expect(res.statusCode).toBe(202);
    const { deliveryId } = res.json() as { deliveryId: string };
    const [delivery] = await settled(h.key('FRA'), '?status=delivered');
    expect(delivery).toMatchObject({ id: deliveryId, type: 'webhook.test', status: 'delivered', attempts: 1, eventSeq: null });
    expect(receiver.got).toHaveLength(1);
    expect(receiver.got[0]!.headers['x-crosscheck-event']).toBe('webhook.test');
    expect(verifySignature(hook.secret, String(receiver.got[0]!.headers['x-crosscheck-signature']), receiver.got[0]!.body, Math.floor(Date.now() / 1000))).toBe(true);

    const list = await h.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')) });
    expect(list.json()).toEqual({ items: [{ id: hook.id, url: receiver.url, createdAt: hook.createdAt, disabledAt: null }] });
    expect(list.body).not.toContain(hook.secret);
  });

  it("keeps a member's webhooks from every other member: the same 404 as a missing id", async () => {
    const hook = await register('https://bureau.example.fr/hooks');
    const missing = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks/0190f0f0-0000-7000-8000-000000000000/test', headers: bearer(h.key('DEU')) });
    expect(missing.statusCode).toBe(404);
    for (const key of [h.key('DEU')]) {
      const test = await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(key) });
      expect(test.statusCode).toBe(404);
      expect(test.json().code).toBe(missing.json().code);
      expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: bearer(key) })).statusCode).toBe(404);
      expect((await h.app.inject({ method: 'GET', url: `/api/v1/webhooks/deliveries?webhookId=${hook.id}`, headers: bearer(key) })).statusCode).toBe(404);
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(key) })).json()).toEqual({ items: [] });
    }
    await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    expect(await deliveries(h.key('DEU'))).toEqual([]);
    expect(await deliveries(h.key('FRA'))).toHaveLength(1);
  });

  it('refuses private, loopback and link-local addresses in every spelling unless the installation allows them, and checks again when sending', async () => {
    h.t.deps.webhooks = { allowPrivate: false };
    const refused = [
      'http://[::ffff:127.0.0.1]:9999/m',
      'http://127.0.0.1:8080/hooks',
      'http://localhost/hooks',
      'http://localhost./hooks',
      'http://10.1.2.3/hooks',
      'http://169.254.169.254/latest',
      'http://[::ffff:a9fe:a9fe]/latest',
      'http://[64:ff9b::169.254.169.254]/latest',
      'http://[2002:a9fe:a9fe::1]/latest',
      'http://[fd00:ec2::254]/latest',
      'http://[::1]/hooks',
      'http://[::127.0.0.1]/hooks',
      'http://[::]/hooks',
      'http://0.0.0.0/hooks',
      'http://0/hooks',
      'http://2130706433/hooks',
      'http://0x7f.1/hooks',
      'http://0177.0.0.1/hooks',
      'http://100.64.0.1/hooks',
      'http://192.168.0.10/x',
      'http://[fe80::1]/x',
      'http://224.0.0.1/x',
    ];
    for (const url of refused) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')), payload: { url } });
      expect(res.statusCode, url).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ code: 'webhook.private-address', field: 'url' });
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')) })).json()).toEqual({ items: [] });
    // Registered while allowed, sent after the rule changed: the attempt is refused, not made.
    const receiver = await startReceiver(0);
    closers.push(receiver.close);
    h.t.deps.webhooks = { allowPrivate: true };
    const hook = await register(receiver.url);
    h.t.deps.webhooks = { allowPrivate: false };
    runWorker();
    await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    const tried = await waitFor(async () => (await deliveries(h.key('FRA'))).find((d) => d.lastError !== null));
    expect(tried.lastError).toBe('address not allowed: loopback (127.0.0.0/8)');
    expect(receiver.got).toHaveLength(0);
  });

  it('does not connect to a name that resolves to loopback when the delivery is sent, and logs it as it logs a name that does not resolve', async () => {
    h.t.deps.webhooks = { allowPrivate: false };
    const receiver = await startReceiver(0);
    closers.push(receiver.close);
    const port = new URL(receiver.url).port;
    // Public-looking names at registration; what they resolve to is only known when sending.
    const rebound = await register(`http://hooks.bureau.example:${port}/hooks/crosscheck`);
    const missing = await register(`http://gone.bureau.example:${port}/hooks/crosscheck`);
    const asked: string[] = [];
    const resolve = async (hostname: string) => {
      asked.push(hostname);
      if (hostname === 'hooks.bureau.example') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const w = runWorker({ ...FAST, resolve });
    for (const hook of [rebound, missing]) await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    const [byName, byMissing] = await Promise.all([rebound, missing].map((hook) => waitFor(async () => (await deliveries(h.key('FRA'), `?webhookId=${hook.id}`)).find((d) => d.lastError !== null))));
    w.stop();
    await w.stopped();
    expect(byName!.lastError).toBe('address not allowed: the name does not resolve to public addresses only');
    expect(byMissing!.lastError).toBe(byName!.lastError);
    expect(byName).toMatchObject({ lastStatusCode: null, deliveredAt: null });
    expect(receiver.got).toHaveLength(0);
    expect(asked).toContain('hooks.bureau.example');

    // The same name, allowed: the delivery goes to the address the resolver gave, and nowhere else.
    h.t.deps.webhooks = { allowPrivate: true };
    await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${rebound.id}/test`, headers: bearer(h.key('FRA')) });
    runWorker({ ...FAST, resolve });
    const delivered = await waitFor(async () => (await deliveries(h.key('FRA'), `?webhookId=${rebound.id}&status=delivered`))[0]);
    expect(delivered).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(receiver.got.length).toBeGreaterThan(0);
    for (const r of receiver.got) expect(r.headers.host).toBe(`hooks.bureau.example:${port}`);
  });

  it('keeps a member to ten active webhooks', async () => {
    const hooks = [];
    for (let i = 0; i < 10; i++) hooks.push(await register(`https://bureau.example.fr/hooks/${i}`));
    const eleventh = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')), payload: { url: 'https://bureau.example.fr/hooks/10' } });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().code).toBe('webhook.too-many');
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hooks[0]!.id}`, headers: bearer(h.key('FRA')) })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')), payload: { url: 'https://bureau.example.fr/hooks/10' } })).statusCode).toBe(201);
  });

  it('refuses addresses that are not plain http(s), and roles that do not manage webhooks', async () => {
    for (const url of ['ftp://bureau.example.fr/hooks', 'https://user:pw@bureau.example.fr/hooks', 'not a url', `https://example.fr/${'a'.repeat(2000)}`]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')), payload: { url } });
      expect(res.statusCode, url).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().field).toBe('url');
    }
    // Deliveries carry hits, messages and review decisions: the bureau's business only.
    for (const role of ['frontline', 'admin'] as const) {
      const refused = await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(h.key('FRA', role)), payload: { url: 'https://bureau.example.fr/hooks' } });
      expect(refused.statusCode, role).toBe(403);
    }
  });

  it('stops delivering to a disabled webhook', async () => {
    const receiver = await startReceiver(0);
    closers.push(receiver.close);
    const hook = await register(receiver.url);
    const queued = await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    expect(queued.statusCode).toBe(202);
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: bearer(h.key('FRA')) })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) })).statusCode).toBe(409);

    await createAlert(h.t.deps, as('FRA'), personAlert('MOREAU'));
    await screen(h.t.deps, as('DEU', 'frontline'), { person: { names: ['ANNA MOREAU'], birthDate: '1974-08', sex: 'F' } });
    const w = runWorker();
    // The worker has taken the hit's event once the cursor has passed it.
    await waitFor(async () => {
      const [events, cursor] = await Promise.all(['events', 'webhook-cursor'].map((name) => h.t.deps.db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirstOrThrow()));
      return Number(cursor!.value) >= Number(events!.value) && Number(events!.value) > 0 ? true : undefined;
    });
    w.stop();
    await w.stopped();
    expect(receiver.got).toEqual([]);
    expect(await deliveries(h.key('FRA'))).toMatchObject([{ id: (queued.json() as { deliveryId: string }).deliveryId, status: 'failed', lastError: 'webhook disabled' }]);
    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: bearer(h.key('FRA')) })).json() as { items: { disabledAt: string | null }[] };
    expect(list.items[0]!.disabledAt).not.toBeNull();
  });

  it('gives a delivery up after the last attempt, with the reason in the log', async () => {
    const receiver = await startReceiver(1000);
    closers.push(receiver.close);
    const hook = await register(receiver.url);
    await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    runWorker({ ...FAST, maxAttempts: 3 });
    const [delivery] = await settled(h.key('FRA'), '');
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500', deliveredAt: null });
    expect(receiver.got).toHaveLength(3);
  });

  it('sends each delivery once when two workers run side by side', async () => {
    const receiver = await startReceiver(0);
    closers.push(receiver.close);
    const hook = await register(receiver.url);
    for (let i = 0; i < 6; i++) await h.app.inject({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, headers: bearer(h.key('FRA')) });
    runWorker();
    runWorker();
    const items = await settled(h.key('FRA'), '');
    expect(items).toHaveLength(6);
    expect(items.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    expect(receiver.got.map((r) => r.headers['x-crosscheck-delivery']).sort()).toEqual(items.map((d) => d.id).sort());
  });
});
