import { distance } from 'fastest-levenshtein';
import { NEAR, TRANSLITERATION, type PartMatch } from './part-similarity.js';
import type { NamePart } from './prepare-name.js';

/**
 * A foreign name written by sound in katakana, Hangul or Chinese characters, read back (a `loan`
 * variant), against a written word: the scripts add vowels between consonants, merge sounds the
 * language lacks (L/R, B/V, F/H) and drop others, so the two are compared by classes of consonant
 * sound in order, vowels aside.
 */

const SAME_SOUND_SIM = 0.88;
const ONE_APART_SIM = 0.78;
/** Sound classes of this many or more may be one apart. */
const ONE_APART_FROM = 4;

// Consonant letters → their class: stops and fricatives of one place of articulation together.
const CLASS: Readonly<Record<string, string>> = {
  B: 'P', P: 'P', F: 'P', V: 'P', W: 'P',
  D: 'T', T: 'T',
  G: 'K', K: 'K', Q: 'K', C: 'K', X: 'K',
  S: 'S', Z: 'S', J: 'S',
  L: 'R', R: 'R',
  M: 'M', N: 'N',
};

/** The consonant sound classes of an upper-case A–Z word, doubled classes once, H and vowels left out. */
export function soundClasses(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    let k: string | undefined;
    if ((c === 'S' || c === 'C') && next === 'H') k = 'S';
    else if (c === 'T' && next === 'H') k = 'T';
    else if (c === 'P' && next === 'H') k = 'P';
    else if (c === 'C' && (next === 'E' || next === 'I' || next === 'Y')) k = 'S';
    else k = CLASS[c];
    if (k === undefined) continue;
    if (out.charCodeAt(out.length - 1) !== k.charCodeAt(0)) out += k;
  }
  return out;
}

/** Similarity of a written word and a reading by sound (a `loan` variant) in [0, 1]. Fills in `match`. */
export function loanSimilarity(written: NamePart, loan: NamePart, match: PartMatch): number {
  match.kind = 0;
  match.edits = 0;
  const a = soundClasses(written.text);
  const b = soundClasses(loan.text);
  if (a.length < 2 || b.length < 2) return 0;
  if (a === b) {
    match.kind = TRANSLITERATION;
    return SAME_SOUND_SIM;
  }
  if (a.length >= ONE_APART_FROM && b.length >= ONE_APART_FROM && distance(a, b) === 1) {
    match.kind = NEAR;
    return ONE_APART_SIM;
  }
  return 0;
}
