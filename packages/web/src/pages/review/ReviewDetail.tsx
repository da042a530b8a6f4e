import { useEffect, useRef, type ReactNode } from 'react';
import type { AlertItem } from '../../api/client.ts';
import type { ReviewDecision, ReviewItem } from '../../api/review.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { dateTime } from '../../i18n/dates.ts';
import { grammar, partialDay } from '../alerts/Terms.tsx';
import { PersonNames } from '../../components/PersonNames.tsx';
import { kindLabel, subject } from './alert-text.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { FlagList } from './FlagList.tsx';

interface Props {
  item: ReviewItem;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onDecide: (decision: ReviewDecision, reason: string) => void;
}

/** One term of the description list, left out when the alert does not give it. */
function Field({ term, children }: { term: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The whole alert as its owner wrote it, its pre-check flags, and the decision. */
export function ReviewDetail({ item, busy, error, onBack, onDecide }: Props) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const a = item.alert;

  // Focus lands on what was opened, for keyboard and screen reader users.
  useEffect(() => heading.current?.focus(), [a.id]);

  return (
    <article className="review-detail" data-testid="review-detail" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && !busy && onBack()}>
      <button type="button" onClick={onBack}>
        {t('review.back')}
      </button>
      <h1 ref={heading} tabIndex={-1}>
        {kindLabel(t, a)} · <span dir="auto">{subject(a)}</span>
      </h1>
      <p className="help">
        {t('review.from', { owner: a.owner })} · {t('review.submitted', { when: dateTime(language, item.submittedAt) })}
      </p>

      {item.previousRejection && (
        <p className="card review-resubmitted" role="note" data-testid="review-resubmitted">
          <strong>{t('review.resubmittedTitle', { when: dateTime(language, item.previousRejection.at) })}</strong>{' '}
          <q dir="auto">{item.previousRejection.reason}</q>
        </p>
      )}

      <section className="card review-flag-card" aria-labelledby="review-flags-title">
        <h2 id="review-flags-title">{t('review.flagsTitle')}</h2>
        <FlagList flags={item.flags} alert={a} />
      </section>

      <section className="card">
        <dl className="review-fields">
          <Field term={t('alerts.id')}>
            <span dir="ltr">{a.id}</span>
          </Field>
          <Field term={t('hit.owner')}>{a.owner}</Field>
          <Field term={t('alerts.category')}>{kindLabel(t, a)}</Field>
          {a.kind === 'person' && <PersonFields alert={a} />}
          <Field term={t('hit.action')}>{a.action ? <span dir="auto">{a.action}</span> : undefined}</Field>
          <Field term={t('alerts.remarks')}>{a.remarks ? <span dir="auto">{a.remarks}</span> : undefined}</Field>
          <Field term={t('review.caseReference')}>{a.caseReference ? <span dir="auto">{a.caseReference}</span> : undefined}</Field>
        </dl>
      </section>

      <DecisionForm busy={busy} error={error} onDecide={onDecide} />
    </article>
  );
}

function PersonFields({ alert: a }: { alert: Extract<AlertItem, { kind: 'person' }> }) {
  const { t, language } = useI18n();
  const p = a.person;
  const years = a.offence?.maxSentenceYears;
  return (
    <>
      <Field term={t('screen.names')}>
        <PersonNames names={p.names} />
      </Field>
      <Field term={t('alerts.birthDate')}>{p.birthDate ? partialDay(language, p.birthDate) : undefined}</Field>
      <Field term={t('review.birthPlace')}>{p.birthPlace ? <span dir="auto">{p.birthPlace}</span> : undefined}</Field>
      <Field term={t('review.sex')}>{p.sex ? label(t, 'review.sex', p.sex) : undefined}</Field>
      <Field term={t('review.nationalities')}>{p.nationalities?.join(', ')}</Field>
      <Field term={t('review.refugeeFrom')}>{p.refugeeFrom?.join(', ')}</Field>
      <Field term={t('review.documents')}>
        {p.documents && p.documents.length > 0 ? (
          <ul>
            {p.documents.map((d, i) => (
              <li key={i} dir="ltr">
                {label(t, 'documentType', d.type)} {d.number}
                {d.issuingState ? ` (${d.issuingState})` : ''}
              </li>
            ))}
          </ul>
        ) : undefined}
      </Field>
      <Field term={t('hit.warnings')}>{p.warnings && p.warnings.length > 0 ? p.warnings.map((w) => label(t, 'warning', w)).join(', ') : undefined}</Field>
      <Field term={t('review.offence')}>{a.offence ? <span dir="auto">{a.offence.description}</span> : undefined}</Field>
      {a.offence && <Field term={t('review.maxSentence')}>{years !== undefined ? grammar(t, language, 'alertDetail.years', { years }) : t('review.notGiven')}</Field>}
      <Field term={t('review.law')}>{a.offence?.lawReference ? <span dir="auto">{a.offence.lawReference}</span> : undefined}</Field>
      <Field term={t('review.charge')}>{p.arrest ? <span dir="auto">{p.arrest.charge}</span> : undefined}</Field>
      <Field term={t('alertDetail.law')}>{p.arrest?.law ? <span dir="auto">{p.arrest.law}</span> : undefined}</Field>
      <Field term={t('alertDetail.maximumPenalty')}>{p.arrest?.maximumPenalty ? <span dir="auto">{p.arrest.maximumPenalty}</span> : undefined}</Field>
      <Field term={t('review.warrant')}>{p.arrest?.warrantReference ? <span dir="auto">{p.arrest.warrantReference}</span> : undefined}</Field>
    </>
  );
}
