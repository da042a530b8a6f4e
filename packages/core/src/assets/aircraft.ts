import type { AssetProblem } from './asset-problems.js';

/**
 * An aircraft registration mark (ICAO Annex 7): a nationality prefix and a registration, written
 * with or without a hyphen (`F-GKXA`, `N123AB`, `D-EABC`). Compared upper case without hyphens or
 * spaces, since lists and flight plans drop the hyphen (`FGKXA`).
 */
export function normaliseAircraftRegistration(text: string): string {
  return text.replace(/[\s\p{Pd}]/gu, '').toUpperCase();
}

export type RegistrationParse = { ok: true; registration: string } | { ok: false; error: AssetProblem };

export function parseAircraftRegistration(text: string): RegistrationParse {
  const registration = normaliseAircraftRegistration(text);
  if (!/^[A-Z0-9]{2,10}$/.test(registration)) {
    return { ok: false, error: { code: 'asset.registration-format', message: 'a registration mark is 2 to 10 letters and digits, with or without a hyphen, e.g. F-GKXA' } };
  }
  return { ok: true, registration };
}
