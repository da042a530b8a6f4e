import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphNode, LinkGraph as Graph } from '../../api/links.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';

/** Edge colours on the graph's dark ground: white, yellow, green and red all stand out on it. */
export const EDGE_COLORS: Record<string, string> = { yellow: '#f5c518', white: '#ffffff', green: '#3ccf6e', red: '#ff5a4f' };

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      color: '#f3f5f8',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      width: 28,
      height: 28,
      'background-color': '#8fb3e0',
      'border-width': 2,
      'border-color': '#26313f',
    },
  },
  { selector: 'node[kind = "person"]', style: { shape: 'ellipse', 'background-color': '#8fb3e0' } },
  { selector: 'node[kind = "document"]', style: { shape: 'round-rectangle', 'background-color': '#c9a6e8' } },
  { selector: 'node[kind = "vehicle"]', style: { shape: 'diamond', 'background-color': '#e8c39e' } },
  { selector: 'node[type = "document"]', style: { shape: 'tag', width: 20, height: 16, 'background-color': '#b8c2cf', 'font-size': 10 } },
  { selector: 'node[type = "hit"]', style: { shape: 'triangle', width: 16, height: 16, 'background-color': '#ff9f43', 'font-size': 9 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#7d8796', 'line-style': 'dotted', 'curve-style': 'bezier' } },
  { selector: 'edge[type = "link"]', style: { width: 4, 'line-style': 'solid', 'line-color': 'data(lineColor)', 'line-outline-width': 1, 'line-outline-color': '#0b0f14' } },
  { selector: 'edge[color = "yellow"]', style: { 'line-style': 'dashed' } },
  { selector: '.chosen', style: { 'overlay-color': '#7fb2ff', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
];

/**
 * Cytoscape adds a <style> element (`position: relative` for its container) unless an element
 * with its id exists; the page's Content-Security-Policy refuses inline styles, which would be a
 * console error. An empty placeholder under that id stops it; links.css gives the container the
 * same rule.
 */
function preemptCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}

function nodeLabel(t: Translate, n: GraphNode): string {
  if (n.type === 'alert') return n.subject.kind === 'document' ? `${label(t, 'documentType', n.subject.documentType)} ${n.label} (${n.owner})` : `${n.label} (${n.owner})`;
  if (n.type === 'document') return `${n.issuingState} ${n.number}`;
  return t('links.hitLabel', { member: n.screeningMember });
}

function elementsOf(t: Translate, graph: Graph): ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, type: n.type, kind: n.type === 'alert' ? n.kind : n.type, label: nodeLabel(t, n) } })),
    ...graph.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, type: e.type, color: e.link?.color ?? '', lineColor: EDGE_COLORS[e.link?.color ?? ''] ?? '#7d8796' },
    })),
  ];
}

/**
 * The links drawn with cytoscape (imported only by this page, so its weight lands in this
 * page's chunk). The canvas is for the eye and the mouse; the list beside it offers the same
 * choices to the keyboard and to screen readers, so the canvas itself is hidden from them.
 */
export function LinkGraph({ graph, selected, onSelect }: { graph: Graph; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    preemptCytoscapeStylesheet();
    const instance = cytoscape({ container: container.current, style: STYLE, autounselectify: true, boxSelectionEnabled: false, wheelSensitivity: 0.3 });
    instance.on('tap', 'node, edge', (e) => onSelectRef.current(e.target.id() as string));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // Update in place: a decision recolours its edge without moving anything; only a new set of
  // elements is laid out again.
  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const wanted = elementsOf(t, graph);
    const ids = new Set(wanted.map((el) => el.data.id!));
    let changed = false;
    c.batch(() => {
      c.elements().forEach((el) => {
        if (!ids.has(el.id())) {
          el.remove();
          changed = true;
        }
      });
      for (const el of wanted) {
        const existing = c.getElementById(el.data.id!);
        if (existing.nonempty()) existing.data(el.data);
        else {
          c.add(el);
          changed = true;
        }
      }
    });
    if (changed) c.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 30 }).run();
  }, [graph, t]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.elements('.chosen').removeClass('chosen');
    if (selected) c.getElementById(selected).addClass('chosen');
  }, [selected, graph]);

  return <div ref={container} className="link-graph-canvas" data-testid="link-graph" aria-hidden="true" />;
}
