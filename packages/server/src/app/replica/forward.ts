import { canSeeAlert, screenSettingsOf, conflict, isClientRequestId, matchReasonSchema, parseInput, requirePermission, screenQuerySchema, validationError, type ScreenHit, type ScreenQuery, type StoredReason } from '@crosscheck/core';
import { z } from 'zod';
import { requestDigest, signAck, type AckContent } from './signed-batch.js';
import { appendAudit } from '../../store/audit-repo.js';
import { alreadyReceived, forwardedAlertFacts, markReceived, type ForwardedAlertFacts } from '../../store/replica-repo.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { recordScreenings, type HitToRecord } from '../../store/screening-repo.js';
import { signingKeyOf } from './replica-batch.js';
import { search, type FoundHit } from '../../screening/search.js';
import type { ScreeningIndex } from '../../screening/screening-index.js';

export const MAX_FORWARD_ITEMS = 500;
/**
 * Screenings and hits in one request, all items together. Everything of a request is written in
 * one transaction under the writers' lock, and each hit tells its owner (event, webhook): without
 * a total, one 4 MiB request could carry tens of thousands and hold every writer of the centre.
 */
export const MAX_FORWARD_SCREENINGS = 2000;
export const MAX_FORWARD_HITS = 5000;
/** How far ahead of the centre's clock a copy's time may be (clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Bytes of one forward request; the route refuses larger bodies before they are parsed. */
export const MAX_FORWARD_BYTES = 4 * 1024 * 1024;

const text = (max: number) => z.string().max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

/** One local audit entry of a copy, as its chain holds it. */
const entrySchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.string().datetime({ offset: true }),
    member: text(3),
    role: text(20),
    credential: text(60),
    action: text(60),
    target: text(200),
    requestId: text(100),
    outcome: text(30),
    // A batch's or a flight's entry lists every screening id: up to some tens of kilobytes.
    detail: text(256 * 1024),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** The hits of the screening an entry recorded (`screening.run`), as the copy found them. */
const screeningSchema = z
  .object({
    at: z.string().datetime({ offset: true }),
    query: z.unknown(),
        // A reason is a code with parameters, or a sentence from a hit the copy recorded before codes.
    hits: z.array(z.object({ alertId: text(40), score: z.number().min(0).max(1), reasons: z.array(z.union([text(1000), matchReasonSchema])).max(50) }).strict()).max(1000),
  })
  .strict();

export const forwardSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            /** Stable across retries: `<copy instance>:<local audit seq>`. */
            id: z.string().regex(/^[A-Za-z0-9-]{1,60}:[0-9]{1,18}$/, 'instance:sequence'),
            entry: entrySchema,
            /** The screenings the entry recorded that found something (one, or a batch's or a flight's). */
            screenings: z.array(screeningSchema).max(MAX_FORWARD_SCREENINGS).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_FORWARD_ITEMS),
    /** The copy's random value for this request: the signed acknowledgement covers it (no replayed answers). */
    nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 letters, digits, - or _').optional(),
  })
  .strict();

export interface ForwardResult {
  /** Every id of the request: the copy may mark them all forwarded. */
  acknowledged: string[];
  /** Ids stored now. */
  stored: string[];
  /** Ids the centre already had (a retry after a lost answer): not stored again. */
  alreadyHad: string[];
  /** Hits not recorded because their alert does not exist or is not the copy's member's to see. */
  hitsRefused: number;
}

/** The answer as sent: the result signed with the batch key (`signAck`), for the copy to verify. */
export type SignedForwardResult = AckContent & { keyId: string; signature: string };

/**
 * Takes what a national copy recorded while it screened on its own (`replica.forward`): each item
 * once per copy credential and item id. A screening's hits are created here with the code of
 * `screen.ts` (so owners get their `hit.created` as usual), and the copy's audit entry is
 * appended to the centre's trail as a `replica.forward-entry` of the copy's credential, with what
 * the copy recorded (seq, hash, action, target…) in the detail. All of it in one transaction: if
 * the answer is lost, the retry finds every id already stored. The answer is signed (`signAck`):
 * only the centre can make a copy move its outbox on.
 *
 * A copy is trusted to say what it saw, not to write the centre's history: the entry and the hits
 * are stamped with the centre's time of receipt (the trail stays in the order it was written; the
 * copy's times are kept as `claimedAt`), its request id is kept only if any client could have
 * sent it, and each hit's score and reasons are the centre's own, found again by screening the
 * forwarded query (`confirmedHits`).
 */
