import type { ChainedEntry } from '@crosscheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { createKey } from '../../app/manage-keys.js';

const PASSWORD = 'correct horse battery staple';

describe.each(ENGINES)("what an administrator may grant, and who sees it, over HTTP on %s", (engine) => {
  let h: Harness;
  /** A second administrator key of FRA, made at the console. */
  let fraSecondAdmin = '';
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'admin'], ['DEU', 'admin'], ['IPO', 'admin'], ['FRA', 'auditor'], ['DEU', 'auditor']]);
    fraSecondAdmin = (await createKey(h.t.deps, as('IPO', 'admin'), { member: 'FRA', role: 'admin', label: 'second' })).key;
  });
  afterAll(async () => h.close());

  const post = (key: string, url: string, payload?: object) => h.app.inject({ method: 'POST', url, headers: bearer(key), ...(payload ? { payload } : {}) });
  const works = async (key: string) => (await h.app.inject({ method: 'GET', url: '/api/v1/members', headers: bearer(key) })).statusCode;
  const logIn = async (username: string) => (await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD } })).statusCode;
  const auditOf = async (key: string, query: string) => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/audit?${query}&limit=1000`, headers: bearer(key) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: ChainedEntry[] }).items;
  };

  it("holds a bureau key a member's administrator asks for its own member until a second administrator approves it", async () => {
    const created = await post(h.key('FRA', 'admin'), '/api/v1/keys', { member: 'FRA', role: 'bureau', label: 'border' });
    expect(created.statusCode, created.body).toBe(201);
    const k = created.json() as { id: string; key: string; status: string; requestedBy: string };
    expect(k.status).toBe('pending-approval');
    // The secret is shown this once, but the key does not work yet.
    expect(await works(k.key)).toBe(401);
    const self = await post(h.key('FRA', 'admin'), `/api/v1/keys/${k.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'credential.second-person-required' });
    // Another member's administrator cannot even tell the key exists.
    expect((await post(h.key('DEU', 'admin'), `/api/v1/keys/${k.id}/approve`)).statusCode).toBe(404);
    expect(await works(k.key)).toBe(401);
    const approved = await post(fraSecondAdmin, `/api/v1/keys/${k.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', requestedBy: k.requestedBy, approvedBy: expect.stringMatching(/^key:/) });
    expect(await works(k.key)).toBe(200);
    expect((await post(fraSecondAdmin, `/api/v1/keys/${k.id}/approve`)).statusCode).toBe(409);
  });

  it('holds administrator and replica keys the same way, and grants lesser roles at once', async () => {
    for (const role of ['admin', 'replica']) {
      const k = (await post(h.key('FRA', 'admin'), '/api/v1/keys', { member: 'FRA', role })).json() as { key: string; status: string };
      expect(k.status).toBe('pending-approval');
      expect(await works(k.key)).toBe(401);
    }
    const frontline = (await post(h.key('FRA', 'admin'), '/api/v1/keys', { member: 'FRA', role: 'frontline' })).json() as { key: string; status: string };
    expect(frontline.status).toBe('active');
    expect(await works(frontline.key)).toBe(200);
    // The operator's own auditors read every member's trail: its API administrator needs a second one too.
    const operatorAuditor = (await post(h.key('IPO', 'admin'), '/api/v1/keys', { member: 'IPO', role: 'auditor' })).json() as { key: string; status: string };
    expect(operatorAuditor.status).toBe('pending-approval');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(operatorAuditor.key) })).statusCode).toBe(401);
    // The operator at the console sets installations up: its keys work at once.
    const console = await createKey(h.t.deps, as('IPO', 'admin'), { member: 'IPO', role: 'admin' });
    expect(console.status).toBe('active');
  });

  it("holds a bureau user until the operator's administrator approves it; only then can it log in", async () => {
    const created = await post(h.key('FRA', 'admin'), '/api/v1/users', { username: 'fra.chief', member: 'FRA', role: 'bureau', password: PASSWORD });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending-approval' });
    expect(await logIn('fra.chief')).toBe(401);
    expect((await post(h.key('FRA', 'admin'), '/api/v1/users/fra.chief/approve')).statusCode).toBe(403);
    expect((await post(h.key('DEU', 'admin'), '/api/v1/users/fra.chief/approve')).statusCode).toBe(404);
    const approved = await post(h.key('IPO', 'admin'), '/api/v1/users/fra.chief/approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await logIn('fra.chief')).toBe(200);
    // Every other administrator of the member sees what waits and what was approved.
    const listed = (await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(fraSecondAdmin) })).json() as { items: { username: string; status: string }[] };
    expect(listed.items.find((u) => u.username === 'fra.chief')?.status).toBe('active');
  });

  it("shows a member's auditors every credential made for their member, whoever made it, and nothing of another member's", async () => {
    const byOperator = await post(h.key('IPO', 'admin'), '/api/v1/keys', { member: 'FRA', role: 'bureau', label: 'made by the operator' });
    expect(byOperator.statusCode).toBe(201);
    const k = byOperator.json() as { id: string; key: string; status: string };
    // The operator is FRA's second party: the key works at once, and FRA is told.
    expect(k.status).toBe('active');
    const fraView = await auditOf(h.key('FRA', 'auditor'), 'action=key.create');
    expect(fraView.map((e) => e.target)).toContain(`key:${k.id}`);
    expect(fraView.find((e) => e.target === `key:${k.id}`)?.member).toBe('IPO');
    expect((await auditOf(h.key('FRA', 'auditor'), 'action=key.approve')).length).toBeGreaterThan(0);
    const deuView = await auditOf(h.key('DEU', 'auditor'), 'action=key.create');
    expect(deuView.map((e) => e.target)).not.toContain(`key:${k.id}`);
    // A DEU credential's entries stay DEU's; FRA's auditor sees only what concerns FRA.
    const deuKey = (await post(h.key('IPO', 'admin'), '/api/v1/keys', { member: 'DEU', role: 'frontline' })).json() as { id: string };
    expect((await auditOf(h.key('DEU', 'auditor'), 'action=key.create')).map((e) => e.target)).toContain(`key:${deuKey.id}`);
    const fraAll = await auditOf(h.key('FRA', 'auditor'), 'result=allowed');
    expect(fraAll.map((e) => e.target)).not.toContain(`key:${deuKey.id}`);
    expect(fraAll.filter((e) => e.member !== 'FRA').every((e) => e.target.startsWith('key:') || e.target.startsWith('user:'))).toBe(true);
  });

  it("never tells a member's administrator whether another member's user name exists", async () => {
    expect((await post(h.key('FRA', 'admin'), '/api/v1/users', { username: 'fra.desk', member: 'FRA', role: 'frontline', password: PASSWORD })).statusCode).toBe(201);
    // Taken by FRA, free, or never anyone's: DEU's administrator gets the same refusal naming the rule.
    for (const username of ['fra.desk', 'fra.nobody']) {
      const res = await post(h.key('DEU', 'admin'), '/api/v1/users', { username, member: 'DEU', role: 'frontline', password: PASSWORD });
      expect(res.statusCode, username).toBe(422);
      expect(res.json()).toMatchObject({ code: 'user.name-of-another-member', field: 'username' });
    }
    const bare = await post(h.key('DEU', 'admin'), '/api/v1/users', { username: 'desk', member: 'DEU', role: 'frontline', password: PASSWORD });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ field: 'username' });
    // Within its own member's names, an administrator is told a name is taken, and the new user logs in.
    expect((await post(h.key('DEU', 'admin'), '/api/v1/users', { username: 'deu.desk', member: 'DEU', role: 'frontline', password: PASSWORD })).statusCode).toBe(201);
    expect((await post(h.key('DEU', 'admin'), '/api/v1/users', { username: 'deu.desk', member: 'DEU', role: 'frontline', password: PASSWORD })).statusCode).toBe(409);
    expect(await logIn('deu.desk')).toBe(200);
    expect(await logIn('fra.desk')).toBe(200);
  });
});
