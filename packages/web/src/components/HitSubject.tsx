import type { AlertSubjectView } from '@crosscheck/core/api';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { subjectParts } from './hit-words.ts';

/**
 * What a hit is on, as an officer names it. Record data (a name, a number) keeps its own direction
 * inside an Arabic line. Without a subject (a discreet check read as its instruction) it says so.
 */
export function SubjectLabel({ subject, fullDate = false, withCategory = true }: { subject: AlertSubjectView | undefined; fullDate?: boolean; withCategory?: boolean }) {
  const { t, language } = useI18n();
  if (!subject) return <span data-testid="hit-subject">{t('hit.discreet')}</span>;
  const parts = subjectParts(subject, t, language, fullDate, withCategory);
  return (
    <span data-testid="hit-subject" className="hit-subject">
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

/**
 * The alert's number, kept at hand without being the label: a small button that copies it, with
 * the number in its tooltip and accessible name.
 */
export function CopyId({ id }: { id: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    // The clipboard needs a secure context; the tooltip still shows the number where it is refused.
    void navigator.clipboard?.writeText(id).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <>
      <button
        type="button"
        className="copy-id"
        title={id}
        aria-label={t('hitThread.copyId', { id })}
        data-testid="copy-alert-id"
        data-id={id}
        onClick={(e) => {
          // Inside a row that opens the thread: copying is not opening.
          e.stopPropagation();
          copy();
        }}
        onKeyDown={(e) => e.stopPropagation()}
      >
        {/* Two overlapping sheets: the usual "copy" sign, drawn so that no font needs the glyph. */}
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M3.5 10.5h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h7a1 1 0 0 1 1 1v1" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <span className="visually-hidden" role="status">
        {copied ? t('hitThread.copied') : ''}
      </span>
    </>
  );
}
