import type { OverdueReplyItem } from '../../api/dashboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { lateness } from './format.ts';
import { dateTime } from '../../i18n/dates.ts';

interface Props {
  items: readonly OverdueReplyItem[];
  total: number;
  /** The hits page is the bureau's: other roles see the figures without a link to follow. */
  canOpenHits: boolean;
  navigate: (to: string) => void;
}

/** G and H forms whose reply is late, ours to give or owed to us, most overdue first. */
export function OverdueList({ items, total, canOpenHits, navigate }: Props) {
  const { t, language } = useI18n();
  if (items.length === 0) return <p className="empty">{t('dashboard.overdue.empty')}</p>;
  return (
    <>
      {total > items.length && <p className="help">{t('dashboard.overdue.partial', { shown: items.length, total })}</p>}
      <div className="dashboard-scroll">
        <table data-testid="overdue-list">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.overdue.hit')}</th>
              <th scope="col">{t('dashboard.overdue.alert')}</th>
              <th scope="col">{t('dashboard.overdue.form')}</th>
              <th scope="col">{t('dashboard.overdue.who')}</th>
              <th scope="col">{t('dashboard.overdue.due')}</th>
              <th scope="col">{t('dashboard.overdue.late')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => {
              const to = `/hits?id=${encodeURIComponent(o.hitId)}`;
              return (
                <tr key={o.hitId} data-testid="overdue-row" className={o.owed === 'by-us' ? 'owed-by-us' : 'owed-to-us'}>
                  <td>
                    {canOpenHits ? (
                      <a
                        href={to}
                        aria-label={t('dashboard.overdue.open', { id: o.hitId })}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(to);
                        }}
                      >
                        <code>{shortId(o.hitId)}</code>
                      </a>
                    ) : (
                      <code title={o.hitId}>{shortId(o.hitId)}</code>
                    )}
                  </td>
                  <td>
                    <code title={o.alertId}>{shortId(o.alertId)}</code>
                  </td>
                  <td>{o.form}</td>
                  <td>{o.owed === 'by-us' ? t('dashboard.overdue.byUs', { member: o.otherMember }) : t('dashboard.overdue.toUs', { member: o.otherMember })}</td>
                  <td>
                    <time dateTime={o.dueAt}>{dateTime(language, o.dueAt)}</time>
                  </td>
                  <td className="late">{lateness(t, o.minutesLate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

// UUIDv7 ids begin with their time, so two hits of one day share a prefix: the end tells them apart.
const shortId = (id: string): string => `…${id.slice(-8)}`;
