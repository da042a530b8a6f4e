import { z } from 'zod';

/** Messages between bureaus as the API answers them (server app/messages/present-message.ts). */

export const attachmentViewSchema = z
  .object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int().describe('In bytes'), sha256: z.string() })
  .strict()
  .describe('An attachment without its bytes: GET /api/v1/messages/{id}/attachments/{attachmentId} serves them');

/** A message in a list: everything but its body. */
export const messageSummarySchema = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    handlingCode: z.string(),
    createdAt: z.string(),
    attachments: z.array(attachmentViewSchema),
    sentBy: z.string().optional().describe('The sending user: shown to the sending member only'),
    recipients: z.array(z.object({ member: z.string(), readAt: z.string().nullable() }).strict()).optional().describe('Read receipts: shown to the sending member only'),
    readAt: z.string().nullable().optional().describe('When the caller’s bureau first read it: for a recipient only'),
  })
  .strict();

/** One message with its body: `GET /api/v1/messages/{id}` and the answer to sending one. */
export const messageViewSchema = messageSummarySchema.extend({ body: z.string() }).strict();

/** `GET /api/v1/messages`. */
export const messageListSchema = z.object({ items: z.array(messageSummarySchema), next: z.string().nullable().describe('The cursor of the next page, or null') }).strict();

export type AttachmentView = z.infer<typeof attachmentViewSchema>;
export type MessageSummary = z.infer<typeof messageSummarySchema>;
export type MessageView = z.infer<typeof messageViewSchema>;
export type MessageList = z.infer<typeof messageListSchema>;
