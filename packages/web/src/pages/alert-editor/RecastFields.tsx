import { INQUIRY_QUESTION_MAX, INQUIRY_QUESTIONS_MAX, PREVENTIVE_SUBJECTS } from '@crosscheck/core/constants';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { FieldError, SelectField, TextField } from './Field.tsx';
import type { RecastDraft } from './recast-draft.ts';
import type { SectionProps } from './PersonFields.tsx';

/**
 * The section an SIS recast category needs, shown when that category is chosen: a return
 * decision's dates, an inquiry check's questions, a preventive alert's subject and instruction.
 * Each says how long the alert is kept before review.
 */
export function RecastFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const r = draft.recast;
  const set = (change: Partial<RecastDraft>) => update((d) => ({ ...d, recast: { ...d.recast, ...change } }));
  if (draft.kind !== 'person') return null;
  if (draft.category === 'return-decision') {
    return (
      <section className="card" aria-labelledby="recast-return-title" data-testid="recast-return-fields">
        <h2 id="recast-return-title">{t('recast.editor.returnDecision')}</h2>
        <p className="help">{t('recast.editor.returnHelp')}</p>
        <FieldError id="returnDecision-error" message={errors.returnDecision} />
        <div className="grid">
          <TextField label={t('recast.editor.decidedOn')} name="decidedOn" dir="ltr" required value={r.decidedOn} onChange={(decidedOn) => set({ decidedOn })} error={errors['returnDecision.decidedOn']} />
          <TextField label={t('recast.editor.leaveBy')} name="leaveBy" dir="ltr" required value={r.leaveBy} onChange={(leaveBy) => set({ leaveBy })} error={errors['returnDecision.leaveBy']} />
          <TextField label={t('recast.editor.reference')} name="decisionReference" value={r.reference} onChange={(reference) => set({ reference })} error={errors['returnDecision.reference']} />
        </div>
      </section>
    );
  }
  if (draft.category === 'inquiry-check') {
    return (
      <section className="card" aria-labelledby="recast-inquiry-title" data-testid="recast-inquiry-fields">
        <h2 id="recast-inquiry-title">{t('recast.editor.inquiry')}</h2>
        <p className="help">{t('recast.editor.inquiryHelp')}</p>
        <FieldError id="inquiry-error" message={errors.inquiry ?? errors['inquiry.questions']} />
        {r.questions.map((q, i) => (
          <div key={i} className="name-row">
            <TextField label={t('recast.editor.question', { n: i + 1 })} name={`question-${i}`} maxLength={INQUIRY_QUESTION_MAX} value={q} onChange={(v) => set({ questions: r.questions.map((x, j) => (j === i ? v : x)) })} error={errors[`inquiry.questions.${i}`]} />
            {r.questions.length > 1 && (
              <button type="button" className="remove" onClick={() => set({ questions: r.questions.filter((_, j) => j !== i) })}>
                {t('recast.editor.removeQuestion', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {r.questions.length < INQUIRY_QUESTIONS_MAX && (
          <button type="button" onClick={() => set({ questions: [...r.questions, ''] })}>
            {t('recast.editor.addQuestion')}
          </button>
        )}
      </section>
    );
  }
  if (draft.category === 'preventive') {
    return (
      <section className="card" aria-labelledby="recast-preventive-title" data-testid="recast-preventive-fields">
        <h2 id="recast-preventive-title">{t('recast.editor.preventive')}</h2>
        <p className="help">{t('recast.editor.preventiveHelp')}</p>
        <FieldError id="preventive-error" message={errors.preventive} />
        <SelectField
          label={t('recast.editor.subject')}
          name="preventiveSubject"
          required
          value={r.subject}
          options={[{ value: '' as const, label: '—' }, ...PREVENTIVE_SUBJECTS.map((s) => ({ value: s, label: label(t, 'recast.subject', s) }))]}
          onChange={(subject) => set({ subject })}
          error={errors['preventive.subject']}
        />
        <TextField label={t('recast.editor.instruction')} name="preventiveInstruction" multiline maxLength={1000} value={r.instruction} onChange={(instruction) => set({ instruction })} error={errors['preventive.instruction']} />
      </section>
    );
  }
  return null;
}
