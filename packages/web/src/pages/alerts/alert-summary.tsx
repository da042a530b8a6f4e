import type { AlertItem } from '../../api/client.ts';
import { nameText } from '../../components/name-text.ts';
import { label } from '../../i18n/labels.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { assetSummary } from './asset-words.ts';

/** One line that tells alerts apart in a list: category and name, document or vehicle. */
export function summary(t: Translate, a: AlertItem): string {
  if (a.kind === 'person') {
    const name = a.person.names[0];
    return [label(t, 'category', a.category), name ? nameText(name) : ''].filter(Boolean).join(' · ');
  }
  if (a.kind === 'document') {
    const d = a.document;
    return `${label(t, 'documentType', d.type)} ${d.number} (${d.issuingState}) · ${label(t, 'documentStatus', d.status)}`;
  }
  if (a.kind === 'asset') return assetSummary(t, a.category, a.asset);
  const v = a.vehicle;
  return [v.plate ? `${v.plate}${v.plateCountry ? ` (${v.plateCountry})` : ''}` : '', v.vin ?? '', [v.make, v.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

export function StatusText({ status, reason }: { status: string; reason?: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <span className={`alert-status ${status}`}>
      {label(t, 'alertStatus', status)}
      {(status === 'rejected' || status === 'cancelled') && reason ? (
        <>
          {': '}
          <span dir="auto">{reason}</span>
        </>
      ) : null}
    </span>
  );
}

