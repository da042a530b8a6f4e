import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

const MEMBERS = ['FRA', 'DEU', 'ITA', 'ESP', 'UNO'] as const;
type Code = (typeof MEMBERS)[number];
type Vis = { mode: 'all' } | { mode: 'only' | 'all-except'; members: Code[] };

interface Published {
  id: string;
  owner: Code;
  vis: Vis;
}

// The rule, restated independently of the code under test: the owner always sees its alert.
const expectedVisible = (a: Published, m: Code): boolean =>
  a.owner === m || a.vis.mode === 'all' || (a.vis.mode === 'only' ? a.vis.members.includes(m) : !a.vis.members.includes(m));

const visArb: fc.Arbitrary<Vis> = fc.oneof(
  fc.constant({ mode: 'all' as const }),
  fc.record({ mode: fc.constant('only' as const), members: fc.subarray([...MEMBERS]) }),
  fc.record({ mode: fc.constant('all-except' as const), members: fc.subarray([...MEMBERS], { minLength: 1 }) }),
);
const alertArb = fc.record({ owner: fc.constantFrom(...MEMBERS), vis: visArb, kind: fc.constantFrom('document', 'vehicle', 'person') });

function body(kind: string, owner: Code, vis: Vis, n: number): Record<string, unknown> {
  if (kind === 'document') return { kind, document: { issuingState: owner, type: 'passport', number: `P${n}`, status: 'lost' }, visibility: vis };
  if (kind === 'vehicle') return { kind, vehicle: { plate: `PL-${n}`, plateCountry: 'FRA' }, visibility: vis };
  return { kind, category: 'missing', person: { names: [{ family: `NAME${n}` }] }, visibility: vis };
}

describe.each(ENGINES)('no endpoint leaks a hidden alert (%s)', (engine) => {
  let h: Harness;
  const published: Published[] = [];
  beforeAll(async () => {
    h = await httpHarness(engine, MEMBERS.map((m) => [m, 'bureau'] as [string, 'bureau']));
  });
  afterAll(async () => h.close());

  const get = async (m: Code, url: string) => h.app.inject({ method: 'GET', url, headers: bearer(h.key(m)) });

  async function allPages<T>(m: Code, url: string, pick: (page: { items: T[]; next: string | number | null }) => string): Promise<T[]> {
    const out: T[] = [];
    let next: string | number | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await get(m, next === null ? url : `${url}${sep}${pick({ items: [], next })}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: T[]; next: string | number | null }>();
      out.push(...page.items);
      next = page.next;
    } while (next !== null);
    return out;
  }

  it('reads, lists, searches, exports, history and the change feed show exactly what visibility allows', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(alertArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...MEMBERS), async (alerts, probe) => {
        for (const a of alerts) {
          n++;
          const res = await h.app.inject({ method: 'POST', url: '/api/v1/alerts', headers: bearer(h.key(a.owner)), payload: body(a.kind, a.owner, a.vis, n) });
          expect(res.statusCode).toBe(201);
          published.push({ id: res.json<{ id: string }>().id, owner: a.owner, vis: a.vis });
        }
        const visible = new Set(published.filter((p) => expectedVisible(p, probe)).map((p) => p.id));

        const listed = await allPages<{ id: string }>(probe, '/api/v1/alerts?limit=7', (p) => `cursor=${p.next}`);
        expect(new Set(listed.map((a) => a.id))).toEqual(visible);

        const exported = (await get(probe, '/api/v1/alerts/export')).body.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id);
        expect(new Set(exported)).toEqual(visible);

        const feed = await allPages<{ alertId: string; action: string }>(probe, '/api/v1/changes?limit=5', (p) => `after=${p.next}`);
        expect(new Set(feed.map((c) => c.alertId))).toEqual(visible);

        for (const a of published.slice(-alerts.length)) {
          const seen = visible.has(a.id);
          const one = await get(probe, `/api/v1/alerts/${a.id}`);
          expect(one.statusCode).toBe(seen ? 200 : 404);
          expect((await get(probe, `/api/v1/alerts/${a.id}/history`)).statusCode).toBe(seen ? 200 : 404);
          const patch = await h.app.inject({ method: 'PATCH', url: `/api/v1/alerts/${a.id}`, headers: bearer(h.key(probe)), payload: { remarks: 'probe' } });
          expect(patch.statusCode).toBe(!seen ? 404 : a.owner === probe ? 200 : 403);
          if (!seen) {
            // A hidden alert and one that never existed get the same answer, body included.
            const ghost = await get(probe, '/api/v1/alerts/0190aaaa-0000-7000-8000-000000000000');
            expect({ ...one.json(), requestId: '' }).toEqual({ ...ghost.json(), requestId: '' });
          }
        }
        // A number searched for finds the alert only where it may be seen.
        const last = published[published.length - 1]!;
        const lastKind = alerts[alerts.length - 1]!.kind;
        const term = lastKind === 'document' ? `P${n}` : lastKind === 'vehicle' ? `PL-${n}` : `NAME${n}`;
        const found = (await get(probe, `/api/v1/alerts?text=${encodeURIComponent(term)}`)).json<{ items: { id: string }[] }>().items.map((a) => a.id);
        expect(found.includes(last.id)).toBe(visible.has(last.id));
      }),
      { numRuns: 12 },
    );
  });
});
