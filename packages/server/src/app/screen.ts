import {
  DEFAULT_THRESHOLD,
  DomainError,
  isPastDates,
  normaliseNationality,
  parseInput,
  parseMrz,
  prepareName,
  reasonKey,
  requirePermission,
  screenQuerySchema,
  type PersonFacts,
  type ScreenHit,
  type StoredReason,
  type ScreenQuery,
  type Actor,
} from '@crosscheck/core';
import { flagsOn, type TerritoryFlag } from '../store/review-repo.js';
import type { Candidate, ScreeningIndex } from '../screening/screening-index.js';
import type { Tx } from '../store/write-transaction.js';
import { appendEvent } from '../store/event-repo.js';
import { audited } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';

/** A result as the index found it, before it is shaped for the caller. */
export interface FoundHit extends ScreenHit {
  hiddenFromFrontline: boolean;
}

export const DISCREET_ACTION = 'discreet check: do not alert the person; report to your bureau';

/** What a frontline officer learns of a discreet-check hit: nothing that could tip the person off. */
export interface DiscreetHit {
  alertId: string;
  kind: ScreenHit['kind'];
  category: 'discreet-check';
  action: typeof DISCREET_ACTION;
  owner: string;
}

export type ShownHit = (ScreenHit & { flag?: TerritoryFlag }) | DiscreetHit;

export interface ScreenResult {
  id?: string;
  screeningId: string;
  hits: ShownHit[];
}

/**
 * Screens one traveller, document or vehicle against every alert the caller may see
 * (`screening.run`). The screening and a hit for every result at or above the threshold are
 * stored with the audit entry in one transaction.
 */
export async function screen(deps: Deps, ctx: Ctx, body: unknown): Promise<ScreenResult> {
  // Catching up reads the store, so it happens before the write transaction (an embedded
  // SQLite database has one connection, which the transaction holds).
  const index = await (await deps.screeningIndex()).fresh();
  let recorded = false;
  const result = await audited(deps, ctx, 'screening.run', async (tx, note) => {
    requirePermission(ctx.actor, 'screening.run');
    const query = parseInput(screenQuerySchema, body);
    const hits = search(index, query, ctx.actor.member, ctx.actor.role === 'frontline', nowIso(deps).slice(0, 10));
    const screeningId = deps.newId();
    note.target = `screening:${screeningId}`;
    note.detail = { hits: hits.filter((h) => h.score >= DEFAULT_THRESHOLD).map((h) => h.alertId) };
    await recordScreening(tx, deps, ctx, screeningId, query, hits);
    recorded = hits.some((h) => h.score >= DEFAULT_THRESHOLD);
    return { ...(query.id !== undefined ? { id: query.id } : {}), screeningId, hits: await presentHits(tx, ctx.actor, hits) };
  });
  if (recorded) deps.bus.published();
  return result;
}

/**
 * Shapes the results for the caller. Every hit has already been recorded and its owner told,
 * hidden ones included: the owner hid the alert from officers, not from its own knowledge. A
 * frontline caller then loses alerts hidden from the frontline and sees only the instruction of a
 * discreet check. The caller's own territory flags come with one query for all results.
 */
export async function presentHits(tx: Tx, actor: Actor, hits: FoundHit[]): Promise<ShownHit[]> {
  const frontline = actor.role === 'frontline';
  const shown = frontline ? hits.filter((h) => !h.hiddenFromFrontline) : hits;
  const flags = await flagsOn(tx, shown.map((h) => h.alertId), actor.member);
  return shown.map(({ hiddenFromFrontline: _hidden, ...hit }): ShownHit => {
    if (frontline && hit.category === 'discreet-check') {
      return { alertId: hit.alertId, kind: hit.kind, category: 'discreet-check', action: DISCREET_ACTION, owner: hit.owner };
    }
    const flag = flags.get(hit.alertId)?.[0];
    return flag ? { ...hit, flag } : hit;
  });
}

/**
 * Runs every probe a query carries and merges the results per alert, best first. For a frontline
 * caller, alerts hidden from the frontline come along (they are recorded) but do not count
 * against the query's limit, since they will not be shown.
 */
export function search(index: ScreeningIndex, query: ScreenQuery, viewer: string, frontline = false, today?: string): FoundHit[] {
  const minScore = query.minScore ?? DEFAULT_THRESHOLD;
  const found: Candidate[] = [];
  const { person, documents } = probesOf(query);
  if (person) found.push(...index.searchPerson({ facts: person }, viewer, Math.min(minScore, DEFAULT_THRESHOLD)));
  for (const d of documents) found.push(...index.searchDocument(d, viewer));
  if (query.vehicle) found.push(...index.searchVehicle(query.vehicle, viewer));

  const byAlert = new Map<string, Candidate>();
  for (const c of found) {
    const seen = byAlert.get(c.entry.id);
    if (!seen) byAlert.set(c.entry.id, { ...c, reasons: [...c.reasons] });
    else {
      // The person score already weighs the query's documents, so evidence is not added up
      // twice: the best score stands, with every distinct reason.
      seen.score = Math.max(seen.score, c.score);
      for (const r of c.reasons) if (!seen.reasons.some((s) => reasonKey(s) === reasonKey(r))) seen.reasons.push(r);
    }
  }
  const ranked = [...byAlert.values()].filter((c) => c.score >= minScore && !(today !== undefined && isPastDates(c.entry, today))).sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const kept: Candidate[] = [];
  let counted = 0;
  for (const c of ranked) {
    if (counted >= query.limit) break;
    kept.push(c);
    if (!(frontline && c.entry.hiddenFromFrontline)) counted++;
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
      hiddenFromFrontline: c.entry.hiddenFromFrontline,
    }));
}

