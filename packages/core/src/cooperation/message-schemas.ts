import { z } from 'zod';
import { handlingCodeSchema } from './hit-schemas.js';

const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

export const MAX_ATTACHMENTS = 5;
/** Decoded size limit of one attachment: messages carry documents, not archives. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;

const memberCode = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'a three-letter member code');

const attachmentSchema = z
  .object({
    // The name is only shown and offered on download, never used as a path: refuse separators anyway
    // so that no client is tempted to save it blindly somewhere else.
    filename: z
      .string()
      .min(1)
      .max(255)
      .refine((v) => !/[/\\\u0000]/.test(v), 'must not contain a path separator')
      .refine((v) => v !== '.' && v !== '..', 'must be a file name'),
    contentType: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/, 'a media type such as application/pdf'),
    dataBase64: z.string().refine(isBase64, 'must be base64 (standard alphabet, padded)'),
  })
  .strict();

export const messageSchema = z
  .object({
    // Upper-cased, then duplicates dropped: `fra` and `FRA` are one recipient, told once.
    to: z
      .array(memberCode)
      .min(1)
      .max(50)
      .transform((codes) => [...new Set(codes)]),
    subject: text(300),
    body: text(20000),
    handlingCode: handlingCodeSchema,
    attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).optional(),
  })
  .strict();
export type MessageInput = z.infer<typeof messageSchema>;

export const listMessagesQuerySchema = z
  .object({
    box: z.enum(['inbox', 'sent']).default('inbox'),
    after: z.string().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export function isBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}

/** Bytes that a valid base64 string decodes to, without decoding it. */
export function base64DecodedSize(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}
