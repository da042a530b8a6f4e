import { subjectLabel, type Actor, type ChainedEntry } from '@crosscheck/core';
import type { AuditEntryView, NamedAlert } from '@crosscheck/core/api';
import { hitsByIds, linksByIds, memberNames } from '../../store/name-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { actorNames } from '../actor-names.js';
import { namedAlerts } from '../alert-names.js';

/** `alert:<id>` → ['alert', '<id>']; a target without a kind (`audit`, `session`) → null. */
function splitTarget(target: string): [string, string] | null {
  const colon = target.indexOf(':');
  return colon > 0 ? [target.slice(0, colon), target.slice(colon + 1)] : null;
}

/**
 * The trail's entries with names beside their ids: the actor's user name or key label, and what
 * the target is. Every name passes the rule of the record it names: an alert (or a hit's alert,
 * or a link's two alerts) only when the auditor's member may read it in full (`alertAccess`) —
 * and a hit only when that member is party to it (the hits inbox's rule); a user or key, as
 * actor or as target, by `actorNames`' one rule (its own member's people and the operator's). An
 * actor of another member keeps its credential id, member and role, as the entry always showed.
 */
export async function presentAuditEntries(db: Kysely<DB>, reader: Actor, operator: string, entries: ChainedEntry[]): Promise<AuditEntryView[]> {
  const ids = (kind: string) => entries.flatMap((e) => {
    const t = splitTarget(e.target);
    return t && t[0] === kind ? [t[1]] : [];
  });
  const actors = await actorNames(db, reader, operator, [...entries.map((e) => e.credential), ...ids('user').map((id) => `user:${id}`), ...ids('key').map((id) => `key:${id}`)]);
  const hits = new Map((await hitsByIds(db, ids('hit'))).filter((h) => h.owner === reader.member || h.screening_member === reader.member).map((h) => [h.id, h]));
  const links = new Map((await linksByIds(db, ids('link'))).map((l) => [l.id, l]));
  const alerts = await namedAlerts(db, reader, [...ids('alert'), ...[...hits.values()].map((h) => h.alert_id), ...[...links.values()].flatMap((l) => [l.alert_a, l.alert_b])]);
  // A user or key as a target is named with its member, as an administrator manages it.
  const credentialName = (target: string): string | null => {
    const a = actors.get(target);
    return a?.name != null && a.member !== null ? `${a.name} (${a.member})` : null;
  };
  const members = await memberNames(db, ids('member'));

  return entries.map((e) => {
    const t = splitTarget(e.target);
    let targetAlert: NamedAlert | null = null;
    let targetName: string | null = null;
    if (t?.[0] === 'alert') targetAlert = alerts.get(t[1]) ?? null;
    else if (t?.[0] === 'hit') targetAlert = alerts.get(hits.get(t[1])?.alert_id ?? '') ?? null;
    else if (t?.[0] === 'link') {
      const l = links.get(t[1]);
      const [a, b] = [alerts.get(l?.alert_a ?? ''), alerts.get(l?.alert_b ?? '')];
      // A link exists for a reader only when it may read both alerts (app/links/link-view.ts).
      if (a && b) targetName = `${subjectLabel(a.subject)} ↔ ${subjectLabel(b.subject)}`;
    } else if (t?.[0] === 'user' || t?.[0] === 'key') targetName = credentialName(e.target);
    else if (t?.[0] === 'member') targetName = members.get(t[1]) ?? null;
    else if (t?.[0] === 'username') targetName = t[1];
    return { ...e, actorName: actors.get(e.credential)?.name ?? null, targetAlert, targetName };
  });
}
