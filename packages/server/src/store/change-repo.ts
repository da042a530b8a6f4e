import type { Visibility } from '@crosscheck/core';
import { visibleSql } from '@crosscheck/core/sql';
import type { Kysely } from 'kysely';
import { decodeAlertBody, parseAlertBody } from './alert-body.js';
import type { DB } from './schema.js';
import type { Tx } from './write-transaction.js';

export interface ChangeDraft {
  alertId: string;
  version: number;
  action: string;
  owner: string;
  visibility: Visibility;
  previousVisibility: Visibility | null;
  at: string;
}

/** Gives the change the next sequence number, inside the caller's write transaction. */
export async function appendChange(tx: Tx, change: ChangeDraft): Promise<number> {
  const head = await tx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'changes')
    .returning('value')
    .executeTakeFirstOrThrow();
  const seq = Number(head.value);
  await tx
    .insertInto('changes')
    .values({
      seq,
      alert_id: change.alertId,
      version: change.version,
      action: change.action,
      owner: change.owner,
      vis_mode: change.visibility.mode,
      vis_members: membersJson(change.visibility),
      prev_vis_mode: change.previousVisibility?.mode ?? null,
      prev_vis_members: change.previousVisibility ? membersJson(change.previousVisibility) : null,
      at: change.at,
    })
    .execute();
  return seq;
}

export const membersJson = (v: Visibility): string => JSON.stringify(v.mode === 'all' ? [] : v.members);

export function visibilityFromColumns(mode: string, members: string): Visibility {
  const list = JSON.parse(members) as string[];
  if (mode === 'only' || mode === 'all-except') return { mode, members: list };
  return { mode: 'all' };
}

/**
 * The changes after `after` that `member` may have seen (by the visibility each change or the one
 * before it had), with the version each wrote, its body decoded. `through`: the last seq to scan,
 * so a member that sees few changes never scans the whole feed.
 */
export async function changesAfter(db: Kysely<DB>, after: number, member: string, limit: number, through?: number) {
  let query = db
    .selectFrom('changes')
    .innerJoin('alert_versions', (j) =>
      j.onRef('alert_versions.alert_id', '=', 'changes.alert_id').onRef('alert_versions.version', '=', 'changes.version'),
    )
    .innerJoin('alerts', 'alerts.id', 'changes.alert_id')
    .select([
      'alerts.version as current_version',
      'changes.seq',
      'changes.alert_id',
      'changes.version',
      'changes.action',
      'changes.owner',
      'changes.vis_mode',
      'changes.vis_members',
      'changes.prev_vis_mode',
      'changes.prev_vis_members',
      'changes.at',
      'alert_versions.body',
      'alert_versions.status',
      'alert_versions.status_reason',
    ])
    .where('changes.seq', '>', after);
  if (through !== undefined) query = query.where('changes.seq', '<=', through);
  return query
    .where((eb) =>
      eb.or([
        visibleSql('changes.owner', 'changes.vis_mode', 'changes.vis_members', member),
        eb.and([
          eb('changes.prev_vis_mode', 'is not', null),
          visibleSql('changes.owner', 'changes.prev_vis_mode', 'changes.prev_vis_members', member),
        ]),
      ]),
    )
    .orderBy('changes.seq')
    .limit(limit)
    .execute()
    .then((rows) => rows.map(({ body, ...r }) => ({ ...r, ...decodeAlertBody(body) })));
}

/** Every change after `after`, whoever may see it: for this process's own screening index only. */
export async function allChangesAfter(db: Kysely<DB>, after: number, limit: number) {
  return db
    .selectFrom('changes')
    .innerJoin('alert_versions', (j) =>
      j.onRef('alert_versions.alert_id', '=', 'changes.alert_id').onRef('alert_versions.version', '=', 'changes.version'),
    )
    .select(['changes.seq', 'changes.alert_id', 'changes.version', 'changes.owner', 'changes.at', 'alert_versions.status', 'alert_versions.body'])
    .where('changes.seq', '>', after)
    .orderBy('changes.seq')
    .limit(limit)
    .execute()
    .then((rows) => rows.map(({ body, ...r }) => ({ ...r, body: parseAlertBody(body) })));
}
