import { checkScreenSettings, hasOwnSettings, parseInput, probesOf, requirePermission, screenQuerySchema, screenSettingsOf } from '@crosscheck/core';
import type { ScreenResponse, TerritoryFlagView } from '@crosscheck/core/api';
import { presentResults } from '../screening/present-results.js';
import { search, type FoundHit, type SearchScope } from '../screening/search.js';
import { flagsOn } from '../store/review-repo.js';
import { recordScreenings, type ScreeningAuthor } from '../store/screening-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.js';
import { auditedAfterRead } from './audited.js';
import { clearedBeforeOf } from './clearances/cleared-before.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/**
 * Screens one traveller, document or vehicle against every alert the caller may see
 * (`screening.run`). The screening and a hit for every result at or above the threshold are
 * stored with the audit entry in one transaction; each result shown carries its hit's id, and the
 * answer carries what the query itself calls for (the MRZ document's state, a holder who is not
 * the person typed) as warnings. A request may set its own hit threshold and evidence weights
 * within the operator's bounds (core screen-settings.ts): the answer says which were applied, and
 * the audit entry records them when the request set any.
 */
export async function screen(deps: Deps, ctx: Ctx, body: unknown): Promise<ScreenResponse> {
  // Catching up reads the store, so it happens before the write transaction (an embedded
  // SQLite database has one connection, which the transaction holds).
  const index = await (await deps.screeningIndex()).fresh();
  let recorded = false;
  // Searching and reading the caller's flags happen before the write transaction: only the
  // screening, its hits and the audit entry are written in it.
  const result = await auditedAfterRead(
    deps,
    ctx,
    'screening.run',
    async (note) => {
      requirePermission(ctx.actor, 'screening.run');
      const query = parseInput(screenQuerySchema, body);
      checkScreenSettings(query, deps.screeningBounds);
      const settings = screenSettingsOf(query);
      const scope = searchScope(deps, ctx);
      const probes = probesOf(query, { today: scope.today });
      const found = search(index, query, scope, probes);
      const screeningId = deps.newId();
      note.target = `screening:${screeningId}`;
      note.detail = { hits: found.filter((h) => h.score >= settings.threshold).map((h) => h.alertId), ...(hasOwnSettings(query) ? { settings } : {}) };
      return { query, probes, found, screeningId, settings, flagOf: await ownFlags(deps.db, ctx, [found]) };
    },
    async (tx, _note, { query, probes, found, screeningId, settings, flagOf }) => {
      const [hitIds = []] = await recordScreenings(tx, screeningAuthor(deps, ctx), [{ screeningId, query, hits: found }], deps.newId);
      recorded = hitIds.some((id) => id !== null);
      const clearedOf = await clearedBeforeOf(tx, hitIds);
      return { ...(query.id !== undefined ? { id: query.id } : {}), screeningId, hits: presentResults(ctx.actor, found, hitIds, flagOf, clearedOf), warnings: probes.warnings, settings };
    },
  );
  if (recorded) deps.bus.published();
  return result;
}

/** The caller and today's date, as the index needs them. */
export function searchScope(deps: Deps, ctx: Ctx): SearchScope {
  return { reader: ctx.actor, today: nowIso(deps).slice(0, 10) };
}

export function screeningAuthor(deps: Deps, ctx: Ctx): ScreeningAuthor {
  return { member: ctx.actor.member, credential: ctx.actor.credential, at: nowIso(deps) };
}

/** The caller's own territory flags on everything found, with one query however many screenings. */
export async function ownFlags(db: Kysely<DB>, ctx: Ctx, found: readonly (readonly FoundHit[])[]): Promise<(alertId: string) => TerritoryFlagView | undefined> {
  const ids = [...new Set(found.flatMap((f) => f.map((h) => h.alertId)))];
  const flags = ids.length === 0 ? new Map() : await flagsOn(db, ids, ctx.actor.member);
  return (alertId) => flags.get(alertId)?.[0];
}