export async function forwardFromReplica(deps: Deps, ctx: Ctx, body: unknown): Promise<SignedForwardResult> {
  // Read before the write transaction: an embedded SQLite database has one connection.
  const key = await signingKeyOf(deps);
  const index = await (await deps.screeningIndex()).fresh();
  let hitsStored = false;
  const result = await audited(deps, ctx, 'replica.forward', async (tx, note) => {
    note.target = 'replica:forward';
    requirePermission(ctx.actor, 'replica.forward');
    const { items } = parseInput(forwardSchema, body);
    checkTotals(items);
    const receivedAt = nowIso(deps);
    const latest = Date.parse(receivedAt) + CLOCK_SKEW_MS;
    const had = await alreadyReceived(tx, ctx.actor.credential, items.map((i) => i.id));
    const out: ForwardResult = { acknowledged: [], stored: [], alreadyHad: [], hitsRefused: 0 };
    const seen = new Set<string>();
    const fresh: { item: (typeof items)[number]; where: string }[] = [];
    for (const [n, item] of items.entries()) {
      out.acknowledged.push(item.id);
      if (had.has(item.id) || seen.has(item.id)) {
        // A copy restored from its own backup reuses ids for other entries: "already had" would
        // drop them for good, so the whole request is refused and the copy's outbox says why.
        const stored = had.get(item.id);
        if (stored !== undefined && stored !== null && stored !== item.entry.hash) {
          throw conflict('replica.item-reused', `item ${item.id} was received before with another entry (hash ${stored.slice(0, 12)}…, now ${item.entry.hash.slice(0, 12)}…): was this copy's database restored from a backup? Rebuild the copy with a new --db`);
        }
        out.alreadyHad.push(item.id);
        continue;
      }
      seen.add(item.id);
      fresh.push({ item, where: `items.${n}` });
    }
    // Visibility is read once per request and alert, whatever the number of screenings naming it.
    const alerts = await forwardedAlertFacts(tx, fresh.flatMap(({ item }) => (item.screenings ?? []).flatMap((s) => s.hits.map((h) => h.alertId))));
    for (const { item, where } of fresh) {
      const centreScreenings: string[] = [];
      const screeningsClaimedAt: string[] = [];
      let reasonsClaimed = 0;
      const instance = item.id.slice(0, item.id.lastIndexOf(':'));
      for (const [k, screening] of (item.screenings ?? []).entries()) {
        if (screening.hits.length === 0) continue;
        const { hits: visible, refused } = acceptableHits(ctx, alerts, screening.hits);
        out.hitsRefused += refused;
        const screeningId = deps.newId();
        centreScreenings.push(screeningId);
        screeningsClaimedAt.push(utcTime(screening.at, `${where}.screenings.${k}.at`, latest));
        // The query is kept as the copy received it; it was validated there.
        const query = screenQuerySchema.safeParse(screening.query);
        const hits = confirmedHits(index, query.success ? query.data : null, ctx, receivedAt, visible, `replica:${instance}`);
        reasonsClaimed += hits.filter((h) => h.reasonsClaimedBy !== undefined).length;
        await recordScreenings(tx, { member: ctx.actor.member, credential: ctx.actor.credential, at: receivedAt }, [{ screeningId, query: (query.success ? query.data : { limit: 10 }) as ScreenQuery, hits }], deps.newId);
        if (hits.length > 0) hitsStored = true;
      }
      const e = item.entry;
      const claimedAt = utcTime(e.at, `${where}.entry.at`, latest);
      // Recorded under the copy's credential, a fixed action and the copy's own target: what the
      // copy says it did (action, target, outcome) is detail, never columns another member's
      // audit view selects on (`alert:<id>` targets of its own alerts).
      const seq = await appendAudit(tx, {
        at: receivedAt,
        member: ctx.actor.member,
        role: ctx.actor.role,
        credential: ctx.actor.credential,
        action: 'replica.forward-entry',
        target: `replica:${instance}`,
        // The copy's own work (`system/…`) cannot pass for the centre's: it keeps this request's id.
        requestId: isClientRequestId(e.requestId) ? e.requestId : ctx.requestId,
        outcome: 'ok',
        detail: JSON.stringify({
          claimedAt,
          claimedRequestId: e.requestId,
          replica: { item: item.id, seq: e.seq, hash: e.hash, prevHash: e.prevHash, member: e.member, role: e.role, credential: e.credential, at: e.at, action: e.action, target: e.target, outcome: e.outcome },
          ...(centreScreenings.length > 0 ? { centreScreenings, screeningsClaimedAt } : {}),
          ...(reasonsClaimed > 0 ? { reasonsClaimed } : {}),
          original: e.detail,
        }),
      });
      await markReceived(tx, ctx.actor.credential, item.id, nowIso(deps), seq, e.hash);
      out.stored.push(item.id);
    }
    note.detail = { received: items.length, stored: out.stored.length, alreadyHad: out.alreadyHad.length, hitsRefused: out.hitsRefused };
    return out;
  });
  if (hitsStored) deps.bus.published();
  return signAck({ replica: ctx.actor.credential, request: requestDigest(body), ...result, issuedAt: nowIso(deps) }, key);
}

