import { useId, useRef, useState, type FormEvent } from 'react';
import { LINK_DECISIONS, LINK_REASON_MAX, linksApi, type LinkDecision, type LinkView } from '../../api/links.ts';
import { failure } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** White, green or red, always with a reason: the analyst's verdict on one link. */
export function DecisionForm({ link, onDecided }: { link: LinkView; onDecided: (link: LinkView) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [color, setColor] = useState<LinkDecision>(link.color === 'yellow' ? 'white' : (link.color as LinkDecision));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved' | 'failed'; message: string }>({ kind: 'idle' });
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'saving') return;
    // The API's rule (a trimmed reason of 1 to 1000 characters), told before sending.
    const r = reason.trim();
    const problem = r.length === 0 ? t('links.required') : r.length > LINK_REASON_MAX ? t('links.tooLong', { max: LINK_REASON_MAX, count: r.length }) : null;
    setError(problem);
    if (problem) {
      reasonRef.current?.focus();
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const decided = await linksApi.decide(link.id, color, r);
      setReason('');
      setStatus({ kind: 'saved', message: t('links.saved', { color: t(`links.colorName.${color}`).toLocaleLowerCase(language), meaning: t(`links.color.${color}`) }) });
      onDecided(decided);
    } catch (err) {
      setStatus({ kind: 'failed', message: t('links.failed', { detail: failure(t, err) }) });
    }
  };

  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="decision-form">
      <h3 id={`${id}-title`}>{link.color === 'yellow' ? t('links.resolve') : t('links.change')}</h3>
      <fieldset>
        <legend>{t('links.decision')}</legend>
        {LINK_DECISIONS.map((c) => (
          <label key={c} className="inline">
            <input type="radio" name={`${id}-color`} value={c} checked={color === c} onChange={() => setColor(c)} />
            <span className={`link-color ${c}`}>
              <span className="swatch" aria-hidden="true" />
              {t(`links.colorName.${c}`)} · {t(`links.color.${c}`)}
            </span>
          </label>
        ))}
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
      <button type="submit" className="primary" disabled={status.kind === 'saving'}>
        {status.kind === 'saving' ? t('links.saving') : t('links.submit')}
      </button>
      <p className={status.kind === 'failed' ? 'error' : 'status'} role="status" data-testid="decision-status">
        {status.kind === 'saved' || status.kind === 'failed' ? status.message : ''}
      </p>
    </form>
  );
}
