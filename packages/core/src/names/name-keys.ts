import { NAME_GROUPS } from './name-words.js';
import { makePart, PART_INITIAL, PART_NAME, PART_PARTICLE, type NamePart, type PreparedName } from './prepare-name.js';
import { consonantSkeleton } from './skeleton.js';
import { readingSoundKeys, writtenSoundKeys } from './loan-similarity.js';

/** Skeletons this long or longer also give their one-consonant deletions as keys. */
const DELETION_KEYS_FROM = 4;
/** Prefix of keys from very common words: an index need not look them up when a query has others. */
export const COMMON_KEY_PREFIX = '~';

/**
 * Blocking keys of a prepared name, for an inverted index: a record is indexed under all of them.
 * Per word:
 *
 * - its consonant skeleton (QADHAFI, GADDAFI, قذافي → KTF): the spelling and transliteration
 *   variants that compareNames accepts share it;
 * - the consonants as Latin spelling hears them (JOHN, JON → JN), and for a word read from Hebrew
 *   or Arabic the reading of W as V (דוד → DVD);
 * - for skeletons of four or more consonants, each with one consonant left out: a typo or a
 *   confusable consonant changes one consonant, and both words still share the skeleton
 *   without it (HANNIBAL / GANNIBAL; SUKARNO / SUKAMTO, two apart, do not);
 * - for a short form, the skeletons of the full names (BILL → WILLIAM);
 * - for two adjacent words, the skeleton of them written together (ABDUL RAHMAN → ABDULRAHMAN).
 *
 * The keys that words of the canonical-name groups (MUHAMMAD, AHMAD, HASAN, KIM, LEE…) and ABDUL
 * give fetch a large share of any list: wherever such a key comes from it carries
 * COMMON_KEY_PREFIX (so the prefix depends on the key alone and both sides agree), and every two
 * words of a name made only of such keys give a pair key (MUHAMMAD + AHMAD), which is selective.
 * Initials and particles (J, AL, BIN) give no keys.
 */
export function nameKeys(p: PreparedName): string[] {
  const { words, pairs, joins } = keysOf(p);
  return [...new Set([...words.flatMap((w) => [...w.keys, ...w.deletions]), ...pairs, ...joins])];
}

/**
 * The keys to look up for a query: only those of its distinctive words (and the pair and joined
 * keys) when it has any, since a true match shares a distinctive word or, if the record's words
 * are all common, a pair key; all of them for a name of common words only (MUHAMMAD): then the
 * candidates are many and the other evidence decides.
 */
export function queryKeys(p: PreparedName): string[] {
  const { words, pairs, joins } = keysOf(p);
  const distinctive = words.filter((w) => !w.common);
  if (distinctive.length === 0) return [...new Set([...words.flatMap((w) => [...w.keys, ...w.deletions]), ...pairs, ...joins])];
  // Of a distinctive word, only its distinctive keys: a deletion that lands on MHMT fetches thousands.
  const keys = distinctive.flatMap((w) => [...w.keys, ...w.deletions]).filter((k) => !k.startsWith(COMMON_KEY_PREFIX));
  return [...new Set([...keys, ...pairs, ...joins.filter((k) => !k.startsWith(COMMON_KEY_PREFIX))])];
}

interface NameKeySets {
  words: { keys: string[]; deletions: string[]; common: boolean }[];
  pairs: string[];
  joins: string[];
}

