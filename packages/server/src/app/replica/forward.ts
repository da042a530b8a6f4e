import { canSeeAlert, parseInput, requirePermission, screenQuerySchema, type ScreenHit, type ScreenQuery } from '@crosscheck/core';
import { z } from 'zod';
import { appendAudit } from '../../store/audit-repo.js';
import { alreadyReceived, markReceived } from '../../store/replica-repo.js';
import { visibilityFromColumns } from '../../store/change-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { audited } from '../audited.js';
import { nowIso, type Ctx, type Deps } from '../deps.js';
import { recordScreening } from '../screen.js';

export const MAX_FORWARD_ITEMS = 500;
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
    hits: z.array(z.object({ alertId: text(40), score: z.number().min(0).max(1), reasons: z.array(text(1000)).max(50) }).strict()).max(1000),
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
            screenings: z.array(screeningSchema).max(5000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_FORWARD_ITEMS),
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

/**
 * Takes what a national copy recorded while it screened on its own (`replica.forward`): each item
 * once per copy credential and item id. A screening's hits are created here with the code of
 * `screen.ts` (so owners get their `hit.created` as usual), and the copy's audit entry is
 * appended to the centre's trail as an entry of the copy's credential, with its original time
 * and the copy's own seq and hash in the detail. All of it, and the acknowledgement, in one
 * transaction: if the answer is lost, the retry finds every id already stored.
 */
export async function forwardFromReplica(deps: Deps, ctx: Ctx, body: unknown): Promise<ForwardResult> {
  let hitsStored = false;
  const result = await audited(deps, ctx, 'replica.forward', async (tx, note) => {
    note.target = 'replica:forward';
    requirePermission(ctx.actor, 'replica.forward');
    const { items } = parseInput(forwardSchema, body);
    const had = await alreadyReceived(tx, ctx.actor.credential, items.map((i) => i.id));
    const out: ForwardResult = { acknowledged: [], stored: [], alreadyHad: [], hitsRefused: 0 };
    const seen = new Set<string>();
    for (const item of items) {
      out.acknowledged.push(item.id);
      if (had.has(item.id) || seen.has(item.id)) {
        out.alreadyHad.push(item.id);
        continue;
      }
      seen.add(item.id);
      const centreScreenings: string[] = [];
      for (const screening of item.screenings ?? []) {
        if (screening.hits.length === 0) continue;
        const { hits, refused } = await acceptableHits(tx, ctx, screening.hits);
        out.hitsRefused += refused;
        const screeningId = deps.newId();
        centreScreenings.push(screeningId);
        // The query is kept as the copy received it; it was validated there.
        const query = screenQuerySchema.safeParse(screening.query);
        await recordScreening(tx, deps, ctx, screeningId, (query.success ? query.data : { limit: 10 }) as ScreenQuery, hits, screening.at);
        if (hits.length > 0) hitsStored = true;
      }
      const e = item.entry;
      const seq = await appendAudit(tx, {
        at: e.at,
        member: ctx.actor.member,
        role: ctx.actor.role,
        credential: ctx.actor.credential,
        action: e.action,
        target: e.target,
        requestId: e.requestId,
        outcome: e.outcome,
        detail: JSON.stringify({
          replica: { item: item.id, seq: e.seq, hash: e.hash, prevHash: e.prevHash, member: e.member, role: e.role, credential: e.credential },
          ...(centreScreenings.length > 0 ? { centreScreenings } : {}),
          original: e.detail,
        }),
      });
      await markReceived(tx, ctx.actor.credential, item.id, nowIso(deps), seq);
      out.stored.push(item.id);
    }
    note.detail = { received: items.length, stored: out.stored.length, alreadyHad: out.alreadyHad.length, hitsRefused: out.hitsRefused };
    return out;
  });
  if (hitsStored) deps.bus.published();
  return result;
}

/**
 * The hits whose alert the copy's member may see, with kind and owner as the centre knows them
 * (never as the copy claims). One a member may not see is dropped: recording it would tell its
 * owner of a screening that could not have found it.
 */
async function acceptableHits(tx: Tx, ctx: Ctx, claimed: { alertId: string; score: number; reasons: string[] }[]): Promise<{ hits: ScreenHit[]; refused: number }> {
  const ids = [...new Set(claimed.map((h) => h.alertId))];
  const rows = await tx.selectFrom('alerts').select(['id', 'owner', 'kind', 'category', 'status', 'visibility_mode', 'visibility_members', 'source_ref']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: ScreenHit[] = [];
  let refused = 0;
  for (const h of claimed) {
    const row = byId.get(h.alertId);
    // Bureau's view: visibility and review, not the frontline rule (a copy records hidden ones too).
    if (!row || !canSeeAlert({ ...ctx.actor, role: 'bureau' }, { owner: row.owner, visibility: visibilityFromColumns(row.visibility_mode, row.visibility_members), status: row.status })) {
      refused++;
      continue;
    }
    hits.push({ alertId: row.id, kind: row.kind as ScreenHit['kind'], category: row.category, score: h.score, reasons: h.reasons, action: null, owner: row.owner, warnings: [], sourceRef: row.source_ref });
  }
  return { hits, refused };
}
