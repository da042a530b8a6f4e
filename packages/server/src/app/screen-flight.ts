import { DomainError, flightPlace, parsePaxlst, requirePermission, toScreenQueries, type ScreenQueryInput } from '@crosscheck/core';
import type { FlightReport, FlightTraveller } from '@crosscheck/core/api';
import { auditedAfterRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { recordTravellers, searchTravellers } from './screen-travellers.js';

/** Travellers screened in one request (the largest aircraft carry under 900 people). */
export const MAX_FLIGHT_TRAVELLERS = 2000;

/** What arrives: the EDIFACT message itself (bytes or text), or JSON holding it. */
export type FlightInput = { paxlst: string | Uint8Array };

/**
 * Screens every traveller of an API/PAXLST message and answers with the flight report: the
 * flight and its legs, each traveller in message order with their hits, the reader's warnings
 * (a dirty message is screened, not refused) and a summary. One screening per traveller, all in
 * one transaction with one audit entry (`screening.run-flight`); the searching is done before it.
 */
export async function screenFlight(deps: Deps, ctx: Ctx, input: FlightInput): Promise<FlightReport> {
  const index = await (await deps.screeningIndex()).fresh();
  let hitCount = 0;
  const report = await auditedAfterRead(
    deps,
    ctx,
    'screening.run-flight',
    async (note) => {
      requirePermission(ctx.actor, 'screening.run');
      note.target = 'screenings';
      // Parsed inside the audited work, so an unreadable message is a refusal on the trail too.
      const manifest = parsePaxlst(input.paxlst, { today: deps.clock().toISOString().slice(0, 10) });
      // The reader takes interchanges of up to 10,000 travellers; one request screens at most a
      // few wide-body flights, so that one key cannot hold the writers' lock for long.
      if (manifest.travellers.length > MAX_FLIGHT_TRAVELLERS) {
        throw new DomainError('too-large', 'flight.too-large', `a flight request may hold at most ${MAX_FLIGHT_TRAVELLERS} travellers, this message holds ${manifest.travellers.length}: split it`, [{ field: '(body)', message: 'too many travellers' }]);
      }
      const queries = toScreenQueries(manifest);
      const toScreen = queries.map((q, i) => ({ q, i })).filter((x): x is { q: ScreenQueryInput; i: number } => x.q !== null);
      const searched = await searchTravellers(deps, ctx, index, toScreen.map((x) => x.q));
      // The flight is where its travellers were screened: kept for hits found after the fact.
      const flight = manifest.flights[0];
      if (flight) for (const s of searched.screenings) s.place = flightPlace(flight);
      return { manifest, toScreen, searched };
    },
    async (tx, note, { manifest, toScreen, searched }) => {
      const screened = await recordTravellers(tx, deps, ctx, searched);
      hitCount = screened.hits;
      const resultOf = new Map(toScreen.map((x, k) => [x.i, screened.items[k]!]));
      const travellers = manifest.travellers.map((t, i): FlightTraveller => {
        const { references: _references, ...rest } = t;
        const r = resultOf.get(i);
        if (!r) return { ...rest, position: i + 1, screeningId: null, hits: [], notScreened: 'no name and no document to screen' };
        if ('error' in r) return { ...rest, position: i + 1, screeningId: null, hits: [], notScreened: r.error.detail };
        return { ...rest, position: i + 1, screeningId: r.screeningId, hits: r.hits };
      });
      const flight = manifest.flights[0];
      note.detail = { flight: flight ? `${flight.designator}` : null, travellers: travellers.length, screenings: screened.screeningIds.length, hits: hitCount, warnings: manifest.warnings.length };
      return {
        header: manifest.header,
        flights: manifest.flights,
        travellers,
        warnings: manifest.warnings,
        summary: {
          travellers: travellers.length,
          passengers: travellers.filter((t) => t.role === 'passenger').length,
          crew: travellers.filter((t) => t.role === 'crew').length,
          screened: screened.screeningIds.length,
          notScreened: travellers.filter((t) => t.screeningId === null).length,
          travellersWithHits: travellers.filter((t) => t.hits.length > 0).length,
          hits: travellers.reduce((n, t) => n + t.hits.length, 0),
        },
      };
    },
  );
  if (hitCount > 0) deps.bus.published();
  return report;
}

/** The JSON form of the body: `{"paxlst": "UNA:+.? 'UNB+…"}`. */
export function flightInputOf(body: unknown): FlightInput {
  if (typeof body === 'string' || body instanceof Uint8Array) return { paxlst: body };
  const paxlst = (body as { paxlst?: unknown } | null)?.paxlst;
  if (typeof paxlst === 'string') return { paxlst };
  throw new DomainError('validation', 'flight.invalid', 'send the PAXLST message as application/edifact or text/plain, or JSON {"paxlst": "…"}', [{ field: 'paxlst', message: 'a PAXLST message is required' }]);
}
