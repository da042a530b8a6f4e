import { distance } from 'fastest-levenshtein';
import type { MatchReason, NameField } from '../reasons/match-reason.js';
import { cachedSimilarity, INITIAL, NEAR, SAME, SHORT_FORM, SPELLING, TRANSLITERATION, TYPO, typoBudget, type MatchKind, type PartMatch } from './part-similarity.js';
import { systemOf } from './systems/romanisation-systems.js';
import { bitsOf, commonNameFactor, pairBits } from './word-information.js';
import { INITIAL_WEIGHT, MAX_NAME_PARTS, PART_INITIAL, PART_PARTICLE, type JoinedPart, type NamePart, type PartRole, type PreparedName } from './prepare-name.js';

export interface NameComparison {
  score: number;
  reasons: MatchReason[];
  /** What the matched words say about who someone is, in bits (word-information.ts). */
  bits: number;
}

/**
 * How the score treats words that found no partner. A word of the query missing from the record
 * weighs more than the reverse (a record usually carries the fuller name); a word on each side
 * that found no partner is a contradiction (another father's name, another clan) and costs most.
 */
const QUERY_COVERAGE_POWER = 0.5;
const RECORD_COVERAGE_POWER = 0.3;
/**
 * Reached in full at the weight of one initial: a contradicting initial (WILLIAM G. FROST /
 * WILLIAM W. FROST) is as much a contradiction as a different word.
 */
const CONFLICT_PENALTY = 0.25;
/** MUHAMMAD BIN SALMAN is not SALMAN BIN MUHAMMAD: the same words, another person. */
const FILIATION_PENALTY = 0.6;
/** Without one full word in common (only initials or particles), a name pair cannot be a hit. */
const WEAK_ONLY_CAP = 0.5;
/** Joining words costs a little, so a one-to-one alignment of equal quality wins. */
const JOIN_FACTOR = 0.97;
/**
 * A join is taken only when at least this good: it must read as the same word (a variant spelling,
 * a transliteration of three consonants or more), never as a typo or a near sound of it: short
 * words written together (LI LI, SHUAI LI) otherwise find a partner in almost any longer word.
 */
const JOIN_MIN = 0.75;
/** Words written apart must read as one better than that. */
const UNBOUND_JOIN_MIN = 0.85;

// Scratch space reused by every comparison, so the hot path allocates nothing. Each exported
// function aligns and reads it within one call: nothing is left for a later call to read.
const N = MAX_NAME_PARTS;
const match: PartMatch = { kind: 0, edits: 0, system: 0 };
const sim = new Float64Array(N * N);
const kind = new Uint8Array(N * N);
const edits = new Uint8Array(N * N);
const system = new Uint8Array(N * N);
/** Pair index per part, -1 when unmatched. */
const qPair = new Int8Array(N);
const rPair = new Int8Array(N);
const pairSim = new Float64Array(N);
const pairKind = new Uint8Array(N);
const pairEdits = new Uint8Array(N);
const pairSystem = new Uint8Array(N);
const pairQ = new Int8Array(N);
const pairQLen = new Int8Array(N);
const pairR = new Int8Array(N);
const pairRLen = new Int8Array(N);
let pairs = 0;
/** What the words matched by the current alignment say about who someone is, in bits (word-information.ts). */
let alignedBits = 0;

/**
 * Aligns the parts of two names into the scratch arrays:
 * each part with at most one part of the other name, best pairs first, then leftover words
 * against runs of leftover words written together.
 */
function align(a: PreparedName, b: PreparedName): void {
  const n = a.parts.length;
  const m = b.parts.length;
  pairs = 0;
  qPair.fill(-1, 0, n);
  rPair.fill(-1, 0, m);
  for (let i = 0; i < n; i++) {
    const q = a.parts[i]!;
    for (let j = 0; j < m; j++) {
      const s = cachedSimilarity(q, b.parts[j]!, match);
      sim[i * N + j] = s;
      kind[i * N + j] = match.kind;
      edits[i * N + j] = match.edits;
      system[i * N + j] = match.system;
    }
  }
  // Greedy best-first: names have a handful of words, and the best pair is almost always right.
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (qPair[i] !== -1) continue;
      for (let j = 0; j < m; j++) {
        if (rPair[j] !== -1) continue;
        const s = sim[i * N + j]!;
        if (s > best) {
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi === -1) break;
    addPair(bi, 1, bj, 1, best, kind[bi * N + bj] as MatchKind, edits[bi * N + bj]!, system[bi * N + bj]!);
  }
  if (pairs < n && pairs < m) {
    joinUnmatched(a, b, false);
    joinUnmatched(b, a, true);
  }
}

