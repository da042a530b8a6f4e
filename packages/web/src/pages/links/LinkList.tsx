import type { LinkView } from '../../api/links.ts';
import { Subject } from '../../components/Subject.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

/** What the two alerts share, in words. */
export function basisText(t: Translate, link: LinkView): string {
  const d = link.detail;
  if (link.basis === 'document') return t('links.basis.document', { issuingState: d.issuingState ?? '', number: d.number ?? '' });
  if (link.basis === 'name-birth-date') return t('links.basis.name-birth-date', { birthDate: d.birthDate ?? '' });
  return link.basis;
}

export function ColorName({ color }: { color: string }) {
  const { t } = useI18n();
  const known = color === 'yellow' || color === 'white' || color === 'green' || color === 'red';
  return (
    <span className={`link-color ${color}`} data-testid="link-color">
      <span className="swatch" aria-hidden="true" />
      {known ? `${t(`links.colorName.${color}`)} · ${t(`links.color.${color}`)}` : color}
    </span>
  );
}

/**
 * Every link as a button: the keyboard and screen-reader way to everything the graph offers.
 * The edge id of a link in the graph is `link:<id>`.
 */
export function LinkList({ links, selected, onSelect }: { links: LinkView[]; selected: string | null; onSelect: (edgeId: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="link-list" aria-label={t('links.list')}>
      {links.map((l) => {
        const edgeId = `link:${l.id}`;
        const [a, b] = l.alerts;
        return (
          <li key={l.id}>
            <button type="button" className={`link-row ${l.color}`} aria-pressed={selected === edgeId} onClick={() => onSelect(edgeId)} data-testid="link-row" data-link-id={l.id}>
              <ColorName color={l.color} />
              <span className="link-ends">
                <Subject subject={a.subject} /> (<bdi dir="auto">{a.ownerName}</bdi>) ↔ <Subject subject={b.subject} /> (<bdi dir="auto">{b.ownerName}</bdi>)
              </span>
              <span className="meta">{basisText(t, l)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
