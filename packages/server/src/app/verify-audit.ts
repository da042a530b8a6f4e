import { DomainError, requirePermission, type ChainBreak } from '@crosscheck/core';
import { verifyAuditChain } from '../store/audit-repo.js';
import { audited, auditRefusal, type AuditNote } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/**
 * What a verification tells its caller.
 *
 * `whole` (the operator's auditors, who see the whole trail anyway): how many entries were
 * checked and, when the chain is broken, the first bad entry and what is wrong with it.
 *
 * `member` (an auditor of any other member): only whether the chain is intact, and when it is
 * not, that the operator must be told. No count and no sequence number: the trail holds every
 * member's activity, so the number of entries (or where the break lies) would tell a member how
 * much others did, which its own listing deliberately does not show.
 */
export type AuditVerification =
  | { scope: 'whole'; intact: true; entries: number; checkedAt: string }
  | { scope: 'whole'; intact: false; entries: number; problem: ChainBreak; checkedAt: string }
  | { scope: 'member'; intact: boolean; operator: string; checkedAt: string };

const ACTION = 'audit.verify';

/**
 * Verifications running now, by database. A scan reads the whole trail (and on SQLite holds its
 * one connection while it does): callers that ask while one runs share its answer rather than
 * start another, so repeated clicks or several auditors cannot stack full scans.
 */
const running = new WeakMap<Deps['db'], ReturnType<typeof verifyAuditChain>>();

function sharedVerification(deps: Deps): ReturnType<typeof verifyAuditChain> {
  const current = running.get(deps.db);
  if (current) return current;
  const scan = verifyAuditChain(deps.db).finally(() => running.delete(deps.db));
  running.set(deps.db, scan);
  return scan;
}

/**
 * Verifies the whole hash chain (`audit.read`) with the same code as `crosscheck audit verify`:
 * every entry, oldest first, and the head, in one read snapshot. The check runs outside the
 * writers' lock and its own entry is appended afterwards, so it is not part of what it checked.
 * On SQLite the snapshot holds the single connection for the length of the scan; concurrent
 * requests for a verification share one scan.
 */
export async function verifyAudit(deps: Deps, ctx: Ctx): Promise<AuditVerification> {
  // Refuse before the (possibly long) scan; the refusal is recorded like any other.
  try {
    requirePermission(ctx.actor, 'audit.read');
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, ACTION, { target: 'audit', detail: {} }, error);
    throw error;
  }
  const result = await sharedVerification(deps);
  const checkedAt = nowIso(deps);
  const whole = ctx.actor.member === deps.operator;
  const view: AuditVerification = !whole
    ? { scope: 'member', intact: result.ok, operator: deps.operator, checkedAt }
    : result.ok
      ? { scope: 'whole', intact: true, entries: result.entries, checkedAt }
      : { scope: 'whole', intact: false, entries: result.entries, problem: result.problem!, checkedAt };
  return audited(deps, ctx, ACTION, async (_tx, note: AuditNote) => {
    note.target = 'audit';
    // A member's auditors read their member's entries, this one included: its detail must not
    // carry more than the answer did.
    note.detail = view.scope === 'whole' ? { intact: view.intact, entries: view.entries, ...(view.intact ? {} : { problem: view.problem }) } : { intact: view.intact };
    return view;
  });
}