function addPair(q: number, qLen: number, r: number, rLen: number, s: number, k: MatchKind, e: number, sys: number): void {
  const p = pairs++;
  pairSim[p] = s;
  pairKind[p] = k;
  pairEdits[p] = e;
  pairSystem[p] = sys;
  pairQ[p] = q;
  pairQLen[p] = qLen;
  pairR[p] = r;
  pairRLen[p] = rLen;
  for (let i = q; i < q + qLen; i++) qPair[i] = p;
  for (let j = r; j < r + rLen; j++) rPair[j] = p;
}

/** ABDUL RAHMAN ~ ABDULRAHMAN: an unmatched word against runs of unmatched words on the other side. */
function joinUnmatched(single: PreparedName, split: PreparedName, swapped: boolean): void {
  const singlePair = swapped ? rPair : qPair;
  const splitPair = swapped ? qPair : rPair;
  for (let i = 0; i < single.parts.length; i++) {
    if (singlePair[i] !== -1) continue;
    const part = single.parts[i]!;
    if (part.kind === PART_INITIAL || part.kind === PART_PARTICLE) continue;
    let best = JOIN_MIN;
    let bestJoin = -1;
    let bestKind: MatchKind = 0;
    let bestEdits = 0;
    let bestSystem = 0;
    for (let k = 0; k < split.joins.length; k++) {
      const join = split.joins[k]!;
      let free = true;
      for (let j = join.start; j < join.start + join.length; j++) if (splitPair[j] !== -1) free = false;
      if (!free) continue;
      // The query's word first (a is the query in align).
      const s = (swapped ? cachedSimilarity(join.part, part, match) : cachedSimilarity(part, join.part, match)) * JOIN_FACTOR;
      // A system's reading of the word that is the words written together (HOK YAU / 學友 read HOKYAU) reads as one.
      if (s > best && ((match.system !== 0 && match.kind === TRANSLITERATION) || joinReadsAsOne(part, join, split, s, match.kind))) {
        best = s;
        bestJoin = k;
        bestKind = match.kind;
        bestEdits = match.edits;
        bestSystem = match.system;
      }
    }
    if (bestJoin === -1) continue;
    const join = split.joins[bestJoin]!;
    if (swapped) addPair(join.start, join.length, i, 1, best, bestKind, bestEdits, bestSystem);
    else addPair(i, 1, join.start, join.length, best, bestKind, bestEdits, bestSystem);
  }
}

/**
 * Words written apart that a join reads as one must be the same word as their partner by more than
 * sound: no typo, near sound or short form, three words only around a particle (SAIF AL DIN), and
 * when both are vocalised either the same sound of four consonants or more (JONG UN / JEONGEUN) or
 * letters at most one edit less apart than a typo of that length may be (MAY LIEN is not MOALIN,
 * HUI SHEN is not HOSEIN; SAIF DIN is SAIFUDDIN). Words written as one (Tse-tung, 近平) only need
 * to sound the same.
 */
function joinReadsAsOne(part: NamePart, join: JoinedPart, split: PreparedName, s: number, k: MatchKind): boolean {
  if (join.bound) return k !== SHORT_FORM;
  if (k === SAME) return true;
  if (k === TYPO || k === NEAR || k === SHORT_FORM || s < UNBOUND_JOIN_MIN) return false;
  if (join.length === 3 && split.parts[join.start + 1]!.kind !== PART_PARTICLE) return false;
  if (part.vowelPoor || join.part.vowelPoor) return true;
  if (part.soundConsonants >= 4) return true;
  const maxLen = part.text.length > join.part.text.length ? part.text.length : join.part.text.length;
  return distance(part.text, join.part.text) < typoBudget(maxLen);
}

/**
 * True when an unmatched part repeats a matched part of the same name (SERGEY SERGEY SHOIGU): a
 * repeat is not missing from the other name, but it still contradicts an unmatched word there
 * (MOHAMED MOHAMED CADDOW is not MOHAMED OSMAN CADDOW).
 */
