import { foldForSearch, MEMBER_CODE, parseInput, requirePermission } from '@crosscheck/core';
import { EXTRACTION_METHODS, FINDING_STATUSES } from '@crosscheck/core/constants';
import type { Finding, FindingList } from '@crosscheck/core/api';
import { FINDING_LIMITS } from '@crosscheck/core/api/schemas';
import { z } from 'zod';
import { listFindingRows, type FindingFilters } from '../../store/chain-finding-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { findingFor } from './finding-view.js';

const hex = (n: number) => z.string().trim().toLowerCase().pipe(z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`), `${n} hexadecimal digits`));

/** The filters a findings list and an export take. */
export const findingFiltersSchema = z.object({
  method: z.enum(EXTRACTION_METHODS).optional(),
  mediaType: z.string().trim().min(1).max(100).regex(/^[a-zA-Z0-9!#$&^_.+\-/]+$/, 'a media type or its start, such as image/').optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  matched: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  owner: z.string().regex(MEMBER_CODE, 'a three-letter member code').optional(),
  txid: hex(64).optional(),
  sha256: hex(64).optional(),
  md5: hex(32).optional(),
  minHeight: z.coerce.number().int().min(0).max(100_000_000).optional(),
  maxHeight: z.coerce.number().int().min(0).max(100_000_000).optional(),
  text: z.string().trim().min(1).max(200).optional(),
});

export const listFindingsQuerySchema = findingFiltersSchema
  .extend({
    cursor: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export type FindingFiltersInput = z.infer<typeof findingFiltersSchema>;

/** The parsed filters as the store takes them. */
export function storeFilters(q: FindingFiltersInput): FindingFilters {
  const { text, ...rest } = q;
  return { ...rest, ...(text !== undefined ? { words: foldForSearch(text).split(' ').filter((w) => w !== '') } : {}) };
}

/**
 * Findings the caller may see (`finding.list`), filtered, oldest first, a page at a time. One a
 * member may not see is never listed or counted.
 */
export async function listFindings(deps: Deps, ctx: Ctx, query: unknown): Promise<FindingList> {
  return audited(deps, ctx, 'finding.list', async (tx, note) => {
    note.target = 'findings';
    requirePermission(ctx.actor, 'chain.read');
    const q = parseInput(listFindingsQuerySchema, query);
    const { cursor, limit, ...filters } = q;
    const rows = await listFindingRows(tx, { reader: ctx.actor.member, ...storeFilters(filters), ...(cursor ? { after: cursor } : {}), limit: limit + 1, maxLocations: FINDING_LIMITS.locationsShown });
    const page = rows.slice(0, limit);
    const items: Finding[] = page.flatMap((r) => findingFor(ctx.actor.member, r) ?? []);
    note.detail = { query: q, ids: items.map((f) => f.id) };
    return { items, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
  });
}
