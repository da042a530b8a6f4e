/**
 * Document numbers and issuing states as keys: the same document must give the same key whether
 * it was typed by a clerk ("12 AB-34567"), read from a machine-readable zone ("12AB34567<<") or
 * entered by another country's bureau. OCR-confusable characters are folded into a second key so
 * that a misread number still finds the alert (as a weaker match).
 */

/**
 * Characters OCR engines and tired eyes confuse on travel documents. Each class is folded to its
 * first member (a digit) in the folded key. Folding is transitive: O, Q and 0 are one class, so
 * an O read as Q also matches. Deliberately not included: D↔0 and U↔V (they would fold too many
 * genuinely different numbers together) and any confusion in the issuing state (state codes are
 * checked against a short list by the MRZ reader, and a wrong state is a different document).
 */
export const OCR_CONFUSION_CLASSES: readonly string[] = ['0OQ', '1IL', '2Z', '5S', '6G', '8B'];

/** ICAO 9303 codes that are not the ISO 3166 alpha-3 code of the same state. */
const ICAO_STATE_ALIASES: ReadonlyMap<string, string> = new Map([['D', 'DEU']]);

// 128 entries: the ASCII fast paths below and in key-hash.ts read these tables.
/** For each ASCII code: -1 to drop it from a number, else the upper-case code to keep. */
export const ASCII_NUMBER_CHAR: Int16Array = buildNumberTable();
/** For each ASCII code of a normalised number: the code of its OCR class representative. */
export const ASCII_OCR_FOLD: Uint8Array = buildFoldTable();

function buildNumberTable(): Int16Array {
  const table = new Int16Array(128);
  for (let c = 0; c < 128; c++) table[c] = c >= 97 && c <= 122 ? c - 32 : c;
  // Spaces and control characters, hyphen, dot, slash and the MRZ filler `<`.
  for (let c = 0; c <= 32; c++) table[c] = -1;
  for (const ch of '-./<\u007f') table[ch.charCodeAt(0)] = -1;
  return table;
}

function buildFoldTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = c;
  for (const cls of OCR_CONFUSION_CLASSES) {
    for (const ch of cls) table[ch.charCodeAt(0)] = cls.charCodeAt(0);
  }
  return table;
}

/**
 * Upper case after compatibility normalisation (full-width "１２Ａ" → "12A", ligatures split).
 * Repeated until stable because upper-casing can produce sequences NFKC recomposes (ΐ): a key
 * computed from an already normalised number must be the same key.
 */
export function foldCase(value: string): string {
  let current = value;
  for (let i = 0; i < 4; i++) {
    const next = current.normalize('NFKC').toUpperCase();
    if (next === current) break;
    current = next;
  }
  return current;
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * The number as a key: upper case, without white space (any Unicode space, zero-width and other
 * invisible format characters), hyphens and dashes, dots, slashes and `<`. Every other character
 * is kept, so two numbers that differ in anything a reader would see stay different.
 */
export function normaliseDocumentNumber(number: string): string {
  if (isAscii(number)) {
    // The common case, without regular expressions or Unicode tables: same result as below.
    let out = '';
    for (let i = 0; i < number.length; i++) {
      const c = ASCII_NUMBER_CHAR[number.charCodeAt(i)]!;
      if (c >= 0) out += String.fromCharCode(c);
    }
    return out;
  }
  return foldCase(number).replace(/[\s\p{Cc}\p{Cf}\p{Pd}./<]/gu, '');
}

/**
 * ICAO 9303 state code as a key: upper case, letters and digits only (the MRZ pads `D<<`), and
 * ICAO's own codes mapped to ISO 3166 alpha-3 (`D` → `DEU`) so that a German passport read from
 * an MRZ finds an alert entered as DEU. Other ICAO codes (GBD, UNO, XXA…) are kept as they are.
 */
export function normaliseIssuingState(state: string): string {
  return icaoStateAlias((isAscii(state) ? state.toUpperCase() : foldCase(state)).replace(/[^A-Z0-9]/g, ''));
}

/** The ISO 3166 alpha-3 code for an ICAO-only code (`D` → `DEU`); any other code unchanged. */
export function icaoStateAlias(code: string): string {
  return ICAO_STATE_ALIASES.get(code) ?? code;
}

/** Maps every OCR-confusable character of a normalised number to its class representative. */
export function foldOcrConfusions(normalisedNumber: string): string {
  let out = '';
  for (let i = 0; i < normalisedNumber.length; i++) {
    const c = normalisedNumber.charCodeAt(i);
    out += c < 128 ? String.fromCharCode(ASCII_OCR_FOLD[c]!) : normalisedNumber[i];
  }
  return out;
}

/** `STATE:NUMBER`, both normalised. The state has only letters and digits, so the key is unambiguous. */
export function documentKey(issuingState: string, number: string): string {
  return `${normaliseIssuingState(issuingState)}:${normaliseDocumentNumber(number)}`;
}

/** The key with OCR-confusable characters of the number folded: equal for a number and its misreadings. */
export function foldedDocumentKey(issuingState: string, number: string): string {
  return `${normaliseIssuingState(issuingState)}:${foldOcrConfusions(normaliseDocumentNumber(number))}`;
}

export type DocumentMatch = 'exact' | 'ocr-variant';

export interface DocumentComparison {
  match: DocumentMatch;
  /** 1 for the same number; lower the more characters had to be taken for a confusable one. */
  score: number;
  /** Positions (in the normalised number) where the two numbers hold different confusable characters. */
  substitutions: number;
}

/** Score of an OCR variant: one misread character is plausible, each further one less so. */
export function ocrVariantScore(substitutions: number): number {
  return Math.max(0.5, 0.9 - 0.1 * (substitutions - 1));
}

/**
 * The precise comparison of a document read at a border with an alert's document: what callers
 * use to confirm an index hit (the index compares hashes, see document-index.ts). Null when they
 * are different documents.
 */
export function compareDocuments(
  read: { issuingState: string; number: string },
  alert: { issuingState: string; number: string },
): DocumentComparison | null {
  if (normaliseIssuingState(read.issuingState) !== normaliseIssuingState(alert.issuingState)) return null;
  const a = normaliseDocumentNumber(read.number);
  const b = normaliseDocumentNumber(alert.number);
  if (a === b) return { match: 'exact', score: 1, substitutions: 0 };
  if (a.length !== b.length || foldOcrConfusions(a) !== foldOcrConfusions(b)) return null;
  let substitutions = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) substitutions++;
  return { match: 'ocr-variant', score: ocrVariantScore(substitutions), substitutions };
}
