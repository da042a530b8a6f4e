import { useRef, useState, type FormEvent } from 'react';
import type { ReviewDecision } from '../../api/review.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  busy: boolean;
  error: string | null;
  onDecide: (decision: ReviewDecision, reason: string) => void;
}

/**
 * Approve or reject, chosen explicitly: neither is selected when the form opens, and recording
 * without a choice says so beside the choice and sends nothing, so no keystroke can publish an
 * alert by default. A rejection needs the reason the owner bureau reads to correct the alert; an
 * approval may give one (else the standard sentence is recorded).
 */
export function DecisionForm({ busy, error, onDecide }: Props) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'choose' | 'reason' | null>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (decision === null) {
      setProblem('choose');
      firstChoice.current?.focus();
      return;
    }
    if (decision === 'reject' && !reason.trim()) {
      setProblem('reason');
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    onDecide(decision, reason.trim() || t('review.approveReason'));
  };

  const choose = (d: ReviewDecision) => {
    setDecision(d);
    if (problem === 'choose') setProblem(null);
  };

  return (
    <section className="card review-decision" aria-labelledby="review-decision-title">
      <h2 id="review-decision-title">{t('review.decision')}</h2>
      <form onSubmit={submit} noValidate data-testid="review-decision">
        <fieldset className="review-choice" aria-labelledby="review-decision-title" aria-invalid={problem === 'choose' || undefined} aria-describedby="review-choice-help">
          <label className="check">
            <input ref={firstChoice} type="radio" name="decision" value="approve" checked={decision === 'approve'} disabled={busy} onChange={() => choose('approve')} data-testid="review-approve" />
            <span>{t('review.approve')}</span>
          </label>
          <label className="check">
            <input type="radio" name="decision" value="reject" checked={decision === 'reject'} disabled={busy} onChange={() => choose('reject')} data-testid="review-reject" />
            <span>{t('review.reject')}</span>
          </label>
          <p id="review-choice-help" className={problem === 'choose' ? 'error' : 'help'} role={problem === 'choose' ? 'alert' : undefined} data-testid="review-choice-help">
            {problem === 'choose' ? t('review.chooseRequired') : t('review.rejectHelp')}
          </p>
        </fieldset>
        <label>
          {t('review.rejectReason')}
          <input
            ref={reasonRef}
            name="reason"
            value={reason}
            maxLength={2000}
            dir="auto"
            aria-invalid={problem === 'reason' || undefined}
            aria-describedby={problem === 'reason' ? 'review-reason-error' : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim() && problem === 'reason') setProblem(null);
            }}
          />
        </label>
        {problem === 'reason' && (
          <p id="review-reason-error" className="error" role="alert">
            {t('review.reasonRequired')}
          </p>
        )}
        <div className="review-buttons">
          <button type="submit" className={decision === 'reject' ? 'primary danger' : 'primary'} disabled={busy} data-testid="review-submit">
            {t('review.rejectSubmit')}
          </button>
        </div>
      </form>
      {busy && <p role="status">{t('review.busy')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
