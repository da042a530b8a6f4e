import { requirePermission } from '@crosscheck/core';
import { attachmentsOf, markRead } from '../../store/message-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { loadVisibleMessage, toMessageSummary, type MessageView } from './present-message.js';

/** One message. The first read at a recipient member is its read receipt for the sender. */
export async function getMessage(deps: Deps, ctx: Ctx, id: string): Promise<MessageView> {
  return audited(deps, ctx, 'message.read', async (tx, note) => {
    note.target = `message:${id}`;
    requirePermission(ctx.actor, 'messages.read');
    const loaded = await loadVisibleMessage(tx, ctx.actor.member, id);
    const { message } = loaded;
    let { recipients } = loaded;
    if (recipients.some((r) => r.member === ctx.actor.member && r.read_at === null)) {
      const at = nowIso(deps);
      await markRead(tx, id, ctx.actor.member, at, ctx.actor.credential);
      recipients = recipients.map((r) => (r.member === ctx.actor.member ? { ...r, read_at: at, read_by: ctx.actor.credential } : r));
      note.detail = { receipt: at };
    }
    return { ...toMessageSummary(ctx.actor.member, message, recipients, await attachmentsOf(tx, [id])), body: message.body };
  });
}
