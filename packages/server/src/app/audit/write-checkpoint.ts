import { appendFileSync } from 'node:fs';
import { conflict, DomainError, type CheckpointBody } from '@crosscheck/core';
import { appendAudit } from '../../store/audit-repo.js';
import { findCheckpoint, insertCheckpoint, type StoredCheckpoint } from '../../store/checkpoint-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { postOnce } from '../../outbound/post-once.js';
import { auditRefusal } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { verifyAgainstLatestCheckpoint } from '../verify-audit.js';
import { requireAuditKey, signCheckpoint, type AuditKey } from './audit-key.js';

const ACTION = 'audit.checkpoint';
const POST_TIMEOUT_MS = 10_000;

export interface WrittenCheckpoint {
  checkpoint: StoredCheckpoint;
  /** Copies outside the database that could not be written (the checkpoint is stored regardless). */
  exportProblems: string[];
}


/**
 * Signs a checkpoint of the trail as it is now and keeps it in the database, in the checkpoint
 * file and at the checkpoint URL when those are set. The whole chain is checked first (in a
 * worker thread): a checkpoint over a broken trail would vouch for the tampering. The
 * checkpoint's own audit entry comes after it, so it is covered by the next one.
 *
 * Only local, trusted callers write checkpoints: the CLI (`crosscheck audit checkpoint`, as
 * the operator's admin) and the server's scheduler (`system`); no route does.
 */
export async function writeCheckpoint(deps: Deps, by: Ctx | 'system'): Promise<WrittenCheckpoint> {
  const ctx: Ctx = by === 'system' ? { actor: { member: deps.operator, role: 'admin', credential: 'system:checkpoint' }, requestId: 'system/scheduler' } : by;
  const note = { target: 'audit', detail: {} as Record<string, unknown> };
  let key: AuditKey;
  try {
    key = requireAuditKey(deps, (await findCheckpoint(deps.db)) === null);
    // Against the newest signed checkpoint too, not the chain alone: whoever rewrote entries and
    // re-hashed the chain after it must not get the rewrite signed by the next checkpoint.
    const { scan } = await verifyAgainstLatestCheckpoint(deps);
    if (scan.problem) throw conflict('audit.chain-broken', `no checkpoint signed: the audit trail is broken at entry ${scan.problem.seq}: ${scan.problem.message}`);
    const body: CheckpointBody = { size: scan.entries, headHash: scan.headHash, root: scan.root, at: nowIso(deps), keyId: key.id };
    const checkpoint: StoredCheckpoint = { ...body, algorithm: 'Ed25519', signature: signCheckpoint(body, key), publicKey: key.publicKeyPem };
    await inWriteTransaction(deps.db, async (tx) => {
      await insertCheckpoint(tx, checkpoint);
      await appendAudit(tx, {
        at: nowIso(deps),
        member: ctx.actor.member,
        role: by === 'system' ? 'system' : ctx.actor.role,
        credential: ctx.actor.credential,
        action: ACTION,
        target: 'audit',
        requestId: ctx.requestId,
        outcome: 'ok',
        detail: JSON.stringify({ size: body.size, root: body.root, keyId: body.keyId }),
      });
    });
    return { checkpoint, exportProblems: await exportCheckpoint(deps, checkpoint) };
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, ACTION, note, error);
    throw error;
  }
}

/** The checkpoint as exported: one JSON object, public key included for convenience (a verifier pins its own). */
export const checkpointJson = (c: StoredCheckpoint): string =>
  JSON.stringify({ size: c.size, headHash: c.headHash, root: c.root, at: c.at, keyId: c.keyId, algorithm: c.algorithm, signature: c.signature, publicKey: c.publicKey });

async function exportCheckpoint(deps: Deps, c: StoredCheckpoint): Promise<string[]> {
  const problems: string[] = [];
  const { checkpointFile, checkpointUrl } = deps.auditTrail;
  if (checkpointFile !== null) {
    try {
      appendFileSync(checkpointFile, `${checkpointJson(c)}\n`, { mode: 0o644 });
    } catch (error) {
      problems.push(`checkpoint file ${checkpointFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (checkpointUrl !== null) {
    const problem = await postCheckpoint(deps, checkpointUrl, c);
    if (problem) problems.push(`checkpoint URL ${new URL(checkpointUrl).origin}: ${problem}`);
  }
  return problems;
}

/** POSTs the checkpoint through the outbound address policy (as webhooks), no redirects followed. */
async function postCheckpoint(deps: Deps, url: string, c: StoredCheckpoint): Promise<string | null> {
  try {
    const status = await postOnce(url, { 'content-type': 'application/json' }, checkpointJson(c), { allowPrivate: deps.webhooks.allowPrivate, timeoutMs: POST_TIMEOUT_MS });
    return status >= 200 && status < 300 ? null : `answered ${status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
