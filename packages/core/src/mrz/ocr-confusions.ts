// Characters OCR-B readers and phone OCR mistake for each other. In a field that can only hold
// digits a letter is certainly wrong; in a field that can only hold letters a digit is.
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  O: '0', D: '0', Q: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8',
};
const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = {
  '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B',
};

/** The text with every confusable letter read as its digit; undefined when a letter has no digit twin or nothing changes. */
export function readAsDigits(text: string, keepFiller: boolean): string | undefined {
  let out = '';
  for (const ch of text) {
    if (/[0-9]/.test(ch) || (keepFiller && ch === '<')) out += ch;
    else if (DIGIT_FOR_LETTER[ch] !== undefined) out += DIGIT_FOR_LETTER[ch];
    else return undefined;
  }
  return out === text ? undefined : out;
}

/** The text with every confusable digit read as its letter; undefined when a digit has no letter twin or nothing changes. */
export function readAsLetters(text: string): string | undefined {
  let out = '';
  for (const ch of text) {
    if (/[A-Z<]/.test(ch)) out += ch;
    else if (LETTER_FOR_DIGIT[ch] !== undefined) out += LETTER_FOR_DIGIT[ch];
    else return undefined;
  }
  return out === text ? undefined : out;
}

export interface SwapReading {
  reading: string;
  /** How well the new character fits its neighbours: 2 when both are of its kind (digit among digits), 0 when neither is. */
  fit: number;
}

/** Every reading of a letters-and-digits field that swaps one confusable character (O↔0, I↔1 …). */
export function oneSwapReadings(text: string): SwapReading[] {
  const out: SwapReading[] = [];
  const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9]/.test(c);
  const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Z]/.test(c);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const toDigit = DIGIT_FOR_LETTER[ch];
    const swap = toDigit ?? LETTER_FOR_DIGIT[ch];
    if (swap === undefined) continue;
    const sameKind = toDigit !== undefined ? isDigit : isLetter;
    const fit = Number(sameKind(text[i - 1])) + Number(sameKind(text[i + 1]));
    out.push({ reading: text.slice(0, i) + swap + text.slice(i + 1), fit });
  }
  return out;
}
