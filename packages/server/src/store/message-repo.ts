import type { Kysely, Selectable } from 'kysely';
import type { DB, MessageAttachmentsTable, MessageRecipientsTable, MessagesTable } from './schema.js';
import type { Tx } from './write-transaction.js';

export type MessageRow = Selectable<MessagesTable>;
export type RecipientRow = Selectable<MessageRecipientsTable>;
export type AttachmentRow = Selectable<MessageAttachmentsTable>;
/** An attachment without its content, for listing. */
export type AttachmentMeta = Omit<AttachmentRow, 'data'>;

type Db = Kysely<DB> | Tx;

/** Of these codes, the members that exist and are active. */
export async function activeMemberCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('members').select('code').where('code', 'in', codes).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertMessage(tx: Tx, message: MessageRow, recipients: string[], attachments: AttachmentRow[]): Promise<void> {
  await tx.insertInto('messages').values(message).execute();
  await tx
    .insertInto('message_recipients')
    .values(recipients.map((member) => ({ message_id: message.id, member, read_at: null, read_by: null })))
    .execute();
  for (const a of attachments) await tx.insertInto('message_attachments').values(a).execute();
}

export async function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recipientsOf(db: Db, messageIds: string[]): Promise<RecipientRow[]> {
  if (messageIds.length === 0) return [];
  return db.selectFrom('message_recipients').selectAll().where('message_id', 'in', messageIds).orderBy('member').execute();
}

export async function attachmentsOf(db: Db, messageIds: string[]): Promise<AttachmentMeta[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_attachments')
    .select(['id', 'message_id', 'filename', 'content_type', 'size', 'sha256'])
    .where('message_id', 'in', messageIds)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Db, messageId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('message_attachments').selectAll().where('message_id', '=', messageId).where('id', '=', attachmentId).executeTakeFirst();
}

export interface MessagePage {
  member: string;
  /** Ids below this one (ids are time-ordered, pages go newest first). */
  before?: string;
  limit: number;
}

/** Messages addressed to `member`, newest first. */
export async function inboxRows(db: Db, p: MessagePage): Promise<MessageRow[]> {
  let q = db
    .selectFrom('messages')
    .innerJoin('message_recipients', 'message_recipients.message_id', 'messages.id')
    .selectAll('messages')
    .where('message_recipients.member', '=', p.member);
  if (p.before !== undefined) q = q.where('messages.id', '<', p.before);
  return q.orderBy('messages.id', 'desc').limit(p.limit).execute();
}

/** Messages `member` sent, newest first. */
export async function sentRows(db: Db, p: MessagePage): Promise<MessageRow[]> {
  let q = db.selectFrom('messages').selectAll().where('from_member', '=', p.member);
  if (p.before !== undefined) q = q.where('id', '<', p.before);
  return q.orderBy('id', 'desc').limit(p.limit).execute();
}

/** The read receipt: set once, by the first reader at the recipient member. */
export async function markRead(tx: Tx, messageId: string, member: string, at: string, by: string): Promise<boolean> {
  const r = await tx
    .updateTable('message_recipients')
    .set({ read_at: at, read_by: by })
    .where('message_id', '=', messageId)
    .where('member', '=', member)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
