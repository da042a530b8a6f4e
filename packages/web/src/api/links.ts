import { LINK_COLORS, type LinkColor, type LinkGraph, type LinkView } from '@crosscheck/core/api';
import { request } from './client.ts';

export { LINK_COLORS };
export type { GraphAlertNode, GraphDocumentNode, GraphEdge, GraphHitNode, GraphNode, LinkColor, LinkedAlert, LinkGraph, LinkView } from '@crosscheck/core/api';
/** The verdicts an analyst may give: yellow is only ever the detector's. */
export const LINK_DECISIONS = ['white', 'green', 'red'] as const satisfies readonly LinkColor[];
export type LinkDecision = (typeof LINK_DECISIONS)[number];
export const LINK_REASON_MAX = 1000;

export const linksApi = {
  graph: (color?: LinkColor, signal?: AbortSignal) => request<LinkGraph>('GET', `/api/v1/links/graph${color ? `?color=${color}` : ''}`, undefined, signal),
  decide: (id: string, color: LinkDecision, reason: string) => request<LinkView>('POST', `/api/v1/links/${encodeURIComponent(id)}/decision`, { color, reason }),
};
