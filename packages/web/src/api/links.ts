import { request } from './client.ts';

/** The colours of an identity link (server app/links/list-links.ts LINK_COLORS). */
export const LINK_COLORS = ['yellow', 'white', 'green', 'red'] as const;
export type LinkColor = (typeof LINK_COLORS)[number];
/** The verdicts an analyst may give: yellow is only ever the detector's. */
export const LINK_DECISIONS = ['white', 'green', 'red'] as const satisfies readonly LinkColor[];
export type LinkDecision = (typeof LINK_DECISIONS)[number];
export const LINK_REASON_MAX = 1000;

export interface LinkedAlert {
  id: string;
  kind: string;
  owner: string;
  label: string;
}

/** A link as the server presents it (app/links/link-view.ts). */
export interface LinkView {
  id: string;
  color: LinkColor;
  basis: 'document' | 'name-birth-date' | string;
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

export interface GraphEdge {
  id: string;
  type: 'link' | 'holds' | 'same-document' | 'hit';
  source: string;
  target: string;
  link?: LinkView;
}

/** GET /api/v1/links/graph (server app/links/link-graph.ts). */
export interface LinkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const linksApi = {
  graph: (color?: LinkColor) => request<LinkGraph>('GET', `/api/v1/links/graph${color ? `?color=${color}` : ''}`),
  decide: (id: string, color: LinkDecision, reason: string) => request<LinkView>('POST', `/api/v1/links/${encodeURIComponent(id)}/decision`, { color, reason }),
};
