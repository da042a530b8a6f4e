import { assetSubjectParts, type AssetCategory } from '@crosscheck/core/assets';
import type { AlertItem } from '../../api/client.ts';
import { label } from '../../i18n/labels.ts';
import type { Translate } from '../../i18n/i18n.tsx';

export type AssetAlert = Extract<AlertItem, { kind: 'asset' }>;

/**
 * One line for an asset alert in a list: "Asset tracing · Bank account · DE89 3704 0044 0532 0130 00 ·
 * Anna Maria Eriksson". The category and type in the reader's words; the identifier in the form
 * people read it (an IBAN grouped by four, "IMO 9074729"), names as written.
 */
export function assetSummary(t: Translate, category: AssetCategory, asset: AssetAlert['asset']): string {
  const parts = assetSubjectParts(asset);
  const data = [parts.identifier, parts.name, parts.country].filter((p): p is string => p !== undefined && p !== '').map(isolate);
  return [label(t, 'category', category), label(t, 'assetType', asset.type), ...data].join(' · ');
}

/**
 * Record data set apart in its own direction (Unicode first-strong isolate): in an Arabic line a
 * Cyrillic company name keeps its quotation marks in place, and an IBAN its groups in order.
 */
const isolate = (text: string): string => `\u2068${text}\u2069`;
