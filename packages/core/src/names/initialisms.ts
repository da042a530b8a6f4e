/**
 * Initialisms of organisation names: PLA for PEOPLE'S LIBERATION ARMY, US for UNITED STATES, IBM
 * for INTERNATIONAL BUSINESS MACHINES. Lists give either; the letters are the first letters of the
 * words of the name, the small words between them (OF, THE, FOR, DE) mostly left out.
 */

/** Words an initialism mostly leaves out (Bank of America: BOA and BA are both written; BA is found). */
const SKIPPED: ReadonlySet<string> = new Set(['THE', 'OF', 'FOR', 'DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'DEL', 'DELLA', 'DI', 'DA', 'DO', 'DOS', 'DAS', 'AL', 'EL', 'VON', 'DER', 'DEN']);
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;
const LETTERS = /^[A-Z]+$/;

/**
 * Where, in `words`, a run of words has `acronym`'s letters as initials: [start, end) including
 * small words inside, which `skip` leaves out of the letters (BA) and otherwise counts (BOA).
 */
function expansionOf(acronym: string, words: readonly string[], skip: boolean): [number, number] | null {
  for (let start = 0; start < words.length; start++) {
    if (SKIPPED.has(words[start]!)) continue;
    let letter = 0;
    let end = start;
    while (end < words.length && letter < acronym.length) {
      const w = words[end]!;
      if (skip && SKIPPED.has(w) && end > start) {
        end++;
        continue;
      }
      if (w[0] !== acronym[letter]) break;
      letter++;
      end++;
    }
    if (letter === acronym.length) return [start, end];
  }
  return null;
}

function isCandidate(word: string): boolean {
  return word.length >= MIN_LETTERS && word.length <= MAX_LETTERS && LETTERS.test(word);
}

export interface InitialismShape {
  /** The words that may be initialisms. */
  candidates: string[];
  /** The first letters of the words an initialism keeps, then of all the words. */
  initials: string;
  allInitials: string;
}

/** What a name's words offer to initialisms: worked out once per prepared name, compared with many. */
export function initialismShape(words: readonly string[]): InitialismShape {
  return { candidates: words.filter((w) => isCandidate(w) && !SKIPPED.has(w)), initials: words.filter((w) => !SKIPPED.has(w)).map((w) => w[0]).join(''), allInitials: words.map((w) => w[0]).join('') };
}

/** Could either name hold an initialism of the other? Most pairs are ruled out by this substring test. */
export function mayHoldInitialism(q: InitialismShape, r: InitialismShape): boolean {
  for (const c of q.candidates) if (r.initials.includes(c) || r.allInitials.includes(c)) return true;
  for (const c of r.candidates) if (q.initials.includes(c) || q.allInitials.includes(c)) return true;
  return false;
}

export interface Initialism {
  /** Which side's word is the initialism. */
  side: 'query' | 'record';
  acronym: string;
  /** The words it stands for, as the other side writes them. */
  expansion: string;
  /** The other side's words with the expansion written as the initialism. */
  words: string[];
}

/**
 * An initialism of one name spelled out in the other: the first found, trying the query's words
 * then the record's. Words are the normalised, romanised words of each name.
 */
export function findInitialism(query: readonly string[], record: readonly string[]): Initialism | null {
  for (const [side, own, other] of [['query', query, record], ['record', record, query]] as const) {
    for (const word of own) {
      if (!isCandidate(word) || SKIPPED.has(word) || other.includes(word)) continue;
      const run = expansionOf(word, other, true) ?? expansionOf(word, other, false);
      if (!run) continue;
      return { side, acronym: word, expansion: other.slice(run[0], run[1]).join(' '), words: [...other.slice(0, run[0]), word, ...other.slice(run[1])] };
    }
  }
  return null;
}
