import type { Actor } from '@crosscheck/core';
import { endClearance, insertClearance, openClearancesOfHit, screeningQueriesOf, travellerKeysOf } from '../../store/clearance-repo.js';
import type { HitRow } from '../../store/hit-repo.js';
import type { Tx } from '../../store/write-transaction.js';

/** What an outcome did to the hit's clearance, for the outcome's audit entry. */
export interface ClearanceChange {
  /** The clearance made from this outcome. */
  cleared?: string;
  /** Why none was made: the screening identified nobody (no document with its state, no full identity). */
  notCleared?: 'no-identity';
  /** Clearances of this hit that the new outcome ended. */
  withdrawn?: string[];
}

/**
 * Called in the transaction that records a hit's outcome. `not-same-person` clears the traveller
 * on the alert's version the hit was recorded on, when the screening identifies them (core
 * travellerIdentities); any other outcome withdraws a clearance the hit made before. Recording
 * not-same-person again keeps the clearance there is.
 */
export async function rememberOutcome(tx: Tx, actor: Actor, hit: HitRow, outcome: string, at: string, newId: () => string): Promise<ClearanceChange> {
  const open = await openClearancesOfHit(tx, hit.id);
  if (outcome !== 'not-same-person') {
    for (const c of open) await endClearance(tx, c.id, { reason: 'withdrawn', at, by: actor.credential, note: null });
    return open.length > 0 ? { withdrawn: open.map((c) => c.id) } : {};
  }
  if (open.length > 0) return { cleared: open[0]!.id };
  const query = (await screeningQueriesOf(tx, [hit.screening_id])).get(hit.screening_id);
  const keys = query ? travellerKeysOf(query, hit.alert_id, hit.created_at) : [];
  if (keys.length === 0) return { notCleared: 'no-identity' };
  const id = newId();
  await insertClearance(
    tx,
    { id, alert_id: hit.alert_id, alert_version: Number(hit.alert_version), owner: hit.owner, member: hit.screening_member, credential: actor.credential, hit_id: hit.id, created_at: at, end_reason: null, ended_at: null, ended_by: null, end_note: null },
    keys,
  );
  return { cleared: id };
}
