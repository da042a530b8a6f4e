import { alertAccess, type Actor, type AlertInput } from '@crosscheck/core';
import { visibilityFromColumns } from '../../store/change-repo.js';
import type { LinkWithAlerts } from '../../store/link-repo.js';
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

export function toLinkView(row: LinkWithAlerts, viewer: string): LinkView {
  return {
    id: row.id,
    // Stored by the follower and the decision use case, which write only LINK_COLORS.
    color: row.color as LinkColor,
    basis: row.basis,
    detail: row.detail as LinkView['detail'],
    alerts: [
      { id: row.alert_a, kind: row.a_kind, owner: row.a_owner, label: labelOf(row.a_body) },
      { id: row.alert_b, kind: row.b_kind, owner: row.b_owner, label: labelOf(row.b_body) },
    ],
    reason: row.reason,
    // Which analyst decided is named to that analyst's own member only.
    decidedBy: row.decided_member === viewer ? row.decided_by : null,
    decidedMember: row.decided_member,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

/** A name, a document number or a plate: what tells two records apart at a glance. */
export function labelOf(alert: AlertInput): string {
  switch (alert.kind) {
    case 'person': {
      const n = alert.person.names[0]!;
      return n.full ?? [n.family, n.given].filter((p) => p !== undefined).join(', ');
    }
    case 'document':
      return `${alert.document.issuingState} ${alert.document.number}`;
    case 'vehicle':
      return alert.vehicle.plate ?? alert.vehicle.vin ?? '';
  }
}
