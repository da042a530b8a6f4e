import type { AlertInput } from './alert-schemas.js';
import { assetSearchParts } from '../assets/asset-subject.js';

/**
 * The text that `GET /api/v1/alerts?text=` searches: names in every script, numbers, plates,
 * wallet addresses, references, folded to lower case without diacritics. Real name matching is the screening
 * engine's job; this is the officer's plain "find that record" box.
 */
export function searchTextOf(alert: AlertInput): string {
  const parts: string[] = [];
  if (alert.caseReference) parts.push(alert.caseReference);
  if (alert.kind === 'person') {
    for (const n of alert.person.names) parts.push(n.family ?? '', n.given ?? '', n.full ?? '');
    for (const d of alert.person.documents ?? []) parts.push(d.number);
    // Typed in any case: the box folds case, so a bech32 or Ethereum address is found however written.
    for (const w of alert.person.walletAddresses ?? []) parts.push(w.address);
  } else if (alert.kind === 'document') {
    parts.push(alert.document.number, compact(alert.document.number));
  } else if (alert.kind === 'asset') {
    parts.push(...assetSearchParts(alert.asset));
  } else {
    const v = alert.vehicle;
    parts.push(v.vin ?? '', v.plate ?? '', compact(v.plate ?? ''), v.make ?? '', v.model ?? '');
  }
  return foldForSearch(parts.filter((p) => p !== '').join(' '));
}

/** Lower case, no diacritics: the same folding is applied to the query. */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function compact(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '');
}
