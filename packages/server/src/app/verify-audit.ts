import { DomainError, requirePermission, type TrailBreak, type TrailScanResult } from '@crosscheck/core';
import { findCheckpoint, type StoredCheckpoint } from '../store/checkpoint-repo.js';
import { audited, auditRefusal, type AuditNote } from './audited.js';
import { checkpointSignatureHolds, requireAuditKey } from './audit/audit-key.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/**
 * What a verification tells its caller.
 *
 * `whole` (the operator's auditors, who see the whole trail anyway): how many entries were
 * checked, the checkpoint checked against (when there is one), and when the trail is broken,
 * the first bad entry and what is wrong with it.
 *
 * `member` (an auditor of any other member): only whether the trail is intact, and when it is
 * not, that the operator must be told. No count and no sequence number: the trail holds every
 * member's activity, so the number of entries (or where the break lies) would tell a member how
 * much others did, which its own listing deliberately does not show.
 */
export type AuditVerification =
  | { scope: 'whole'; intact: true; entries: number; checkpoint: CheckpointRef | null; checkedAt: string }
  | { scope: 'whole'; intact: false; entries: number; checkpoint: CheckpointRef | null; problem: TrailBreak; checkedAt: string }
  | { scope: 'member'; intact: boolean; operator: string; checkedAt: string };

export interface CheckpointRef {
  size: number;
  at: string;
}

const ACTION = 'audit.verify';

interface Verification {
  scan: TrailScanResult;
  checkpoint: CheckpointRef | null;
}

/**
 * Verifications running now, by database. A scan reads and hashes the whole trail: callers that
 * ask while one runs share its answer rather than start another, so repeated clicks or several
 * auditors cannot stack full scans.
 */
const running = new WeakMap<Deps['db'], Promise<Verification>>();

function sharedVerification(deps: Deps): Promise<Verification> {
  const current = running.get(deps.db);
  if (current) return current;
  const scan = verifyAgainstLatestCheckpoint(deps).finally(() => running.delete(deps.db));
  running.set(deps.db, scan);
  return scan;
}

/**
 * The trail is checked against the newest checkpoint in the database when this server holds
 * the signing key: its signature must verify with that key, or the checkpoint itself is the
 * problem. Without a key there is nothing to check a stored checkpoint's signature against, and
 * the chain alone is checked. (A checkpoint kept outside the database, `crosscheck audit verify
 * --checkpoint`, also catches one deleted from it.)
 */
export async function verifyAgainstLatestCheckpoint(deps: Deps): Promise<Verification> {
  const latest = deps.auditTrail.keyFile === null ? null : await findCheckpoint(deps.db);
  if (latest) {
    const bad = untrusted(deps, latest);
    if (bad) {
      const scan = await deps.auditScanner.scan(null);
      return { scan: { ...scan, problem: scan.problem ?? bad }, checkpoint: { size: latest.size, at: latest.at } };
    }
  }
  const scan = await deps.auditScanner.scan(latest);
  return { scan, checkpoint: latest ? { size: latest.size, at: latest.at } : null };
}

function untrusted(deps: Deps, c: StoredCheckpoint): TrailBreak | null {
  const key = requireAuditKey(deps, false);
  if (c.keyId === key.id && checkpointSignatureHolds(c, c.signature, key.publicKeyPem)) return null;
  return { kind: 'rewritten', seq: c.size, message: `the checkpoint of ${c.size} entries signed at ${c.at} in the database does not verify with this server's audit key ${key.id}: it was altered or replaced` };
}

/**
 * Verifies the whole trail (`audit.read`) with the same code as `crosscheck audit verify`: every
 * entry, oldest first, the head, and the newest signed checkpoint, in one read snapshot on a
 * worker thread with its own connection, so requests are not held up meanwhile. Its own entry is
 * appended afterwards, so it is not part of what it checked.
 */
export async function verifyAudit(deps: Deps, ctx: Ctx): Promise<AuditVerification> {
  // Refuse before the (possibly long) scan; the refusal is recorded like any other.
  try {
    requirePermission(ctx.actor, 'audit.read');
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, ACTION, { target: 'audit', detail: {} }, error);
    throw error;
  }
  const { scan, checkpoint } = await sharedVerification(deps);
  const checkedAt = nowIso(deps);
  const whole = ctx.actor.member === deps.operator;
  const view: AuditVerification = !whole
    ? { scope: 'member', intact: scan.problem === null, operator: deps.operator, checkedAt }
    : scan.problem === null
      ? { scope: 'whole', intact: true, entries: scan.entries, checkpoint, checkedAt }
      : { scope: 'whole', intact: false, entries: scan.entries, checkpoint, problem: scan.problem, checkedAt };
  return audited(deps, ctx, ACTION, async (_tx, note: AuditNote) => {
    note.target = 'audit';
    // A member's auditors read their member's entries, this one included: its detail must not
    // carry more than the answer did.
    note.detail = view.scope === 'whole' ? { intact: view.intact, entries: view.entries, checkpoint: view.checkpoint, ...(view.intact ? {} : { problem: view.problem }) } : { intact: view.intact };
    return view;
  });
}
