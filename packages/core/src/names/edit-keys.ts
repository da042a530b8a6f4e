import { PART_NAME, PART_PATRONYMIC, type PreparedName } from './prepare-name.js';

/** Words shorter than this give only their own key: their deletions (three letters) fetch too much. */
const DELETIONS_FROM = 5;
/** Longer words are cut here: a deletion past it changes no key, and the loop stays bounded. */
const MAX_WORD = 24;

/**
 * Typing-error keys of a prepared name, as 30-bit hashes (small integers, cheap as map keys): for
 * each distinctive word of five letters or more, its romanised letters and every form with one
 * letter left out (the symmetric-deletion neighbourhood). A record indexed under them and a query
 * looking them up share a key whenever one word differs by a single letter substituted, dropped,
 * added, or two adjacent letters swapped (IVANOVA / IVANOWA share IVANOA; PETROV / PETOV share
 * PETOV; KOWALSKI / KOWLASKI share KOWASKI). The consonant skeletons of name-keys.ts do not cover
 * this: a substituted letter can change how its neighbours read (BIANCTI / BIANCEI: C before E is
 * S), adjacent equal consonants merge once the letter between them is gone (NOWAKNA / NOWAENA),
 * and a word's skeleton can be too short to tell anything apart.
 *
 * Words of the canonical-name groups (MUHAMMAD, AHMAD…) give none: they are common, and their
 * spellings meet through the group keys already. Hash collisions only add a candidate, which the
 * scoring then weighs like any other; they cannot lose one.
 */
export function editKeys(p: PreparedName): number[] {
  const keys: number[] = [];
  for (const part of p.parts) {
    if ((part.kind !== PART_NAME && part.kind !== PART_PATRONYMIC) || part.group >= 0) continue;
    const text = part.text;
    const length = Math.min(text.length, MAX_WORD);
    if (length < 2) continue;
    keys.push(hashWithout(text, length, -1));
    if (length < DELETIONS_FROM) continue;
    for (let i = 0; i < length; i++) {
      // Deleting either letter of a doubled pair gives the same form: it is keyed once.
      if (i > 0 && text.charCodeAt(i) === text.charCodeAt(i - 1)) continue;
      keys.push(hashWithout(text, length, i));
    }
  }
  return [...new Set(keys)];
}

/** FNV-1a over the first `length` letters without the one at `skip`, folded to 30 bits (a V8 small integer). */
function hashWithout(text: string, length: number, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return (h ^ (h >>> 30)) & 0x3fffffff;
}
