import { ALERT_KINDS as KINDS, ALERT_STATUSES as STATUSES } from '@crosscheck/core/constants';
import type { KindStatusCount } from '../../api/dashboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';


interface Props {
  id: string;
  title: string;
  counts: readonly KindStatusCount[];
  navigate: (to: string) => void;
}

/** Alerts by kind (rows) and status (columns); each count opens the alert search for that kind and status. */
export function CountsTable({ id, title, counts, navigate }: Props) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language);
  const cell = (kind: string, status: string) => counts.find((c) => c.kind === kind && c.status === status)?.count ?? 0;
  const total = counts.reduce((s, c) => s + c.count, 0);

  return (
    <section className="card dashboard-counts" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {total === 0 ? (
        <p className="empty">{t('dashboard.alerts.empty')}</p>
      ) : (
        <div className="dashboard-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.alerts.kind')}</th>
                {STATUSES.map((s) => (
                  <th scope="col" key={s} className="num">
                    {label(t, 'alertStatus', s)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('dashboard.alerts.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`hit.kind.${k}`)}</th>
                  {STATUSES.map((s) => {
                    const n = cell(k, s);
                    const to = `/alerts?kind=${k}&status=${s}`;
                    return (
                      <td key={s} className="num" data-kind={k} data-status={s}>
                        {n === 0 ? (
                          number.format(0)
                        ) : (
                          <a
                            href={to}
                            aria-label={t('dashboard.alerts.open', { count: number.format(n), kind: t(`hit.kind.${k}`), status: label(t, 'alertStatus', s) })}
                            onClick={(e) => {
                              e.preventDefault();
                              navigate(to);
                            }}
                          >
                            {number.format(n)}
                          </a>
                        )}
                      </td>
                    );
                  })}
                  <td className="num total">{number.format(counts.filter((c) => c.kind === k).reduce((s, c) => s + c.count, 0))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dashboard.alerts.total')}</th>
                {STATUSES.map((s) => (
                  <td key={s} className="num total">
                    {number.format(counts.filter((c) => c.status === s).reduce((sum, c) => sum + c.count, 0))}
                  </td>
                ))}
                <td className="num total" data-testid={`${id}-total`}>
                  {number.format(total)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
