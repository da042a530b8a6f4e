import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LINK_DECISIONS, LINK_REASON_MAX, linksApi, type LinkDecision, type LinkView } from '../../api/links.ts';
import { failure } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * White, green or red, always with a reason: the analyst's verdict on one link. Nothing is chosen
 * beforehand (a reason typed and Record pressed must never assert "the same person" by default),
 * and red, which tells every bureau the identity is false, is confirmed before it is sent.
 */
export function DecisionForm({ link, onDecided }: { link: LinkView; onDecided: (link: LinkView) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [color, setColor] = useState<LinkDecision | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [colorError, setColorError] = useState(false);
  // Red waits here, with its reason, until the analyst confirms it.
  const [confirming, setConfirming] = useState(false);
  const firstColorRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus once shown, so a keyboard or screen reader user meets it at once.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved'; color: LinkDecision } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const record = async (chosen: LinkDecision, r: string) => {
    setConfirming(false);
    setStatus({ kind: 'saving' });
    try {
      const decided = await linksApi.decide(link.id, chosen, r);
      setReason('');
      setColor(null);
      // Said in words when shown, so the message follows a change of language.
      setStatus({ kind: 'saved', color: chosen });
      onDecided(decided);
    } catch (err) {
      setStatus({ kind: 'failed', message: t('links.failed', { detail: failure(t, err) }) });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'saving') return;
    // The API's rule (a trimmed reason of 1 to 1000 characters), told before sending.
    const r = reason.trim();
    const problem = r.length === 0 ? t('links.required') : r.length > LINK_REASON_MAX ? t('links.tooLong', { max: LINK_REASON_MAX, count: r.length }) : null;
    setError(problem);
    setColorError(color === null);
    if (color === null) {
      firstColorRef.current?.focus();
      return;
    }
    if (problem) {
      reasonRef.current?.focus();
      return;
    }
    if (color === 'red') {
      setConfirming(true);
      return;
    }
    void record(color, r);
  };

  return (
    <form className="decision-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="decision-form">
      <h3 id={`${id}-title`}>{link.color === 'yellow' ? t('links.resolve') : t('links.change')}</h3>
      <fieldset aria-invalid={colorError || undefined} aria-describedby={colorError ? `${id}-color-error` : undefined}>
        <legend>{t('links.decision')}</legend>
        {LINK_DECISIONS.map((c, i) => (
          <label key={c} className="inline">
            <input
              ref={i === 0 ? firstColorRef : undefined}
              type="radio"
              name={`${id}-color`}
              value={c}
              checked={color === c}
              required
              onChange={() => {
                setColor(c);
                setColorError(false);
                setConfirming(false);
              }}
            />
            <span className={`link-color ${c}`}>
              <span className="swatch" aria-hidden="true" />
              {t(`links.colorName.${c}`)} · {t(`links.color.${c}`)}
            </span>
          </label>
        ))}
        {colorError && (
          <p className="field-error" id={`${id}-color-error`}>
            {t('links.chooseDecision')}
          </p>
        )}
      </fieldset>
      <label>
        {t('links.reasonLabel')}
        <textarea
          ref={reasonRef}
          dir="auto"
          rows={3}
          value={reason}
          maxLength={LINK_REASON_MAX}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-required="true"
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {confirming && color === 'red' && (
        <div className="decision-confirm" role="alertdialog" aria-labelledby={`${id}-confirm`} data-testid="decision-confirm">
          <p id={`${id}-confirm`}>{t('links.confirmRed')}</p>
          <button type="button" className="primary" ref={confirmRef} onClick={() => void record('red', reason.trim())}>
            {t('links.confirmRedYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('links.confirmRedNo')}
          </button>
        </div>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'saving' || confirming}>
        {status.kind === 'saving' ? t('links.saving') : t('links.submit')}
      </button>
      <p className={status.kind === 'failed' ? 'error' : 'status'} role="status" data-testid="decision-status">
        {status.kind === 'saved'
          ? t('links.saved', { color: t(`links.colorName.${status.color}`).toLocaleLowerCase(language), meaning: t(`links.color.${status.color}`) })
          : status.kind === 'failed'
            ? status.message
            : ''}
      </p>
    </form>
  );
}
