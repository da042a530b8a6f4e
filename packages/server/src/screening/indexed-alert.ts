import type { Alert, Visibility } from '@crosscheck/core';

/** What the screening index keeps of an alert: enough to filter, score and present a hit. */
export interface IndexedAlert {
  id: string;
  version: number;
  owner: string;
  visibility: Visibility;
  kind: Alert['kind'];
  category: string | null;
  action: string | null;
  warnings: string[];
  sourceRef: string | null;
}

export function indexedFrom(alert: Alert): IndexedAlert {
  return {
    id: alert.id,
    version: alert.version,
    owner: alert.owner,
    visibility: alert.visibility,
    kind: alert.kind,
    category: alert.kind === 'person' ? alert.category : null,
    action: alert.action ?? null,
    warnings: alert.kind === 'person' ? (alert.person.warnings ?? []) : [],
    sourceRef: alert.sourceRef ?? null,
  };
}
