import anyAscii from 'any-ascii';
import { normaliseIssuingState } from '../documents/document-number.js';

/**
 * Registration plates as keys: "AB-123-CD", "ab 123 cd" and "AB 123 CD" are one French plate.
 * Plates are read by cameras and officers from other countries, so what counts is how the
 * characters look, not how they are pronounced.
 */

/**
 * Cyrillic and Greek capitals that plates use precisely because they look like Latin ones
 * (Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Greek plates are limited to these):
 * a camera or a foreign officer reads В as B. Transliteration (any-ascii) would give V, and the
 * alert entered from the registration document would never meet the camera's read.
 */
const PLATE_HOMOGLYPHS: ReadonlyMap<string, string> = new Map([
  ...[...'АВЕКМНОРСТУХІЈ'].map((ch, i): [string, string] => [ch, 'ABEKMHOPCTYXIJ'[i]!]),
  ...[...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ'].map((ch, i): [string, string] => [ch, 'ABEZHIKMNOPTYX'[i]!]),
]);

export interface NormalisedPlate {
  /** The registering country, normalised like an issuing state (`D` → `DEU`). */
  country: string;
  /** Upper-case ASCII letters and digits only. */
  plate: string;
}

/**
 * Upper case; Cyrillic and Greek look-alikes read as Latin; other letters folded to ASCII
 * (Ü → U, any-ascii for other scripts); everything that is not a letter or digit removed —
 * spaces, hyphens and dots, but also the middle dots, slashes and emblems plates are written with.
 */
export function normalisePlate(plate: string, country: string): NormalisedPlate {
  const upper = plate.normalize('NFKC').toUpperCase();
  let latin = '';
  for (const ch of upper) latin += PLATE_HOMOGLYPHS.get(ch) ?? ch;
  return {
    country: normaliseIssuingState(country),
    plate: anyAscii(latin).toUpperCase().replace(/[^A-Z0-9]/g, ''),
  };
}

/** `COUNTRY:PLATE`, both normalised: equal for every way of writing the same plate. */
export function plateKey(plate: string, country: string): string {
  const n = normalisePlate(plate, country);
  return `${n.country}:${n.plate}`;
}
