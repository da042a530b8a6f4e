import { alertAccess, alertSubject, subjectLabel, type Actor, type AlertInput } from '@crosscheck/core';
import { visibilityFromColumns } from '../../store/change-repo.js';
import type { LinkWithAlerts } from '../../store/link-repo.js';
import { memberNames } from '../../store/name-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { actorNames, type ActorName } from '../actor-names.js';
import type { LinkColor, LinkView } from '@crosscheck/core/api';

export type { LinkedAlert, LinkView } from '@crosscheck/core/api';

/**
 * A link exists for a reader only when it may read both alerts in full: a link shows each alert's
 * name or number, and what ties them, which is more than an instruction.
 */
export function canSeeLink(actor: Actor, row: LinkWithAlerts): boolean {
  const facts = (side: 'a' | 'b') => ({
    owner: row[`${side}_owner`],
    visibility: visibilityFromColumns(row[`${side}_mode`], row[`${side}_members`]),
    status: row[`${side}_status`],
    category: row[`${side}_category`],
    hiddenFromFrontline: row[`${side}_hidden_from_frontline`] === 1,
  });
  return alertAccess(actor, facts('a')) === 'full' && alertAccess(actor, facts('b')) === 'full';
}

/** The names the views of some links need: their alerts' owners, and who decided (the viewer's own analysts only). */
export interface LinkNames {
  members: Map<string, string>;
  actors: Map<string, ActorName>;
}

/**
 * Read once for all the links shown; the rows must be links the viewer may see (`canSeeLink`).
 * Whether a decider may be named is `actorNames`' rule, not this file's.
 */
export async function linkNames(tx: Tx, rows: LinkWithAlerts[], viewer: string, operator: string): Promise<LinkNames> {
  return {
    members: await memberNames(tx, rows.flatMap((r) => [r.a_owner, r.b_owner])),
    actors: await actorNames(tx, { member: viewer }, operator, rows.flatMap((r) => (r.decided_by !== null ? [r.decided_by] : []))),
  };
}

export function toLinkView(row: LinkWithAlerts, viewer: string, names: LinkNames): LinkView {
  const ownDecision = row.decided_member === viewer;
  return {
    id: row.id,
    // Stored by the follower and the decision use case, which write only LINK_COLORS.
    color: row.color as LinkColor,
    basis: row.basis,
    detail: row.detail as LinkView['detail'],
    alerts: [
      { id: row.alert_a, kind: row.a_kind, owner: row.a_owner, label: labelOf(row.a_body), subject: alertSubject(row.a_body), ownerName: names.members.get(row.a_owner) ?? row.a_owner },
      { id: row.alert_b, kind: row.b_kind, owner: row.b_owner, label: labelOf(row.b_body), subject: alertSubject(row.b_body), ownerName: names.members.get(row.b_owner) ?? row.b_owner },
    ],
    reason: row.reason,
    // Which analyst decided is told (by id) to that analyst's own member only; its name, when
    // `actorNames` gives one, goes with the id.
    decidedBy: ownDecision ? row.decided_by : null,
    decidedByName: ownDecision && row.decided_by !== null ? (names.actors.get(row.decided_by)?.name ?? null) : null,
    decidedMember: row.decided_member,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

/** A name and birth year, a document number or a plate: what tells two records apart at a glance. */
export function labelOf(alert: AlertInput): string {
  return subjectLabel(alertSubject(alert));
}
