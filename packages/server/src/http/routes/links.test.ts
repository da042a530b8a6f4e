import { linkGraphSchema, linkListSchema, linkViewSchema } from '@crosscheck/core/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createAlert } from '../../app/create-alert.js';
import { screen } from '../../app/screen.js';
import { LinkFollower } from '../../links/link-follower.js';

describe.each(ENGINES)('identity links over HTTP on %s', (engine) => {
  let h: Harness;
  let linkId = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['ESP', 'analyst'], ['ITA', 'analyst'], ['ESP', 'bureau']]);
    await createAlert(h.t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    await createAlert(h.t.deps, as('FRA'), {
      kind: 'person',
      category: 'missing',
      person: { names: [{ family: 'MEYER', given: 'PAUL' }], documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] },
      visibility: { mode: 'all-except', members: ['ITA'] },
    });
    await new LinkFollower(h.t.deps).catchUp();
  });
  afterAll(async () => h.close());

  const get = (key: string, query = '') => h.app.inject({ method: 'GET', url: `/api/v1/links${query}`, headers: bearer(key) });

  it('lists a yellow link to an analyst who may see both alerts, and not to one who may not', async () => {
    const res = await get(h.key('ESP', 'analyst'), '?color=yellow');
    expect(res.statusCode).toBe(200);
    const { items } = linkListSchema.parse(res.json());
    expect(items).toHaveLength(1);
    expect(items[0]!.basis).toBe('document');
    expect(items[0]!.alerts.map((a) => a.label).sort()).toEqual(['DEU C01X00T47', 'MEYER, PAUL']);
    linkId = items[0]!.id;
    expect((await get(h.key('ITA', 'analyst'))).json()).toEqual({ items: [] });
    expect((await get(h.key('ESP', 'bureau'))).statusCode).toBe(403);
    expect((await get(h.key('ESP', 'analyst'), '?color=blue')).statusCode).toBe(422);
  });

  it('records a decision; a member that cannot see the link gets 404', async () => {
    const decide = (key: string, payload: Record<string, unknown>) => h.app.inject({ method: 'POST', url: `/api/v1/links/${linkId}/decision`, headers: bearer(key), payload });
    expect((await decide(h.key('ITA', 'analyst'), { color: 'green', reason: 'x' })).statusCode).toBe(404);
    const res = await decide(h.key('ESP', 'analyst'), { color: 'green', reason: 'father and son, same passport number reissued' });
    expect(res.statusCode).toBe(200);
    expect(linkViewSchema.parse(res.json())).toMatchObject({ id: linkId, color: 'green', reason: 'father and son, same passport number reissued', decidedMember: 'ESP' });
    expect(((await get(h.key('ESP', 'analyst'), '?color=green')).json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it('draws the graph of visible links with only the hits the member is party to', async () => {
    const r = await screen(h.t.deps, as('ESP', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] });
    expect(r.hits.length).toBeGreaterThan(0);
    await screen(h.t.deps, as('POL', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] });
    const res = await get(h.key('ESP', 'analyst'), '/graph');
    expect(res.statusCode).toBe(200);
    const graph = linkGraphSchema.parse(res.json());
    expect(graph.nodes.flatMap((n) => (n.type === 'alert' ? [n.label] : [])).sort()).toEqual(['DEU C01X00T47', 'MEYER, PAUL']);
    // ESP's own screening found both alerts; POL's is none of ESP's business.
    expect(graph.nodes.flatMap((n) => (n.type === 'hit' ? [n.screeningMember] : []))).toEqual(['ESP', 'ESP']);
    expect(graph.edges.map((e) => e.type).sort()).toEqual(['hit', 'hit', 'holds', 'link', 'same-document']);
    expect((await get(h.key('ITA', 'analyst'), '/graph')).json()).toEqual({ nodes: [], edges: [] });
    expect((await get(h.key('ESP', 'bureau'), '/graph')).statusCode).toBe(403);
    expect((await get(h.key('ESP', 'analyst'), '/graph?limit=0')).json()).toMatchObject({ field: 'limit' });
  });

  it('documents both routes in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    expect(doc.paths['/api/v1/links']?.get?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/links/{id}/decision']?.post?.summary).toBeTruthy();
    expect(doc.paths['/api/v1/links/graph']?.get?.summary).toBeTruthy();
  });
});
