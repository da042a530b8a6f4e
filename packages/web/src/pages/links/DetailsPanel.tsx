import type { GraphAlertNode, GraphDocumentNode, GraphHitNode, GraphNode, LinkView } from '../../api/links.ts';
import { CopyId } from '../../components/CopyId.tsx';
import { Subject } from '../../components/Subject.tsx';
import type { AlertSubject } from '../../api/links.ts';
import { dateTime } from '../../i18n/dates.ts';
import { label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { basisText, ColorName } from './LinkList.tsx';

export type Selection = { type: 'link'; link: LinkView } | { type: 'node'; node: GraphNode } | null;

/** The side panel: what the selected link or node is, and for a link, the decision. */
export function DetailsPanel({ selection, hitCounts, navigate, onDecided }: { selection: Selection; hitCounts: Map<string, number>; navigate: (to: string) => void; onDecided: (link: LinkView) => void }) {
  const { t } = useI18n();
  return (
    <aside className="card link-details" aria-labelledby="link-details-title" data-testid="link-details">
      <h2 id="link-details-title">{t('links.details')}</h2>
      {selection === null && <p className="empty">{t('links.nothingSelected')}</p>}
      {selection?.type === 'link' && <LinkDetails link={selection.link} hitCounts={hitCounts} navigate={navigate} onDecided={onDecided} />}
      {selection?.type === 'node' && selection.node.type === 'alert' && <AlertDetails node={selection.node} navigate={navigate} />}
      {selection?.type === 'node' && selection.node.type === 'document' && <DocumentDetails node={selection.node} />}
      {selection?.type === 'node' && selection.node.type === 'hit' && <HitDetails node={selection.node} />}
    </aside>
  );
}

function useFormat() {
  const { language } = useI18n();
  return (iso: string) => dateTime(language, iso);
}

/** A link to the alert, named by its subject; its id beside, to copy. */
function AlertLink({ id, subject, navigate }: { id: string; subject: AlertSubject; navigate: (to: string) => void }) {
  const { t } = useI18n();
  const href = `/alerts?id=${encodeURIComponent(id)}`;
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {t('links.openAlert')}: <Subject subject={subject} />
    </a>
  );
}

function LinkDetails({ link, hitCounts, navigate, onDecided }: { link: LinkView; hitCounts: Map<string, number>; navigate: (to: string) => void; onDecided: (link: LinkView) => void }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <>
      <h3>{t('links.link')}</h3>
      <p>
        <ColorName color={link.color} />
      </p>
      <p>{basisText(t, link)}</p>
      <h4>{t('links.alerts')}</h4>
      <ul className="linked-alerts">
        {link.alerts.map((a) => (
          <li key={a.id}>
            {label(t, 'hit.kind', a.kind)} · <bdi dir="auto">{a.ownerName}</bdi> · <AlertLink id={a.id} subject={a.subject} navigate={navigate} /> <CopyId id={a.id} what="alert" shown />
            {/* What the graph shows as hit nodes, said here for those who do not use the canvas. */}
            <span className="meta">
              {' · '}
              {t('links.hitCount')}: {hitCounts.get(a.id) ?? 0}
            </span>
          </li>
        ))}
      </ul>
      <p className="help">{t('links.found', { at: format(link.createdAt) })}</p>
      {link.decidedAt && (
        <p>
          {t('links.decided', { member: link.decidedMember ?? '', at: format(link.decidedAt) })}
          {link.decidedBy ? (
            <>
              {' '}
              {t('links.decidedBy', { who: link.decidedByName ?? link.decidedBy })} <CopyId id={link.decidedBy} shown />
            </>
          ) : null}
        </p>
      )}
      {link.reason && (
        <p>
          <strong>{t('links.reason')}: </strong>
          <span dir="auto">{link.reason}</span>
        </p>
      )}
      <DecisionForm key={link.id} link={link} onDecided={onDecided} />
    </>
  );
}

function AlertDetails({ node, navigate }: { node: GraphAlertNode; navigate: (to: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <h3>
        {t('links.alertNode')} · {label(t, 'hit.kind', node.kind)}
      </h3>
      <dl>
        <dt>{t('hit.owner')}</dt>
        <dd>
          <bdi dir="auto">{node.ownerName}</bdi>
        </dd>
        {node.category && (
          <>
            <dt>{t('alerts.category')}</dt>
            <dd>{label(t, 'category', node.category)}</dd>
          </>
        )}
        <dt>{t('alerts.status')}</dt>
        <dd>{label(t, 'alertStatus', node.status)}</dd>
        <dt>{t('links.hitCount')}</dt>
        <dd>{node.hitCount}</dd>
      </dl>
      <p>
        <AlertLink id={node.alertId} subject={node.subject} navigate={navigate} />
      </p>
      <p>
        <CopyId id={node.alertId} what="alert" shown />
      </p>
    </>
  );
}

function DocumentDetails({ node }: { node: GraphDocumentNode }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('links.documentNode')}</h3>
      <dl>
        {node.documentType && (
          <>
            <dt>{t('alerts.documentType')}</dt>
            <dd>{label(t, 'documentType', node.documentType)}</dd>
          </>
        )}
        <dt>{t('links.issuingState')}</dt>
        <dd>{node.issuingState}</dd>
        <dt>{t('links.documentNumber')}</dt>
        <dd dir="ltr">{node.number}</dd>
      </dl>
    </>
  );
}

function HitDetails({ node }: { node: GraphHitNode }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <>
      <h3>{t('links.hitNode')}</h3>
      <p>{t('links.screenedBy', { member: node.screeningMember, at: format(node.createdAt) })}</p>
      <dl>
        <dt>{t('hit.owner')}</dt>
        <dd>{node.owner}</dd>
        <dt>{t('hit.score')}</dt>
        <dd>{node.score.toFixed(2)}</dd>
        <dt>{t('hits.outcome')}</dt>
        <dd>{node.outcome ? label(t, 'outcome', node.outcome) : t('outcome.none')}</dd>
      </dl>
    </>
  );
}
