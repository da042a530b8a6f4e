import { DomainError, hasOwnSettings, requirePermission, screenSettingsOf } from '@crosscheck/core';
import type { ScreenBatchResponse } from '@crosscheck/core/api';
import { BatchFormatError, parseTravellerBatch } from '../formats/traveller-batch.js';
import { auditedAfterRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { recordTravellers, searchTravellers } from './screen-travellers.js';

const MAX_BATCH_NAMES = 3000;

function namesIn(item: unknown): number {
  const names = (item as { person?: { names?: unknown } } | null)?.person?.names;
  // A company screened as an asset is a name to compare too (the other assets are exact look-ups).
  const assets = (item as { assets?: unknown } | null)?.assets;
  const companies = Array.isArray(assets) ? assets.filter((a) => typeof a === 'object' && a !== null && 'company' in a).length : 0;
  return (Array.isArray(names) ? names.length : 0) + companies;
}

/**
 * Screens many travellers in one request and answers in input order. A traveller whose data is
 * invalid gets an error in its place; the others are screened. Every screening is stored, in
 * one transaction with one audit entry (`screening.run-batch`) naming them; the searching is done
 * before that transaction.
 */
export async function screenBatch(deps: Deps, ctx: Ctx, contentType: string, body: unknown): Promise<ScreenBatchResponse> {
  const index = await (await deps.screeningIndex()).fresh();
  let hitCount = 0;
  const result = await auditedAfterRead(
    deps,
    ctx,
    'screening.run-batch',
    async (note) => {
      requirePermission(ctx.actor, 'screening.run');
      let raw: unknown[];
      try {
        raw = parseTravellerBatch(contentType, body);
      } catch (e) {
        if (e instanceof BatchFormatError) throw new DomainError('validation', 'batch.invalid', e.message, [{ field: '(body)', message: e.message }]);
        throw e;
      }
      note.target = 'screenings';
      // One request may not hold the server for long: the names across a batch are bounded as well
      // as the travellers (a flight of 1,000 with a few aliases each stays well inside).
      const names = raw.reduce<number>((n, item) => n + namesIn(item), 0);
      if (names > MAX_BATCH_NAMES) {
        throw new DomainError('validation', 'batch.too-large', `a batch may hold at most ${MAX_BATCH_NAMES} names in all, this one holds ${names}; split it`, [{ field: '(body)', message: 'too many names' }]);
      }
      return { travellers: raw.length, searched: await searchTravellers(deps, ctx, index, raw) };
    },
    async (tx, note, { travellers, searched }) => {
      const screened = await recordTravellers(tx, deps, ctx, searched);
      hitCount = screened.hits;
      // The travellers that set their own threshold or weights, with what was applied: an auditor sees a lowered threshold.
      const own = searched.screenings.filter((s) => hasOwnSettings(s.query)).map((s) => ({ screeningId: s.screeningId, ...screenSettingsOf(s.query) }));
      note.detail = { travellers, screenings: screened.screeningIds, hits: hitCount, ...(own.length > 0 ? { settings: own } : {}) };
      return { items: screened.items };
    },
  );
  if (hitCount > 0) deps.bus.published();
  return result;
}
