import { notFound, requirePermission } from '@crosscheck/core';
import { findAttachment } from '../../store/message-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { readAttachmentFile } from './attachment-files.js';
import { loadVisibleMessage } from './present-message.js';

export interface AttachmentContent {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** The bytes of one attachment of a message the caller may see. */
export async function getAttachment(deps: Deps, ctx: Ctx, messageId: string, attachmentId: string): Promise<AttachmentContent> {
  return audited(deps, ctx, 'attachment.read', async (tx, note) => {
    note.target = `message:${messageId}`;
    note.detail = { attachment: attachmentId };
    requirePermission(ctx.actor, 'messages.read');
    await loadVisibleMessage(tx, ctx.actor.member, messageId);
    const a = await findAttachment(tx, messageId, attachmentId);
    if (!a) throw notFound('attachment');
    let bytes: Buffer;
    if (a.data !== null) bytes = Buffer.from(a.data, 'base64');
    else {
      const dir = deps.cooperation.attachmentsDir;
      // Stored in a folder this installation no longer names: an operator error, not the caller's.
      if (dir === null) throw new Error(`attachment ${a.id} is stored in a folder, but no attachments folder is configured`);
      bytes = await readAttachmentFile(dir, a.sha256);
    }
    return { filename: a.filename, contentType: a.content_type, bytes };
  });
}
