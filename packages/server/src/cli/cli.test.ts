import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, startCli } from '../../test/cli.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { openDatabase } from '../store/database.js';
import { queryAudit, verifyAuditChain } from '../store/audit-repo.js';
import { UN_FIXTURE } from '../formats/un-sc-list.fixture.js';

// Every step spawns the CLI (about 2 s of start-up each on an idle machine, several times that
// while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const doc = (n: number, state = 'FRA') => JSON.stringify({ kind: 'document', document: { issuingState: state, type: 'passport', number: `N${n}`, status: 'lost' }, visibility: { mode: 'all' } });

describe('crosscheck CLI without a database', () => {
  it('does not create a database for a mistyped --db, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-typo-'));
    const path = join(dir, 'typo', 'x.db');
    for (const args of [['audit', 'verify'], ['keys', 'list'], ['alerts', 'export', '--member', 'FRA']]) {
      const r = await runCli([...args, '--db', path]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`no database at ${path}`);
    }
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.each(ENGINES)('crosscheck CLI on %s', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(engine);
    const migrated = await runCli(['db', 'migrate', '--db', store.target]);
    expect(migrated.stdout).toContain('applied 0001-initial');
  });
  afterEach(async () => store.drop());
  const cli = (args: string[], input?: string) => runCli([...args, '--db', store.target], input);

  it('creates a key shown once as the last line, lists it without the secret, and revokes it', async () => {
    const created = await cli(['keys', 'create', '--member', 'FRA', '--role', 'bureau', '--label', 'gate 4']);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim().split('\n').pop()!;
    expect(key).toMatch(/^cc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const listed = await cli(['keys', 'list']);
    expect(listed.stdout).toContain('gate 4');
    expect(listed.stdout).not.toContain(key.slice(16));
    const [header, row] = listed.stdout.split('\n');
    expect(header).toBe('ID\tMEMBER\tROLE\tLABEL\tCREATED\tREVOKED\tSTATUS');
    const id = row!.split('\t')[0]!;
    expect((await cli(['keys', 'revoke', id])).code).toBe(0);
    expect((await cli(['keys', 'list'])).stdout).toMatch(/gate 4\t\d{4}-/);
  });

  it("approves, as the operator, a key a member's administrator asked for, listed as pending until then", async () => {
    const created = await cli(['keys', 'create', '--member', 'FRA', '--role', 'bureau', '--label', 'asked for']);
    const id = (await cli(['keys', 'list'])).stdout.split('\n').find((l) => l.includes('asked for'))!.split('\t')[0]!;
    // As a member's administrator's request is stored (the API makes it so, app/manage-keys.ts).
    const db = await openDatabase(store.target);
    try {
      await db.db.updateTable('api_keys').set({ pending_approval: 1, requested_by: 'key:fra-admin' }).where('id', '=', id).execute();
    } finally {
      await db.close();
    }
    expect((await cli(['keys', 'list'])).stdout).toMatch(/asked for\t[^\n]*\tpending-approval\n/);
    const approved = await cli(['keys', 'approve', id]);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('asked for by key:fra-admin');
    expect((await cli(['keys', 'list'])).stdout).toMatch(/asked for\t[^\n]*\tactive\n/);
    const again = await cli(['keys', 'approve', id]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('not waiting for an approval');
    expect(created.code).toBe(0);
  });

  it('fails with a message and a non-zero exit code on a bad role or an unknown member', async () => {
    const badRole = await cli(['keys', 'create', '--member', 'FRA', '--role', 'chief']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('bureau, frontline');
    const unknown = await cli(['keys', 'create', '--member', 'ZZZ', '--role', 'bureau']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('member "ZZZ" not found');
  });

  it('lists, suspends and reinstates members', async () => {
    const list = await cli(['members', 'list']);
    expect(list.stdout.split('\n')[0]).toBe('CODE\tKIND\tSTATUS\tNAME');
    for (const code of ['FRA', 'DEU', 'ITA', 'UNO', 'EUP', 'IPO']) expect(list.stdout).toMatch(new RegExp(`^${code}\\t`, 'm'));
    expect((await cli(['members', 'suspend', 'ITA'])).stdout).toContain('ITA is suspended');
    expect((await cli(['members', 'list'])).stdout).toMatch(/^ITA\tcountry\tsuspended/m);
    expect((await cli(['members', 'reinstate', 'ITA'])).stdout).toContain('ITA is active');
  });

  it('adds a user with the password read from standard input, lists and disables it', async () => {
    const added = await cli(['users', 'add', 'fra.officer', '--member', 'FRA', '--role', 'frontline'], 'a very long password\n');
    expect(added.code, added.stderr).toBe(0);
    const users = (await cli(['users', 'list'])).stdout;
    expect(users.split('\n')[0]).toBe('USERNAME\tMEMBER\tROLE\tDISABLED\tSTATUS');
    expect(users).toContain('fra.officer\tFRA\tfrontline\tfalse');
    await cli(['users', 'disable', 'fra.officer']);
    expect((await cli(['users', 'list'])).stdout).toContain('fra.officer\tFRA\tfrontline\ttrue');
  });

  it('imports the good lines, reports each bad line with its reason, and exports what the member may see', async () => {
    const lines = [doc(1), '{not json', doc(2, 'ITA'), JSON.stringify({ kind: 'vehicle', vehicle: { make: 'Fiat' }, visibility: { mode: 'all' } }), '', doc(3)];
    const r = await cli(['alerts', 'import', '-', '--member', 'FRA'], lines.join('\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rejected line 2: not JSON');
    expect(r.stdout).toContain('rejected line 3: document.issuingState');
    expect(r.stdout).toContain('rejected line 4: vehicle');
    expect(r.stdout.trim().split('\n').pop()).toBe('imported 2, rejected 3');
    const exported = await cli(['alerts', 'export', '--member', 'DEU']);
    expect(exported.code).toBe(0);
    const numbers = exported.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { document: { number: string } }).document.number);
    expect(numbers).toEqual(['N1', 'N3']);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('migrates an up-to-date database without changes', async () => {
    expect((await cli(['db', 'migrate'])).stdout).toContain('up to date');
  });

  it('refuses to import or export for a suspended or unknown member', async () => {
    await cli(['members', 'suspend', 'FRA']);
    const suspended = await cli(['alerts', 'import', '-', '--member', 'FRA'], doc(1));
    expect(suspended.code).not.toBe(0);
    expect(suspended.stderr).toContain('FRA is suspended');
    const unknown = await cli(['alerts', 'export', '--member', 'ZZZ']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('member "ZZZ" not found');
  });

  it('records each UN list import on the trail under the operator at the console, refused ones too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-un-'));
    const file = join(dir, 'un.xml');
    writeFileSync(file, UN_FIXTURE);
    try {
      expect((await cli(['import', 'un-sc', file])).stdout).toContain('created 2');
      await cli(['members', 'suspend', 'UNO']);
      const refused = await cli(['import', 'un-sc', file]);
      expect(refused.code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const db = await openDatabase(store.target);
    try {
      const runs = await queryAudit(db.db, { action: 'alert.import', limit: 10 });
      expect(runs.map((e) => [e.member, e.role, e.target, e.outcome])).toEqual([
        ['UNO', 'bureau', 'un-sc', 'member.suspended'],
        ['UNO', 'bureau', 'un-sc', 'ok'],
      ]);
      expect(runs.every((e) => e.credential.startsWith('cli:'))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('loses nothing committed and leaves no partial record when an import is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-import-'));
    const file = join(dir, 'alerts.jsonl');
    writeFileSync(file, Array.from({ length: 20_000 }, (_, i) => doc(i)).join('\n'));
    const child = startCli(['alerts', 'import', file, '--member', 'FRA', '--batch', '100', '--db', store.target]);
    const db = await openDatabase(store.target);
    try {
      const count = async () => Number((await db.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const started = Date.now();
      while ((await count()) < 300 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      const alerts = await count();
      expect(alerts).toBeGreaterThanOrEqual(300);
      expect(alerts).toBeLessThan(20_000);
      expect(alerts % 100).toBe(0);
      const versions = Number((await db.db.selectFrom('alert_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const changes = Number((await db.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const creations = Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'alert.create').executeTakeFirstOrThrow()).n);
      expect([versions, changes, creations]).toEqual([alerts, alerts, alerts]);
      expect((await verifyAuditChain(db.db)).ok).toBe(true);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
