import { z } from 'zod';

/** Photos of an alert as the API describes them (server app/photos/photo-view.ts; the web's photo panel). */
export const photoInfoSchema = z
  .object({
    id: z.string(),
    alertId: z.string(),
    contentType: z.string().describe('image/jpeg, image/png or image/webp, read from the bytes when the photo was added, never from the sender’s header'),
    size: z.number().int().describe('In bytes'),
    sha256: z.string().describe('Hex SHA-256 of the bytes'),
    createdAt: z.string(),
    url: z.string().describe('Where the bytes are (same origin, same credentials)'),
    createdBy: z.string().optional().describe('The credential that added it: shown to the owner only'),
  })
  .strict();

/** `GET /api/v1/alerts/{id}/photos`: every photo, oldest first, without the bytes. */
export const photoListSchema = z.object({ items: z.array(photoInfoSchema) }).strict();

export type PhotoInfo = z.infer<typeof photoInfoSchema>;
export type PhotoList = z.infer<typeof photoListSchema>;
