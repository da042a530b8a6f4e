import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlert } from '../../app/create-alert.js';
import { queryAudit } from '../../store/audit-repo.js';
import { appendEvent } from '../../store/event-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { ENGINES, as, personAlert } from '../../../test/engines.js';
import { httpHarness, type Harness } from '../../../test/http-harness.js';

interface SseEvent {
  id: string;
  event: string;
  data: Record<string, unknown>;
  receivedAt: number;
}

/** A minimal EventSource over fetch: collects events, hands them out in order. */
class SseClient {
  private readonly events: SseEvent[] = [];
  private wake: (() => void) | null = null;
  ended = false;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    void this.read();
  }

  private async read(): Promise<void> {
    const reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(': ');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2));
          }
          if (fields.has('data')) this.events.push({ id: fields.get('id') ?? '', event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) as Record<string, unknown>, receivedAt: Date.now() });
          this.wake?.();
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      this.ended = true;
      this.wake?.();
    }
  }

  /** The next event, or an error when none comes within `capMs` (a cap, not the assertion). */
  async next(capMs = 5000): Promise<SseEvent> {
    const until = Date.now() + capMs;
    while (this.events.length === 0) {
      if (this.ended) throw new Error('stream ended');
      const left = until - Date.now();
      if (left <= 0) throw new Error('no event arrived');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    return this.events.shift()!;
  }

  close(): void {
    this.controller.abort();
  }
}

