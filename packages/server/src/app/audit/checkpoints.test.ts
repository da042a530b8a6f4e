import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInclusionProof } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cutTail, fillAuditTrail, rewriteFrom } from '../../../test/audit-trail.js';
import { ENGINES, as, documentAlert, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { createAlert } from '../create-alert.js';
import { getAlert } from '../get-alert.js';
import { verifyAudit, type AuditVerification } from '../verify-audit.js';
import { verifyAuditChain } from '../../store/audit-repo.js';
import { checkpointSignatureHolds, loadAuditKey } from './audit-key.js';
import { proveEntry } from './prove-entry.js';
import { readCheckpoint } from './read-checkpoint.js';
import { writeCheckpoint } from './write-checkpoint.js';

describe.each(ENGINES)('signed checkpoints of the audit trail on %s', (engine) => {
  let t: TestContext;
  let dir: string;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-checkpoint-'));
    t.deps.auditTrail = { keyFile: join(dir, 'audit.key'), checkpointMinutes: 60, checkpointFile: join(dir, 'checkpoints.jsonl'), checkpointUrl: null };
    const a = await createAlert(t.deps, as('FRA'), documentAlert('FRA', '1'));
    await fillAuditTrail(t.deps.db, 60);
    for (let i = 0; i < 5; i++) await getAlert(t.deps, as('DEU', 'frontline'), a.id);
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (): Promise<Extract<AuditVerification, { scope: 'whole' }>> => (await verifyAudit(t.deps, as('IPO', 'auditor'))) as Extract<AuditVerification, { scope: 'whole' }>;

  it('signs a checkpoint with a key file it creates readable by its owner only, and keeps it in the database and the checkpoint file', async () => {
    const { checkpoint, exportProblems } = await writeCheckpoint(t.deps, 'system');
    expect(exportProblems).toEqual([]);
    expect(statSync(t.deps.auditTrail.keyFile!).mode & 0o777).toBe(0o600);
    const key = loadAuditKey(t.deps.auditTrail.keyFile!);
    expect(checkpoint.keyId).toBe(key.id);
    expect(checkpointSignatureHolds(checkpoint, checkpoint.signature, key.publicKeyPem)).toBe(true);
    const line = JSON.parse(readFileSync(t.deps.auditTrail.checkpointFile!, 'utf8').trim());
    expect(line).toMatchObject({ size: checkpoint.size, root: checkpoint.root, signature: checkpoint.signature });
    expect(await readCheckpoint(t.deps, as('FRA', 'auditor'), {})).toMatchObject({ size: checkpoint.size, root: checkpoint.root, publicKey: key.publicKeyPem });
    expect(await verify()).toMatchObject({ intact: true, checkpoint: { size: checkpoint.size } });
  });

  it('finds a tail cut after the checkpoint, which the chain and the moved head counter hide', async () => {
    const { checkpoint } = await writeCheckpoint(t.deps, 'system');
    const last = await cutTail(t.deps.db, 20);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const r = await verify();
    expect(r).toMatchObject({ intact: false, problem: { kind: 'cut', seq: last + 1 } });
    expect(r.intact === false && r.problem.message).toContain(`entries ${last + 1} to ${checkpoint.size} were removed`);
  });

  it('finds a tail rewritten and re-hashed, and history rewritten well before the checkpoint', async () => {
    const { checkpoint } = await writeCheckpoint(t.deps, 'system');
    await rewriteFrom(t.deps.db, checkpoint.size - 3, '{"rewritten":true}');
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    expect(await verify()).toMatchObject({ intact: false, problem: { kind: 'rewritten', seq: checkpoint.size } });
    await rewriteFrom(t.deps.db, 3, '{"rewritten":true}');
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    expect(await verify()).toMatchObject({ intact: false, problem: { kind: 'rewritten' } });
  });

  it('signs no new checkpoint over a trail rewritten and re-hashed since the last one', async () => {
    const { checkpoint } = await writeCheckpoint(t.deps, 'system');
    await rewriteFrom(t.deps.db, checkpoint.size - 3, '{"rewritten":true}');
    await expect(writeCheckpoint(t.deps, 'system')).rejects.toMatchObject({ code: 'audit.chain-broken' });
    expect((await t.deps.db.selectFrom('audit_checkpoints').select('size').execute()).map((r) => Number(r.size))).toEqual([checkpoint.size]);
  });

  it('refuses to sign with a new key when the key file of existing checkpoints is missing', async () => {
    await writeCheckpoint(t.deps, 'system');
    rmSync(t.deps.auditTrail.keyFile!);
    await expect(writeCheckpoint(t.deps, 'system')).rejects.toMatchObject({ code: 'audit.key-missing' });
    await expect(verifyAudit(t.deps, as('IPO', 'auditor'))).rejects.toMatchObject({ code: 'audit.key-missing' });
    expect(existsSync(t.deps.auditTrail.keyFile!)).toBe(false);
  });

  it('finds a checkpoint replaced in the database by one the server did not sign', async () => {
    const { checkpoint } = await writeCheckpoint(t.deps, 'system');
    await rewriteFrom(t.deps.db, 10, '{"rewritten":true}');
    // The forger re-signs a checkpoint of the rewritten trail with a key of its own.
    const forgerDir = mkdtempSync(join(tmpdir(), 'crosscheck-forger-'));
    const ownKey = t.deps.auditTrail.keyFile;
    t.deps.auditTrail = { ...t.deps.auditTrail, keyFile: join(forgerDir, 'k'), checkpointFile: null };
    await t.deps.db.deleteFrom('audit_checkpoints').execute();
    await writeCheckpoint(t.deps, 'system');
    t.deps.auditTrail = { ...t.deps.auditTrail, keyFile: ownKey };
    const r = await verify();
    expect(r).toMatchObject({ intact: false, problem: { kind: 'rewritten' } });
    expect(r.intact === false && r.problem.message).toMatch(/does not verify with this server's audit key/);
    expect(checkpoint.size).toBeGreaterThan(0);
    rmSync(forgerDir, { recursive: true, force: true });
  });

  it('refuses to sign a checkpoint over a broken chain', async () => {
    await t.deps.db.updateTable('audit_log').set({ member: 'ITA' }).where('seq', '=', 5).execute();
    const e = await domainError(writeCheckpoint(t.deps, 'system'));
    expect(e.code).toBe('audit.chain-broken');
    expect(await t.deps.db.selectFrom('audit_checkpoints').selectAll().execute()).toEqual([]);
  });

  it('gives an auditor a proof of its own member’s entry that checks without the server, and no proof of another member’s', async () => {
    const { checkpoint } = await writeCheckpoint(t.deps, 'system');
    const own = await t.deps.db.selectFrom('audit_log').select('seq').where('member', '=', 'DEU').where('seq', '<=', checkpoint.size).orderBy('seq').executeTakeFirstOrThrow();
    const proof = await proveEntry(t.deps, as('DEU', 'auditor'), { seq: String(own.seq) });
    expect(proof.entry.seq).toBe(Number(own.seq));
    expect(proof.path.length).toBeGreaterThan(0);
    expect(checkInclusionProof(JSON.parse(JSON.stringify(proof)), checkpoint)).toBeNull();
    const others = await t.deps.db.selectFrom('audit_log').select('seq').where('member', '=', 'ITA').executeTakeFirst();
    const fra = await t.deps.db.selectFrom('audit_log').select('seq').where('member', '=', 'FRA').where('target', 'not like', 'alert:%').orderBy('seq').executeTakeFirstOrThrow();
    expect(others).toBeUndefined();
    expect((await domainError(proveEntry(t.deps, as('DEU', 'auditor'), { seq: String(fra.seq) }))).kind).toBe('not-found');
    expect((await domainError(proveEntry(t.deps, as('DEU', 'bureau'), { seq: String(own.seq) }))).kind).toBe('forbidden');
    expect((await domainError(proveEntry(t.deps, as('IPO', 'auditor'), { seq: String(checkpoint.size + 2) }))).code).toBe('audit.not-checkpointed');
    expect((await domainError(proveEntry(t.deps, as('IPO', 'auditor'), { seq: 'x' }))).field).toBe('seq');
  });

  it('posts each checkpoint to the URL the operator set, under the webhook address rules', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      t.deps.auditTrail = { ...t.deps.auditTrail, checkpointUrl: `http://127.0.0.1:${port}/checkpoints` };
      const refused = await writeCheckpoint(t.deps, 'system');
      expect(refused.exportProblems).toEqual([expect.stringMatching(/address not allowed: loopback/)]);
      expect(received).toEqual([]);
      t.deps.webhooks = { ...t.deps.webhooks, allowPrivate: true };
      const { checkpoint, exportProblems } = await writeCheckpoint(t.deps, 'system');
      expect(exportProblems).toEqual([]);
      expect(JSON.parse(received[0]!)).toMatchObject({ size: checkpoint.size, root: checkpoint.root, signature: checkpoint.signature });
    } finally {
      server.close();
    }
  });
});
