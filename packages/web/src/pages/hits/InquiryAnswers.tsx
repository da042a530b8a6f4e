import { useId, useState, type FormEvent } from 'react';
import { INQUIRY_ANSWER_MAX } from '@crosscheck/core/constants';
import { HANDLING_CODES, hitsApi, type HandlingCode, type HitFormView } from '../../api/hits.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure, label } from '../../i18n/labels.ts';

/**
 * The screening member answers an inquiry check's questions on the hit (POST /hits/{id}/answers):
 * one box per question, in order, then a handling code to choose (as for any form: nobody sends a
 * preset one unseen). The answers reach the owner as a G form in this thread.
 */
export function InquiryAnswers({ hitId, questions, toName, onSent }: { hitId: string; questions: string[]; toName: string; onSent: (form: HitFormView) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [answers, setAnswers] = useState<string[]>(() => questions.map(() => ''));
  const [note, setNote] = useState('');
  const [handlingCode, setHandlingCode] = useState<HandlingCode | ''>('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'sending' } | { kind: 'sent' | 'failed' | 'invalid'; message: string }>({ kind: 'idle' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'sending') return;
    const given = answers.map((a) => a.trim());
    if (given.some((a) => a === '') || handlingCode === '') {
      setStatus({ kind: 'invalid', message: handlingCode === '' && given.every((a) => a !== '') ? t('hitThread.chooseHandlingError') : t('recast.answers.required') });
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const form = await hitsApi.answerInquiry(hitId, { answers: given, handlingCode, ...(note.trim() ? { note: note.trim() } : {}) });
      setStatus({ kind: 'sent', message: t('recast.answers.sent', { member: toName }) });
      setAnswers(questions.map(() => ''));
      setNote('');
      onSent(form);
    } catch (err) {
      setStatus({ kind: 'failed', message: t('recast.answers.failed', { detail: failure(t, err) }) });
    }
  };

  return (
    <form className="card recast-answers" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="inquiry-answers">
      <h2 id={`${id}-title`}>{t('recast.answers.title')}</h2>
      <p className="help">{t('recast.answers.help', { member: toName })}</p>
      {questions.map((q, i) => (
        <label key={i}>
          <span dir="auto">
            {i + 1}. {q}
          </span>
          <textarea
            name={`answer-${i}`}
            aria-label={t('recast.answers.answer', { n: i + 1 })}
            rows={2}
            maxLength={INQUIRY_ANSWER_MAX}
            dir="auto"
            value={answers[i]}
            onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))}
          />
        </label>
      ))}
      <label>
        {t('recast.answers.note')}
        <textarea name="note" rows={2} dir="auto" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        {t('recast.answers.handling')}
        <select name="handlingCode" value={handlingCode} onChange={(e) => setHandlingCode(e.target.value as HandlingCode | '')}>
          <option value="">{t('hitThread.chooseHandling')}</option>
          {HANDLING_CODES.map((c) => (
            <option key={c} value={c}>
              {label(t, 'hitThread.handling', c)}
            </option>
          ))}
        </select>
      </label>
      <p>
        <button type="submit" disabled={status.kind === 'sending'}>
          {status.kind === 'sending' ? t('recast.answers.sending') : t('recast.answers.send')}
        </button>
      </p>
      {'message' in status && (
        <p role={status.kind === 'sent' ? 'status' : 'alert'} className={status.kind === 'sent' ? 'ok' : 'error'} data-testid="inquiry-answers-status">
          {status.message}
        </p>
      )}
    </form>
  );
}

/** The answers a G form carries, each under its question (the owner reads them in the thread). */
export function AnswerList({ answers }: { answers: { question: string; answer: string }[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="form-answers">
      <strong>{t('recast.answers.inThread')}</strong>
      <dl className="recast-answer-list">
        {answers.map((a, i) => (
          <div key={i}>
            {/* Aligned with the page, the owner's question and the answer isolated (they may be in another language). */}
            <dt>
              {i + 1}. <bdi>{a.question}</bdi>
            </dt>
            <dd>
              <bdi>{a.answer}</bdi>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