/** Refuses a request over the totals, naming the limit. */
function checkTotals(items: z.infer<typeof forwardSchema>['items']): void {
  const screenings = items.reduce((n, i) => n + (i.screenings?.length ?? 0), 0);
  if (screenings > MAX_FORWARD_SCREENINGS) throw validationError('items', `${screenings} screenings in one request, more than ${MAX_FORWARD_SCREENINGS}: send fewer items at a time`, 'replica.too-many-screenings');
  const hits = items.reduce((n, i) => n + (i.screenings ?? []).reduce((m, s) => m + s.hits.length, 0), 0);
  if (hits > MAX_FORWARD_HITS) throw validationError('items', `${hits} hits in one request, more than ${MAX_FORWARD_HITS}: send fewer items at a time`, 'replica.too-many-hits');
}

/**
 * A copy's claimed time as the centre keeps it: UTC ISO with milliseconds, and not later than the
 * centre's clock plus the skew allowed (a copy whose clock runs ahead is misconfigured).
 */
function utcTime(at: string, field: string, latest: number): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw validationError(field, `${at} is not a time`);
  if (ms > latest) throw validationError(field, `${at} is later than the centre's clock allows (${new Date(latest).toISOString()})`);
  return new Date(ms).toISOString();
}

/**
 * The hits whose alert the copy's member may see, with kind and owner as the centre knows them
 * (never as the copy claims). One a member may not see is dropped: recording it would tell its
 * owner of a screening that could not have found it.
 */
function acceptableHits(ctx: Ctx, byId: Map<string, ForwardedAlertFacts>, claimed: { alertId: string; score: number; reasons: StoredReason[] }[]): { hits: HitToRecord[]; refused: number } {
  const hits: HitToRecord[] = [];
  let refused = 0;
  const once = new Set<string>();
  for (const h of claimed) {
    // One hit per alert and screening, as `screen.ts` merges them: a repeated id is not another hit.
    if (once.has(h.alertId)) continue;
    once.add(h.alertId);
    const row = byId.get(h.alertId);
    // Bureau's view: visibility and review, not the frontline rule (a copy records hidden ones too).
    if (!row || !canSeeAlert({ ...ctx.actor, role: 'bureau' }, row)) {
      refused++;
      continue;
    }
    hits.push({ alertId: row.id, kind: row.kind as ScreenHit['kind'], category: row.category, score: h.score, reasons: h.reasons, action: null, owner: row.owner, warnings: [], sourceRef: row.sourceRef });
  }
  return { hits, refused };
}


/**
 * The hits as the centre scores them: the forwarded query is screened again over the centre's
 * index as the copy's member's bureau (whose view the copy follows), and a claimed hit the centre
 * finds at or above the threshold takes the centre's score and reasons. One the centre does not
 * find (the copy held an older version of the alert, or the query is one the centre cannot read)
 * is kept, since the copy's officer saw it and its owner must be told, but with the copy's
 * score and reasons marked as the copy's claim (`reasonsClaimedBy`), never as the centre's.
 */
function confirmedHits(index: ScreeningIndex, query: ScreenQuery | null, ctx: Ctx, receivedAt: string, claimed: HitToRecord[], copy: string): HitToRecord[] {
  if (claimed.length === 0) return [];
  const found = new Map<string, FoundHit>();
  if (query !== null) {
    // Every claimed alert may be among the results, whatever limit the copy's caller asked for.
    // At the query's own threshold, as the copy screened it (screen-settings.ts).
    const again = search(index, { ...query, minScore: screenSettingsOf(query).threshold, limit: Number.MAX_SAFE_INTEGER }, { reader: { ...ctx.actor, role: 'bureau' }, today: receivedAt.slice(0, 10) });
    for (const h of again) found.set(h.alertId, h);
  }
  return claimed.map((h) => {
    const centre = found.get(h.alertId);
    return centre ? { ...h, score: centre.score, reasons: centre.reasons } : { ...h, reasonsClaimedBy: copy };
  });
}