function repeatsMatched(parts: readonly NamePart[], index: number, pairOf: Int8Array): boolean {
  const text = parts[index]!.text;
  for (let i = 0; i < parts.length; i++) if (i !== index && pairOf[i] !== -1 && parts[i]!.text === text) return true;
  return false;
}

/** A pair of words on different sides of BIN in the two names: the son's name is the other's father's. */
function filiationSwapped(a: PreparedName, b: PreparedName): boolean {
  if (a.filiation < 0 || b.filiation < 0) return false;
  for (let p = 0; p < pairs; p++) {
    if (pairQLen[p] !== 1 || pairRLen[p] !== 1 || a.parts[pairQ[p]!]!.kind === PART_PARTICLE) continue;
    if (pairQ[p]! < a.filiation !== pairR[p]! < b.filiation) return true;
  }
  return false;
}

/** The score of the current alignment. */
function scoreAlignment(a: PreparedName, b: PreparedName): number {
  alignedBits = 0;
  if (pairs === 0) return 0;
  let weighted = 0;
  let pairWeight = 0;
  let strong = false;
  let matchedQ = 0;
  let matchedR = 0;
  let bits = 0;
  for (let p = 0; p < pairs; p++) {
    let wq = 0;
    let bq = 0;
    for (let i = pairQ[p]!; i < pairQ[p]! + pairQLen[p]!; i++) {
      wq += a.parts[i]!.weight;
      bq += bitsOf(a.parts[i]!);
    }
    let wr = 0;
    let br = 0;
    for (let j = pairR[p]!; j < pairR[p]! + pairRLen[p]!; j++) {
      wr += b.parts[j]!.weight;
      br += bitsOf(b.parts[j]!);
    }
    bits += pairBits(bq, br, pairSim[p]!);
    const w = (wq + wr) / 2;
    weighted += pairSim[p]! * w;
    pairWeight += w;
    matchedQ += wq;
    matchedR += wr;
    if (pairKind[p] !== INITIAL && a.parts[pairQ[p]!]!.kind !== PART_PARTICLE) strong = true;
  }
  let missingQ = 0;
  let conflictQ = 0;
  for (let i = 0; i < a.parts.length; i++) {
    if (qPair[i] !== -1) continue;
    const part = a.parts[i]!;
    if (part.kind !== PART_PARTICLE) conflictQ += part.weight;
    if (!repeatsMatched(a.parts, i, qPair)) missingQ += part.weight;
  }
  let missingR = 0;
  let conflictR = 0;
  for (let j = 0; j < b.parts.length; j++) {
    if (rPair[j] !== -1) continue;
    const part = b.parts[j]!;
    if (part.kind !== PART_PARTICLE) conflictR += part.weight;
    if (!repeatsMatched(b.parts, j, rPair)) missingR += part.weight;
  }
  let score = weighted / pairWeight;
  if (missingQ > 0) score *= Math.pow(matchedQ / (matchedQ + missingQ), QUERY_COVERAGE_POWER);
  if (missingR > 0) score *= Math.pow(matchedR / (matchedR + missingR), RECORD_COVERAGE_POWER);
  const conflict = conflictQ < conflictR ? conflictQ : conflictR;
  if (conflict > 0) score *= 1 - CONFLICT_PENALTY * Math.min(1, conflict / INITIAL_WEIGHT);
  if (filiationSwapped(a, b)) score *= FILIATION_PENALTY;
  alignedBits = bits;
  if (!strong && score > WEAK_ONLY_CAP) score = WEAK_ONLY_CAP;
  return score;
}

/** The name score alone, without reasons: how alike two names are. */
export function nameScore(a: PreparedName, b: PreparedName): number {
  if (a.parts.length === 0 || b.parts.length === 0) return 0;
  align(a, b);
  return scoreAlignment(a, b);
}

/**
 * The name score weighed by what the matched words say about who someone is: a match resting only
 * on common words (MOHAMMED ALI) counts less (word-information.ts). What person scoring calls for
 * every candidate.
 */
export function weighedNameScore(a: PreparedName, b: PreparedName): number {
  if (a.parts.length === 0 || b.parts.length === 0) return 0;
  align(a, b);
  const score = scoreAlignment(a, b);
  return score * commonNameFactor(alignedBits);
}

