import { DomainError, alertInputSchema, inputOf, normaliseVisibility, requirePermission, type AlertInput } from '@crosscheck/core';
import { parseUnList } from '../formats/un-sc-list.js';
import { activeAlertsWithSourcePrefix, findAlertBySourceRef, toAlert, writeAlertVersion } from '../store/alert-repo.js';
import { appendAudit } from '../store/audit-repo.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import { INTERNAL_OUTCOME, auditEntry, auditFailure, auditRefusal, isRecorded, markRecorded, type AuditNote } from './audited.js';
import { insertAlert } from './create-alert.js';
import { nowIso, type Ctx, type Deps } from './deps.js';
import { requireActiveMember } from './import-alerts.js';

export interface UnImportReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Active entries of an earlier import that are no longer on the list. */
  delisted: number;
  warnings: string[];
}

const BATCH = 200;
const DELISTED = 'no longer on the UN Security Council Consolidated List';

/**
 * Imports the UN Security Council Consolidated List as the caller's member (by default UNO).
 * Each entry is matched to an earlier import by `sourceRef` (`un-sc:<DATAID>`): new ones are
 * created, changed ones get a new version, identical ones are left alone, so importing the same
 * list twice changes nothing. Batches of 200 entries are one transaction each.
 *
 * Audited like any use case: each alert written has its entry in its batch's transaction, the
 * run ends with one `alert.import` entry counting what it did, and a refused or failed run is
 * recorded with its error code (or `internal`) as the outcome. Batches committed before a
 * failure stay, with their entries.
 */
export async function importUnList(deps: Deps, ctx: Ctx, xml: string): Promise<UnImportReport> {
  const note: AuditNote = { target: 'un-sc', detail: {} };
  try {
    const report = await importList(deps, ctx, xml);
    note.detail = { created: report.created, updated: report.updated, unchanged: report.unchanged, delisted: report.delisted, warnings: report.warnings.length };
    await inWriteTransaction(deps.db, (tx) => appendAudit(tx, auditEntry(deps, ctx, 'alert.import', note)));
    return report;
  } catch (error) {
    if (error instanceof DomainError) await auditRefusal(deps, ctx, 'alert.import', note, error);
    else if (!isRecorded(error)) await auditFailure(deps, ctx, 'alert.import', note, INTERNAL_OUTCOME).then(() => markRecorded(error), () => undefined);
    throw error;
  }
}

async function importList(deps: Deps, ctx: Ctx, xml: string): Promise<UnImportReport> {
  requirePermission(ctx.actor, 'alert.create');
  await requireActiveMember(deps, ctx.actor.member);
  const parsed = parseUnList(xml);
  const warnings = [...parsed.warnings];
  // Every entry passes the same validation as an alert sent to the API; one that does not is
  // reported and left out (it is then not delisted either: see below).
  const alerts: AlertInput[] = [];
  const unreadable = new Set<string>();
  for (const a of parsed.alerts) {
    const check = alertInputSchema.safeParse(a);
    if (check.success) alerts.push(check.data);
    else {
      unreadable.add(a.sourceRef!);
      warnings.push(`${a.sourceRef}: ${check.error.issues[0]?.path.join('.')}: ${check.error.issues[0]?.message}; entry skipped`);
    }
  }
  // An empty list is a broken download, not the end of all sanctions: it would delist everyone.
  if (alerts.length === 0) throw new DomainError('validation', 'un-list.empty', 'the list holds no individuals that can be imported; nothing was changed', [{ field: '(file)', message: 'no individuals' }]);
  const report: UnImportReport = { created: 0, updated: 0, unchanged: 0, delisted: 0, warnings };
  for (let i = 0; i < alerts.length; i += BATCH) {
    const batch = alerts.slice(i, i + BATCH);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    await inWriteTransaction(deps.db, async (tx) => {
      for (const input of batch) {
        const existing = await findAlertBySourceRef(tx, ctx.actor.member, input.sourceRef!);
        const at = nowIso(deps);
        if (!existing) {
          const id = deps.newId();
          await insertAlert(tx, deps, ctx, id, input);
          await appendAudit(tx, auditEntry(deps, ctx, 'alert.create', { target: `alert:${id}`, detail: { sourceRef: input.sourceRef } }));
          counts.created++;
          continue;
        }
        // A record its owner cancelled stays cancelled: the import does not overrule the owner.
        // One this import delisted earlier comes back when the person is listed again.
        if (existing.status !== 'active' && existing.status_reason !== DELISTED) {
          counts.unchanged++;
          continue;
        }
        const current = toAlert(existing);
        const next: AlertInput = { ...input, visibility: normaliseVisibility(current.visibility) };
        // The list is the authority for its entries; the owner's visibility choice is kept.
        if (existing.status === 'active' && existing.body === JSON.stringify(next)) {
          counts.unchanged++;
          continue;
        }
        await writeAlertVersion(
          tx,
          { id: existing.id, owner: existing.owner, input: next, status: 'active', statusReason: null, version: existing.version + 1, action: 'updated', at, createdAt: existing.created_at, changedBy: ctx.actor.credential },
          existing,
        );
        await appendAudit(tx, auditEntry(deps, ctx, 'alert.update', { target: `alert:${existing.id}`, detail: { sourceRef: input.sourceRef } }));
        counts.updated++;
      }
    });
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  }
  report.delisted = await cancelDelisted(deps, ctx, new Set([...alerts.map((a) => a.sourceRef!), ...unreadable]));
  return report;
}

/** Cancels the caller's active `un-sc:` alerts whose entry has left the list. */
async function cancelDelisted(deps: Deps, ctx: Ctx, listed: Set<string>): Promise<number> {
  const rows = await activeAlertsWithSourcePrefix(deps.db, ctx.actor.member, 'un-sc:');
  let cancelled = 0;
  for (const row of rows.filter((r) => r.source_ref !== null && !listed.has(r.source_ref))) {
    await inWriteTransaction(deps.db, async (tx) => {
      const at = nowIso(deps);
      const reason = DELISTED;
      await writeAlertVersion(
        tx,
        { id: row.id, owner: row.owner, input: inputOf(toAlert(row)), status: 'cancelled', statusReason: reason, version: row.version + 1, action: 'cancelled', at, createdAt: row.created_at, changedBy: ctx.actor.credential },
        row,
      );
      await appendAudit(tx, auditEntry(deps, ctx, 'alert.cancel', { target: `alert:${row.id}`, detail: { reason } }));
    });
    cancelled++;
  }
  return cancelled;
}
