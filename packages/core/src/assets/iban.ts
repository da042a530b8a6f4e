import type { AssetProblem } from './asset-problems.js';

/**
 * The length of an IBAN in each country that has one, from the SWIFT IBAN Registry (ISO 13616),
 * release 102 (June 2026): 89 countries. A country not listed has no IBAN, so an "IBAN" starting
 * with its code is a mistake (or a national account number), not an IBAN. Territories that use
 * their parent's IBAN (GF, RE… use FR; IM, JE, GG use GB) are not separate prefixes.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Longer than every IBAN (33 for RU) with its spaces: refused before anything else. */
export const MAX_IBAN_TEXT = 50;

/**
 * The form IBANs are compared and stored in: no white space, upper case (`fr76 3000 …` →
 * `FR763000…`). Pure, for the screening index and the query alike.
 */
export function normaliseIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** The paper form: groups of four from the left (`FR76 3000 6000 0112 3456 7890 189`). */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

export type IbanParse = { ok: true; iban: string; country: string; length: number } | { ok: false; error: AssetProblem };

const fail = (code: AssetProblem['code'], message: string): IbanParse => ({ ok: false, error: { code, message } });

/**
 * Reads an IBAN as written (any case, any spaces): ISO 13616's characters, a country with an IBAN,
 * that country's length, and the ISO 7064 MOD 97-10 check (the first four characters moved to the
 * end, letters as 10–35, the whole number mod 97 is 1). Never throws.
 */
export function parseIban(text: string): IbanParse {
  const iban = normaliseIban(text);
  if (!/^[A-Z0-9]*$/.test(iban)) return fail('asset.iban-character', 'an IBAN holds only letters A–Z and digits');
  if (!/^[A-Z]{2}[0-9]{2}/.test(iban)) return fail('asset.iban-character', 'an IBAN starts with two letters (the country) and two check digits');
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined) return fail('asset.iban-country', `${country} is not a country with IBANs (SWIFT IBAN Registry)`);
  if (iban.length !== length) return fail('asset.iban-length', `an IBAN of ${country} has ${length} characters, this one ${iban.length}`);
  if (ibanRemainder(iban) !== 1) return fail('asset.iban-checksum', 'the IBAN check digits do not match (MOD 97): a character is wrong or two are swapped');
  return { ok: true, iban, country, length };
}

/** ISO 7064 MOD 97-10 over the rearranged IBAN, digit by digit (no big numbers needed). */
export function ibanRemainder(iban: string): number {
  let remainder = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

/**
 * Whether a valid IBAN was written in its usual forms: the electronic one (upper case, no spaces)
 * or the paper one (upper case, groups of four from the left, single spaces). Anything else —
 * lower case, groups of three — is valid but doubtful: the copy may have gone wrong elsewhere too.
 */
export function ibanWrittenUsually(text: string): boolean {
  const trimmed = text.trim();
  const compact = normaliseIban(trimmed);
  return trimmed === compact || trimmed === formatIban(compact);
}
