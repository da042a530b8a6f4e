import type { AlertVersion } from '../../api/client.ts';
import { CopyId } from '../../components/CopyId.tsx';
import { ResourceView } from '../../components/ResourceView.tsx';
import type { ResourceHandle } from '../../data/use-resource.ts';
import { dateTime } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { actorText } from '../audit/audit-words.ts';
import { StatusText } from './alert-summary.tsx';

/**
 * An alert's versions, oldest first: what was done, when (with the time zone), its status, and —
 * for the owner's own bureau, the only one the server tells — who did it, by user name or key
 * label, the credential's id beside it to copy.
 */
export function AlertHistory({ history, forbidden }: { history: ResourceHandle<AlertVersion[]>; forbidden: boolean }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="alert-history-title">
      <h2 id="alert-history-title">{t('alerts.history')}</h2>
      {forbidden ? (
        <p className="empty">{t('alerts.historyForbidden')}</p>
      ) : (
        <ResourceView resource={history} isEmpty={(items) => items.length === 0} empty={t('alerts.historyEmpty')} testId="alert-history">
          {(items) => (
            <ol className="history" data-testid="alert-history">
              {items.map((v) => (
                <li key={v.version}>
                  <strong>{t('alerts.version', { version: v.version })}</strong> · {label(t, 'historyAction', v.action)} ·{' '}
                  <time dateTime={v.changedAt}>{dateTime(language, v.changedAt)}</time> · <StatusText status={v.status} reason={v.statusReason} />
                  {v.statusReason && v.status !== 'rejected' ? (
                    <>
                      {' · '}
                      <span dir="auto">{v.statusReason}</span>
                    </>
                  ) : null}
                  {v.changedBy ? (
                    <>
                      {' · '}
                      <span data-testid="history-actor">{t('alerts.changedBy', { who: actorText(t, v.changedBy, v.changedByName ?? null, v.changedByMember ?? null) })}</span> <CopyId id={v.changedBy} shown />
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </ResourceView>
      )}
    </section>
  );
}
