import type { HitForm } from '@crosscheck/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FORM_REASON_MAX, FORM_TEXT_MAX, HANDLING_CODES, HIT_FORMS, hitsApi, INFO_GRADES, SOURCE_GRADES, type FormDraft, type HandlingCode, type HitFormView } from '../../api/hits.ts';
import { failure, refusalFieldErrors } from '../../i18n/labels.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

type Field = 'text' | 'reason' | 'form' | 'handlingCode' | 'sourceGrade' | 'infoGrade';
type Errors = Partial<Record<Field, string>>;

/** What the officer has chosen and typed so far: the kind of form and its handling code start unchosen. */
type Draft = Omit<FormDraft, 'form' | 'handlingCode'> & { form: HitForm | ''; handlingCode: HandlingCode | '' };

/**
 * The checks of core's hitFormSchema that a person can fix while typing (the server checks them
 * all again), and the two choices nobody may skip: the kind of form, and the handling code that
 * binds the other bureau (a preset "H0, no restriction" would be sent by whoever did not look).
 */
function check(t: Translate, d: Draft): Errors {
  const errors: Errors = {};
  if (d.form === '') errors.form = t('hitThread.chooseForm');
  if (d.handlingCode === '') errors.handlingCode = t('hitThread.chooseHandlingError');
  const bounded = (value: string | undefined, max: number): string | undefined => {
    const v = value?.trim() ?? '';
    if (v.length === 0) return t('hitThread.required');
    if (v.length > max) return t('hitThread.tooLong', { max, count: v.length });
    return undefined;
  };
  const text = bounded(d.text, FORM_TEXT_MAX);
  if (text) errors.text = text;
  if (d.form === 'H') {
    const reason = bounded(d.reason, FORM_REASON_MAX);
    if (reason) errors.reason = reason;
  }
  return errors;
}

// In the order they appear, so the first one wrong gets the focus.
const FIELDS: readonly string[] = ['form', 'handlingCode', 'sourceGrade', 'infoGrade', 'text', 'reason'];

