import { alertAccess, isPastDates, screenSettingsOf, PROBE_SOURCES, probesOf, reasonKey, type AlertAccess, type ProbeSource, type Reader, type ScreenHit, type ScreenProbes, type ScreenQuery, type Visibility } from '@crosscheck/core';
import type { Candidate, ScreeningIndex } from './screening-index.js';

/** A result as the index found it, before it is recorded and shaped for the caller. */
export interface FoundHit extends ScreenHit {
  /** With the owner and category, what `alertAccess` weighs to decide what the caller is shown. */
  visibility: Visibility;
  hiddenFromFrontline: boolean;
  /** Which probes of the query found the alert, in PROBE_SOURCES order. */
  matchedBy: ProbeSource[];
}

/** Who screens and on which day: what the index may show and which alerts still hit. */
export interface SearchScope {
  /** The screening member and role: alerts hidden from the member are never candidates. */
  reader: Reader;
  /** YYYY-MM-DD: alerts past their dates (core `isPastDates`) no longer hit. */
  today: string;
}

/** What `alertAccess` answers for an alert the index found: the index holds active alerts only. */
export function accessOf(reader: Reader, found: Pick<FoundHit, 'owner' | 'visibility' | 'category' | 'hiddenFromFrontline'>): AlertAccess {
  return alertAccess(reader, { owner: found.owner, visibility: found.visibility, status: 'active', category: found.category, hiddenFromFrontline: found.hiddenFromFrontline });
}

/**
 * Runs every probe a query carries (the person typed, the MRZ holder, each document, the vehicle,
 * the wallet address, each asset),
 * each on its own, and merges the results per alert, best first: the one search that the server,
 * the bench and the evaluation all run. Results the reader will not be shown (`accessOf` is
 * hidden: for the frontline, alerts hidden from it) come along, since they are recorded and their
 * owner is told, but do not count against the query's limit. The probes are read from the query
 * unless the caller read them already (for their warnings).
 */
export function search(index: ScreeningIndex, query: ScreenQuery, scope: SearchScope, probes: ScreenProbes = probesOf(query, { today: scope.today })): FoundHit[] {
  // The request's own hit threshold (screen-settings.ts): results are shown from minScore, or from it.
  const { threshold } = screenSettingsOf(query);
  const minScore = query.minScore ?? threshold;
  const floor = Math.min(minScore, threshold);
  const found: Candidate[] = [];
  const sources = new Map<string, Set<ProbeSource>>();
  const add = (source: ProbeSource, candidates: Candidate[]) => {
    for (const c of candidates) {
      found.push(c);
      let set = sources.get(c.entry.id);
      if (!set) sources.set(c.entry.id, (set = new Set()));
      set.add(source);
    }
  };
  const viewer = scope.reader.member;
  for (const p of probes.persons) add(p.source, index.searchPerson(query.weights ? { facts: p.facts, weights: query.weights } : { facts: p.facts }, viewer, floor));
  for (const d of probes.documents) add(d.source, index.searchDocument(d, viewer));
  if (probes.vehicle) add('vehicle', index.searchVehicle(probes.vehicle, viewer));
  for (const w of probes.wallets) {
    add('wallet', index.searchWallet(w, viewer));
    // The wallet asset alerts on the address too, as a wallet screened among the assets finds persons.
    add('wallet', index.assets.search({ type: 'wallet', ...w }, viewer, minScore));
  }
  if (probes.vehicle) add('vehicle', index.assets.searchVehicle(probes.vehicle, viewer));
  for (const a of probes.assets) {
    add('asset', index.assets.search(a, viewer, floor));
    // A wallet screened as an asset also finds the persons known to use it, as `walletAddress` does.
    if (a.type === 'wallet') add('asset', index.searchWallet(a, viewer));
  }

  const ranked = mergeByAlert(found, reasonKey)
    .filter((c) => c.score >= minScore && !isPastDates(c.entry, scope.today))
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const kept: Candidate[] = [];
  let counted = 0;
  for (const c of ranked) {
    if (counted >= query.limit) break;
    kept.push(c);
    if (accessOf(scope.reader, c.entry) !== 'hidden') counted++;
  }
  return kept.map((c) => ({
    alertId: c.entry.id,
    kind: c.entry.kind,
    category: c.entry.category,
    score: Math.round(c.score * 1000) / 1000,
    reasons: c.reasons,
    action: c.entry.action,
    owner: c.entry.owner,
    warnings: c.entry.warnings,
    sourceRef: c.entry.sourceRef,
    visibility: c.entry.visibility,
    hiddenFromFrontline: c.entry.hiddenFromFrontline,
    matchedBy: PROBE_SOURCES.filter((p) => sources.get(c.entry.id)?.has(p)),
  }));
}

/**
 * One candidate per alert. When several probes find the same alert, the best score stands with
 * every distinct reason: the person score already weighs the query's documents, so evidence is
 * not added up twice. The input candidates are left as they are.
 */
export function mergeByAlert<R, C extends { entry: { id: string }; score: number; reasons: R[] }>(found: C[], keyOf: (reason: R) => string): C[] {
  const byAlert = new Map<string, C>();
  // Reason keys are computed only for alerts found more than once, which is rare.
  const keysOf = new Map<string, Set<string>>();
  for (const c of found) {
    const seen = byAlert.get(c.entry.id);
    if (!seen) {
      byAlert.set(c.entry.id, { ...c, reasons: [...c.reasons] });
      continue;
    }
    let keys = keysOf.get(c.entry.id);
    if (!keys) keysOf.set(c.entry.id, (keys = new Set(seen.reasons.map(keyOf))));
    seen.score = Math.max(seen.score, c.score);
    for (const r of c.reasons) {
      const key = keyOf(r);
      if (!keys.has(key)) {
        keys.add(key);
        seen.reasons.push(r);
      }
    }
  }
  return [...byAlert.values()];
}
