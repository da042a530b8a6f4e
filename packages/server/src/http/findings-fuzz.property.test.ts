import { taxiiCollectionId } from '@crosscheck/core/chain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../test/engines.js';
import { scanned } from '../../test/findings.js';
import { bearer, httpHarness, type Harness } from '../../test/http-harness.js';
import { recordFindings } from '../app/chain/record-findings.js';

// Garbage must get a clear 4xx or an answer: never a 500, never a hang.
// On every engine: PostgreSQL's narrower columns must refuse in the schema, not answer 500.
describe.each(ENGINES)('findings and TAXII endpoints under garbage input on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'analyst']]);
    await recordFindings(h.t.deps, as('FRA', 'analyst'), [{ finding: scanned(Buffer.from('fuzzed')) }]);
  });
  afterAll(async () => h.close());

  const valid = JSON.stringify(scanned(Buffer.from('a valid line')));
  const line = fc.oneof(
    fc.json(),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(valid, valid.slice(0, 40), `{"content":"***",${valid.slice(1)}`, `{"content":12,${valid.slice(1)}`, '{"locations":[{"txid":"00","place":{"kind":"nowhere"}}]}', '[]', 'null', '{"__proto__":{"x":1}}'),
    fc.record({ method: fc.string({ maxLength: 20 }), size: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 2 ** 31, 2 ** 53)), sha256: fc.string({ maxLength: 70 }), locations: fc.anything() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  );

  it('answers every garbage import with 200 or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 5 }), async (lines) => {
        const started = Date.now();
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/chain/findings', headers: { ...bearer(h.key('FRA', 'analyst')), 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
        expect([200, 400, 413, 422], res.body).toContain(res.statusCode);
        if (res.statusCode !== 200) expect(String(res.headers['content-type'])).toContain('application/problem+json');
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
  });

  const param = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('', '%', '_', "'", '-1', '1e99', 'image/%', 'true', 'x'.repeat(300), '2026-13-45T99:99:99Z'));
  const names = ['method', 'mediaType', 'status', 'matched', 'owner', 'txid', 'sha256', 'md5', 'minHeight', 'maxHeight', 'text', 'cursor', 'limit', 'format', 'withContent', 'nope'];

  it('answers every garbage filter of the list, the export and TAXII objects with 200 or a 4xx', async () => {
    const collection = taxiiCollectionId('FRA');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names, 'added_after', 'next'), param, { maxKeys: 4 }), fc.constantFrom('/api/v1/chain/findings', '/api/v1/chain/findings/export', `/taxii2/findings/collections/${collection}/objects/`), async (query, path) => {
        const res = await h.app.inject({ method: 'GET', url: path, query, headers: { ...bearer(h.key('FRA', 'analyst')), accept: path.startsWith('/taxii2') ? 'application/taxii+json;version=2.1' : '*/*' } });
        expect([200, 400, 413, 422], res.body).toContain(res.statusCode);
      }),
      { numRuns: 200 },
    );
  });
});
