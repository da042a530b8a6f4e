import { createHash } from 'node:crypto';
import { DomainError, MAX_ATTACHMENT_BYTES, base64DecodedSize, messageSchema, parseInput, requirePermission, validationError } from '@crosscheck/core';
import { appendEvent } from '../../store/event-repo.js';
import { activeMemberCodes, insertMessage, type AttachmentRow } from '../../store/message-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { writeAttachmentFile } from './attachment-files.js';
import { toMessageSummary, type MessageView } from './present-message.js';

/**
 * Sends a message from the caller's bureau to other members' bureaus, with its attachments in
 * the database or, when `deps.cooperation.attachmentsDir` is set, in that folder. Each recipient
 * is told with a `message.received` event.
 */
export async function sendMessage(deps: Deps, ctx: Ctx, body: unknown): Promise<MessageView> {
  const result = await audited(deps, ctx, 'message.send', async (tx, note) => {
    note.target = 'messages';
    requirePermission(ctx.actor, 'messages.send');
    const input = parseInput(messageSchema, body);
    const known = await activeMemberCodes(tx, input.to);
    const unknown = input.to.findIndex((code) => !known.has(code));
    if (unknown >= 0) throw validationError(`to.${unknown}`, `${input.to[unknown]} is not an active member`, 'message.unknown-recipient');

    const files = input.attachments ?? [];
    // Sizes are checked before anything is decoded or written.
    files.forEach((f, i) => {
      const size = base64DecodedSize(f.dataBase64);
      if (size > MAX_ATTACHMENT_BYTES) {
        const field = `attachments.${i}.dataBase64`;
        const message = `${f.filename} is ${size} bytes; an attachment may be at most ${MAX_ATTACHMENT_BYTES} bytes (1 MiB)`;
        throw new DomainError('too-large', 'message.attachment-too-large', `${field}: ${message}`, [{ field, message }]);
      }
    });

    const id = deps.newId();
    const at = nowIso(deps);
    const dir = deps.cooperation.attachmentsDir;
    const attachments: AttachmentRow[] = [];
    for (const f of files) {
      const bytes = Buffer.from(f.dataBase64, 'base64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (dir !== null) await writeAttachmentFile(dir, sha256, bytes);
      attachments.push({ id: deps.newId(), message_id: id, filename: f.filename, content_type: f.contentType, size: bytes.length, sha256, data: dir === null ? f.dataBase64 : null });
    }
    const message = { id, from_member: ctx.actor.member, subject: input.subject, body: input.body, handling_code: input.handlingCode, created_by: ctx.actor.credential, created_at: at };
    await insertMessage(tx, message, input.to, attachments);
    for (const member of input.to) {
      await appendEvent(tx, { member, type: 'message.received', data: { messageId: id, from: message.from_member, subject: message.subject }, at });
    }
    note.target = `message:${id}`;
    note.detail = { to: input.to, handlingCode: input.handlingCode, attachments: attachments.map((a) => ({ filename: a.filename, size: a.size, sha256: a.sha256 })) };
    const recipients = input.to.map((member) => ({ message_id: id, member, read_at: null, read_by: null }));
    return { ...toMessageSummary(ctx.actor.member, message, recipients, attachments), body: message.body };
  });
  deps.bus.published();
  return result;
}
