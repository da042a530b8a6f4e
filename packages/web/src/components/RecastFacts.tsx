import type { AlertSubject } from '@crosscheck/core/api';
import { useI18n } from '../i18n/i18n.tsx';
import { partialDate } from '../i18n/dates.ts';
import { label } from '../i18n/labels.ts';
import './recast.css';

type Sections = Pick<Extract<AlertSubject, { kind: 'person' }>, 'returnDecision' | 'inquiry' | 'preventive'>;

/**
 * What an officer needs of an SIS recast alert to act on it, in the reader's words: a return
 * decision's dates, an inquiry check's questions, and for a preventive alert a protective banner
 * (green, "protection, not arrest") with whom it protects and the owner's instruction, never the
 * wanted styling. Shown on the screening card, the hit's page and the alert's page alike.
 */
export function RecastFacts({ sections: s, today = new Date().toISOString().slice(0, 10) }: { sections: Sections; today?: string }) {
  const { t, language } = useI18n();
  return (
    <>
      {s.preventive && (
        <div className="recast-protect" role="note" data-testid="recast-protect">
          <strong>{t('recast.preventive.title')}</strong>
          <p>{t('recast.preventive.banner')}</p>
          <dl>
            <dt>{t('recast.preventive.subject')}</dt>
            <dd data-testid="recast-protect-subject">{label(t, 'recast.subject', s.preventive.subject)}</dd>
            {s.preventive.instruction && (
              <>
                <dt>{t('recast.preventive.instruction')}</dt>
                <dd dir="auto" data-testid="recast-protect-instruction">
                  {s.preventive.instruction}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
      {s.returnDecision && (
        <div className="recast-return" data-testid="recast-return">
          <p>
            {t('recast.returnDecision.summary', { decidedOn: partialDate(language, s.returnDecision.decidedOn), leaveBy: partialDate(language, s.returnDecision.leaveBy) })}
            {s.returnDecision.reference && (
              <>
                {' · '}
                {t('recast.returnDecision.reference')}: <bdi dir="auto">{s.returnDecision.reference}</bdi>
              </>
            )}
          </p>
          {s.returnDecision.leaveBy < today && <p className="recast-passed">{t('recast.returnDecision.passed')}</p>}
        </div>
      )}
      {s.inquiry && (
        <div className="recast-inquiry" data-testid="recast-questions">
          <strong>{t('recast.inquiry.title')}</strong>
          <ol>
            {s.inquiry.questions.map((q, i) => (
              // The list follows the page's direction (numbers on the right in Arabic); each question,
              // in whatever language the owner wrote it, is isolated within it.
              <li key={i}>
                <bdi>{q}</bdi>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
