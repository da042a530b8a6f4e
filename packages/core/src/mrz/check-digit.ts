// ICAO Doc 9303 Part 3, section 4.9: weights 7, 3, 1 repeating; digits are their value,
// A–Z are 10–35, the filler `<` is 0; the check digit is the sum modulo 10.
const WEIGHTS = [7, 3, 1] as const;

/** The value of one MRZ character in the check-digit sum, or undefined for a character the MRZ cannot hold. */
export function mrzCharValue(ch: string): number | undefined {
  if (ch.length !== 1) return undefined;
  if (ch === '<') return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return undefined;
}

/** The 7-3-1 check digit of an MRZ string, or null when it is empty or holds a character outside 0–9, A–Z, `<`. */
export function computeCheckDigit(data: string): number | null {
  if (data === '') return null;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const value = mrzCharValue(data[i]!);
    if (value === undefined) return null;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/** True when `digit` (one character) is the check digit of `data`. */
export function checkDigitMatches(data: string, digit: string): boolean {
  const expected = computeCheckDigit(data);
  return expected !== null && digit === String(expected);
}
