import { alertViewSchema, hitDetailSchema, hitFormViewSchema } from '@crosscheck/core/api/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { screen } from '../../app/screen.js';

// The SIS recast categories over HTTP: a 422 naming the missing section, and an inquiry check's
// answers through POST /api/v1/hits/{id}/answers (201 for the screening member, 403 for the owner,
// 404 for a third member), each answer parsed with its documented contract.
describe.each(ENGINES)('SIS recast categories over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['DEU', 'frontline'], ['ITA', 'bureau']]);
  });
  afterAll(async () => h.close());

  const call = async (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) => h.app.inject({ method, url, headers: bearer(key), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const inquiry = (questions?: string[]) => ({ kind: 'person', category: 'inquiry-check', person: { names: [{ family: 'GARNIER', given: 'LOUIS' }], birthDate: '1980-05-17' }, visibility: { mode: 'all' }, ...(questions ? { inquiry: { questions } } : {}) });

  it('refuses an inquiry check without its questions, naming the field', async () => {
    const res = await call(h.key('FRA'), 'POST', '/api/v1/alerts', inquiry());
    expect(res.statusCode).toBe(422);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation.invalid', field: 'inquiry' });
  });

  it('takes the answers from the screening member only and shows them to the owner in the thread', async () => {
    const made = await call(h.key('FRA'), 'POST', '/api/v1/alerts', inquiry(['Where to?', 'Who paid?']));
    expect(made.statusCode).toBe(201);
    expect(alertViewSchema.parse(made.json())).toMatchObject({ category: 'inquiry-check', inquiry: { questions: ['Where to?', 'Who paid?'] } });
    const r = await screen(h.t.deps, as('DEU', 'frontline'), { person: { names: ['Louis Garnier'], birthDate: '1980-05-17' } });
    const hitId = (await h.t.deps.db.selectFrom('hits').select('id').where('screening_id', '=', r.screeningId).executeTakeFirstOrThrow()).id;
    const url = `/api/v1/hits/${hitId}/answers`;
    expect((await call(h.key('FRA'), 'POST', url, { answers: ['a', 'b'] })).json()).toMatchObject({ code: 'hit.answers-not-yours' });
    expect((await call(h.key('FRA'), 'POST', url, { answers: ['a', 'b'] })).statusCode).toBe(403);
    expect((await call(h.key('ITA'), 'POST', url, { answers: ['a', 'b'] })).statusCode).toBe(404);
    const wrong = await call(h.key('DEU', 'frontline'), 'POST', url, { answers: ['a'] });
    expect([wrong.statusCode, wrong.json().field]).toEqual([422, 'answers']);
    const sent = await call(h.key('DEU', 'frontline'), 'POST', url, { answers: ['Lisbon', 'Declined to answer'] });
    expect(sent.statusCode).toBe(201);
    expect(hitFormViewSchema.parse(sent.json())).toMatchObject({ form: 'G', handlingCode: 'H0', text: '', answers: [{ question: 'Where to?', answer: 'Lisbon' }, { question: 'Who paid?', answer: 'Declined to answer' }] });
    const seen = hitDetailSchema.parse((await call(h.key('FRA'), 'GET', `/api/v1/hits/${hitId}`)).json());
    expect(seen.forms[0]?.answers).toEqual(sent.json().answers);
    expect(seen.subject).toMatchObject({ category: 'inquiry-check', inquiry: { questions: ['Where to?', 'Who paid?'] } });
  });
});
