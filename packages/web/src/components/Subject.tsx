import type { AlertSubject } from '@crosscheck/core/api';
import { useI18n } from '../i18n/i18n.tsx';
import { subjectParts } from './hit-words.ts';
import './subject.css';

/**
 * What an alert is about, as an officer names it, wherever a record is shown (hits, threads,
 * screening cards, links, the audit trail): a person's name, birth year or date and category, a
 * document's type, state, number and status, a vehicle's plate, make and VIN. Codes are put into
 * the reader's words; record data (a name, a number) keeps its own script and direction inside
 * an Arabic line. Without a subject (a discreet check read as its instruction) it says so.
 */
export function Subject({ subject, fullDate = false, withCategory = true }: { subject: AlertSubject | undefined; fullDate?: boolean; withCategory?: boolean }) {
  const { t, language } = useI18n();
  if (!subject) return <span className="subject" data-testid="subject">{t('hit.discreet')}</span>;
  const parts = subjectParts(subject, t, language, fullDate, withCategory);
  return (
    <span className="subject" data-testid="subject">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {p.quoted ? (
            <bdi dir="auto" className={i === 0 ? 'subject-name' : undefined}>
              {p.text}
            </bdi>
          ) : (
            p.text
          )}
        </span>
      ))}
    </span>
  );
}
