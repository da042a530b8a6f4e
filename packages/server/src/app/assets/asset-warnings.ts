import { assetWarnings, type Alert, type AssetWarning } from '@crosscheck/core';

export interface AssetWarnings {
  /** What is doubtful about a valid asset identifier; absent when nothing is (and for other kinds). */
  warnings?: AssetWarning[];
}

/**
 * The answer to creating or changing an alert: an asset alert carries the doubts about its valid
 * identifiers (core `assetWarnings`), as a screening answer carries its MRZ warnings. Not stored:
 * they follow from the body, and are said again whenever it is written.
 */
export function withAssetWarnings(alert: Alert): Alert & AssetWarnings {
  if (alert.kind !== 'asset') return alert;
  const warnings = assetWarnings(alert.asset);
  return warnings.length > 0 ? { ...alert, warnings } : alert;
}