async function waitFor(condition: () => boolean, capMs = 5000): Promise<void> {
  const until = Date.now() + capMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(ENGINES)('the event stream on %s', (engine) => {
  let h: Harness;
  let base: string;
  const clients: SseClient[] = [];

  beforeEach(async () => {
    h = await httpHarness(engine, [
      ['DEU', 'frontline'],
      ['FRA', 'frontline'],
      ['FRA', 'bureau'],
      ['DEU', 'bureau'],
      ['FRA', 'analyst'],
    ]);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    // fetch may leave a connection open on which no request was sent; it would hold close() for a minute.
    h.app.server.closeAllConnections();
    await h.close();
  });

  async function connect(key: string, headers: Record<string, string> = {}, query = ''): Promise<SseClient> {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/events${query}`, { headers: { authorization: `Bearer ${key}`, ...headers }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const client = new SseClient(res, controller);
    clients.push(client);
    return client;
  }

  async function screenPerson(frontlineKey: string, family: string): Promise<void> {
    const res = await fetch(`${base}/api/v1/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${frontlineKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ person: { names: [`ANNA ${family}`], birthDate: '1974-08', sex: 'F' } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { hits: unknown[] };
    expect(body.hits.length).toBeGreaterThan(0);
  }

  it("tells the alert owner's bureau of a hit within one second, and only the owner", async () => {
    const fraAlert = await createAlert(h.t.deps, as('FRA'), personAlert('MOREAU'));
    const deuAlert = await createAlert(h.t.deps, as('DEU'), personAlert('SCHMIDT'));
    // The screening index loads on first use; that start-up is not part of telling the bureau.
    await fetch(`${base}/api/v1/screen`, { method: 'POST', headers: { authorization: `Bearer ${h.key('DEU', 'frontline')}`, 'content-type': 'application/json' }, body: '{"person":{"names":["NOBODY ATALL"]}}' });
    const fra = await connect(h.key('FRA'));
    const deu = await connect(h.key('DEU'));

    const started = Date.now();
    await screenPerson(h.key('DEU', 'frontline'), 'MOREAU');
    const got = await fra.next();
    expect(got.receivedAt - started).toBeLessThan(1000);
    expect(got.event).toBe('hit.created');
    expect(got.data).toMatchObject({ alertId: fraAlert.id, screeningMember: 'DEU' });
    expect(typeof got.data.hitId).toBe('string');
    expect(typeof got.data.at).toBe('string');
    expect(got.id).toMatch(/^\d+$/);

    // DEU's stream is ordered too: had it been told of FRA's hit, that would come before its own.
    await screenPerson(h.key('FRA', 'frontline'), 'SCHMIDT');
    const deuGot = await deu.next();
    expect(deuGot.data).toMatchObject({ alertId: deuAlert.id, screeningMember: 'FRA' });
    expect(Number(deuGot.id)).toBeGreaterThan(Number(got.id));
  });

  it('resumes after Last-Event-ID (or ?after=) with the events missed while disconnected, and starts new streams at the end', async () => {
    const alert = await createAlert(h.t.deps, as('FRA'), personAlert('MOREAU'));
    const first = await connect(h.key('FRA'));
    await screenPerson(h.key('DEU', 'frontline'), 'MOREAU');
    const seen = await first.next();
    first.close();

    await screenPerson(h.key('DEU', 'frontline'), 'MOREAU');
    await screenPerson(h.key('DEU', 'frontline'), 'MOREAU');

    const resumed = await connect(h.key('FRA'), { 'last-event-id': seen.id });
    const missed = [await resumed.next(), await resumed.next()];
    expect(missed.map((e) => e.event)).toEqual(['hit.created', 'hit.created']);
    expect(missed.every((e) => e.data.alertId === alert.id)).toBe(true);
    expect(Number(missed[0]!.id)).toBeGreaterThan(Number(seen.id));
    expect(Number(missed[1]!.id)).toBeGreaterThan(Number(missed[0]!.id));

    const byQuery = await connect(h.key('FRA'), {}, `?after=${seen.id}`);
    expect((await byQuery.next()).id).toBe(missed[0]!.id);

    const fresh = await connect(h.key('FRA'));
    await screenPerson(h.key('DEU', 'frontline'), 'MOREAU');
    const onlyNew = await fresh.next();
    expect(Number(onlyNew.id)).toBeGreaterThan(Number(missed[1]!.id));
  });

  it('refuses callers without credentials or permission with problem+json before streaming, and audits each opened stream once', async () => {
    const anonymous = await fetch(`${base}/api/v1/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const analyst = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${h.key('FRA', 'analyst')}` } });
    expect(analyst.status).toBe(403);
    expect(analyst.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The bureau's stream carries hits on alerts hidden from the frontline: not for the desk.
    expect((await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${h.key('FRA', 'frontline')}` } })).status).toBe(403);
    const badResume = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${h.key('FRA')}`, 'last-event-id': 'yesterday' } });
    expect(badResume.status).toBe(422);

    await connect(h.key('FRA'));
    const entries = await queryAudit(h.t.deps.db, { action: 'event.stream', limit: 10 });
    expect(entries.map((e) => [e.member, e.outcome])).toEqual(expect.arrayContaining([['FRA', 'ok']]));
    expect(entries.filter((e) => e.outcome === 'ok')).toHaveLength(1);
  });

  it('finds events that another process wrote, which this process was not told of', async () => {
    const stream = await connect(h.key('FRA'));
    // As another server process would: committed, but this process's bus never hears of it.
    await inWriteTransaction(h.t.deps.db, (tx) => appendEvent(tx, { member: 'FRA', type: 'message.received', data: { messageId: 'm-1', from: 'DEU', subject: 'Query' }, at: new Date().toISOString() }));
    const got = await stream.next();
    expect(got).toMatchObject({ event: 'message.received', data: { messageId: 'm-1', from: 'DEU' } });
  });

  it('lets go of the bus when the client disconnects', async () => {
    const before = h.t.deps.bus.listenerCount;
    const client = await connect(h.key('FRA'));
    await waitFor(() => h.t.deps.bus.listenerCount === before + 1);
    client.close();
    await waitFor(() => h.t.deps.bus.listenerCount === before);
    expect(h.t.deps.bus.listenerCount).toBe(before);
  });

  it('ends an open stream once its key is revoked', async () => {
    const { createKey, revokeKey } = await import('../../app/manage-keys.js');
    const { as } = await import('../../../test/engines.js');
    const admin = as('IPO', 'admin');
    const created = await createKey(h.t.deps, admin, { member: 'FRA', role: 'bureau' });
    const client = await connect(created.key);
    await revokeKey(h.t.deps, admin, created.id);
    await waitFor(() => client.ended, 6000);
  });

  it('keeps one key to five open streams', async () => {
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await connect(h.key('FRA')));
    const sixth = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${h.key('FRA')}` } });
    expect(sixth.status).toBe(409);
    expect(((await sixth.json()) as { code: string }).code).toBe('events.too-many-streams');
    // The refusal is on the trail, under the key that was refused.
    const refused = await queryAudit(h.t.deps.db, { action: 'event.stream', result: 'refused', limit: 10 });
    expect(refused.map((e) => [e.member, e.role, e.outcome, e.requestId])).toEqual([['FRA', 'bureau', 'events.too-many-streams', sixth.headers.get('x-request-id')]]);
    // Another key of the same member is not held back by this one's streams.
    await connect(h.key('DEU'));
    streams[0]!.close();
    // The server notices the closed connection a moment later; then the key may open one again.
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${h.key('FRA')}` } });
      await res.body?.cancel();
      if (res.status === 200) break;
      expect(attempt).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
});