/**
 * Compares a query name with a record name: a score in [0, 1] and the reasons a person can read.
 * Word order does not matter; a query word missing from the record costs more than the reverse.
 */
export function compareNames(a: PreparedName, b: PreparedName): NameComparison {
  if (a.parts.length === 0 || b.parts.length === 0) return { score: 0, reasons: [{ code: 'name.none' }], bits: 0 };
  align(a, b);
  const score = scoreAlignment(a, b);
  return { score: round(score), reasons: reasonsOf(a, b), bits: alignedBits };
}

const FIELD: Readonly<Record<PartRole, NameField>> = { surname: 'surname', 'given name': 'given-name', name: 'name' };

/** The reason code of a pair of words taken for the same word, by why they were (other than same or typo). */
const PAIR_CODE: Readonly<Record<number, 'name.spelling-variant' | 'name.transliteration-variant' | 'name.similar-spelling' | 'name.initial' | 'name.short-form'>> = {
  [SPELLING]: 'name.spelling-variant',
  [TRANSLITERATION]: 'name.transliteration-variant',
  [NEAR]: 'name.similar-spelling',
  [INITIAL]: 'name.initial',
  [SHORT_FORM]: 'name.short-form',
};

/** Reasons for the current alignment, in the query's word order. */
function reasonsOf(a: PreparedName, b: PreparedName): MatchReason[] {
  const reasons: MatchReason[] = [];
  for (const [side, name] of [['query', a], ['record', b]] as const) {
    if (name.script !== 'Latn' && name.script !== 'Zyyy') reasons.push({ code: 'name.script', side, script: name.script, reading: name.tokens.join(' ') });
  }
  const order = Array.from({ length: pairs }, (_, p) => p).sort((x, y) => pairQ[x]! - pairQ[y]!);
  for (const p of order) {
    const q = a.parts[pairQ[p]!]!;
    const r = b.parts[pairR[p]!]!;
    if (q.kind === PART_PARTICLE) continue;
    const qText = a.tokens.slice(pairQ[p]!, pairQ[p]! + pairQLen[p]!).join(' ');
    const rText = b.tokens.slice(pairR[p]!, pairR[p]! + pairRLen[p]!).join(' ');
    const field = FIELD[q.role !== 'name' ? q.role : r.role];
    const joined = pairQLen[p]! > 1 || pairRLen[p]! > 1;
    const k = pairKind[p]!;
    // Object literals of fixed shape, not spreads: this runs for every word of every hit.
    if (k === SAME) reasons.push({ code: joined ? 'name.written-together' : 'name.same', field, query: qText, record: rText });
    else if (k === TYPO) reasons.push(joined ? { code: 'name.typo', field, query: qText, record: rText, letters: pairEdits[p]!, joined } : { code: 'name.typo', field, query: qText, record: rText, letters: pairEdits[p]! });
    else {
      // A pair always has a kind (a similarity above 0 sets one); the loosest is said if ever not.
      const code = PAIR_CODE[k] ?? 'name.similar-spelling';
      const sys = systemOf(pairSystem[p]!);
      if (sys !== undefined && code === 'name.transliteration-variant') {
        reasons.push(joined ? { code, field, query: qText, record: rText, system: sys.id, joined } : { code, field, query: qText, record: rText, system: sys.id });
      } else reasons.push(joined ? { code, field, query: qText, record: rText, joined } : { code, field, query: qText, record: rText });
    }
  }
  for (let i = 0; i < a.parts.length; i++) {
    const part = a.parts[i]!;
    if (qPair[i] === -1 && part.kind !== PART_PARTICLE) reasons.push(unmatched('name.only-in-query', part, repeatsMatched(a.parts, i, qPair)));
  }
  for (let j = 0; j < b.parts.length; j++) {
    const part = b.parts[j]!;
    if (rPair[j] === -1 && part.kind !== PART_PARTICLE) reasons.push(unmatched('name.only-in-record', part, repeatsMatched(b.parts, j, rPair)));
  }
  if (filiationSwapped(a, b)) reasons.push({ code: 'name.filiation-swapped' });
  return reasons;
}

function unmatched(code: 'name.only-in-query' | 'name.only-in-record', part: NamePart, repeated: boolean): MatchReason {
  return repeated ? { code, field: FIELD[part.role], word: part.text, repeated } : { code, field: FIELD[part.role], word: part.text };
}

export function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