/** The person and the documents a query describes, directly or through its MRZ. */
function probesOf(query: ScreenQuery): { person: PersonFacts | null; documents: { issuingState: string; number: string }[] } {
  const documents = (query.documents ?? []).map((d) => ({ issuingState: d.issuingState ?? '', number: d.number }));
  let person: PersonFacts | null = null;
  if (query.person) {
    const nationality = query.person.nationality ? normaliseNationality(query.person.nationality) : null;
    person = {
      names: query.person.names.map((n) => prepareName(n)),
      ...(query.person.birthDate ? { birthDate: query.person.birthDate } : {}),
      ...(query.person.sex ? { sex: query.person.sex } : {}),
      ...(nationality ? { nationalities: [nationality] } : {}),
      documents: documents.map((d) => d.number),
    };
  }
  if (query.mrz) {
    const mrz = parseMrz(query.mrz.split(/\r?\n/).filter((l) => l.trim() !== ''));
    // A zone that cannot be read must not pass as "no hits": the officer has to look again.
    if (mrz.format === null) {
      const why = mrz.errors.map((e) => e.message).join('; ') || 'not a machine-readable zone';
      throw new DomainError('validation', 'mrz.unreadable', `mrz: ${why}`, [{ field: 'mrz', message: why }]);
    }
    const f = mrz.fields;
    if (mrz.format !== null && f) {
      if (f.documentNumber) documents.push({ issuingState: f.issuingState ?? '', number: f.documentNumber });
      if (!person && (f.surname || f.givenNames)) {
        const nationality = f.nationality ? normaliseNationality(f.nationality) : null;
        person = {
          names: [prepareName({ ...(f.surname ? { family: f.surname } : {}), ...(f.givenNames ? { given: f.givenNames } : {}) })],
          ...(f.birthDate ? { birthDate: f.birthDate } : {}),
          ...(f.sex ? { sex: f.sex } : {}),
          ...(nationality ? { nationalities: [nationality] } : {}),
          ...(f.documentNumber ? { documents: [f.documentNumber] } : {}),
        };
      }
    }
  }
  return { person, documents };
}

/**
 * Stores a screening and a hit for every result at or above the threshold, and tells each owner.
 * `at` is now, except for a screening a national copy made earlier and forwards (app/replica/).
 */
export async function recordScreening(tx: Tx, deps: Deps, ctx: Ctx, screeningId: string, query: ScreenQuery, hits: HitToRecord[], at = nowIso(deps)): Promise<void> {
  await recordScreenings(tx, deps, ctx, [{ screeningId, query, hits }], at);
}

/** A result to record: a national copy forwards the reasons it stored, sentences from older copies included. */
export type HitToRecord = Omit<ScreenHit, 'reasons'> & { reasons: readonly StoredReason[] };

/** Rows per INSERT: well inside SQLite's limit on bound values (32,766) at 10 columns a row. */
const INSERT_CHUNK = 200;

/**
 * `recordScreening` for many screenings at once (a flight, a batch): the same rows, written with
 * a few multi-row inserts instead of one statement per traveller.
 */
export async function recordScreenings(tx: Tx, deps: Deps, ctx: Ctx, screenings: { screeningId: string; query: ScreenQuery; hits: HitToRecord[] }[], at = nowIso(deps)): Promise<void> {
  const recorded = screenings.map((s) => ({ ...s, recorded: s.hits.filter((h) => h.score >= DEFAULT_THRESHOLD) }));
  const screeningRows = recorded.map((s) => ({ id: s.screeningId, at, member: ctx.actor.member, credential: ctx.actor.credential, query: JSON.stringify(s.query), hit_count: s.recorded.length }));
  for (let i = 0; i < screeningRows.length; i += INSERT_CHUNK) await tx.insertInto('screenings').values(screeningRows.slice(i, i + INSERT_CHUNK)).execute();
  const hitRows = recorded.flatMap((s) => s.recorded.map((hit) => ({ hit, screeningId: s.screeningId, id: deps.newId() })));
  if (hitRows.length === 0) return;
  const alertIds = [...new Set(hitRows.map((r) => r.hit.alertId))];
  const versionOf = new Map<string, number>();
  for (let i = 0; i < alertIds.length; i += INSERT_CHUNK) {
    for (const v of await tx.selectFrom('alerts').select(['id', 'version']).where('id', 'in', alertIds.slice(i, i + INSERT_CHUNK)).execute()) versionOf.set(v.id, v.version);
  }
  const values = hitRows.map(({ hit: h, screeningId, id }) => ({
    id,
    screening_id: screeningId,
    alert_id: h.alertId,
    alert_version: versionOf.get(h.alertId) ?? 0,
    owner: h.owner,
    screening_member: ctx.actor.member,
    credential: ctx.actor.credential,
    score: h.score,
    reasons: JSON.stringify(h.reasons),
    created_at: at,
  }));
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insertInto('hits').values(values.slice(i, i + INSERT_CHUNK)).execute();
  // The owner's bureau is told at once (its event stream and webhooks).
  for (const { hit, id, screeningId } of hitRows) {
    await appendEvent(tx, { member: hit.owner, type: 'hit.created', at, data: { hitId: id, alertId: hit.alertId, screeningId, screeningMember: ctx.actor.member, score: hit.score, kind: hit.kind } });
  }
}
