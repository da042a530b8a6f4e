import type { LinkColor, LinkGraph, LinkView } from '@crosscheck/core/api';
import type { LinkDecision } from '@crosscheck/core/constants';
import { request } from './client.ts';

export { LINK_COLORS, LINK_DECISIONS, LINK_REASON_MAX, type LinkDecision } from '@crosscheck/core/constants';
export type { AlertSubject } from '@crosscheck/core/api';
export type { GraphAlertNode, GraphDocumentNode, GraphEdge, GraphHitNode, GraphNode, LinkColor, LinkedAlert, LinkGraph, LinkView } from '@crosscheck/core/api';

export const linksApi = {
  graph: (color?: LinkColor, signal?: AbortSignal) => request<LinkGraph>('GET', `/api/v1/links/graph${color ? `?color=${color}` : ''}`, undefined, signal),
  decide: (id: string, color: LinkDecision, reason: string) => request<LinkView>('POST', `/api/v1/links/${encodeURIComponent(id)}/decision`, { color, reason }),
};
