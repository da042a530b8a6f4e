import { normaliseDocumentNumber, normaliseIssuingState, prepareName, type AlertInput } from '@crosscheck/core';
import type { ScreeningIndex } from '../screening/screening-index.js';

/** Names scoring at least this (names alone) are the same name for a link; the birth date must agree too. */
export const LINK_NAME_SCORE = 0.9;

export interface SharedIdentity {
  otherId: string;
  basis: 'document' | 'name-birth-date';
  detail: Record<string, unknown>;
}

/**
 * The other active alerts sharing identity data with `alert`: the same document (issuing state
 * and number, between document alerts and persons' identity documents), or the same person by
 * name in any script and the same full birth date. Visibility is not applied here: a link is
 * shown only to members who may see both alerts.
 */
export function findSharedIdentity(index: ScreeningIndex, alertId: string, alert: AlertInput): SharedIdentity[] {
  const found = new Map<string, SharedIdentity>();
  const add = (s: SharedIdentity) => {
    const key = `${s.otherId}/${s.basis}`;
    if (s.otherId !== alertId && !found.has(key)) found.set(key, s);
  };

  const documents: [string, string][] = [];
  if (alert.kind === 'document') documents.push([alert.document.issuingState, alert.document.number]);
  if (alert.kind === 'person') for (const d of alert.person.documents ?? []) if (d.issuingState) documents.push([d.issuingState, d.number]);
  for (const [state, number] of documents) {
    for (const other of index.documentHolders(state, number)) {
      add({ otherId: other.id, basis: 'document', detail: { issuingState: normaliseIssuingState(state), number: normaliseDocumentNumber(number) } });
    }
  }

  if (alert.kind === 'person') {
    // A year or a month alone is shared by too many people to suggest the same one.
    const dates = [alert.person.birthDate, ...(alert.person.otherBirthDates ?? [])].filter((d): d is string => d !== undefined && d.length === 10);
    if (dates.length > 0) {
      for (const c of index.personsNamedLike(alert.person.names.map((n) => prepareName(n)), LINK_NAME_SCORE)) {
        const birthDate = dates.find((d) => c.birthDates.includes(d));
        if (birthDate) add({ otherId: c.entry.id, basis: 'name-birth-date', detail: { birthDate, nameScore: c.score } });
      }
    }
  }
  return [...found.values()];
}
