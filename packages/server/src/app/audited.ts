import { DomainError, type AuditAction } from '@crosscheck/core';
import { appendAudit, type AuditDraft } from '../store/audit-repo.js';
import { inWriteTransaction, type Tx } from '../store/write-transaction.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/** Lets a use case say what it acted on, for its audit entry. */
export interface AuditNote {
  target: string;
  detail: Record<string, unknown>;
}

/** The outcome recorded for a failure that is not a refusal (a bug, a lost database). */
export const INTERNAL_OUTCOME = 'internal';

// Failures already on the trail, so that the HTTP layer, which sees every failure of a request,
// records the others and not these a second time.
const recorded = new WeakSet<object>();

/** Whether this failure already has its audit entry. */
export function isRecorded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && recorded.has(error);
}

/** Marks a failure as recorded on the trail (by whoever wrote its entry). */
export function markRecorded(error: unknown): void {
  if (typeof error === 'object' && error !== null) recorded.add(error);
}

/**
 * Runs a use case in one write transaction and appends its audit entry (`action`, e.g.
 * `alert.create`) in that same transaction, so a change never lands without its entry. When
 * the use case fails, its writes are rolled back and the failure itself is recorded in a
 * transaction of its own: a refusal with its error code as the outcome, anything else as
 * `internal`.
 */
export function audited<T>(deps: Deps, ctx: Ctx, action: AuditAction, work: (tx: Tx, note: AuditNote) => Promise<T>): Promise<T> {
  return auditedAfterRead(deps, ctx, action, async () => undefined, work);
}

/**
 * As `audited`, for a use case that reads before it writes: `read` runs first, outside the write
 * transaction (on PostgreSQL it then waits for no writer, and no writer for it), and only `write`
 * and the audit entry go into the write transaction. A refusal in `read` is recorded as one in
 * `write` would be. What `read` saw may be older than the entry by the time of a commit, as any
 * answer is once sent; whatever must be decided against the data being written belongs in `write`.
 */
export async function auditedAfterRead<R, T>(
  deps: Deps,
  ctx: Ctx,
  action: AuditAction,
  read: (note: AuditNote) => Promise<R>,
  write: (tx: Tx, note: AuditNote, read: R) => Promise<T>,
): Promise<T> {
  const note: AuditNote = { target: '', detail: {} };
  try {
    const seen = await read(note);
    return await inWriteTransaction(deps.db, async (tx) => {
      const result = await write(tx, note, seen);
      await appendAudit(tx, auditEntry(deps, ctx, action, note));
      return result;
    });
  } catch (error) {
    if (error instanceof DomainError) {
      await auditRefusal(deps, ctx, action, note, error);
    } else if (!isRecorded(error)) {
      // The use case's own failure is what the caller must hear of: when even this entry cannot
      // be written (the database is gone), the HTTP layer tries once more and logs.
      await auditFailure(deps, ctx, action, note, INTERNAL_OUTCOME).then(
        () => markRecorded(error),
        () => undefined,
      );
    }
    throw error;
  }
}

/** As `audited`, for a use case that only reads: the read happens outside the write transaction, the entry in it. */
export function auditedRead<T>(deps: Deps, ctx: Ctx, action: AuditAction, read: (note: AuditNote) => Promise<T>): Promise<T> {
  return auditedAfterRead(deps, ctx, action, read, async (_tx, _note, seen) => seen);
}

/** Records a refused use case; for checks that must run before the use case's transaction. */
export async function auditRefusal(deps: Deps, ctx: Ctx, action: AuditAction, note: AuditNote, error: DomainError): Promise<void> {
  await auditFailure(deps, ctx, action, note, error.code);
  markRecorded(error);
}

/** Records a failed attempt of `ctx` at `action`, in a transaction of its own. */
export async function auditFailure(deps: Deps, ctx: Ctx, action: AuditAction, note: AuditNote, outcome: string): Promise<void> {
  await inWriteTransaction(deps.db, (tx) => appendAudit(tx, auditEntry(deps, ctx, action, note, outcome)));
}

/** The audit entry of `ctx` doing `action`; for use cases that append several in one transaction. */
export function auditEntry(deps: Deps, ctx: Ctx, action: AuditAction, note: AuditNote, outcome = 'ok'): AuditDraft {
  return {
    at: nowIso(deps),
    member: ctx.actor.member,
    role: ctx.actor.role,
    credential: ctx.actor.credential,
    action,
    target: note.target,
    requestId: ctx.requestId,
    outcome,
    detail: JSON.stringify(note.detail),
  };
}
