import type { AssetProblem } from './asset-problems.js';

/**
 * The IMO ship identification number (IMO resolution A.1078(28)): seven digits, the last a check
 * digit — the first six weighted 7, 6, 5, 4, 3, 2, summed, the last digit of the sum. Written
 * "IMO 9074729"; kept and compared as the seven digits.
 */
export function normaliseImo(text: string): string {
  return text.replace(/\s+/g, '').replace(/^IMO[-:.]?/i, '');
}

export function imoCheckDigit(sixDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(sixDigits[i]) * (7 - i);
  return sum % 10;
}

export type ImoParse = { ok: true; imo: string } | { ok: false; error: AssetProblem };

export function parseImo(text: string): ImoParse {
  const imo = normaliseImo(text);
  if (!/^[0-9]{7}$/.test(imo)) return { ok: false, error: { code: 'asset.imo-format', message: 'an IMO number is seven digits, e.g. IMO 9074729' } };
  if (imoCheckDigit(imo) !== Number(imo[6])) return { ok: false, error: { code: 'asset.imo-checksum', message: 'the IMO check digit (the seventh) does not match: a digit is wrong or two are swapped' } };
  return { ok: true, imo };
}
