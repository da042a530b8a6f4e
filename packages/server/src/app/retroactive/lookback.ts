import { carrierHit, DomainError, probesOf, screenSettingsOf, type Alert, type ScreenQuery } from '@crosscheck/core';
import { ScreeningIndex } from '../../screening/screening-index.js';
import { search, type FoundHit } from '../../screening/search.js';
import { pastScreenings, type PastScreening } from '../../store/retroactive-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';

/** Screenings read from the store at a time. */
const SCREENING_PAGE = 1000;

/** An alert to screen against the past, and the moment from which the lookback counts back. */
export interface LookbackTarget {
  alert: Alert;
  /** When it was published (or approved, or given a new name or identifier). */
  at: string;
}

/** A past screening that finds a target alert at or above the threshold. */
export interface PastMatch {
  screening: PastScreening;
  found: FoundHit;
  alertVersion: number;
}

/**
 * Screens new alerts against the screenings of the `hours` before each was published: the
 * alerts go into a small screening index of their own, and each past screening's query is run
 * against it by the one search live screening runs (same probes, same scoring, same threshold),
 * as the screening member: an alert whose visibility leaves that member out is no candidate, as it
 * would not have been then. Only screenings made before the alert's moment count; a screening
 * made since was screened against the alert itself.
 */
export async function screenAgainstPast(db: Kysely<DB>, targets: readonly LookbackTarget[], hours: number, today: string, yieldEvery: () => Promise<void>): Promise<PastMatch[]> {
  if (targets.length === 0 || hours <= 0) return [];
  const index = new ScreeningIndex();
  const momentOf = new Map<string, { at: string; version: number }>();
  for (const t of targets) {
    index.upsert(t.alert);
    momentOf.set(t.alert.id, { at: t.at, version: t.alert.version });
  }
  const moments = targets.map((t) => t.at).sort();
  const from = hoursBefore(moments[0]!, hours);
  const to = moments[moments.length - 1]!;
  const matches: PastMatch[] = [];
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page = await pastScreenings(db, from, to, after, SCREENING_PAGE);
    for (const s of page) {
      // A carrier's check hits only what a live check would (core carrierHit): a stolen document on its number, never a person.
      const candidates = s.origin === 'carrier-check' ? searchOne(index, s).filter(carrierHit) : searchOne(index, s);
      for (const found of candidates) {
        const moment = momentOf.get(found.alertId);
        // The screening's own threshold, as when it was made (screen-settings.ts).
        if (!moment || found.score < screenSettingsOf(s.query).threshold) continue;
        if (s.at > moment.at || s.at < hoursBefore(moment.at, hours)) continue;
        matches.push({ screening: s, found, alertVersion: moment.version });
      }
    }
    if (page.length < SCREENING_PAGE) return matches;
    after = { at: page[page.length - 1]!.at, id: page[page.length - 1]!.id };
    // Let requests waiting on the event loop through between pages.
    await yieldEvery();
  }

  function searchOne(idx: ScreeningIndex, s: PastScreening): FoundHit[] {
    // The threshold is the alerting one whatever the caller asked to be shown, and every alert of
    // the small index may come back.
    const query: ScreenQuery = { ...s.query, minScore: undefined, limit: 100 };
    try {
      // The role only orders what counts against the limit, which a few alerts never reach: a hit
      // is recorded whatever the caller's role would have been shown, as in live screening (an
      // alert hidden from the frontline still hits, and its owner is told).
      // The query is read as on its day (an MRZ's expiry); the alert's own dates as of today.
      return search(idx, query, { reader: { member: s.member, role: 'bureau' }, today }, probesOf(query, { today: s.at.slice(0, 10) }));
    } catch (e) {
      // A query stored by an older version that today's reader refuses: nothing to find with it.
      if (e instanceof DomainError) return [];
      throw e;
    }
  }
}

/** The ISO time `hours` before `iso`. */
export function hoursBefore(iso: string, hours: number): string {
  return new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
}
