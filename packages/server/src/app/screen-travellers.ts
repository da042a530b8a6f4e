import { DEFAULT_THRESHOLD, DomainError, parseInput, screenQuerySchema, type FieldProblem, type ScreenQuery } from '@crosscheck/core';
import type { Tx } from '../store/write-transaction.js';
import type { Ctx, Deps } from './deps.js';
import { presentHits, recordScreenings, search, type FoundHit, type ScreenResult } from './screen.js';

export type TravellerResult = ScreenResult | { id?: string; index: number; error: { code: string; detail: string; errors: FieldProblem[] } };

export interface TravellersScreened {
  items: TravellerResult[];
  screeningIds: string[];
  /** Hits at or above the alerting threshold, across all travellers. */
  hits: number;
}

type Index = Awaited<ReturnType<Awaited<ReturnType<Deps['screeningIndex']>>['fresh']>>;

/**
 * Screens many travellers in the caller's transaction and answers in input order (batches and
 * flights). A traveller whose data is invalid gets an error in its place; the others are
 * screened, each stored as its own screening with its hits. Twenty results per traveller at
 * most: it is a triage, not a search.
 */
export async function screenTravellers(tx: Tx, deps: Deps, ctx: Ctx, index: Index, raw: unknown[]): Promise<TravellersScreened> {
  const items: TravellerResult[] = [];
  const today = deps.clock().toISOString().slice(0, 10);
  const screenings: { index: number; screeningId: string; query: ScreenQuery; found: FoundHit[] }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const given = raw[i];
    const echo = typeof given === 'object' && given !== null && typeof (given as { id?: unknown }).id === 'string' ? { id: (given as { id: string }).id.slice(0, 100) } : {};
    let query;
    try {
      query = parseInput(screenQuerySchema, given);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      items[i] = { ...echo, index: i, error: { code: e.code, detail: e.message, errors: e.problems } };
      continue;
    }
    const found = search(index, { ...query, limit: Math.min(query.limit, 20) }, ctx.actor.member, ctx.actor.role === 'frontline', today);
    screenings.push({ index: i, screeningId: deps.newId(), query, found });
  }
  // All screenings and hits of the request in a few inserts (one statement each made a flight of
  // 500 spend most of its time writing).
  await recordScreenings(tx, deps, ctx, screenings.map((s) => ({ screeningId: s.screeningId, query: s.query, hits: s.found })));
  let hits = 0;
  for (const s of screenings) {
    hits += s.found.filter((h) => h.score >= DEFAULT_THRESHOLD).length;
    items[s.index] = { ...(s.query.id !== undefined ? { id: s.query.id } : {}), screeningId: s.screeningId, hits: s.found.length === 0 ? [] : await presentHits(tx, ctx.actor, s.found) };
  }
  const screeningIds = screenings.map((s) => s.screeningId);
  return { items, screeningIds, hits };
}
