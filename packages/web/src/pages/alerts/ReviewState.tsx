import type { AlertItem } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Where an alert of the reader's own member stands with review. A rejected alert shows the
 * reviewer's reason to its owner, who needs it "to correct the alert", and (for a role that may
 * change alerts) the way to correct and resubmit it. Others never see an alert under review or
 * rejected: the server hides it from them.
 */
export function ReviewState({ alert: a, onResubmit }: { alert: AlertItem; onResubmit: (() => void) | null }) {
  const { t } = useI18n();
  if (a.status === 'pending-review') return <p className="notice review-state">{t('alertDetail.pendingHelp')}</p>;
  if (a.status !== 'rejected') return null;
  return (
    <section className="card review-state rejected" role="note" aria-labelledby="alert-rejected-title" data-testid="alert-rejected">
      <h2 id="alert-rejected-title">{t('alertDetail.rejectedTitle')}</h2>
      {a.statusReason && (
        <p>
          <strong>{t('alertDetail.rejectedReason')}</strong>{' '}
          <q dir="auto" data-testid="alert-rejected-reason">
            {a.statusReason}
          </q>
        </p>
      )}
      {onResubmit && (
        <>
          <p className="help">{t('alertDetail.rejectedHelp')}</p>
          <button type="button" className="primary" data-testid="alert-resubmit" onClick={onResubmit}>
            {t('alertDetail.resubmit')}
          </button>
        </>
      )}
    </section>
  );
}
