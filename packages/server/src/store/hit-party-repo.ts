import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

// Hits read by who is party to them: the alert's owner and the screening member are, no one else
// (the hits inbox's rule, isHitVisibleTo). The link graph draws them beside the alerts.

export interface PartyHit {
  id: string;
  alertId: string;
  owner: string;
  screeningMember: string;
  score: number;
  outcome: string | null;
  createdAt: string;
}

const partyHitsOn = (db: Kysely<DB> | Tx, party: string, alertIds: readonly string[]) =>
  db
    .selectFrom('hits')
    .where('alert_id', 'in', [...alertIds])
    .where((eb) => eb.or([eb('owner', '=', party), eb('screening_member', '=', party)]));

/** How many hits `party` is party to on each of these alerts (alerts without any are absent). */
export async function partyHitCounts(db: Kysely<DB> | Tx, party: string, alertIds: readonly string[]): Promise<Map<string, number>> {
  if (alertIds.length === 0) return new Map();
  const rows = await partyHitsOn(db, party, alertIds)
    .select(['alert_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .groupBy('alert_id')
    .execute();
  return new Map(rows.map((r) => [r.alert_id, Number(r.n)]));
}

/** The newest `limit` hits on one alert that `party` is party to, newest first. */
export async function newestPartyHits(db: Kysely<DB> | Tx, party: string, alertId: string, limit: number): Promise<PartyHit[]> {
  const rows = await partyHitsOn(db, party, [alertId])
    .select(['id', 'alert_id', 'owner', 'screening_member', 'score', 'outcome', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((h) => ({ id: h.id, alertId: h.alert_id, owner: h.owner, screeningMember: h.screening_member, score: Number(h.score), outcome: h.outcome, createdAt: h.created_at }));
}
