import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { alertEditorApi } from '../../api/alert-editor.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';
import { FieldError } from './Field.tsx';
import { checkCancel } from './validation.ts';

/**
 * Cancelling ends the alert for every member at once and cannot be undone: it takes a second,
 * deliberate step and a reason, which goes on the alert's history.
 */
export function CancelAlert({ alertId, onCancelled }: { alertId: string; onCancelled: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setError(undefined);
    setRefused(null);
    // Back where the user was, so Escape does not drop focus on the page.
    queueMicrotask(() => opener.current?.focus());
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkCancel(t, reason);
    if (!checked.ok) {
      setError(checked.errors.reason ?? Object.values(checked.errors)[0]);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await alertEditorApi.cancel(alertId, checked.value);
      onCancelled();
    } catch (err) {
      setRefused(t('alertEditor.cancelFailed', { detail: failure(t, err) }));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" ref={opener} className="danger" onClick={() => setOpen(true)} data-testid="alert-cancel">
        {t('alertEditor.cancel')}
      </button>
    );
  }
  return (
    <form className="card cancel-alert" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`} onKeyDown={(e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    }}>
      <h2 id={`${id}-title`}>{t('alertEditor.cancelTitle')}</h2>
      <label htmlFor={`${id}-reason`}>
        {t('alertEditor.cancelReason')}
        <span aria-hidden="true"> *</span>
      </label>
      <textarea id={`${id}-reason`} ref={field} rows={3} dir="auto" value={reason} aria-required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      <FieldError id={`${id}-error`} message={error} />
      {refused && (
        <p role="alert" className="error">
          {refused}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('alertEditor.cancelConfirm')}
        </button>
        <button type="button" onClick={close} disabled={busy}>
          {t('alertEditor.cancelKeep')}
        </button>
      </div>
    </form>
  );
}
