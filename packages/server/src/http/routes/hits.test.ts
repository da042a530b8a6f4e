import { hitDetailSchema, hitFormViewSchema, hitListSchema } from '@crosscheck/core/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import { screen } from '../../app/screen.js';

describe.each(ENGINES)('hits over HTTP on %s', (engine) => {
  let h: Harness;
  let hitId: string;
  let now = new Date('2026-03-01T08:00:00.000Z');
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['DEU', 'frontline'], ['ITA', 'bureau']]);
    h.t.deps.clock = () => now;
    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '12AB34567'));
    const r = await screen(h.t.deps, as('DEU', 'frontline'), { documents: [{ number: '12AB34567', issuingState: 'FRA' }] });
    hitId = (await h.t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => h.close());

  // Every successful answer is parsed with the API contract it is documented by.
  const contractOf = (method: 'GET' | 'POST', url: string) => (method === 'GET' ? (/^\/api\/v1\/hits(\?|$)/.test(url) ? hitListSchema : hitDetailSchema) : url.endsWith('/forms') ? hitFormViewSchema : hitDetailSchema);
  const call = async (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, headers: bearer(key), ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode < 300) contractOf(method, url).parse(res.json());
    return res;
  };

  it('shows the hit to both sides and answers 404 to a third member as for a missing id', async () => {
    expect((await call(h.key('FRA'), 'GET', `/api/v1/hits/${hitId}`)).json()).toMatchObject({ id: hitId, owner: 'FRA', screeningMember: 'DEU', forms: [], outcome: null });
    expect((await call(h.key('DEU', 'frontline'), 'GET', `/api/v1/hits/${hitId}`)).statusCode).toBe(200);
    const hidden = await call(h.key('ITA'), 'GET', `/api/v1/hits/${hitId}`);
    const missing = await call(h.key('ITA'), 'GET', '/api/v1/hits/00000000-0000-7000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(String(hidden.headers['content-type'])).toContain('application/problem+json');
    const { requestId: _a, ...hiddenBody } = hidden.json();
    const { requestId: _b, ...missingBody } = missing.json();
    expect(hiddenBody).toEqual(missingBody);
    expect((await call(h.key('ITA'), 'GET', '/api/v1/hits')).json()).toEqual({ items: [], next: null });
  });

  it('exchanges forms with a reply clock, lists the overdue thread, and takes the outcome from the screening side only', async () => {
    const noReason = await call(h.key('FRA'), 'POST', `/api/v1/hits/${hitId}/forms`, { form: 'H', handlingCode: 'H0', text: 'cannot act' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'validation.invalid', field: 'reason' });

    const g = await call(h.key('DEU'), 'POST', `/api/v1/hits/${hitId}/forms`, { form: 'G', handlingCode: 'H1', sourceGrade: 'A', infoGrade: '1', text: 'Subject checked at Frankfurt airport' });
    expect(g.statusCode).toBe(201);
    expect(g.json()).toMatchObject({ form: 'G', from: 'DEU', to: 'FRA', replyDueAt: '2026-03-01T20:00:00.000Z' });
    now = new Date('2026-03-01T20:00:01.000Z');
    const overdue = await call(h.key('FRA'), 'GET', '/api/v1/hits?overdue=true');
    expect(overdue.json().items.map((i: { id: string; overdue: unknown }) => [i.id, i.overdue])).toEqual([[hitId, { form: 'G', dueAt: '2026-03-01T20:00:00.000Z', waitingFor: 'FRA' }]]);
    expect((await call(h.key('FRA'), 'POST', `/api/v1/hits/${hitId}/forms`, { form: 'M', handlingCode: 'H1', text: 'Please proceed' })).statusCode).toBe(201);
    expect((await call(h.key('DEU'), 'GET', '/api/v1/hits?overdue=true')).json().items).toEqual([]);

    const byOwner = await call(h.key('FRA'), 'POST', `/api/v1/hits/${hitId}/outcome`, { outcome: 'confirmed', note: 'x' });
    expect(byOwner.statusCode).toBe(403);
    const outcome = await call(h.key('DEU', 'frontline'), 'POST', `/api/v1/hits/${hitId}/outcome`, { outcome: 'action-taken', note: 'Arrested at the gate.' });
    expect(outcome.statusCode).toBe(200);
    const seen = (await call(h.key('FRA'), 'GET', `/api/v1/hits/${hitId}`)).json();
    expect(seen.outcome).toEqual({ outcome: 'action-taken', note: 'Arrested at the gate.', at: now.toISOString() });
    expect(seen.forms.map((f: { form: string; from: string }) => `${f.form}:${f.from}`)).toEqual(['G:DEU', 'M:FRA']);
    expect(seen).not.toHaveProperty('screenedBy');
  });

  it('pages the inbox with a cursor, and gives the frontline no thread on a discreet check', async () => {
    await createAlert(h.t.deps, as('FRA'), { kind: 'person', category: 'discreet-check', person: { names: [{ family: 'KOWALSKI', given: 'JAN' }], birthDate: '1975-04-03' }, visibility: { mode: 'all' } });
    const r = await screen(h.t.deps, as('DEU', 'frontline'), { person: { names: ['Jan Kowalski'], birthDate: '1975-04-03' } });
    const discreetHit = (await h.t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id;
    expect((await call(h.key('DEU'), 'POST', `/api/v1/hits/${discreetHit}/forms`, { form: 'G', handlingCode: 'H3', text: 'Seen at Frankfurt, not approached.' })).statusCode).toBe(201);

    const first = (await call(h.key('FRA'), 'GET', '/api/v1/hits?limit=1')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([discreetHit]);
    const second = (await call(h.key('FRA'), 'GET', `/api/v1/hits?limit=1&after=${first.next}`)).json();
    expect(second).toMatchObject({ items: [{ id: hitId }], next: null });

    expect((await call(h.key('DEU'), 'GET', `/api/v1/hits/${discreetHit}`)).json().forms.map((f: { form: string; handlingCode: string }) => f.form + f.handlingCode)).toEqual(['GH3']);
    const desk = (await call(h.key('DEU', 'frontline'), 'GET', `/api/v1/hits/${discreetHit}`)).json();
    expect(desk).toMatchObject({ reasons: [], forms: [], outcome: null });
    expect(desk).not.toHaveProperty('score');
  });
  it('never lets a frontline cursor point at a hit on an alert hidden from the frontline', async () => {
    const hidden = await createAlert(h.t.deps, as('FRA'), { ...documentAlert('FRA', '77HID0001'), hiddenFromFrontline: true });
    await createAlert(h.t.deps, as('FRA'), documentAlert('FRA', '77VIS0001'));
    await screen(h.t.deps, as('DEU', 'frontline'), { documents: [{ number: '77VIS0001', issuingState: 'FRA' }] });
    await screen(h.t.deps, as('DEU', 'frontline'), { documents: [{ number: '77HID0001', issuingState: 'FRA' }] });
    const hiddenHit = (await h.t.deps.db.selectFrom('hits').select('id').where('alert_id', '=', hidden.id).executeTakeFirstOrThrow()).id;
    // Page by page, one hit at a time: the hidden hit is neither an item nor a cursor.
    const seen: string[] = [];
    let url = '/api/v1/hits?limit=1';
    for (let i = 0; i < 20; i++) {
      const page = (await call(h.key('DEU', 'frontline'), 'GET', url)).json() as { items: { id: string }[]; next: string | null };
      expect(page.next).not.toBe(hiddenHit);
      seen.push(...page.items.map((x) => x.id));
      if (!page.next) break;
      url = `/api/v1/hits?limit=1&after=${page.next}`;
    }
    expect(seen).not.toContain(hiddenHit);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // The owner's bureau sees it.
    expect(((await call(h.key('FRA'), 'GET', '/api/v1/hits?limit=100')).json() as { items: { id: string }[] }).items.map((x) => x.id)).toContain(hiddenHit);
  });
});
