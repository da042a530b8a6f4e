import { CREDENTIAL_AUDIT_ACTIONS, hashEntry, storedNamesOf, type AuditAction, type AuditFields, type CredentialText, type UnknownCaller, type ChainedEntry } from '@crosscheck/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { knownAuditHead, noteAuditHead, type AuditHead } from './group-commit.js';
import type { AuditLogTable, DB } from './schema.js';
import type { Tx } from './write-transaction.js';

/**
 * An entry to append: its action is one of the trail's vocabulary (`AUDIT_ACTIONS`), its
 * credential one that acted or, for a refused caller, what it tried.
 */
export type AuditDraft = Omit<AuditFields, 'seq' | 'action' | 'credential'> & { action: AuditAction; credential: CredentialText | UnknownCaller };

/** Appends one entry to the hash chain. Must run inside `inWriteTransaction`, which holds the lock. */
export async function appendAudit(tx: Tx, draft: AuditDraft): Promise<number> {
  // Within a batch the head an earlier job wrote is known; the first entry reads it.
  const head = knownAuditHead(tx) ?? (await readAuditHead(tx));
  const seq = head.seq + 1;
  const fields: AuditFields = { seq, ...fitColumns(draft) };
  const hash = hashEntry(fields, head.hash);
  await tx
    .insertInto('audit_log')
    .values({
      seq,
      at: fields.at,
      member: fields.member,
      role: fields.role,
      credential: fields.credential,
      action: fields.action,
      target: fields.target,
      request_id: fields.requestId,
      outcome: fields.outcome,
      detail: fields.detail,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx.updateTable('counters').set({ value: seq, hash }).where('name', '=', 'audit').execute();
  noteAuditHead(tx, { seq, hash });
  return seq;
}

async function readAuditHead(tx: Tx): Promise<AuditHead> {
  const head = await tx.selectFrom('counters').select(['value', 'hash']).where('name', '=', 'audit').executeTakeFirstOrThrow();
  return { seq: Number(head.value), hash: head.hash };
}

// Column widths of audit_log. Targets and credentials quote what a caller sent (an id, a user
// name), so they are cut to fit and stripped of NUL: a refusal must always be recordable.
const WIDTHS = { member: 3, role: 20, credential: 60, action: 60, target: 200, requestId: 100, outcome: 30 } as const;

function fitColumns(draft: AuditDraft): Omit<AuditFields, 'seq'> {
  const fit = (v: string, n: number) => v.replace(/\u0000/g, '').slice(0, n);
  return {
    ...draft,
    member: fit(draft.member, WIDTHS.member),
    role: fit(draft.role, WIDTHS.role),
    credential: fit(draft.credential, WIDTHS.credential),
    action: fit(draft.action, WIDTHS.action),
    target: fit(draft.target, WIDTHS.target),
    requestId: fit(draft.requestId, WIDTHS.requestId),
    outcome: fit(draft.outcome, WIDTHS.outcome),
  };
}

export function toChainedEntry(row: Selectable<AuditLogTable>): ChainedEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    member: row.member,
    role: row.role,
    credential: row.credential,
    action: row.action,
    target: row.target,
    requestId: row.request_id,
    outcome: row.outcome,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditQuery {
  /**
   * Restricts to entries by this member, about alerts it owns, or done to its credentials (by
   * anyone, the operator's administrators included); undefined = everything.
   */
  scopeMember?: string;
  member?: string;
  action?: string;
  /** Who acted, as written in the entry: `key:<id>`, `user:<id>`, `cli:<os user>`, `system`. */
  credential?: string;
  target?: string;
  outcome?: string;
  /** `allowed`: outcome `ok`; `refused`: any refusal (the outcome is then its error code). */
  result?: 'allowed' | 'refused';
  /** ISO strings in UTC: stored times compare as text on both engines. */
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

/** Newest first, keyset-paginated by sequence number. */
export async function queryAudit(db: Kysely<DB> | Tx, q: AuditQuery): Promise<ChainedEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.scopeMember !== undefined) {
    const scope = q.scopeMember;
    query = query.where((eb) =>
      eb.or([
        eb('member', '=', scope),
        // Audit targets name alerts as `alert:<id>`; `||` concatenates on both engines.
        eb('target', 'in', eb.selectFrom('alerts').select(sql<string>`'alert:' || id`.as('t')).where('owner', '=', scope)),
        doneToCredentialsOf(eb, scope),
      ]),
    );
  }
  if (q.member !== undefined) query = query.where('member', '=', q.member);
  // Entries written before an action was renamed are stored under its old name.
  if (q.action !== undefined) query = query.where('action', 'in', storedNamesOf(q.action));
  if (q.credential !== undefined) query = query.where('credential', '=', q.credential);
  if (q.target !== undefined) query = query.where('target', '=', q.target);
  if (q.outcome !== undefined) query = query.where('outcome', '=', q.outcome);
  if (q.result === 'allowed') query = query.where('outcome', '=', 'ok');
  if (q.result === 'refused') query = query.where('outcome', '<>', 'ok');
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<', q.to);
  if (q.before !== undefined) query = query.where('seq', '<', q.before);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit).execute();
  return rows.map(toChainedEntry);
}

const CREDENTIAL_ACTION_NAMES = CREDENTIAL_AUDIT_ACTIONS.flatMap(storedNamesOf);

/**
 * Entries of what was done to a member's keys and users (created, approved, revoked, disabled),
 * whoever did it: targets name them `key:<id>` and `user:<id>`. Only those actions, so another
 * member's other work never shows.
 */
function doneToCredentialsOf(eb: ExpressionBuilder<DB, 'audit_log'>, member: string) {
  return eb.and([
    eb('action', 'in', CREDENTIAL_ACTION_NAMES),
    eb.or([
      eb('target', 'in', eb.selectFrom('api_keys').select(sql<string>`'key:' || id`.as('t')).where('member', '=', member)),
      eb('target', 'in', eb.selectFrom('users').select(sql<string>`'user:' || id`.as('t')).where('member', '=', member)),
    ]),
  ]);
}

// The whole-trail check lives with the Merkle scan; existing callers keep importing it from here.
export { verifyAuditChain, type VerifyResult } from './audit-scan.js';
