import type { AlertItem } from '../../api/client.ts';
import { label } from '../../i18n/labels.ts';
import type { Translate } from '../../i18n/i18n.tsx';

import { nameText } from '../../components/name-text.ts';
import { assetSubjectParts } from '@crosscheck/core/assets';

/** The person's names, or the document / vehicle, in one line. */
export function subject(a: AlertItem): string {
  if (a.kind === 'person') return a.person.names.map(nameText).join(' · ');
  if (a.kind === 'document') return `${a.document.number} (${a.document.issuingState})`;
  if (a.kind === 'asset') return assetSubjectParts(a.asset).identifier ?? assetSubjectParts(a.asset).name ?? '';
  return [a.vehicle.plate, a.vehicle.vin].filter(Boolean).join(' · ');
}

/** What the alert is about: the person's category, or the kind. */
export function kindLabel(t: Translate, a: AlertItem): string {
  return a.kind === 'person' ? label(t, 'category', a.category) : t(`hit.kind.${a.kind}`);
}

/** What the person is sought for, as the owner wrote it (offence, else charge). */
export function offenceText(a: AlertItem): string | undefined {
  if (a.kind !== 'person') return undefined;
  return a.offence?.description ?? a.person.arrest?.charge;
}
