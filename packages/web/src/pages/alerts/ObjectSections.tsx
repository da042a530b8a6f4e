import type { AlertItem } from '../../api/client.ts';
import { label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { grammar, partialDay, Term } from './Terms.tsx';

/** A stolen, lost or revoked document: what it is, its status, when and where it went missing. */
export function DocumentSection({ alert: a }: { alert: Extract<AlertItem, { kind: 'document' }> }) {
  const { t, language } = useI18n();
  const d = a.document;
  return (
    <section className="card alert-section" aria-labelledby="alert-document-title" data-testid="alert-document">
      <h2 id="alert-document-title">{t('alertDetail.document')}</h2>
      <dl>
        <Term term={t('alertDetail.docType')}>{label(t, 'documentType', d.type)}</Term>
        <Term term={t('alertDetail.docNumber')} dir="ltr">
          {d.number}
        </Term>
        <Term term={t('alertDetail.issuingState')} dir="ltr">
          {d.issuingState}
        </Term>
        <Term term={t('alertDetail.docStatus')}>{label(t, 'documentStatus', d.status)}</Term>
        <Term term={grammar(t, language, 'alertDetail.eventDate', { status: d.status })} testId="alert-event-date">
          {d.eventDate ? partialDay(language, d.eventDate) : undefined}
        </Term>
        <Term term={grammar(t, language, 'alertDetail.eventPlace', { status: d.status })} testId="alert-event-place" dir="auto">
          {d.eventPlace}
        </Term>
      </dl>
    </section>
  );
}

/** A stolen vehicle: its plate, VIN and how it looks. */
export function VehicleSection({ alert: a }: { alert: Extract<AlertItem, { kind: 'vehicle' }> }) {
  const { t } = useI18n();
  const v = a.vehicle;
  return (
    <section className="card alert-section" aria-labelledby="alert-vehicle-title" data-testid="alert-vehicle">
      <h2 id="alert-vehicle-title">{t('alertDetail.vehicle')}</h2>
      <dl>
        <Term term={t('alertDetail.plate')} dir="ltr">
          {v.plate ? `${v.plate}${v.plateCountry ? ` (${v.plateCountry})` : ''}` : undefined}
        </Term>
        <Term term={t('alertDetail.vin')} dir="ltr">
          {v.vin}
        </Term>
        <Term term={t('alertDetail.make')} dir="auto">
          {v.make}
        </Term>
        <Term term={t('alertDetail.model')} dir="auto">
          {v.model}
        </Term>
        <Term term={t('alertDetail.colour')} dir="auto">
          {v.colour}
        </Term>
        <Term term={t('alertDetail.year')}>{v.year !== undefined ? String(v.year) : undefined}</Term>
      </dl>
    </section>
  );
}