/** Writes a G, H or M form to the other side of a hit. */
export function FormComposer({ hitId, to, toName, onSent }: { hitId: string; to: string; toName: string; onSent: (form: HitFormView) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<HitForm | ''>('');
  const [handlingCode, setHandlingCode] = useState<HandlingCode | ''>('');
  const [sourceGrade, setSourceGrade] = useState('');
  const [infoGrade, setInfoGrade] = useState('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; message: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);

  const draft = (): Draft => ({
    form,
    handlingCode,
    ...(sourceGrade ? { sourceGrade } : {}),
    ...(infoGrade ? { infoGrade } : {}),
    text: text.trim(),
    ...(form === 'H' ? { reason: reason.trim() } : {}),
  });

  const focusFirstInvalid = (fields: Errors) => {
    const first = FIELDS.find((f) => fields[f as Field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'sending') return;
    const d = draft();
    const found = check(t, d);
    setErrors(found);
    if (Object.keys(found).length > 0 || d.form === '' || d.handlingCode === '') {
      setStatus({ kind: 'idle' });
      focusFirstInvalid(found);
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const sent = await hitsApi.sendForm(hitId, { ...d, form: d.form, handlingCode: d.handlingCode });
      // The next form is a new decision: nothing of this one is left chosen.
      setForm('');
      setHandlingCode('');
      setText('');
      setReason('');
      setStatus({ kind: 'sent', message: t('hitThread.sent', { form: sent.form, member: sent.to === to ? toName : sent.to }) });
      onSent(sent);
    } catch (err) {
      // The fields the server refused (problem+json `errors`), in the reader's words: marked as the browser check would.
      const refused = fieldsOf(refusalFieldErrors(t, err));
      if (Object.keys(refused).length > 0) {
        setErrors(refused);
        focusFirstInvalid(refused);
      }
      setStatus({ kind: 'failed', message: t('hitThread.sendFailed', { detail: failure(t, err) }) });
    }
  };

  const described = (field: Field, help?: string) => {
    const ids = [help, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ');
    return ids ? { 'aria-describedby': ids } : {};
  };
  const errorOf = (field: Field) =>
    errors[field] ? (
      <span className="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </span>
    ) : null;

  return (
    <form ref={formRef} className="card form-composer" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="form-composer">
      <h2 id={`${id}-title`}>{t('hitThread.compose', { member: toName })}</h2>
      <fieldset className="form-type">
        <legend>{t('hitThread.formType')}</legend>
        <p className="help" id={`${id}-form-help`}>
          {t('hitThread.formTypeHelp')}
        </p>
        {HIT_FORMS.map((f) => (
          <label key={f} className="inline">
            <input
              type="radio"
              name="form"
              value={f}
              checked={form === f}
              onChange={() => {
                setForm(f);
                setErrors(({ form: _, ...rest }) => rest);
              }}
              aria-describedby={[`${id}-form-help`, errors.form ? `${id}-form-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={errors.form ? true : undefined}
              required
            />
            {t(`hitThread.form.${f}`)}
          </label>
        ))}
        {errorOf('form')}
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label>
            {t('hitThread.handlingCode')}
            <select
              name="handlingCode"
              value={handlingCode}
              onChange={(e) => {
                setHandlingCode(e.target.value as HandlingCode | '');
                setErrors(({ handlingCode: _, ...rest }) => rest);
              }}
              aria-invalid={errors.handlingCode ? true : undefined}
              aria-required="true"
              {...described('handlingCode')}
            >
              <option value="" disabled>
                {t('hitThread.chooseHandling')}
              </option>
              {HANDLING_CODES.map((c) => (
                <option key={c} value={c}>
                  {t(`hitThread.handling.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {errorOf('handlingCode')}
        </div>
        <div className="field">
          <label>
            {t('hitThread.sourceGrade')}
            <select name="sourceGrade" value={sourceGrade} onChange={(e) => setSourceGrade(e.target.value)} {...described('sourceGrade')}>
              <option value="">{t('hitThread.notGraded')}</option>
              {SOURCE_GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`hitThread.source.${g}`)}
                </option>
              ))}
            </select>
          </label>
          {errorOf('sourceGrade')}
        </div>
        <div className="field">
          <label>
            {t('hitThread.infoGrade')}
            <select name="infoGrade" value={infoGrade} onChange={(e) => setInfoGrade(e.target.value)} {...described('infoGrade')}>
              <option value="">{t('hitThread.notGraded')}</option>
              {INFO_GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`hitThread.info.${g}`)}
                </option>
              ))}
            </select>
          </label>
          {errorOf('infoGrade')}
        </div>
      </div>
      <div className="field">
        <label>
          {t('hitThread.text')}
          <textarea name="text" dir="auto" rows={4} value={text} maxLength={FORM_TEXT_MAX} onChange={(e) => {
            setText(e.target.value);
            setErrors(({ text: _, ...rest }) => rest);
          }} aria-invalid={errors.text ? true : undefined} aria-required="true" {...described('text')} />
        </label>
        {errorOf('text')}
      </div>
      {form === 'H' && (
        <div className="field">
          <label>
            {t('hitThread.reasonLabel')}
            <textarea name="reason" dir="auto" rows={2} value={reason} maxLength={FORM_REASON_MAX} onChange={(e) => {
              setReason(e.target.value);
              setErrors(({ reason: _, ...rest }) => rest);
            }} aria-invalid={errors.reason ? true : undefined} aria-required="true" {...described('reason')} />
          </label>
          {errorOf('reason')}
        </div>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'sending'}>
        {status.kind === 'sending' ? t('hitThread.sending') : t('hitThread.send')}
      </button>
      <p className={status.kind === 'failed' ? 'error' : 'status'} role="status" data-testid="form-status">
        {status.kind === 'sent' || status.kind === 'failed' ? status.message : ''}
      </p>
    </form>
  );
}

/** The refused fields this form has (`text`, `reason`…); any other stays in the status line. */
function fieldsOf(refused: Record<string, string>): Errors {
  return Object.fromEntries(Object.entries(refused).filter(([f]) => FIELDS.includes(f))) as Errors;
}
