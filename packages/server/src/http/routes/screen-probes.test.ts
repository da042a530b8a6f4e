import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenBatchResponseSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import { seedDemo } from '../../demo/seed-demo.js';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

// The README's own screening example, as a newcomer would paste it.
const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
const example = JSON.parse(/## Screening[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!) as Record<string, unknown>;
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe.each(ENGINES)('POST /api/v1/screen with every probe, on %s', (engine) => {
  let h: Harness;
  let frontline: string;
  let eriksson: string;
  beforeAll(async () => {
    h = await httpHarness(engine, []);
    const demo = await seedDemo(h.t.deps);
    frontline = demo.keys.find((k) => k.member === 'DEU' && k.role === 'frontline')!.key;
    const row = await h.t.deps.db.selectFrom('alerts').select('id').where('owner', '=', 'DEU').where('kind', '=', 'person').executeTakeFirstOrThrow();
    eriksson = String(row.id);
  }, 60_000);
  afterAll(async () => h?.close());

  const post = async (url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: bearer(frontline), payload: payload as object });

  it('answers the README example with DEU’s arrest alert on the MRZ holder, though another person is typed', async () => {
    const res = await post('/api/v1/screen', example);
    expect(res.statusCode).toBe(200);
    const body = screenResponseSchema.parse(res.json());
    const hit = body.hits.find((x) => x.alertId === eriksson);
    expect(hit).toMatchObject({ access: 'full', category: 'arrest', owner: 'DEU', warnings: ['escape-risk'], matchedBy: ['mrz-holder'] });
    // The typed document and vehicle are screened too, each saying which probe found it.
    const by = Object.fromEntries(body.hits.map((x) => [x.kind, x.access === 'full' ? x.matchedBy : []]));
    expect(by).toMatchObject({ document: ['document'], vehicle: ['vehicle'] });
    // The document's own state and the disagreement between the typed person and the holder.
    expect(body.warnings.map((w) => w.code)).toEqual(['mrz.expired', 'mrz.specimen-state', 'mrz.holder-differs', 'mrz.holder-differs', 'mrz.holder-differs']);
    expect(body.warnings[0]).toMatchObject({ date: '2012-04-15' });
    expect(body.warnings.filter((w) => w.code === 'mrz.holder-differs').map((w) => 'field' in w && w.field)).toEqual(['names', 'birthDate', 'sex']);
  });

  it('merges two probes that find the same alert into one result naming both', async () => {
    const body = screenResponseSchema.parse((await post('/api/v1/screen', { mrz: SPECIMEN, person: { names: ['Anna Maria Eriksson'], birthDate: '1974-08-12' } })).json());
    const mine = body.hits.filter((x) => x.alertId === eriksson);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ matchedBy: ['person', 'mrz-holder'] });
    expect(body.warnings.map((w) => w.code)).not.toContain('mrz.holder-differs');
  });

  it('screens an MRZ whose composite check digit fails, and says which check failed', async () => {
    const bad = `${SPECIMEN.slice(0, -1)}7`;
    const body = screenResponseSchema.parse((await post('/api/v1/screen', { mrz: bad })).json());
    expect(body.hits.map((x) => x.alertId)).toContain(eriksson);
    expect(body.warnings).toContainEqual(expect.objectContaining({ code: 'mrz.check-digit', checks: ['composite'] }));
  });

  it('suggests the OCR correction of a letter read for a digit', async () => {
    const body = screenResponseSchema.parse((await post('/api/v1/screen', { mrz: SPECIMEN.replace('7408122', '74O8122') })).json());
    expect(body.warnings).toContainEqual(expect.objectContaining({ code: 'mrz.ocr-suggestion', field: 'birthDate', from: 'O', to: '0' }));
  });

  it('gives each traveller of a batch its own warnings and merged hits', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/screen/batch', headers: bearer(frontline), payload: [{ id: 'a', mrz: SPECIMEN, person: { names: ['Muammar Gaddafi'] } }, { id: 'b', documents: [{ number: 'X4RTBPFW4', issuingState: 'FRA' }] }] });
    const { items } = screenBatchResponseSchema.parse(res.json());
    expect(items[0]).toMatchObject({ id: 'a', hits: expect.arrayContaining([expect.objectContaining({ alertId: eriksson, matchedBy: ['mrz-holder'] })]) });
    expect('warnings' in items[0]! && items[0].warnings.map((w) => w.code)).toContain('mrz.expired');
    expect(items[1]).toMatchObject({ id: 'b', warnings: [] });
  });

  it('documents the nationality it accepts: the README’s lower-case "ly" fits the OpenAPI pattern', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: { person: { properties: Record<string, { pattern: string }> } } } }> } } }> };
    const person = doc.paths['/api/v1/screen']!.post.requestBody.content['application/json']!.schema.properties.person.properties;
    expect(new RegExp(person.nationality!.pattern).test('ly')).toBe(true);
    expect(new RegExp(person.nationality!.pattern).test('l1')).toBe(false);
    expect((await post('/api/v1/screen', { person: { names: ['X Y'], nationality: 'l1' } })).statusCode).toBe(422);
  });
});
