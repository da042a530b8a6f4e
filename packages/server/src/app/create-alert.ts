import { alertInputSchema, defaultReviewDate, recastReviewDate, needsReview, icaoStateAlias, normaliseVisibility, parseInput, requirePermission, validationError, type Alert, type AlertInput } from '@crosscheck/core';
import { findAlertRow, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import type { Tx } from '../store/write-transaction.js';
import { audited } from './audited.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { checkReferencedMembers } from './check-referenced-members.js';
import { checkAssetReferences } from './assets/asset-links.js';
import { withAssetWarnings, type AssetWarnings } from './assets/asset-warnings.js';

/** Publishes a new alert owned by the caller's member (`alert.create`). */
export async function createAlert(deps: Deps, ctx: Ctx, body: unknown): Promise<Alert & AssetWarnings> {
  return audited(deps, ctx, 'alert.create', async (tx, note) => {
    requirePermission(ctx.actor, 'alert.create');
    const input = parseInput(alertInputSchema, body);
    const id = deps.newId();
    note.target = `alert:${id}`;
    note.detail = { kind: input.kind };
    return withAssetWarnings(await insertAlert(tx, deps, ctx, id, input));
  });
}

/**
 * Shared by the API and the importers: validates references, then writes version 1. Person alerts
 * that can lead to coercive action start under review, whichever way they arrive, so an import
 * is no way around review.
 */
export async function insertAlert(tx: Tx, deps: Deps, ctx: Ctx, id: string, raw: AlertInput): Promise<Alert> {
  const input: AlertInput = { ...raw, visibility: normaliseVisibility(raw.visibility) };
  requireOwnDocument(input, ctx.actor.member);
  await checkReferencedMembers(tx, input.visibility);
  await checkAssetReferences(tx, ctx.actor, input);
  const at = nowIso(deps);
  await writeAlertVersion(
    tx,
    {
      id,
      owner: ctx.actor.member,
      input,
      status: needsReview(input) ? 'pending-review' : 'active',
      statusReason: null,
      version: 1,
      action: 'created',
      at,
      createdAt: at,
      changedBy: ctx.actor.credential,
      reviewDate: recastReviewDate(input, at.slice(0, 10), deps.retention.years) ?? defaultReviewDate(input.kind, at.slice(0, 10), deps.retention.years),
    },
    undefined,
  );
  const row = await findAlertRow(tx, id);
  return toAlert(row!);
}

/** Only the issuing state may enter its travel documents (INTERPOL SLTD rule). */
export function requireOwnDocument(input: AlertInput, member: string): void {
  if (input.kind !== 'document') return;
  // ICAO 9303 writes Germany as `D`; the same alias table keys the document index.
  const state = icaoStateAlias(input.document.issuingState);
  if (state !== member) {
    throw validationError('document.issuingState', `only ${input.document.issuingState} may enter its own documents; you are ${member}`, 'document.not-issuer');
  }
}
