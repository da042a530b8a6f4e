import type { AuditAction, ChainedEntry, Role } from '@crosscheck/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, documentAlert } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { appendAudit } from '../../store/audit-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';

const CREDENTIALS: [string, Role][] = [
  ['IPO', 'auditor'],
  ['FRA', 'auditor'],
  ['FRA', 'bureau'],
  ['DEU', 'bureau'],
];

type Page = { items: ChainedEntry[]; next: string | null };

describe.each(ENGINES)('the audit trail over HTTP on %s', (engine) => {
  let h: Harness;
  let alertId = '';
  beforeAll(async () => {
    h = await httpHarness(engine, CREDENTIALS);
    // FRA publishes a stolen passport; DEU reads it (an entry about FRA's alert) and tries to
    // read the trail (a refusal of DEU's own, about nothing of FRA's).
    const created = await call('POST', '/api/v1/alerts', 'FRA', 'bureau', documentAlert('FRA', '12AB34567'));
    expect(created.statusCode).toBe(201);
    alertId = (created.json() as { id: string }).id;
    expect((await call('GET', `/api/v1/alerts/${alertId}`, 'DEU', 'bureau')).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/audit', 'DEU', 'bureau')).statusCode).toBe(403);
  });
  afterAll(async () => h.close());

  function call(method: 'GET' | 'POST', url: string, member: string, role: Role, payload?: unknown) {
    return h.app.inject({ method, url, headers: bearer(h.key(member, role)), ...(payload !== undefined ? { payload: payload as object } : {}) });
  }
  const list = async (member: string, query: string) => {
    const res = await call('GET', `/api/v1/audit${query}`, member, 'auditor');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const verify = (member: string, role: Role = 'auditor') => call('POST', '/api/v1/audit/verify', member, role);

  it('filters by action, alert, credential and result, within what each auditor may see', async () => {
    const reads = await list('IPO', `?action=alert.read&alertId=${alertId}`);
    expect(reads.items.map((e) => [e.member, e.target, e.outcome])).toEqual([['DEU', `alert:${alertId}`, 'ok']]);
    // FRA's auditors see DEU reading FRA's alert, but not DEU's refusal, which is DEU's business.
    expect((await list('FRA', `?action=alert.read&alertId=${alertId}`)).items).toHaveLength(1);
    const refusals = await list('IPO', '?result=refused');
    expect(refusals.items.map((e) => [e.member, e.action, e.outcome])).toEqual([['DEU', 'audit.list', 'access.forbidden']]);
    expect((await list('FRA', '?result=refused')).items).toEqual([]);
    expect((await list('IPO', '?result=allowed&action=audit.list')).items.every((e) => e.outcome === 'ok')).toBe(true);

    const byCredential = await list('IPO', `?credential=${encodeURIComponent(reads.items[0]!.credential)}`);
    expect(byCredential.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(byCredential.items.map((e) => e.credential))).toEqual(new Set([reads.items[0]!.credential]));
    expect(byCredential.items.map((e) => e.action)).toContain('alert.read');
  });

  it('filters by time range and pages with a cursor', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await list('IPO', `?from=${encodeURIComponent(future)}`)).items).toEqual([]);
    expect((await list('IPO', '?to=2000-01-01T00:00:00Z')).items).toEqual([]);
    expect((await list('IPO', '?from=2000-01-01T00:00:00%2B02:00&limit=1000')).items.length).toBeGreaterThan(5);
    const first = await list('IPO', '?limit=2');
    expect(first.next).toBe(String(first.items[1]!.seq));
    const second = await list('IPO', `?limit=2&cursor=${first.next}`);
    expect(second.items[0]!.seq).toBe(first.items[1]!.seq - 1);
  });

  it('refuses malformed filters with the field named', async () => {
    for (const [query, field] of [
      ['?result=maybe', 'result'],
      ['?from=yesterday', 'from'],
      ['?member=fr', 'member'],
      ['?who=me', 'who'],
      [`?alertId=${'x'}&target=alert:y`, 'alertId'],
    ] as const) {
      const res = await call('GET', `/api/v1/audit${query}`, 'IPO', 'auditor');
      expect(res.statusCode, query).toBe(422);
      expect((res.json() as { field?: string }).field, query).toBe(field);
    }
  });

  it('verifies an intact chain: the whole count for the operator, only "intact" for a member', async () => {
    const whole = await verify('IPO');
    expect(whole.statusCode).toBe(200);
    const body = whole.json() as { scope: string; intact: boolean; entries: number };
    expect(body).toMatchObject({ scope: 'whole', intact: true });
    expect(body.entries).toBeGreaterThan(5);
    const member = await verify('FRA');
    expect(member.json()).toEqual({ scope: 'member', intact: true, operator: 'IPO', checkedAt: expect.any(String) });
    // The verification is itself on the trail, and a member's entry says no more than its answer.
    const [own] = (await list('FRA', '?action=audit.verify')).items;
    expect(JSON.parse(own!.detail)).toEqual({ intact: true });
    expect((await list('IPO', '?action=audit.verify')).items).toHaveLength(2);
  });

  it('refuses a caller who is not an auditor, and records the refusal', async () => {
    const res = await verify('FRA', 'bureau');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await list('IPO', '?action=audit.verify&result=refused')).items.map((e) => [e.member, e.role, e.outcome])).toEqual([['FRA', 'bureau', 'access.forbidden']]);
  });

  it('names the altered entry to the operator and tells a member only that the chain is broken', async () => {
    const [target] = (await list('IPO', `?action=alert.read&alertId=${alertId}`)).items;
    await sql`update audit_log set outcome = ${'alert.not-found'} where seq = ${target!.seq}`.execute(h.t.deps.db);

    const whole = (await verify('IPO')).json() as { scope: string; intact: boolean; entries: number; problem: { kind: string; seq: number; message: string } };
    expect(whole).toMatchObject({ scope: 'whole', intact: false, entries: target!.seq - 1, problem: { kind: 'altered', seq: target!.seq } });
    expect(whole.problem.message).toContain(String(target!.seq));

    const member = (await verify('FRA')).json() as Record<string, unknown>;
    expect(member).toEqual({ scope: 'member', intact: false, operator: 'IPO', checkedAt: expect.any(String) });
    const [own] = (await list('FRA', '?action=audit.verify&limit=1')).items;
    expect(JSON.parse(own!.detail)).toEqual({ intact: false });
  });

  it('documents the verification in the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    expect(doc.paths['/api/v1/audit/verify']?.post?.summary).toBeTruthy();
  });
  it("finds entries stored under an action's former name when filtered by its current name", async () => {
    // An entry as an earlier version wrote it, before `keys.create` became `key.create`.
    const old = { at: new Date().toISOString(), member: 'IPO', role: 'admin', credential: 'cli:former' as const, action: 'keys.create' as AuditAction, target: 'key:former', requestId: 'former', outcome: 'ok', detail: '{}' };
    await inWriteTransaction(h.t.deps.db, (tx) => appendAudit(tx, old));
    const current = await list('IPO', '?action=key.create');
    expect(current.items.map((e) => e.action)).toContain('keys.create');
    expect(current.items.map((e) => e.action)).toContain('key.create');
    expect((await list('IPO', '?action=keys.create')).items).toHaveLength(current.items.length);
  });
});
