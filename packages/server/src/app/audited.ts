import { DomainError } from '@crosscheck/core';
import { appendAudit } from '../store/audit-repo.js';
import { inWriteTransaction, type Tx } from '../store/write-transaction.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/** Lets a use case say what it acted on, for its audit entry. */
export interface AuditNote {
  target: string;
  detail: Record<string, unknown>;
}

/**
 * Runs a use case in one write transaction and appends its audit entry (`action`, e.g.
 * `alert.create`) in that same transaction, so a change never lands without its entry. When
 * the use case fails with a domain error, its writes are rolled back and the refusal itself is
 * recorded (outcome = the error code) in a transaction of its own.
 */
export async function audited<T>(deps: Deps, ctx: Ctx, action: string, work: (tx: Tx, note: AuditNote) => Promise<T>): Promise<T> {
  const note: AuditNote = { target: '', detail: {} };
  try {
    return await inWriteTransaction(deps.db, async (tx) => {
      const result = await work(tx, note);
      await appendAudit(tx, auditEntry(deps, ctx, action, note));
      return result;
    });
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, action, note, error);
    throw error;
  }
}

/** Records a refused use case; for checks that must run before the use case's transaction. */
export async function auditRefusal(deps: Deps, ctx: Ctx, action: string, note: AuditNote, error: DomainError): Promise<void> {
  await inWriteTransaction(deps.db, (tx) => appendAudit(tx, auditEntry(deps, ctx, action, note, error.code)));
}

/** The audit entry of `ctx` doing `action`; for use cases that append several in one transaction. */
export function auditEntry(deps: Deps, ctx: Ctx, action: string, note: AuditNote, outcome = 'ok') {
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