function keysOf(p: PreparedName): NameKeySets {
  const common = commonKeys();
  const mark = (k: string): string => (common.has(k) ? COMMON_KEY_PREFIX + k : k);
  const words: NameKeySets['words'] = [];
  const commonIds: string[] = [];
  for (const part of p.parts) {
    if (part.kind === PART_INITIAL || part.kind === PART_PARTICLE) continue;
    const own = new Set<string>();
    wordKeys(part, own);
    const deletions = new Set<string>();
    deletionsOf(part.consonants, deletions);
    if (part.vowelPoor) deletionsOf(part.consonantsWithW, deletions);
    // Readings by other systems are keyed like the word, so either reading finds the other's spelling.
    for (const v of part.variants) {
      if (v.loan) continue;
      wordKeys(v, own);
      deletionsOf(v.consonants, deletions);
    }
    loanKeys(part, own);
    for (const k of own) deletions.delete(k);
    // A word is common when its own skeleton (or its group) is: then its other readings are too.
    const isCommon = part.group >= 0 || common.has(part.consonants) || (part.consonants === '' && common.has(`:${part.spelling}`));
    words.push({ keys: [...own].map(mark), deletions: [...deletions].map(mark), common: isCommon });
    if (isCommon && commonIds.length < 6) commonIds.push(`#${part.group >= 0 ? part.group : (groupBySkeleton().get(part.consonants) ?? part.consonants)}`);
  }
  const pairs: string[] = [];
  for (let i = 0; i < commonIds.length; i++) {
    for (let j = i + 1; j < commonIds.length; j++) {
      const x = commonIds[i]!;
      const y = commonIds[j]!;
      pairs.push(x < y ? `${x}&${y}` : `${y}&${x}`);
    }
  }
  const joins = new Set<string>();
  for (const join of p.joins) {
    if (join.length !== 2 && join.part.variants.length === 0) continue;
    joins.add(join.part.consonants);
    deletionsOf(join.part.consonants, joins);
    // A piece's own reading (山田 as YAMADA) keys the words written together.
    for (const v of join.part.variants) {
      if (v.loan) continue;
      joins.add(v.consonants);
      deletionsOf(v.consonants, joins);
    }
    loanReadingKeys(join.part, joins);
  }
  joins.delete('');
  return { words, pairs, joins: [...joins].map(mark) };
}

let commonCache: Set<string> | undefined;
let groupCache: Map<string, number> | undefined;

/** Consonant skeleton of a group word → its group, so a misspelt MUHAMMAD pairs like MUHAMMAD. */
function groupBySkeleton(): Map<string, number> {
  if (groupCache) return groupCache;
  groupCache = new Map();
  for (const [word, group] of NAME_GROUPS) {
    const c = makePart(word, PART_NAME, 'name', false).consonants;
    if (!groupCache.has(c)) groupCache.set(c, group);
  }
  return groupCache;
}

/** Every key the words of the canonical-name groups (and ABDUL) give: the keys that fetch the most. */
function commonKeys(): Set<string> {
  if (commonCache) return commonCache;
  const keys = new Set<string>();
  for (const word of [...NAME_GROUPS.keys(), 'ABDUL']) {
    const part = makePart(word, PART_NAME, 'name', false);
    wordKeys(part, keys);
    deletionsOf(part.consonants, keys);
  }
  commonCache = keys;
  return keys;
}

/** The keys of one word's readings, without deletions. */
function wordKeys(part: NamePart, keys: Set<string>): void {
  keys.add(part.consonants);
  if (part.vowelPoor) keys.add(part.consonantsWithW);
  else keys.add(part.sound.replaceAll('A', ''));
  if (part.group >= 0) keys.add(`#${part.group}`);
  for (const full of part.fullForms) keys.add(consonantSkeleton(full));
  // A word without consonants (U, O) is keyed by its spelling.
  if (part.consonants === '') keys.add(`:${part.spelling}`);
  keys.delete('');
}

/**
 * A reading by sound (a foreign name in katakana, Hangul or Chinese characters) meets its Latin
 * original under the classes of consonant sound both give (loan-similarity.ts): a written word is
 * keyed by its classes (and by those of its letters' other readings), a loan reading by its own.
 */
function loanKeys(part: NamePart, keys: Set<string>): void {
  if (!part.vowelPoor && part.native === '') {
    for (const c of writtenSoundKeys(part.text)) if (c.length >= LOAN_KEY_FROM) keys.add(LOAN_KEY_PREFIX + c);
  }
  loanReadingKeys(part, keys);
}

/** The keys of a word's readings by sound (a join's too: a foreign name split into family and given name is read whole). */
function loanReadingKeys(part: NamePart, keys: Set<string>): void {
  for (const v of part.variants) {
    if (!v.loan) continue;
    for (const c of readingSoundKeys(v.text, v.system)) if (c.length >= LOAN_KEY_FROM) keys.add(LOAN_KEY_PREFIX + c);
  }
}

/** Sound-class keys start with this, apart from every other key. */
const LOAN_KEY_PREFIX = '%';
/** Fewer classes than this fetch too much to be a key. */
const LOAN_KEY_FROM = 3;

function deletionsOf(c: string, keys: Set<string>): void {
  if (c.length >= DELETION_KEYS_FROM) for (let i = 0; i < c.length; i++) keys.add(c.slice(0, i) + c.slice(i + 1));
}
