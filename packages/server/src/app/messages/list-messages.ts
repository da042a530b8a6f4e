import { listMessagesQuerySchema, parseInput, requirePermission } from '@crosscheck/core';
import { attachmentsOf, inboxRows, recipientsOf, sentRows } from '../../store/message-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import type { MessageList } from '@crosscheck/core/api';
import { toMessageSummary } from './present-message.js';

/** The caller's inbox or sent box, newest first, without bodies. */
export async function listMessages(deps: Deps, ctx: Ctx, query: unknown): Promise<MessageList> {
  return audited(deps, ctx, 'message.list', async (tx, note) => {
    note.target = 'messages';
    requirePermission(ctx.actor, 'messages.read');
    const q = parseInput(listMessagesQuerySchema, query);
    const page = { member: ctx.actor.member, ...(q.after !== undefined ? { before: q.after } : {}), limit: q.limit + 1 };
    const rows = q.box === 'inbox' ? await inboxRows(tx, page) : await sentRows(tx, page);
    const shown = rows.slice(0, q.limit);
    const ids = shown.map((m) => m.id);
    const recipients = await recipientsOf(tx, ids);
    const attachments = await attachmentsOf(tx, ids);
    const items = shown.map((m) => toMessageSummary(ctx.actor.member, m, recipients, attachments));
    note.detail = { query: q, ids };
    return { items, next: rows.length > q.limit ? (shown[shown.length - 1]?.id ?? null) : null };
  });
}
