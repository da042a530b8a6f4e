import type { AlertItem } from '../../api/client.ts';
import { calendarDay, dateTime } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusText } from './alert-summary.tsx';
import { Term } from './Terms.tsx';

/** The record itself: its number, owner, status, who may see it, references and dates. */
export function RecordSection({ alert: a }: { alert: AlertItem }) {
  const { t, language } = useI18n();
  return (
    <section className="card alert-section" aria-labelledby="alert-record-title" data-testid="alert-record">
      <h2 id="alert-record-title">{t('alertDetail.record')}</h2>
      <dl>
        <Term term={t('alerts.id')} dir="ltr">
          {a.id}
        </Term>
        <Term term={t('hit.owner')}>{a.owner}</Term>
        <Term term={t('alerts.status')}>
          <StatusText status={a.status} reason={a.statusReason} />
        </Term>
        {a.visibility && (
          <Term term={t('alertEditor.section.visibility')} testId="alert-visibility">
            {t(a.visibility.mode === 'all' ? 'alertEditor.vis.all' : a.visibility.mode === 'only' ? 'alertEditor.vis.only' : 'alertEditor.vis.allExcept')}
            {a.visibility.mode !== 'all' && a.visibility.members.length > 0 ? `: ${a.visibility.members.join(', ')}` : ''}
            {a.hiddenFromFrontline ? ` · ${t('alertEditor.hidden')}` : ''}
          </Term>
        )}
        <Term term={t('alertDetail.publicNotice')}>{a.publicNotice ? t('alertDetail.publicNoticeYes') : undefined}</Term>
        <Term term={t('alertDetail.caseReference')} dir="auto">
          {a.caseReference}
        </Term>
        <Term term={t('alertDetail.sourceRef')} dir="ltr">
          {a.sourceRef}
        </Term>
        <Term term={t('alertDetail.expiresAt')}>{a.expiresAt ? calendarDay(language, a.expiresAt) : undefined}</Term>
        <Term term={t('alerts.reviewDate')}>{a.reviewDate ? calendarDay(language, a.reviewDate) : '—'}</Term>
        <Term term={t('alerts.updatedAt')}>{dateTime(language, a.updatedAt)}</Term>
      </dl>
    </section>
  );
}
