import { useCallback, useMemo, useState } from 'react';
import { LINK_COLORS, linksApi, type LinkColor, type LinkGraph as Graph, type LinkView } from '../api/links.ts';
import { ResourceView } from '../components/ResourceView.tsx';
import { useResource } from '../data/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { DetailsPanel, type Selection } from './links/DetailsPanel.tsx';
import { LinkGraph } from './links/LinkGraph.tsx';
import { LinkList } from './links/LinkList.tsx';
import './links.css';

/**
 * The analyst's identity links: a graph of the alerts, documents and hits they join, the same
 * links as a list (the way for the keyboard and screen readers), and a panel with the details of
 * what is selected, where a link is resolved white, green or red with a reason.
 */
export function LinksPage({ navigate }: PageProps) {
  const { t } = useI18n();
  const [color, setColor] = useState<LinkColor | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const load = useResource<Graph>(`links:${color}`, (signal) => linksApi.graph(color || undefined, signal));
  const graph = load.data ?? null;
  const links = useMemo(() => (graph ? graph.edges.flatMap((e) => (e.type === 'link' && e.link ? [e.link] : [])) : []), [graph]);

  const hitCounts = useMemo(() => new Map(graph ? graph.nodes.flatMap((n) => (n.type === 'alert' ? [[n.alertId, n.hitCount] as const] : [])) : []), [graph]);

  const selection: Selection = useMemo(() => {
    if (!graph || !selected) return null;
    const edge = graph.edges.find((e) => e.id === selected);
    if (edge?.link) return { type: 'link', link: edge.link };
    const node = graph.nodes.find((n) => n.id === selected);
    return node ? { type: 'node', node } : null;
  }, [graph, selected]);

  // A decision changes one edge in place: the graph keeps its layout and the list its order.
  const { mutate } = load;
  const onDecided = useCallback((decided: LinkView) => mutate((g) => ({ ...g, edges: g.edges.map((e) => (e.link?.id === decided.id ? { ...e, link: decided } : e)) })), [mutate]);

  return (
    <div className="links-page">
      <h1>{t('links.title')}</h1>
      <p className="help">{t('links.intro')}</p>
      <label className="inline links-filter">
        {t('links.filter')}
        <select value={color} onChange={(e) => setColor(e.target.value as LinkColor | '')} data-testid="links-filter">
          <option value="">{t('links.filterAll')}</option>
          {LINK_COLORS.map((c) => (
            <option key={c} value={c}>
              {t(`links.colorName.${c}`)} · {t(`links.color.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <ResourceView resource={load} isEmpty={() => links.length === 0} empty={t('links.empty')} testId="links">
        {(graph) => (
          <div className="links-layout">
            {/* The list follows the graph and comes before the details, so Tab goes from a chosen link to its decision. */}
            <div className="links-main">
              <figure className="link-graph">
                <LinkGraph graph={graph} selected={selected} onSelect={setSelected} />
                <figcaption>
                  <strong>{t('links.graph', { count: links.length })}</strong> {t('links.graphHelp')} {t('links.legend')}
                </figcaption>
              </figure>
              <section className="links-list" aria-labelledby="links-list-title">
                <h2 id="links-list-title">
                  {t('links.list')} <span className="status">({t('links.count', { count: links.length })})</span>
                </h2>
                <LinkList links={links} selected={selected} onSelect={setSelected} />
              </section>
            </div>
            <DetailsPanel selection={selection} hitCounts={hitCounts} navigate={navigate} onDecided={onDecided} />
          </div>
        )}
      </ResourceView>
    </div>
  );
}
