import type { HitFormView } from '../../api/hits.ts';
import { credentialText } from '../../components/hit-words.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { AnswerList } from './InquiryAnswers.tsx';

/** Where a form's reply stands: due, overdue, answered (a G or H form whose clock was stopped), or none asked. */
export function replyState(f: HitFormView, now: Date): 'due' | 'overdue' | 'answered' | 'none' {
  if (f.form === 'M') return 'none';
  if (f.replyDueAt === null) return 'answered';
  return Date.parse(f.replyDueAt) < now.getTime() ? 'overdue' : 'due';
}

/** One form of a hit's thread: what it is, who sent it, how it may be used, and whether its reply is late. */
export function FormEntry({ form: f, now, format, member }: { form: HitFormView; now: Date; format: (iso: string) => string; member: (code: string) => string }) {
  const { t } = useI18n();
  const state = replyState(f, now);
  const graded = f.sourceGrade !== null || f.infoGrade !== null;
  return (
    <article className={`card hit-form form-${f.form} reply-${state}`} data-testid="hit-form" aria-labelledby={`form-${f.id}`}>
      <header className="hit-form-head">
        <h3 id={`form-${f.id}`}>{t(`hitThread.form.${f.form}`)}</h3>
        {state === 'overdue' && <span className="badge warn" data-testid="form-overdue">{t('hitThread.overdue')}</span>}
        {state === 'answered' && <span className="badge ok">{t('hitThread.answered')}</span>}
      </header>
      <p className="hit-form-meta">
        {t('hitThread.fromTo', { from: member(f.from), to: member(f.to) })} · {t('hitThread.sentAt', { at: format(f.createdAt) })}
        {f.createdBy ? ` ${t('hitThread.sentBy', { who: credentialText(f.createdBy, f.createdByName, t) })}` : ''}
      </p>
      <dl className="hit-form-fields">
        <dt>{t('hitThread.handlingCode')}</dt>
        <dd data-testid="form-handling">{label(t, 'hitThread.handling', f.handlingCode)}</dd>
        <dt>{t('hitThread.grading')}</dt>
        <dd>
          {graded
            ? t('hitThread.gradingValue', {
                source: f.sourceGrade ? label(t, 'hitThread.source', f.sourceGrade) : t('hitThread.notGraded'),
                info: f.infoGrade ? label(t, 'hitThread.info', f.infoGrade) : t('hitThread.notGraded'),
              })
            : t('hitThread.notGraded')}
        </dd>
        {f.reason !== null && (
          <>
            <dt>{t('hitThread.reason')}</dt>
            <dd dir="auto">{f.reason}</dd>
          </>
        )}
        {state === 'due' && f.replyDueAt && (
          <>
            <dt>{t('hitThread.thread')}</dt>
            <dd>{t('hitThread.replyDue', { member: member(f.to), due: format(f.replyDueAt) })}</dd>
          </>
        )}
        {state === 'overdue' && f.replyDueAt && (
          <>
            <dt>{t('hitThread.thread')}</dt>
            <dd className="overdue-detail">{t('hitThread.overdueSince', { member: member(f.to), due: format(f.replyDueAt) })}</dd>
          </>
        )}
        {state === 'none' && (
          <>
            <dt>{t('hitThread.thread')}</dt>
            <dd>{t('hitThread.noReplyNeeded')}</dd>
          </>
        )}
      </dl>
      {/* An inquiry check's answers may come without a note of their own. */}
      {(f.text !== '' || !f.answers) && (
        <p className="hit-form-text" dir="auto">
          {f.text}
        </p>
      )}
      {f.answers && <AnswerList answers={f.answers} />}
    </article>
  );
}
