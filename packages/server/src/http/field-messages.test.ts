import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';

interface Problem {
  role?: string;
  permission?: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

/** Refusals that say what is wrong in words a person can act on: which field, what about it, which role. */
describe.each(ENGINES)('messages of refusals on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['FRA', 'frontline']]);
  });
  afterAll(async () => h.close());

  const post = async (url: string, payload: unknown, key = h.key('FRA')) => {
    const res = await h.app.inject({ method: 'POST', url, headers: bearer(key), payload: payload as object });
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    return { status: res.statusCode, problem: res.json<Problem>() };
  };
  const personAlert = (birthDate: string) => ({ kind: 'person', category: 'arrest', person: { names: [{ family: 'EXAMPLE' }], birthDate }, visibility: { mode: 'all' } });

  it('tells an impossible date, a future birth date and a wrong format apart, on alerts and on screening', async () => {
    const messages: string[] = [];
    for (const [birthDate, words, code] of [
      ['1974-02-30', 'this day does not exist in the calendar', 'date.impossible'],
      ['2999-01-01', 'a birth date cannot be in the future', 'date.future'],
      ['30/01/1974', 'not a date as YYYY-MM-DD', 'date.format'],
    ] as const) {
      const alert = await post('/api/v1/alerts', personAlert(birthDate));
      expect(alert.status).toBe(422);
      // The code lets a client word it in its reader's language (the web app does).
      expect(alert.problem.errors).toEqual([{ field: 'person.birthDate', message: expect.stringContaining(words), code }]);
      expect(alert.problem.detail).toContain(words);
      messages.push(alert.problem.errors![0]!.message);

      const screen = await post('/api/v1/screen', { person: { names: ['EXAMPLE'], birthDate } }, h.key('FRA', 'frontline'));
      expect(screen.status).toBe(422);
      expect(screen.problem.errors?.[0]).toMatchObject({ field: 'person.birthDate', message: expect.stringContaining(words), code });
    }
    expect(new Set(messages).size).toBe(3);
  });

  it('names a missing field as missing', async () => {
    const { status, problem } = await post('/api/v1/alerts', { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788' } });
    expect(status).toBe(422);
    expect(problem.field).toBe('visibility');
    expect(problem.detail).toBe('visibility is required');
    expect(problem.errors).toEqual([{ field: 'visibility', message: 'visibility is required', code: 'required' }]);
    expect(JSON.stringify(problem)).not.toContain('received undefined');
  });

  it('says in words which role may not do what', async () => {
    const { status, problem } = await post('/api/v1/alerts', { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788' }, visibility: { mode: 'all' } }, h.key('FRA', 'frontline'));
    expect(status).toBe(403);
    expect(problem.detail).toBe('your role (frontline) may not create alerts');
    // Named as data too, so that a client says it in its reader's language.
    expect(problem).toMatchObject({ code: 'access.forbidden', role: 'frontline', permission: 'alert.create' });
    const audit = await h.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(h.key('FRA')) });
    expect(audit.json<Problem>().detail).toBe('your role (bureau) may not read the audit trail');
  });
});
