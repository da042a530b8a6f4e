import { z } from 'zod';
import { CHECK_RESULTS } from '../constants/carrier.js';

/**
 * The answer of `POST /api/v1/check/documents`: one result per document, in the order sent, and
 * nothing else. No alert id, owner, category, score or reason: a carrier learns only whether to
 * refer the traveller to the authorities, who learn the rest through the hit.
 */
export const documentCheckResponseSchema = z
  .object({
    results: z.array(z.object({ result: z.enum(CHECK_RESULTS).describe('`refer`: send the traveller to the authorities, without telling why; `no-hit`: nothing found') }).strict()),
  })
  .strict();

export type DocumentCheckResponse = z.infer<typeof documentCheckResponseSchema>;
