import type { AlertInput, AlertStatus, Visibility } from '@crosscheck/core';
import type { ChangeItem } from '../app/list-changes.js';
import type { Deps } from '../app/deps.js';
import { tombstoneOf } from '../app/retention/tombstone.js';
import { alertBodyOf, findAlertRow, writeAlertVersion, type AlertWrite } from '../store/alert-repo.js';
import { insertMissingMembers } from '../store/member-repo.js';
import { clearCentreSchedule, readReplicaState, replaceVersionBodies, updateReplicaState } from '../store/replica-state-repo.js';
import { inWriteTransaction, type Tx } from '../store/write-transaction.js';
import type { SignedBatch } from '../app/replica/signed-batch.js';

/** Owner-only with no one listed: only the owner, which is never this copy's member, sees it. */
const NO_ONE_HERE: Visibility = { mode: 'only', members: [] };

/**
 * Applies one verified batch in ONE local transaction: the alert rows, their versions and the
 * local change feed (which the local screening index follows), and the new position. A crash
 * leaves either all of it or none, so the next start asks again from the last applied `to`.
 * The position is re-checked inside the transaction, so a batch can never be applied twice.
 */
export async function applyBatch(deps: Deps, batch: SignedBatch, at: string): Promise<void> {
  await inWriteTransaction(deps.db, async (tx) => {
    const state = await readReplicaState(tx);
    if (!state) throw new Error('this database is not a national copy (no replica_state row)');
    if (state.applied_to !== batch.from) throw new Error(`batch from ${batch.from} does not follow the applied position ${state.applied_to}`);
    // A member the centre added after this copy started owns alerts too: the copy learns only
    // its code (the owner column must name a member row).
    const owners = [...new Set(batch.items.flatMap((i) => ('owner' in i ? [i.owner] : [])))];
    await insertMissingMembers(tx, owners.map((code) => ({ code, name: code, kind: 'organisation' as const })), at);
    for (const item of batch.items) await applyItem(tx, batch.member, item);
    await updateReplicaState(tx, { applied_to: batch.to, applied_mark: batch.toMark, centre_head: batch.head, last_contact_at: at, member: batch.member });
  });
}

async function applyItem(tx: Tx, member: string, item: ChangeItem): Promise<void> {
  const previous = await findAlertRow(tx, item.alertId);
  if (!('alert' in item)) {
    // Nothing of a withdrawn alert stays readable here: the current row and every kept version
    // become a tombstone seen by no local user, and the index drops it (status not active).
    if (!previous) return;
    const tombstone = { ...tombstoneOf(alertBodyOf(previous)), visibility: NO_ONE_HERE } as AlertInput;
    await writeAlertVersion(tx, write(item.alertId, previous.owner, tombstone, 'withdrawn', null, item.version, 'withdrawn', item.at, previous.created_at), previous);
    await replaceVersionBodies(tx, item.alertId, tombstone);
    return;
  }
  // A copy follows its member as the bureau sees it, in full; an instruction alone is no record.
  if ('access' in item) throw new Error(`change ${item.seq}: an instruction-only item cannot be copied`);
  // A member other than the owner gets the body without the visibility list; here it is
  // visible to this member (it came in the member's batch), and that is all a local user needs.
  const input = { ...item.alert, visibility: item.alert.visibility ?? { mode: 'only', members: [member] } } as AlertInput;
  await writeAlertVersion(tx, write(item.alertId, item.owner, input, item.status, item.statusReason, item.version, item.action, item.at, previous?.created_at ?? item.at), previous);
  // The body keeps expiresAt for readers; the columns a local scheduler would act on are cleared.
  await clearCentreSchedule(tx, item.alertId);
}

function write(id: string, owner: string, input: AlertInput, status: string, statusReason: string | null, version: number, action: string, at: string, createdAt: string): AlertWrite {
  return { id, owner, input, status: status as AlertStatus, statusReason, version, action: action as AlertWrite['action'], at, createdAt, changedBy: 'centre' };
}
