import { notFound } from '@crosscheck/core';
import type { MessageSummary } from '@crosscheck/core/api';
import { findMessage, recipientsOf, type AttachmentMeta, type MessageRow, type RecipientRow } from '../../store/message-repo.js';
import type { Tx } from '../../store/write-transaction.js';

export type { AttachmentView, MessageSummary, MessageView } from '@crosscheck/core/api';

/** Sender and recipients see a message; for everyone else it does not exist. */
export async function loadVisibleMessage(tx: Tx, member: string, id: string): Promise<{ message: MessageRow; recipients: RecipientRow[] }> {
  const message = await findMessage(tx, id);
  const recipients = message ? await recipientsOf(tx, [id]) : [];
  if (!message || (message.from_member !== member && !recipients.some((r) => r.member === member))) throw notFound('message');
  return { message, recipients };
}

export function toMessageSummary(viewer: string, m: MessageRow, recipients: RecipientRow[], attachments: AttachmentMeta[]): MessageSummary {
  const own = recipients.filter((r) => r.message_id === m.id);
  const mine = own.find((r) => r.member === viewer);
  const sender = m.from_member === viewer;
  return {
    id: m.id,
    from: m.from_member,
    to: own.map((r) => r.member),
    subject: m.subject,
    handlingCode: m.handling_code,
    createdAt: m.created_at,
    attachments: attachments
      .filter((a) => a.message_id === m.id)
      .map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: Number(a.size), sha256: a.sha256 })),
    ...(sender ? { sentBy: m.created_by, recipients: own.map((r) => ({ member: r.member, readAt: r.read_at })) } : {}),
    ...(mine ? { readAt: mine.read_at } : {}),
  };
}
