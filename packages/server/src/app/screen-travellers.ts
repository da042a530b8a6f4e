import { checkScreenSettings, DomainError, parseInput, probesOf, screenQuerySchema, screenSettingsOf, type ScreeningPlace, type ScreenQuery, type ScreeningWarning } from '@crosscheck/core';
import type { BatchItem, TerritoryFlagView } from '@crosscheck/core/api';
import { presentResults } from '../screening/present-results.js';
import { search, type FoundHit } from '../screening/search.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import { recordScreenings } from '../store/screening-repo.js';
import type { Tx } from '../store/write-transaction.js';
import type { Ctx, Deps } from './deps.js';
import { ownFlags, screeningAuthor, searchScope } from './screen.js';
import { clearedBeforeOf } from './clearances/cleared-before.js';

export interface TravellersScreened {
  items: BatchItem[];
  screeningIds: string[];
  /** Hits recorded (at or above the alerting threshold), across all travellers. */
  hits: number;
}

/** Twenty results per traveller at most: a batch is a triage, not a search. */
const MAX_RESULTS_PER_TRAVELLER = 20;

/** Travellers searched, before anything is written: the refused ones already have their item. */
export interface TravellersSearched {
  items: BatchItem[];
  screenings: { index: number; screeningId: string; query: ScreenQuery; hits: FoundHit[]; warnings: ScreeningWarning[]; place?: ScreeningPlace }[];
  flagOf: (alertId: string) => TerritoryFlagView | undefined;
}

/**
 * Searches for many travellers (batches and flights), outside any transaction. A traveller whose
 * data is invalid gets an error in its place; the others are searched, each to be stored as its
 * own screening by `recordTravellers`.
 */
export async function searchTravellers(deps: Deps, ctx: Ctx, index: ScreeningIndex, raw: unknown[]): Promise<TravellersSearched> {
  const items: BatchItem[] = [];
  const scope = searchScope(deps, ctx);
  const screenings: TravellersSearched['screenings'] = [];
  for (let i = 0; i < raw.length; i++) {
    const given = raw[i];
    const echo = typeof given === 'object' && given !== null && typeof (given as { id?: unknown }).id === 'string' ? { id: (given as { id: string }).id.slice(0, 100) } : {};
    let query, probes;
    try {
      query = parseInput(screenQuerySchema, given);
      // A traveller asking for settings outside the operator's bounds is refused, the others screened.
      checkScreenSettings(query, deps.screeningBounds);
      // An unreadable MRZ refuses this traveller only.
      probes = probesOf(query, { today: scope.today });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      items[i] = { ...echo, index: i, error: { code: e.code, detail: e.message, errors: e.problems } };
      continue;
    }
    const hits = search(index, { ...query, limit: Math.min(query.limit, MAX_RESULTS_PER_TRAVELLER) }, scope, probes);
    screenings.push({ index: i, screeningId: deps.newId(), query, hits, warnings: probes.warnings });
  }
  // The caller's flags on everything found, in one query.
  const flagOf = await ownFlags(deps.db, ctx, screenings.map((s) => s.hits));
  return { items, screenings, flagOf };
}

/** Stores the travellers searched, in the caller's transaction, and answers in input order. */
export async function recordTravellers(tx: Tx, deps: Deps, ctx: Ctx, searched: TravellersSearched): Promise<TravellersScreened> {
  const { screenings, flagOf } = searched;
  const items = [...searched.items];
  // All screenings and hits of the request in a few inserts (one statement each made a flight of
  // 500 spend most of its time writing).
  const hitIds = await recordScreenings(tx, screeningAuthor(deps, ctx), screenings, deps.newId);
  const clearedOf = await clearedBeforeOf(tx, hitIds.flat());
  screenings.forEach((s, k) => {
    items[s.index] = { ...(s.query.id !== undefined ? { id: s.query.id } : {}), screeningId: s.screeningId, hits: presentResults(ctx.actor, s.hits, hitIds[k]!, flagOf, clearedOf), warnings: s.warnings, settings: screenSettingsOf(s.query) };
  });
  return { items, screeningIds: screenings.map((s) => s.screeningId), hits: hitIds.flat().filter((id) => id !== null).length };
}
