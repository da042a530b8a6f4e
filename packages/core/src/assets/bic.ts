import type { AssetProblem } from './asset-problems.js';

/**
 * A BIC (ISO 9362, "SWIFT code"): a 4-character party prefix (letters; digits since ISO 9362:2014),
 * a 2-letter country, a 2-character location, and optionally a 3-character branch (`XXX` the head
 * office): 8 or 11 characters.
 */
const BIC_SHAPE = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Upper case, no white space: the form BICs are compared in. */
export function normaliseBic(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export type BicParse = { ok: true; bic: string; country: string; test: boolean } | { ok: false; error: AssetProblem };

export function parseBic(text: string): BicParse {
  const bic = normaliseBic(text);
  if (!BIC_SHAPE.test(bic)) {
    return { ok: false, error: { code: 'asset.bic-format', message: 'a BIC has 8 or 11 characters: 4 for the bank, 2 letters for the country, 2 for the place, then optionally 3 for the branch' } };
  }
  // A location code whose second character is 0 marks a test-and-training BIC (SWIFT's convention).
  return { ok: true, bic, country: bic.slice(4, 6), test: bic[7] === '0' };
}

/** A BIC's head-office form: an 11-character BIC ending in XXX is the same as its first 8. */
export function bicKey(bic: string): string {
  const n = normaliseBic(bic);
  return n.length === 11 && n.endsWith('XXX') ? n.slice(0, 8) : n;
}
