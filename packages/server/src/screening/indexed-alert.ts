import { instructionFor, type Alert, type Visibility } from '@crosscheck/core';

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
  /** Still screened (the owner learns of the hit), but never shown to a frontline caller. */
  hiddenFromFrontline: boolean;
  /**
   * The owner's end date and the retention review date (YYYY-MM-DD). The scheduler expires such
   * alerts within a minute; a national copy offline for days does not, so screening itself stops
   * hitting them once the date has passed.
   */
  expiresAt: string | null;
  reviewDate: string | null;
}

export function indexedFrom(alert: Alert): IndexedAlert {
  return {
    id: alert.id,
    version: alert.version,
    owner: alert.owner,
    visibility: alert.visibility,
    kind: alert.kind,
    category: alert.kind === 'person' || alert.kind === 'asset' ? alert.category : null,
    // The owner's own instruction, else the core's for an SIS recast category (constants/recast.ts).
    action: instructionFor(alert.kind === 'person' ? alert.category : null, alert.action),
    warnings: alert.kind === 'person' ? (alert.person.warnings ?? []) : [],
    sourceRef: alert.sourceRef ?? null,
    hiddenFromFrontline: alert.hiddenFromFrontline === true,
    expiresAt: alert.expiresAt ?? null,
    reviewDate: alert.reviewDate ?? null,
  };
}
