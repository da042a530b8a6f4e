import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpHarness, type Harness } from '../../test/http-harness.js';
import { ROUTE_ACTIONS, actionOfRoute } from './route-actions.js';

// Routes a national copy adds to the server (routes/replica-copy.ts), absent from the centre.
const COPY_ONLY = ['GET /api/v1/replica/status'];

describe('the action of every API route', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness('sqlite', []);
  });
  afterAll(async () => h.close());

  it('is stated for every route the API documents, and only for routes that exist', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.length).toBeGreaterThan(50);
    expect(documented.filter((route) => !(route in ROUTE_ACTIONS))).toEqual([]);
    expect(Object.keys(ROUTE_ACTIONS).filter((route) => !documented.includes(route) && !COPY_ONLY.includes(route))).toEqual([]);
  });

  it('answers HEAD with its GET route and an unmatched request with route.unknown', () => {
    expect(actionOfRoute('HEAD', '/api/v1/alerts/:id')).toBe('alert.read');
    expect(actionOfRoute('POST', undefined)).toBe('route.unknown');
    expect(actionOfRoute('POST', '/api/v1/session')).toBeNull();
  });
});
