/** Identity links as the API presents them (server app/links/; the web's links page). */

export const LINK_COLORS = ['yellow', 'white', 'green', 'red'] as const;
export type LinkColor = (typeof LINK_COLORS)[number];

export interface LinkedAlert {
  id: string;
  kind: string;
  owner: string;
  /** A name or a document number or plate, to tell the two records apart at a glance. */
  label: string;
}

export interface LinkView {
  id: string;
  color: LinkColor;
  /** `document` or `name-birth-date`. */
  basis: string;
  detail: { issuingState?: string; number?: string; birthDate?: string; nameScore?: number } & Record<string, unknown>;
  alerts: [LinkedAlert, LinkedAlert];
  reason: string | null;
  decidedBy: string | null;
  decidedMember: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface GraphAlertNode {
  id: string;
  type: 'alert';
  alertId: string;
  kind: string;
  owner: string;
  status: string;
  category: string | null;
  label: string;
  /** Hits on this alert that the caller's member is party to (owner or screening member). */
  hitCount: number;
}

export interface GraphDocumentNode {
  id: string;
  type: 'document';
  issuingState: string;
  number: string;
  documentType: string | null;
}

export interface GraphHitNode {
  id: string;
  type: 'hit';
  hitId: string;
  alertId: string;
  owner: string;
  screeningMember: string;
  score: number;
  outcome: string | null;
  createdAt: string;
}

export type GraphNode = GraphAlertNode | GraphDocumentNode | GraphHitNode;

/**
 * link: an identity link (with its view); holds: a person alert carries a document;
 * same-document: that document is the one a document alert is about; hit: a hit on an alert.
 */
export interface GraphEdge {
  id: string;
  type: 'link' | 'holds' | 'same-document' | 'hit';
  source: string;
  target: string;
  link?: LinkView;
}

/** `GET /api/v1/links/graph`. */
export interface LinkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
