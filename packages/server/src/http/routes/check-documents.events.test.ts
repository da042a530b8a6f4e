import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads a member's event stream until `count` events came, or fails after `capMs` (a cap, not the assertion). */
async function readEvents(res: Response, count: number, capMs = 5000): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => void reader.cancel(), capMs);
  let buffer = '';
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const fields = new Map(
          buffer
            .slice(0, cut)
            .split('\n')
            .filter((l) => !l.startsWith(':') && l.includes(': '))
            .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const),
        );
        buffer = buffer.slice(cut + 2);
        if (fields.has('data')) events.push({ event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) as Record<string, unknown> });
      }
    }
  } finally {
    clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  }
  return events;
}

describe.each(ENGINES)('a carrier check on the bureaus’ event streams (%s)', (engine) => {
  let h: Harness;
  let base: string;
  const controllers: AbortController[] = [];
  beforeEach(async () => {
    h = await httpHarness(engine, [['ESP', 'carrier'], ['FRA', 'bureau'], ['ESP', 'bureau']]);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterEach(async () => {
    for (const c of controllers.splice(0)) c.abort();
    h.app.server.closeAllConnections();
    await h.close();
  });

  const stream = async (key: string): Promise<Response> => {
    const controller = new AbortController();
    controllers.push(controller);
    const res = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    return res;
  };

  it('reaches the owner’s stream as a hit from a carrier check, and the carrier’s bureau as a notice, within a second', async () => {
    const alert = await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const check = (number: string) =>
      fetch(`${base}/api/v1/check/documents`, { method: 'POST', headers: { authorization: `Bearer ${h.key('ESP', 'carrier')}`, 'content-type': 'application/json' }, body: JSON.stringify({ documents: [{ issuingState: 'FRA', number, type: 'passport' }] }) });
    // The screening index loads on first use; that start-up is not part of telling the bureaus.
    expect((await (await check('00000000')).json()) as unknown).toEqual({ results: [{ result: 'no-hit' }] });
    const owner = await stream(h.key('FRA'));
    const home = await stream(h.key('ESP'));

    const started = Date.now();
    const res = await check('12AB34567');
    expect(await res.json()).toEqual({ results: [{ result: 'refer' }] });
    const [ownerEvents, homeEvents] = await Promise.all([readEvents(owner, 1), readEvents(home, 1)]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ownerEvents).toEqual([{ event: 'hit.created', data: expect.objectContaining({ alertId: alert.id, screeningMember: 'ESP', kind: 'document', origin: 'carrier-check' }) }]);
    expect(homeEvents).toEqual([{ event: 'hit.carrier-check', data: expect.objectContaining({ alertId: alert.id, owner: 'FRA', origin: 'carrier-check', hitId: ownerEvents[0]!.data.hitId }) }]);
  });
});
