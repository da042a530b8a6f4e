import countries from 'i18n-iso-countries';
import { isKnownStateCode } from '../mrz/state-codes.js';
import type { PaxlstSex, TravellerRole } from './types.js';

/** NAD party qualifiers (3035) of travellers. Only FL and FM occur in the real messages at hand; DDU/DDT are the guides' in-transit codes. */
export const PARTY_CODES: Readonly<Record<string, { role: TravellerRole; inTransit: boolean }>> = {
  FL: { role: 'passenger', inTransit: false },
  FM: { role: 'crew', inTransit: false },
  DDU: { role: 'passenger', inTransit: true },
  DDT: { role: 'crew', inTransit: true },
  // Crew not operating the flight, in some national guides: a crew member all the same.
  COT: { role: 'crew', inTransit: false },
};

/** Legacy US PDT status codes. */
export const LEGACY_STATUS: Readonly<Record<string, { role: TravellerRole; inTransit: boolean }>> = {
  PAX: { role: 'passenger', inTransit: false },
  CRW: { role: 'crew', inTransit: false },
  ITI: { role: 'passenger', inTransit: true },
};

export interface CodeReading<T> {
  value: T | null;
  problem?: string;
}

// Codes on documents and in messages that ISO 3166 does not have, or has under another code.
const ALIASES: Readonly<Record<string, string>> = { D: 'DEU', UK: 'GBR', EL: 'GRC' };

// Written here rather than taken from names/ so that `@crosscheck/core/paxlst` stays free of zod
// (which the browser's Content-Security-Policy would refuse to let probe `new Function`).
function isoAlpha3(code: string): string | null {
  const alias = ALIASES[code];
  if (alias !== undefined) return alias;
  if (/^[A-Z]{2}$/.test(code)) return countries.alpha2ToAlpha3(code) ?? null;
  if (/^[A-Z]{3}$/.test(code)) return countries.alpha3ToAlpha2(code) !== undefined ? code : null;
  return null;
}

/**
 * A country or state as ISO 3166 alpha-3: alpha-2 codes (legacy messages, some senders) are
 * converted, `D` is Germany; an unknown three-letter code is kept as written (with a problem),
 * anything else is dropped (with a problem).
 */
export function stateCode(raw: string): CodeReading<string> {
  const code = raw.trim().toUpperCase().replace(/<+$/, '');
  if (code === '') return { value: null };
  const iso = isoAlpha3(code);
  if (iso !== null) return { value: iso };
  if (/^[A-Z]{3}$/.test(code)) return isKnownStateCode(code) ? { value: code } : { value: code, problem: `"${code}" is not a known state code` };
  return { value: null, problem: `"${code.slice(0, 20)}" is not a state code` };
}

/** ATT+2 and legacy PDT sex: M, F, X (unspecified, Doc 9303), U (unknown). */
export function sexCode(raw: string): CodeReading<PaxlstSex> {
  const code = raw.trim().toUpperCase();
  if (code === '') return { value: null };
  if (code === 'M' || code === 'F' || code === 'X' || code === 'U') return { value: code };
  return { value: null, problem: `"${code.slice(0, 20)}" is not a sex code (M, F, X or U)` };
}

/** A place code: UN/LOCODE `NZAKL` (legacy messages) gives the airport `AKL`; others as written. */
export function placeCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{2}[A-Z0-9]{3}$/.test(code) ? code.slice(2) : code;
}
