import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ReviewDecision } from '../../api/review.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  busy: boolean;
  error: string | null;
  onDecide: (decision: ReviewDecision, reason: string) => void;
}

/**
 * Approve at once, or reject with a reason the owner bureau will read. Rejecting opens the
 * reason field with the focus in it: Enter rejects, Escape goes back to the two buttons.
 */
export function DecisionForm({ busy, error, onDecide }: Props) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const wasRejecting = useRef(false);

  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
    // Closing the reason field hands the focus back to the button that opened it.
    else if (wasRejecting.current) rejectButton.current?.focus();
    wasRejecting.current = rejecting;
  }, [rejecting]);

  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    onDecide('reject', reason.trim());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      setRejecting(false);
      setMissing(false);
    }
  };

  return (
    <section className="card review-decision" aria-labelledby="review-decision-title">
      <h2 id="review-decision-title">{t('review.decision')}</h2>
      {!rejecting ? (
        <div className="review-buttons">
          <button type="button" className="primary" disabled={busy} onClick={() => onDecide('approve', t('review.approveReason'))} data-testid="review-approve">
            {t('review.approve')}
          </button>
          <button type="button" ref={rejectButton} disabled={busy} onClick={() => setRejecting(true)} data-testid="review-reject">
            {t('review.reject')}
          </button>
        </div>
      ) : (
        <form onSubmit={submitReject} onKeyDown={onKeyDown} noValidate>
          <label>
            {t('review.rejectReason')}
            <input
              ref={reasonRef}
              name="reason"
              value={reason}
              maxLength={2000}
              dir="auto"
              aria-invalid={missing || undefined}
              aria-describedby="review-reason-help"
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setMissing(false);
              }}
            />
          </label>
          <p id="review-reason-help" className={missing ? 'error' : 'help'} role={missing ? 'alert' : undefined}>
            {missing ? t('review.reasonRequired') : t('review.rejectHelp')}
          </p>
          <div className="review-buttons">
            <button type="submit" className="primary danger" disabled={busy}>
              {t('review.rejectSubmit')}
            </button>
            <button type="button" disabled={busy} onClick={() => setRejecting(false)}>
              {t('review.cancel')}
            </button>
          </div>
        </form>
      )}
      {busy && <p role="status">{t('review.busy')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
