import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireAlerts } from '../src/app/expire-alerts.js';
import { defaultConfig, loadConfig } from '../src/config.js';
import { openDeps, serve, type Running } from '../src/main.js';
import { verifySignature } from '../src/webhooks/signature.js';
import { runCli } from './cli.js';
import { ENGINES, freshStore, type TestStore } from './engines.js';

/**
 * Cooperation between bureaus over real HTTP against a real server process's parts (`serve`): FRA publishes
 * an arrest alert → it waits for review, unseen by DEU → IPO's reviewer approves → DEU's frontline
 * screens the person → FRA's bureau, connected to the event stream, hears of the hit within one
 * second, and FRA's webhook receiver gets a signed delivery although it was down for the first
 * two attempts → the bureaus exchange a G form and an M form → DEU records the outcome → the
 * audit trail shows every step. Then the owners' controls and retention.
 */
describe.each(ENGINES)('cooperation scenario on %s', (engine) => {
  let store: TestStore;
  let server: Running;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    store = await freshStore(engine);
    // FRA's receiver listens on loopback: this installation allows private addresses.
    // Live hits only: the screening made while the alert waits for review would otherwise be found
    // after the fact once it is approved (a second hit.created; see app/retroactive/ for those).
    server = await serve(loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: 'true', CROSSCHECK_METRICS_ADDRESS: 'off', CROSSCHECK_LOOKBACK_HOURS: '0' }, { db: store.target, port: 0 }), { demo: false });
    const grants: [string, string, string][] = [
      ['FRA', 'FRA', 'bureau'],
      ['DEU', 'DEU', 'bureau'],
      ['DEU_FRONT', 'DEU', 'frontline'],
      ['ITA_FRONT', 'ITA', 'frontline'],
      ['REVIEWER', 'IPO', 'reviewer'],
      ['AUDITOR', 'IPO', 'auditor'],
    ];
    for (const [name, member, role] of grants) {
      const r = await runCli(['keys', 'create', '--member', member, '--role', role, '--db', store.target]);
      expect(r.code, r.stderr).toBe(0);
      keys[name] = r.stdout.trim().split('\n').pop()!;
    }
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    await store.drop();
  });

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${keys[who]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, any> };
  };

  const arrestAlert = {
    kind: 'person',
    category: 'arrest',
    person: { names: [{ family: 'KOVALENKO', given: 'TARAS' }, { full: 'Тарас Коваленко', script: 'Cyrl' }], birthDate: '1979-03-14', sex: 'M', nationalities: ['UKR'] },
    offence: { description: 'armed robbery of a bank', maxSentenceYears: 20 },
    action: 'Arrest with a view to extradition to France.',
    visibility: { mode: 'all' },
  };

  it('runs the hit from review to outcome, with live notification and a signed webhook', async () => {
    // FRA's webhook receiver answers HTTP 500 to the first two attempts of every delivery.
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const attempts = new Map<string, number>();
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const delivery = String(req.headers['x-crosscheck-delivery']);
        attempts.set(delivery, (attempts.get(delivery) ?? 0) + 1);
        if (attempts.get(delivery)! <= 2) {
          res.writeHead(500).end('down');
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    try {
      const webhook = await call('FRA', 'POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${port}/crosscheck` });
      expect(webhook.status).toBe(201);
      const secret = webhook.json.secret as string;

      // Published, but waiting for review: FRA sees it being processed, DEU not at all.
      const created = await call('FRA', 'POST', '/api/v1/alerts', arrestAlert);
      expect(created.status).toBe(201);
      expect(created.json.status).toBe('pending-review');
      const alertId = created.json.id as string;
      expect((await call('DEU', 'GET', `/api/v1/alerts/${alertId}`)).status).toBe(404);
      expect((await call('DEU_FRONT', 'POST', '/api/v1/screen', { person: { names: ['Taras Kovalenko'], birthDate: '1979-03-14' } })).json.hits).toEqual([]);

      const queue = await call('REVIEWER', 'GET', '/api/v1/review');
      expect(queue.status).toBe(200);
      expect(JSON.stringify(queue.json)).toContain(alertId);
      expect((await call('REVIEWER', 'POST', `/api/v1/review/${alertId}/decision`, { decision: 'approve', reason: 'ordinary criminal offence, sentence well above the minimum' })).status).toBe(200);

      // FRA's bureau listens; DEU's frontline screens the person in Cyrillic.
      const stream = await fetch(`${server.url}/api/v1/events`, { headers: { authorization: `Bearer ${keys.FRA}` } });
      expect(stream.status).toBe(200);
      const events = readEvents(stream);
      const screenedAt = performance.now();
      const screening = await call('DEU_FRONT', 'POST', '/api/v1/screen', { person: { names: ['Тарас Коваленко'], birthDate: '1979-03-14', sex: 'M' } });
      expect(screening.status).toBe(200);
      expect(screening.json.hits[0]).toMatchObject({ alertId, owner: 'FRA', category: 'arrest' });
      const event = await events.next('hit.created', 1000);
      expect(performance.now() - screenedAt).toBeLessThan(1000);
      expect(event.data).toMatchObject({ alertId });
      const hitId = event.data.hitId as string;
      events.close();

      // The webhook: delivered on the third attempt, signed with FRA's secret.
      const isHit = (r: { body: string }) => (JSON.parse(r.body) as { type: string }).type === 'hit.created';
      await waitFor(() => received.some(isHit), 15_000);
      const delivery = received.find(isHit)!;
      expect(JSON.parse(delivery.body)).toMatchObject({ type: 'hit.created', data: { hitId, alertId } });
      expect(verifySignature(secret, String(delivery.headers['x-crosscheck-signature']), delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature(secret, String(delivery.headers['x-crosscheck-signature']), delivery.body.replace(hitId, 'x'), Math.floor(Date.now() / 1000))).toBe(false);
      const log = await call('FRA', 'GET', '/api/v1/webhooks/deliveries');
      expect(log.json.items.find((d: { type: string }) => d.type === 'hit.created')).toMatchObject({ status: 'delivered', attempts: 3 });

      // Both bureaus see the hit; ITA does not.
      expect((await call('FRA', 'GET', `/api/v1/hits/${hitId}`)).json).toMatchObject({ id: hitId, alertId, screeningMember: 'DEU' });
      expect((await call('ITA_FRONT', 'GET', `/api/v1/hits/${hitId}`)).status).toBe(404);

      // Supplementary information: DEU reports the hit (G), FRA answers (M).
      const g = await call('DEU', 'POST', `/api/v1/hits/${hitId}/forms`, { form: 'G', handlingCode: 'H1', sourceGrade: 'A', infoGrade: '1', text: 'Subject checked at Frankfurt airport, passport UA FE123456.' });
      expect(g.status).toBe(201);
      const m = await call('FRA', 'POST', `/api/v1/hits/${hitId}/forms`, { form: 'M', handlingCode: 'H1', sourceGrade: 'B', infoGrade: '2', text: 'Please proceed with the arrest; the extradition request follows.' });
      expect(m.status).toBe(201);
      const thread = await call('DEU', 'GET', `/api/v1/hits/${hitId}`);
      expect(thread.json.forms.map((f: { form: string; from: string }) => `${f.form}:${f.from}`)).toEqual(['G:DEU', 'M:FRA']);

      const outcome = await call('DEU_FRONT', 'POST', `/api/v1/hits/${hitId}/outcome`, { outcome: 'action-taken', note: 'Arrested at the gate.' });
      expect(outcome.status).toBe(200);
      expect((await call('FRA', 'GET', `/api/v1/hits/${hitId}`)).json.outcome).toMatchObject({ outcome: 'action-taken' });

      // Every step is on the trail.
      const trail = await call('AUDITOR', 'GET', '/api/v1/audit?limit=1000');
      const actions = (trail.json.items as { action: string; outcome: string }[]).filter((e) => e.outcome === 'ok').map((e) => e.action);
      for (const step of ['webhook.create', 'alert.create', 'review.decide', 'screening.run', 'event.stream', 'hit.send-form', 'hit.record-outcome']) expect(actions, step).toContain(step);
      expect(actions.filter((a) => a === 'hit.send-form')).toHaveLength(2);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  }, 60_000);

  it('shows a discreet check to the frontline as the instruction only, and a territory flag to the flagging member', async () => {
    const discreet = await call('FRA', 'POST', '/api/v1/alerts', {
      kind: 'person',
      category: 'discreet-check',
      person: { names: [{ family: 'MARCHETTI', given: 'PAOLO' }], birthDate: '1968-11-02', sex: 'M' },
      action: 'Report the route, companions and vehicle.',
      visibility: { mode: 'all' },
    });
    expect(discreet.json.status).toBe('active');
    const seen = await call('DEU_FRONT', 'POST', '/api/v1/screen', { person: { names: ['Paolo Marchetti'], birthDate: '1968-11-02' } });
    expect(seen.json.hits).toHaveLength(1);
    expect(seen.json.hits[0]).toEqual({ access: 'instruction-only', hitId: expect.any(String), alertId: discreet.json.id, kind: 'person', category: 'discreet-check', action: 'discreet check: do not alert the person; report to your bureau', owner: 'FRA' });
    // The hits inbox tells the frontline no more than screening did, about the hit screening named.
    const inbox = await call('DEU_FRONT', 'GET', '/api/v1/hits');
    const discreetHit = inbox.json.items.find((h: { alertId: string }) => h.alertId === discreet.json.id);
    expect(discreetHit.id).toBe(seen.json.hits[0].hitId);
    expect(discreetHit).toMatchObject({ reasons: [], action: 'discreet check: do not alert the person; report to your bureau' });
    expect(discreetHit.score).toBeUndefined();
    expect((await call('DEU', 'GET', `/api/v1/hits/${discreetHit.id}`)).json.reasons.length).toBeGreaterThan(0);

    // An alert hidden from the frontline: the hit is recorded for the bureaus, never shown at the desk.
    const hidden = await call('FRA', 'POST', '/api/v1/alerts', {
      kind: 'document',
      document: { issuingState: 'FRA', type: 'passport', number: '19FR77001', status: 'stolen-issued' },
      hiddenFromFrontline: true,
      visibility: { mode: 'all' },
    });
    expect((await call('DEU_FRONT', 'POST', '/api/v1/screen', { documents: [{ number: '19FR77001', issuingState: 'FRA' }] })).json.hits).toEqual([]);
    const bureauHits = (await call('DEU', 'GET', '/api/v1/hits')).json.items as { id: string; alertId: string }[];
    const hiddenHit = bureauHits.find((h) => h.alertId === hidden.json.id);
    expect(hiddenHit).toBeDefined();
    expect((await call('DEU_FRONT', 'GET', '/api/v1/hits')).json.items.map((h: { alertId: string }) => h.alertId)).not.toContain(hidden.json.id);
    expect((await call('DEU_FRONT', 'GET', `/api/v1/hits/${hiddenHit!.id}`)).status).toBe(404);

    const missing = await call('FRA', 'POST', '/api/v1/alerts', {
      kind: 'person',
      category: 'missing',
      person: { names: [{ family: 'LEROY', given: 'CAMILLE' }], birthDate: '2009-05-21', sex: 'F' },
      visibility: { mode: 'all' },
    });
    const flagged = await call('DEU', 'POST', `/api/v1/alerts/${missing.json.id}/flags`, { reason: 'The person is an adult under German law; no protective measure possible.' });
    expect(flagged.status).toBeLessThan(300);
    const deu = await call('DEU_FRONT', 'POST', '/api/v1/screen', { person: { names: ['Camille Leroy'], birthDate: '2009-05-21' } });
    expect(deu.json.hits[0].flag).toMatchObject({ member: 'DEU' });
    const ita = await call('ITA_FRONT', 'POST', '/api/v1/screen', { person: { names: ['Camille Leroy'], birthDate: '2009-05-21' } });
    expect(ita.json.hits[0].alertId).toBe(missing.json.id);
    expect(ita.json.hits[0].flag).toBeUndefined();
  }, 30_000);

  it('stops hitting an alert once its review date has passed', async () => {
    const vehicle = await call('FRA', 'POST', '/api/v1/alerts', { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'AB-123-CD', plateCountry: 'FRA' }, visibility: { mode: 'all' } });
    expect(vehicle.json.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await call('DEU_FRONT', 'POST', '/api/v1/screen', { vehicle: { vin: 'WVWZZZ1JZXW000001' } })).json.hits).toHaveLength(1);

    // Ten years later, as far as this alert is concerned: its review date is yesterday.
    const { deps, database } = await openDeps(defaultConfig({ db: store.target }));
    try {
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await sql`update alerts set review_date = ${yesterday} where id = ${vehicle.json.id}`.execute(deps.db);
      await expireAlerts(deps);
    } finally {
      await database.close();
    }
    expect((await call('FRA', 'GET', `/api/v1/alerts/${vehicle.json.id}`)).json.status).toBe('expired');
    expect((await call('DEU_FRONT', 'POST', '/api/v1/screen', { vehicle: { vin: 'WVWZZZ1JZXW000001' } })).json.hits).toEqual([]);
  }, 30_000);
});

interface StreamEvent {
  id: string;
  type: string;
  data: Record<string, any>;
}

/** Reads a text/event-stream response; `next(type, ms)` resolves with the next event of that type. */
function readEvents(res: Response): { next(type: string, ms: number): Promise<StreamEvent>; close(): void } {
  const reader = res.body!.getReader();
  const queue: StreamEvent[] = [];
  const wake: { fn: (() => void) | null } = { fn: null };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
        const data = field('data');
        if (data === undefined) continue;
        queue.push({ id: field('id') ?? '', type: field('event') ?? 'message', data: JSON.parse(data) as Record<string, any> });
        wake.fn?.();
      }
    }
  })();
  return {
    async next(type, ms) {
      const deadline = Date.now() + ms;
      for (;;) {
        const i = queue.findIndex((e) => e.type === type);
        if (i >= 0) return queue.splice(i, 1)[0]!;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${type} event within ${ms} ms`);
        await new Promise<void>((r) => {
          wake.fn = r;
          setTimeout(r, left);
        });
      }
    },
    close: () => void reader.cancel().catch(() => {}),
  };
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
