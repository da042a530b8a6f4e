import type { AlertSubjectLine as AlertSubject } from '@crosscheck/core/api';
import { useI18n } from '../i18n/i18n.tsx';
import { label } from '../i18n/labels.ts';

/**
 * What an alert is about, as the server names it for a reader that may read the alert: a
 * person's name and birth year, a document's type (in words), state and number, a vehicle's plate,
 * VIN and make. Names keep their own script and direction; numbers read left to right.
 */
export function SubjectText({ subject: s }: { subject: AlertSubject }) {
  const { t } = useI18n();
  if (s.kind === 'person') {
    return (
      <span className="subject" data-testid="subject">
        <bdi dir="auto">{s.name}</bdi>
        {s.birthYear && <> ({t('audit.bornIn', { year: s.birthYear })})</>}
      </span>
    );
  }
  if (s.kind === 'document') {
    return (
      <span className="subject" data-testid="subject">
        {label(t, 'documentType', s.documentType)}{' '}
        <bdi dir="ltr">{[s.issuingState, s.number].filter(Boolean).join(' ')}</bdi>
      </span>
    );
  }
  const plate = s.plate ? (s.plateCountry ? `${s.plate} (${s.plateCountry})` : s.plate) : null;
  return (
    <span className="subject" data-testid="subject">
      <bdi dir="ltr">{[plate, s.vin].filter(Boolean).join(' · ')}</bdi>
      {(s.make || s.model) && (
        <>
          {' · '}
          <bdi dir="auto">{[s.make, s.model].filter(Boolean).join(' ')}</bdi>
        </>
      )}
    </span>
  );
}

/**
 * A record's identifier, kept beside its name to copy (a click selects it whole) and to filter by;
 * never a record's only label.
 */
export function RecordId({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <code className="record-id" dir="ltr" title={t('audit.copyId')}>
      {id}
    </code>
  );
}
