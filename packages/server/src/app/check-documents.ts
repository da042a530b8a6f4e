import { carrierHit, carrierResult, documentCheckSchema, parseInput, requirePermission, type CheckResult, type ScreenQuery } from '@crosscheck/core';
import type { DocumentCheckResponse } from '@crosscheck/core/api';
import { accessOf, search, type FoundHit } from '../screening/search.js';
import { appendEvent } from '../store/event-repo.js';
import { recordScreenings, type ScreeningDraft } from '../store/screening-repo.js';
import { auditedAfterRead } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { screeningAuthor, searchScope } from './screen.js';

// Every document alert on one number and state is a result: far more than any real number has.
const RESULTS_PER_DOCUMENT = 100;

/**
 * A carrier's check of its passengers' travel documents (`carrier.check`, I-Checkit style): each
 * document is looked up in the document index as screening does it (the same normalisation of
 * number and state, the carrier's member's visibility, alerts past their dates left out), and
 * answered `refer` or `no-hit` in the order sent, with nothing else (core carrier/document-check.ts
 * says which results count). Every hit is recorded through the screening store, marked
 * `carrier-check`, so that the alert's owner gets its `hit.created` as for any screening; the
 * carrier's own member's bureau gets a `hit.carrier-check` notice per hit, since a carrier is not a
 * bureau and someone at home must act on its referrals. One audit entry per request, with counts.
 *
 * Only documents with a hit are stored as screenings: the other passengers' documents are counted
 * on the trail and kept nowhere (a carrier checks everyone who boards, not persons of interest).
 */
export async function checkDocuments(deps: Deps, ctx: Ctx, body: unknown): Promise<DocumentCheckResponse> {
  // Catching up reads the store, so it happens before the write transaction (see screen.ts).
  const index = await (await deps.screeningIndex()).fresh();
  let recorded = false;
  const response = await auditedAfterRead(
    deps,
    ctx,
    'carrier.check-documents',
    async (note) => {
      requirePermission(ctx.actor, 'carrier.check');
      note.target = 'screenings';
      const { documents } = parseInput(documentCheckSchema, body);
      const scope = searchScope(deps, ctx);
      const results: CheckResult[] = [];
      const drafts: ScreeningDraft[] = [];
      // What the carrier was told for each draft's document: its bureau hears which.
      const told: CheckResult[] = [];
      for (const d of documents) {
        const query: ScreenQuery = { documents: [{ issuingState: d.issuingState, number: d.number, type: d.type }], limit: RESULTS_PER_DOCUMENT };
        const hits: FoundHit[] = search(index, query, scope).filter(carrierHit);
        const result = carrierResult(hits.map((h) => ({ ...h, access: accessOf(ctx.actor, h) })));
        results.push(result);
        if (hits.length === 0) continue;
        drafts.push({ screeningId: deps.newId(), query, hits, origin: 'carrier-check' });
        told.push(result);
      }
      note.detail = { documents: documents.length, refer: results.filter((r) => r === 'refer').length };
      return { results, drafts, told };
    },
    async (tx, note, { results, drafts, told }) => {
      const by = screeningAuthor(deps, ctx);
      const hitIds = await recordScreenings(tx, by, drafts, deps.newId);
      const recordedHits: string[] = [];
      for (const [i, draft] of drafts.entries()) {
        for (const [j, hit] of draft.hits.entries()) {
          const hitId = hitIds[i]?.[j];
          if (!hitId) continue;
          recordedHits.push(hitId);
          // The carrier's member's bureau: which key checked, what it was told (`no-hit` for an alert
          // hidden from the frontline), and the hit to follow up.
          await appendEvent(tx, { member: by.member, type: 'hit.carrier-check', at: by.at, data: { hitId, alertId: hit.alertId, screeningId: draft.screeningId, owner: hit.owner, kind: hit.kind, credential: by.credential, result: told[i], origin: 'carrier-check' } });
        }
      }
      recorded = recordedHits.length > 0;
      note.detail = { ...note.detail, hits: recordedHits };
      return { results: results.map((result) => ({ result })) };
    },
  );
  if (recorded) deps.bus.published();
  return response;
}
