import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cutTail, fillAuditTrail } from '../../test/audit-trail.js';
import { runCli } from '../../test/cli.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { openDatabase } from '../store/database.js';

// Every step spawns the CLI (about 2 s of start-up each on an idle machine, several times that
// while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.each(ENGINES)('crosscheck audit checkpoint, verify and prove-check on %s', (engine) => {
  let store: TestStore;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    store = await freshStore(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-audit-'));
    env = { CROSSCHECK_AUDIT_KEY_FILE: join(dir, 'audit.key'), CROSSCHECK_AUDIT_CHECKPOINT_FILE: join(dir, 'checkpoints.jsonl') };
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    const d = await openDatabase(store.target);
    await fillAuditTrail(d.db, 200);
    await d.close();
  });
  afterEach(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: string[], withKey = true) => runCli([...args, '--db', store.target], undefined, withKey ? env : {});
  const file = (name: string) => join(dir, name);

  it('finds a tail cut after a checkpoint kept outside the database, which the chain alone calls intact', async () => {
    expect((await runCli(['audit', 'key', '--out', file('public.pem')], undefined, env)).code).toBe(0);
    const signed = await cli(['audit', 'checkpoint', '--out', file('checkpoint.json')]);
    // 200 entries and the seeding of members by the first command that opens the installation.
    expect(signed.stdout).toMatch(/checkpoint signed: 201 entries/);
    expect(readFileSync(file('checkpoints.jsonl'), 'utf8').trim()).toBe(readFileSync(file('checkpoint.json'), 'utf8').trim());

    // The auditor's side: no key file, only the public key and the checkpoint kept elsewhere.
    const proof = await cli(['audit', 'prove', '150', '--out', file('proof.json')]);
    expect(proof.code).toBe(0);
    const check = await runCli(['audit', 'prove-check', '--proof', file('proof.json'), '--checkpoint', file('checkpoint.json'), '--public-key', file('public.pem')]);
    expect(check.stdout).toMatch(/entry 150 .* is in the trail of 201 entries/);
    const p = JSON.parse(readFileSync(file('proof.json'), 'utf8'));
    writeFileSync(file('forged.json'), JSON.stringify({ ...p, entry: { ...p.entry, outcome: 'access.forbidden' } }));
    const forged = await runCli(['audit', 'prove-check', '--proof', file('forged.json'), '--checkpoint', file('checkpoint.json'), '--public-key', file('public.pem')]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/content does not match its hash/);

    const d = await openDatabase(store.target);
    const last = await cutTail(d.db, 50);
    await d.close();
    expect((await cli(['audit', 'verify'], false)).stdout).toContain(`intact: ${last} entries`);
    const verified = await cli(['audit', 'verify', '--checkpoint', file('checkpoint.json'), '--public-key', file('public.pem')], false);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`broken at entry ${last + 1} (cut)`);
    expect(verified.stderr).toContain(`entries ${last + 1} to 201 were removed`);
  }, 300_000);

  it('refuses a checkpoint signed with another key, or altered, and asks for a public key when it has none', async () => {
    await cli(['audit', 'checkpoint', '--out', file('checkpoint.json')]);
    const c = JSON.parse(readFileSync(file('checkpoint.json'), 'utf8'));
    writeFileSync(file('altered.json'), JSON.stringify({ ...c, size: c.size - 10 }));
    const altered = await cli(['audit', 'verify', '--checkpoint', file('altered.json')]);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toMatch(/signature does not verify/);
    const other = await runCli(['audit', 'key', '--out', file('other.pem')], undefined, { CROSSCHECK_AUDIT_KEY_FILE: file('other.key') });
    expect(other.code).toBe(0);
    const wrongKey = await cli(['audit', 'verify', '--checkpoint', file('checkpoint.json'), '--public-key', file('other.pem')], false);
    expect(wrongKey.stderr).toMatch(/signed with key [0-9a-f]{32}, not with the trusted key/);
    const none = await cli(['audit', 'verify', '--checkpoint', file('checkpoint.json')], false);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/give --public-key/);
  }, 300_000);
});
