import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import './subject.css';

/**
 * A record's identifier, kept at hand without being its label: a small button that copies it,
 * with the id in its tooltip and accessible name. `shown` also prints the id beside it (the audit
 * trail, links, histories, where an auditor reads and filters by ids); the hits pages keep it in
 * the button alone. Everything here is marked `.record-id`: never a record's only label.
 */
export function CopyId({ id, what = 'record', shown = false }: { id: string; what?: 'alert' | 'record'; shown?: boolean }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    // The clipboard needs a secure context; the tooltip still shows the id where it is refused.
    void navigator.clipboard?.writeText(id).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="record-id">
      {shown && <code dir="ltr">{id}</code>}
      <button
        type="button"
        className="copy-id"
        title={id}
        aria-label={what === 'alert' ? t('hitThread.copyId', { id }) : t('audit.copyId', { id })}
        data-testid={what === 'alert' ? 'copy-alert-id' : 'copy-id'}
        data-id={id}
        onClick={(e) => {
          // Inside a row that opens the thread: copying is not opening.
          e.stopPropagation();
          e.preventDefault();
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
        {copied ? (what === 'alert' ? t('hitThread.copied') : t('audit.copied')) : ''}
      </span>
    </span>
  );
}
