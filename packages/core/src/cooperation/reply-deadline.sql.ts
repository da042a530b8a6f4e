import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `isReplyOverdue` (reply-deadline.ts) in SQL over a form's due column (answering a form clears
 * it); with `member`, only forms that member sent or must answer, as `overdueReply` counts them.
 * ISO timestamps of one format compare correctly as text on both engines.
 */
export function replyOverdueSql(cols: { replyDueAt: string; from: string; to: string }, now: string, member?: string): RawBuilder<SqlBool> {
  const due = sql<SqlBool>`(${sql.ref(cols.replyDueAt)} is not null and ${sql.ref(cols.replyDueAt)} < ${now})`;
  return member === undefined ? due : sql<SqlBool>`(${due} and (${sql.ref(cols.to)} = ${member} or ${sql.ref(cols.from)} = ${member}))`;
}

/** The columns of the `hit_forms` table. */
export const HIT_FORM_COLUMNS = { replyDueAt: 'hit_forms.reply_due_at', from: 'hit_forms.from_member', to: 'hit_forms.to_member' } as const;
