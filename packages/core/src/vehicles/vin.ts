/**
 * Vehicle identification numbers, ISO 3779 and 49 CFR 565. A VIN on a stolen-vehicle alert is
 * evidence, not input to be corrected away: the checks here only warn. The check digit
 * (position 9) is mandatory in North America and China but optional elsewhere, and even some
 * North American VINs fail it (NHTSA publishes exceptions), so a failing check digit never
 * rejects a VIN. Vehicles built before 1981 carry shorter, free-form serial numbers; they are
 * accepted with a warning too.
 */
import { foldCase } from '../documents/document-number.js';

export type VinWarning =
  /** Not 17 characters: a pre-1981 serial number, or a truncated VIN. */
  | 'not-17-characters'
  /** I, O or Q in a 17-character VIN: ISO 3779 excludes them as easily read as 1 and 0. */
  | 'letters-i-o-q'
  /** Position 9 is not the 49 CFR 565.15 check digit (required in North America only). */
  | 'check-digit-mismatch'
  /** Position 10 is not a North American model-year code (I, O, Q, U, Z and 0 are never used). */
  | 'model-year-code';

export type VinProblem =
  | 'empty'
  /** Anything but letters and digits once spaces, hyphens and dots are removed. */
  | 'not-alphanumeric'
  | 'longer-than-17'
  /** Under 5 characters: too little to identify a vehicle (the alert schema's minimum). */
  | 'shorter-than-5';

export interface VinCheck {
  /** Upper case, without spaces, hyphens and dots. */
  normalised: string;
  /** Usable as a vehicle identifier: 5 to 17 letters and digits. Never false for a check digit. */
  accepted: boolean;
  /** Why it is not accepted (empty when it is). */
  problems: VinProblem[];
  /** 17 characters from 0-9 and A-Z without I, O and Q. */
  validStructure: boolean;
  /** The check digit agrees; false whenever it cannot be computed (not a valid 17-character structure). */
  checkDigitOk: boolean;
  /** The check digit position 9 should hold, when computable. */
  expectedCheckDigit: string | null;
  /** World manufacturer identifier: the first three characters of a 17-character VIN. */
  wmi: string | null;
  warnings: VinWarning[];
}

/** 49 CFR 565.15 Table I: the value of each letter (digits are their own value). */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
/** 49 CFR 565.15 Table II: the weight of each position (the check digit's own weighs 0). */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const STRUCTURE = /^[A-HJ-NPR-Z0-9]{17}$/;
const MODEL_YEAR = /^[A-HJ-NPR-TV-Y1-9]$/;

/** Upper case; white space, invisible format characters, hyphens and dots removed. */
export function normaliseVin(vin: string): string {
  return foldCase(vin).replace(/[\s\p{Cc}\p{Cf}\p{Pd}.]/gu, '');
}

/** The check digit of a 17-character VIN of valid structure ('0'-'9' or 'X'); null otherwise. */
export function vinCheckDigit(vin: string): string | null {
  if (!STRUCTURE.test(vin)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : LETTER_VALUES[ch]!;
    sum += value * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

export function checkVin(vin: string): VinCheck {
  const normalised = normaliseVin(vin);
  const problems: VinProblem[] = [];
  if (normalised === '') problems.push('empty');
  else if (!/^[A-Z0-9]+$/.test(normalised)) problems.push('not-alphanumeric');
  if (normalised.length > 17) problems.push('longer-than-17');
  else if (normalised.length > 0 && normalised.length < 5) problems.push('shorter-than-5');

  const accepted = problems.length === 0;
  const seventeen = accepted && normalised.length === 17;
  const validStructure = STRUCTURE.test(normalised);
  const expectedCheckDigit = vinCheckDigit(normalised);
  const checkDigitOk = expectedCheckDigit !== null && normalised[8] === expectedCheckDigit;

  // Warnings describe an accepted VIN; the problems already say what is wrong with the others.
  const warnings: VinWarning[] = [];
  if (accepted && !seventeen) warnings.push('not-17-characters');
  if (seventeen && /[IOQ]/.test(normalised)) warnings.push('letters-i-o-q');
  if (expectedCheckDigit !== null && !checkDigitOk) warnings.push('check-digit-mismatch');
  if (seventeen && !MODEL_YEAR.test(normalised[9]!)) warnings.push('model-year-code');

  return {
    normalised,
    accepted,
    problems,
    validStructure,
    checkDigitOk,
    expectedCheckDigit,
    wmi: seventeen ? normalised.slice(0, 3) : null,
    warnings,
  };
}

/**
 * The VIN as a lookup key: normalised, and in a 17-character VIN I, O and Q read as 1, 0 and 0.
 * ISO 3779 excludes those letters precisely because they are misread, so the substitution can
 * never merge two real modern VINs; older serial numbers are left as they are.
 */
export function vinKey(vin: string): string {
  const normalised = normaliseVin(vin);
  if (normalised.length !== 17) return normalised;
  return normalised.replace(/[IOQ]/g, (ch) => (ch === 'I' ? '1' : '0'));
}
