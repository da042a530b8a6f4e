import { z } from 'zod';
import { REASON_CODES, REASON_PARAMS, type MatchReason, type ParamKind, type StoredReason } from './match-reason.js';

/** Bounds on what a reason from outside (a national copy's forwarded hits, a stored row) may carry. */
const MAX_TEXT = 1000;
const MAX_LIST = 50;
const MAX_COUNT = 1000;

function paramSchema(kind: ParamKind): z.ZodType {
  if (typeof kind !== 'string') return z.enum(kind as [string, ...string[]]);
  switch (kind) {
    case 'text':
      return z.string().max(MAX_TEXT);
    case 'text?':
      return z.string().max(MAX_TEXT).optional();
    case 'count':
      return z.number().int().min(0).max(MAX_COUNT);
    case 'flag':
      return z.boolean();
    case 'flag?':
      return z.boolean().optional();
    case 'list':
      return z.array(z.string().max(MAX_TEXT)).max(MAX_LIST);
  }
}

/**
 * A reason of a known code with exactly its parameters, derived from REASON_PARAMS: what the API
 * answers (and OpenAPI describes), and what the centre accepts from a national copy.
 */
export const matchReasonSchema = z.discriminatedUnion(
  'code',
  REASON_CODES.map((code) => {
    const params = REASON_PARAMS[code] as Readonly<Record<string, ParamKind>>;
    return z.object({ code: z.literal(code), ...Object.fromEntries(Object.entries(params).map(([name, kind]) => [name, paramSchema(kind)])) }).strict();
  }) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<MatchReason>;

export function isMatchReason(value: unknown): value is MatchReason {
  return matchReasonSchema.safeParse(value).success;
}

/**
 * The reasons column of a hit, read tolerantly: older hits hold English sentences, which stay
 * strings; anything neither a sentence nor a known reason (a code from a newer version) is kept
 * as its JSON text rather than dropped, so nothing a hit recorded disappears from view.
 */
export function readStoredReasons(json: string): StoredReason[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [json];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((r): StoredReason => (typeof r === 'string' || isMatchReason(r) ? r : JSON.stringify(r)));
}
