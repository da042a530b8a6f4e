import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenBatchResponseSchema, screenResponseSchema } from '@crosscheck/core/api/schemas';
import { ENGINES, as, domainError, openTestDeps, personAlert, type TestContext } from '../../test/engines.js';
import { queryAudit } from '../store/audit-repo.js';
import { createAlert } from './create-alert.js';
import { screen } from './screen.js';
import { screenBatch } from './screen-batch.js';

const DEFAULTS = { threshold: 0.7, weights: { birthDate: 1, nationality: 1, sex: 1 } };

describe.each(ENGINES)('a screening request’s own threshold and evidence weights on %s', (engine) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    // ANNA KOWALCZYK, born 1974-08, F. The same name born in 1990 scores 1 − 0.3 (another year) = 0.7.
    await createAlert(t.deps, as('FRA'), personAlert('KOWALCZYK'));
  });
  afterEach(async () => t.close());

  const person = (extra: object = {}) => ({ person: { names: ['Anna Kowalczyk'], birthDate: '1990', ...extra } });

  it('applies the defaults when the request sets none, says so, and audits nothing more', async () => {
    const r = screenResponseSchema.parse(await screen(t.deps, as('DEU', 'frontline'), person()));
    expect(r.hits.map((h) => h.access === 'full' && h.score)).toEqual([0.7]);
    expect(r.settings).toEqual(DEFAULTS);
    const [entry] = await queryAudit(t.deps.db, { action: 'screening.run', limit: 1 });
    expect(JSON.parse(entry!.detail)).not.toHaveProperty('settings');
  });

  it('a raised threshold drops the hit; the screening stored and its audit entry show the threshold', async () => {
    const r = await screen(t.deps, as('DEU', 'frontline'), { ...person(), threshold: 0.75 });
    expect(r.hits).toEqual([]);
    expect(r.settings).toEqual({ ...DEFAULTS, threshold: 0.75 });
    const stored = await t.deps.db.selectFrom('screenings').selectAll().where('id', '=', r.screeningId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.query)).toMatchObject({ threshold: 0.75 });
    expect(stored.hit_count).toBe(0);
    const [entry] = await queryAudit(t.deps.db, { action: 'screening.run', limit: 1 });
    expect(JSON.parse(entry!.detail)).toEqual({ hits: [], settings: { ...DEFAULTS, threshold: 0.75 } });
  });

  it('a lowered threshold and a lighter sex weight make a hit of what was none, recorded and audited as such', async () => {
    // Another sex as well: 1 − 0.3 − 0.2 = 0.5 by default; with the sex weighed half, 0.6.
    const query = person({ sex: 'M' });
    expect((await screen(t.deps, as('DEU', 'frontline'), query)).hits).toEqual([]);
    const r = await screen(t.deps, as('DEU', 'frontline'), { ...query, threshold: 0.6, weights: { sex: 0.5 } });
    expect(r.hits.map((h) => h.access === 'full' && h.score)).toEqual([0.6]);
    expect(r.hits[0]!.hitId).not.toBeNull();
    expect(r.settings).toEqual({ threshold: 0.6, weights: { birthDate: 1, nationality: 1, sex: 0.5 } });
    const stored = await t.deps.db.selectFrom('hits').select('score').where('screening_id', '=', r.screeningId).execute();
    expect(stored.map((h) => h.score)).toEqual([0.6]);
    const [entry] = await queryAudit(t.deps.db, { action: 'screening.run', limit: 1 });
    expect(JSON.parse(entry!.detail).settings).toEqual({ threshold: 0.6, weights: { birthDate: 1, nationality: 1, sex: 0.5 } });
  });

  it('a birth date weighed 0 no longer lowers the score', async () => {
    const r = await screen(t.deps, as('DEU', 'frontline'), { ...person(), threshold: 0.9, weights: { birthDate: 0 } });
    expect(r.hits.map((h) => h.access === 'full' && h.score)).toEqual([1]);
  });

  it('refuses settings outside the operator’s bounds, naming the field and the bounds', async () => {
    const low = await domainError(screen(t.deps, as('DEU', 'frontline'), { ...person(), threshold: 0.3 }));
    expect(low).toMatchObject({ kind: 'validation', code: 'screening.setting-out-of-bounds' });
    expect(low.problems).toEqual([{ field: 'threshold', message: "threshold must be from 0.6 to 0.95 on this server (the operator's bounds); it is 0.3", code: 'out-of-bounds', bounds: { min: 0.6, max: 0.95 } }]);
    const heavy = await domainError(screen(t.deps, as('DEU', 'frontline'), { ...person(), weights: { nationality: 3, sex: 1 } }));
    expect(heavy.problems.map((p) => p.field)).toEqual(['weights.nationality']);
    expect(heavy.message).toContain('from 0 to 2');
    // The operator's bounds are the configuration's (CROSSCHECK_THRESHOLD_MIN…).
    t.deps.screeningBounds = { threshold: { min: 0.2, max: 0.95 }, weight: { min: 0, max: 2 } };
    expect((await screen(t.deps, as('DEU', 'frontline'), { ...person(), threshold: 0.3 })).settings.threshold).toBe(0.3);
  });

  it('takes settings per traveller in a batch: one out of bounds is refused in its place, the others screened with their own', async () => {
    const r = screenBatchResponseSchema.parse(await screenBatch(t.deps, as('DEU', 'frontline'), 'application/json', [{ id: 'a', ...person(), threshold: 0.99 }, { id: 'b', ...person(), threshold: 0.65 }, { id: 'c', ...person() }]));
    expect(r.items[0]).toMatchObject({ id: 'a', error: { code: 'screening.setting-out-of-bounds', errors: [{ field: 'threshold' }] } });
    expect(r.items[1]).toMatchObject({ id: 'b', settings: { ...DEFAULTS, threshold: 0.65 } });
    expect(r.items[2]).toMatchObject({ id: 'c', settings: DEFAULTS });
    const [entry] = await queryAudit(t.deps.db, { action: 'screening.run-batch', limit: 1 });
    const detail = JSON.parse(entry!.detail);
    expect(detail.settings).toEqual([{ screeningId: (r.items[1] as { screeningId: string }).screeningId, ...DEFAULTS, threshold: 0.65 }]);
  });
});
