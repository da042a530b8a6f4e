import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpHarness, type Harness } from '../../test/http-harness.js';

type Json = Record<string, unknown>;

/** Every `additionalProperties: true` in a schema, by path: an answer described as "anything". */
function openObjects(schema: unknown, path = '$'): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const own = (schema as Json).additionalProperties === true ? [path] : [];
  return [...own, ...Object.entries(schema as Json).flatMap(([k, v]) => openObjects(v, `${path}.${k}`))];
}

describe('OpenAPI response schemas', () => {
  let h: Harness;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>> };
  beforeAll(async () => {
    h = await httpHarness('sqlite', []);
    doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(async () => h.close());

  const ok = (path: string, method = 'post') => doc.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;

  it('describes the other answers from the contract too, with no open objects', () => {
    for (const [path, method] of [['/api/v1/stats', 'get'], ['/api/v1/links', 'get'], ['/api/v1/links/graph', 'get'], ['/api/v1/links/{id}/decision', 'post'], ['/api/v1/hits', 'get'], ['/api/v1/hits/{id}', 'get'], ['/api/v1/hits/{id}/outcome', 'post']] as const) {
      const schema = ok(path, method);
      expect(schema, path).toBeDefined();
      expect(schema!.type, path).toBe('object');
      expect(openObjects(schema), path).toEqual([]);
    }
  });

  it('describes every alert answer from the contract, a discreet check as its own variant', () => {
    const of = (path: string, method: string, status = '200') => doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    const routes = [['/api/v1/alerts', 'post', '201'], ['/api/v1/alerts', 'get'], ['/api/v1/alerts/{id}', 'get'], ['/api/v1/alerts/{id}', 'patch'], ['/api/v1/alerts/{id}/cancel', 'post'], ['/api/v1/alerts/{id}/history', 'get'], ['/api/v1/alerts/{id}/photos', 'post', '201'], ['/api/v1/alerts/{id}/photos', 'get'], ['/api/v1/alerts/{id}/flags', 'post'], ['/api/v1/review', 'get'], ['/api/v1/review/{id}/decision', 'post'], ['/api/v1/messages', 'post', '201'], ['/api/v1/messages', 'get'], ['/api/v1/messages/{id}', 'get'], ['/api/v1/changes', 'get']] as const;
    for (const [path, method, status] of routes) {
      const schema = of(path, method, status);
      expect(schema, `${method} ${path}`).toBeDefined();
      expect(openObjects(schema), `${method} ${path}`).toEqual([]);
    }
    // One alert: an alert read in full (a variant per kind) or the instruction of a discreet check.
    const one = of('/api/v1/alerts/{id}', 'get')!;
    const [full, instruction] = one.anyOf as [Json, { properties: Record<string, Json> }];
    // OpenAPI 3.0 has no `const`: the document writes a one-value `enum`.
    const single = (s: Json | undefined) => s?.const ?? (s?.enum as unknown[] | undefined)?.join();
    expect(((full.oneOf ?? full.anyOf) as { properties: Record<string, Json> }[]).map((v) => single(v.properties.kind))).toEqual(['person', 'document', 'vehicle', 'asset']);
    expect(single(instruction.properties.access)).toBe('instruction-only');
    expect(Object.keys(instruction.properties).sort()).toEqual(['access', 'action', 'category', 'id', 'kind', 'owner']);
    const listed = ((of('/api/v1/alerts', 'get')!.properties as Json).items as Json).items as Json;
    expect((listed.anyOf as Json[]).length).toBe(2);
  });

  it('describes every screening answer field by field, from the contract, with no open objects', () => {
    for (const path of ['/api/v1/screen', '/api/v1/screen/batch', '/api/v1/screen/flight']) {
      const schema = ok(path);
      expect(schema, path).toBeDefined();
      expect(openObjects(schema), path).toEqual([]);
    }
    const screen = ok('/api/v1/screen')!;
    expect(screen.required).toEqual(expect.arrayContaining(['screeningId', 'hits']));
    const result = ((screen.properties as Json).hits as Json).items as Json;
    // A discreet check is its own variant, told apart by `access`, not by a missing score.
    const variants = (result.oneOf ?? result.anyOf) as { properties: { access: { const?: string; enum?: string[] }; score?: unknown; hitId: unknown } }[];
    const accessOf = (v: (typeof variants)[number]) => v.properties.access.const ?? v.properties.access.enum?.join();
    expect(variants.map(accessOf).sort()).toEqual(['full', 'instruction-only']);
    expect(variants.find((v) => accessOf(v) === 'instruction-only')!.properties.score).toBeUndefined();
    for (const v of variants) expect(v.properties.hitId, 'every result names its hit').toBeDefined();
  });
});
