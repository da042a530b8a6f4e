import { alertSubject, normaliseDocumentNumber, normaliseIssuingState, parseInput, requirePermission, type AlertInput } from '@crosscheck/core';
import { z } from 'zod';
import { newestPartyHits, partyHitCounts } from '../../store/hit-party-repo.js';
import { listLinkRows, type LinkWithAlerts } from '../../store/link-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';
import { LINK_COLORS, type GraphAlertNode, type GraphEdge, type GraphNode, type LinkGraph } from '@crosscheck/core/api';
import { canSeeLink, labelOf, linkNames, toLinkView, type LinkNames } from './link-view.js';

export type { GraphAlertNode, GraphDocumentNode, GraphEdge, GraphHitNode, GraphNode, LinkGraph } from '@crosscheck/core/api';

export const linkGraphQuerySchema = z
  .object({
    color: z.enum(LINK_COLORS).optional(),
    alertId: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Hit nodes drawn per alert: enough to see the pattern; the count says how many there are. */
export const HITS_PER_ALERT = 5;

const alertNodeId = (id: string) => `alert:${id}`;
const documentNodeId = (state: string, number: string) => `document:${state}:${number}`;

/**
 * The identity links the analyst's member may see, as a graph: the two alerts of each link, the
 * documents person alerts carry (joined to the document alert about the same document), and the
 * hits on those alerts that the member is party to — the hits inbox's rule, so an analyst learns
 * of no screening its own bureau would not see. Every alert here is one end of a visible link, so
 * nothing is said about an alert the member may not see.
 */
export async function linkGraph(deps: Deps, ctx: Ctx, query: unknown): Promise<LinkGraph> {
  return audited(deps, ctx, 'link.read-graph', async (tx, note) => {
    note.target = 'links';
    requirePermission(ctx.actor, 'links.read');
    const q = parseInput(linkGraphQuerySchema, query);
    note.detail = { ...(q.color ? { color: q.color } : {}), ...(q.alertId ? { alertId: q.alertId } : {}) };
    const viewer = ctx.actor.member;
    const rows = (await listLinkRows(tx, { reader: ctx.actor, limit: q.limit, ...(q.color ? { color: q.color } : {}), ...(q.alertId ? { alertId: q.alertId } : {}) })).filter((r) =>
      canSeeLink(ctx.actor, r),
    );

    const alerts = alertsOf(rows);
    const names = await linkNames(tx, rows, viewer, deps.operator);
    const nodes = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    for (const a of alerts.values()) nodes.set(alertNodeId(a.id), alertNode(a, names));
    for (const r of rows) edges.push({ id: `link:${r.id}`, type: 'link', source: alertNodeId(r.alert_a), target: alertNodeId(r.alert_b), link: toLinkView(r, viewer, names) });
    addDocuments(alerts, nodes, edges);
    await addHits(tx, viewer, [...alerts.keys()], nodes, edges);
    note.detail = { ...note.detail, links: rows.length };
    return { nodes: [...nodes.values()], edges };
  });
}

interface GraphAlert {
  id: string;
  kind: string;
  owner: string;
  status: string;
  body: AlertInput;
}

function alertsOf(rows: LinkWithAlerts[]): Map<string, GraphAlert> {
  const alerts = new Map<string, GraphAlert>();
  for (const r of rows) {
    if (!alerts.has(r.alert_a)) alerts.set(r.alert_a, { id: r.alert_a, kind: r.a_kind, owner: r.a_owner, status: r.a_status, body: r.a_body });
    if (!alerts.has(r.alert_b)) alerts.set(r.alert_b, { id: r.alert_b, kind: r.b_kind, owner: r.b_owner, status: r.b_status, body: r.b_body });
  }
  return alerts;
}

function alertNode({ id, kind, owner, status, body }: GraphAlert, names: LinkNames): GraphAlertNode {
  return {
    id: alertNodeId(id),
    type: 'alert',
    alertId: id,
    kind,
    owner,
    ownerName: names.members.get(owner) ?? owner,
    status,
    category: body.kind === 'person' ? body.category : null,
    label: labelOf(body),
    subject: alertSubject(body),
    hitCount: 0,
  };
}

/** A person alert's documents become nodes of their own, shared with the document alert about the same document. */
function addDocuments(alerts: Map<string, GraphAlert>, nodes: Map<string, GraphNode>, edges: GraphEdge[]): void {
  const documentAlerts = new Map<string, string>();
  const held = new Set<string>();
  for (const a of alerts.values()) {
    if (a.body.kind !== 'document') continue;
    documentAlerts.set(documentNodeId(normaliseIssuingState(a.body.document.issuingState), normaliseDocumentNumber(a.body.document.number)), a.id);
  }
  for (const a of alerts.values()) {
    if (a.body.kind !== 'person') continue;
    for (const d of a.body.person.documents ?? []) {
      // A document without its issuing state cannot be told from another country's same number.
      if (!d.issuingState) continue;
      const state = normaliseIssuingState(d.issuingState);
      const number = normaliseDocumentNumber(d.number);
      const id = documentNodeId(state, number);
      if (!nodes.has(id)) {
        nodes.set(id, { id, type: 'document', issuingState: state, number, documentType: d.type ?? null });
        const documentAlert = documentAlerts.get(id);
        if (documentAlert) edges.push({ id: `same:${id}`, type: 'same-document', source: id, target: alertNodeId(documentAlert) });
      }
      const holds = `holds:${a.id}:${id}`;
      if (!held.has(holds)) edges.push({ id: holds, type: 'holds', source: alertNodeId(a.id), target: id });
      held.add(holds);
    }
  }
}

/** Hits on these alerts where the viewer is the owner or the screening member: counted, and the newest drawn. */
async function addHits(tx: Tx, viewer: string, alertIds: string[], nodes: Map<string, GraphNode>, edges: GraphEdge[]): Promise<void> {
  // The hits inbox's rule (isHitVisibleTo): only the owner and the screening member are party to a hit.
  const counts = await partyHitCounts(tx, viewer, alertIds);
  for (const [alertId, count] of counts) {
    const node = nodes.get(alertNodeId(alertId));
    if (node?.type === 'alert') node.hitCount = count;
  }
  for (const alertId of counts.keys()) {
    for (const h of await newestPartyHits(tx, viewer, alertId, HITS_PER_ALERT)) {
      const id = `hit:${h.id}`;
      nodes.set(id, {
        id,
        type: 'hit',
        hitId: h.id,
        alertId: h.alertId,
        owner: h.owner,
        screeningMember: h.screeningMember,
        // PostgreSQL keeps the score as a 4-byte float: round away its representation noise.
        score: Math.round(h.score * 1000) / 1000,
        outcome: h.outcome,
        createdAt: h.createdAt,
      });
      edges.push({ id: `on:${h.id}`, type: 'hit', source: id, target: alertNodeId(h.alertId) });
    }
  }
}
