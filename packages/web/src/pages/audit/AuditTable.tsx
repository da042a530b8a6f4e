import type { AuditEntry } from '../../api/audit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';

/** Pretty-prints an entry's JSON detail; left as stored when it is not JSON. */
function detailText(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

/** Entries newest first: time, member, actor, action, target, outcome, and the detail on demand. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="audit-table-wrap">
      <table className="audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.memberCol')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.actionCol')}</th>
            <th scope="col">{t('audit.targetCol')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.seq} data-testid="audit-row" className={e.outcome === 'ok' ? undefined : 'refused'}>
              <td dir="ltr">{e.seq}</td>
              <td>
                <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
              </td>
              <td>{e.member}</td>
              <td>
                {label(t, 'role', e.role)}
                <br />
                <code dir="ltr">{e.credential}</code>
              </td>
              <td>
                <code dir="ltr">{e.action}</code>
              </td>
              <td>
                <code dir="ltr" className="audit-target">
                  {e.target}
                </code>
              </td>
              <td>{e.outcome === 'ok' ? t('audit.allowed') : t('audit.refused', { code: e.outcome })}</td>
              <td>
                <details>
                  <summary>
                    {t('audit.details')}
                    {/* Which row's details, for a screen reader moving from summary to summary. */}
                    <span className="visually-hidden"> {e.seq}</span>
                  </summary>
                  <p className="help">
                    {t('audit.requestId', { id: e.requestId })}
                  </p>
                  <pre dir="ltr">{detailText(e.detail)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
