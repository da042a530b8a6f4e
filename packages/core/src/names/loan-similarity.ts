import { TRANSLITERATION, type PartMatch } from './part-similarity.js';
import type { NamePart } from './prepare-name.js';
import { systemNumber } from './systems/romanisation-systems.js';

/**
 * A foreign name written by sound in katakana, Hangul or Chinese characters, read back (a `loan`
 * variant, systems/*-loan.ts), against a written word. The transcribing language adds vowels
 * between consonants (ス・ミ・ス for SMITH), merges sounds it lacks (L/R, B/V, P/F, F/H, TH as S or
 * T), drops some (a silent H, an English R after a vowel, ターナー for TURNER) and reads every
 * spelling by its sound (SCH, SZ, CZ, TH, X). So both are turned into sequences of sounds, the
 * written word with the readings its letters may have in the languages names come from, and
 * aligned by a weighted edit distance: vowels cost little, a consonant of a neighbouring sound
 * some, a consonant missing or added much.
 */

// Sound codes. Vowels first: a vowel of the reading that the written word lacks is the vowel the
// transcribing script must write after a consonant.
const A = 0, E = 1, I = 2, O = 3, U = 4;
const P = 5, B = 6, F = 7, V = 8, W = 9, M = 10, N = 11, T = 12, D = 13, S = 14, Z = 15, SH = 16, ZH = 17;
const CH = 18, J = 19, TS = 20, K = 21, G = 22, H = 23, KH = 24, L = 25, R = 26, Y = 27;
// Pinyin's palatals in a Chinese transcription stand for sounds of two places: J for G, K and J
// (吉 GI, 金 KIN, 杰 JE), Q for CH, K and TS, X for S, SH and H.
const PJ = 28, PQ = 29, PX = 30;
const CODES = 31;
const NONE = -1;

const isVowel = (c: number): boolean => c <= U;

/**
 * Cost of reading one sound as another, symmetric, from 0 (same) to 1 (unrelated). The near
 * pairs are the merges of the transcribing languages (Japanese and Korean have one liquid; Korean
 * ㅂ is B and V, ㅍ P and F, ㅈ J and Z, ㅊ CH and TS; Japanese フ is F and H; Chinese transcription
 * writes -TON with 顿 DUN) and of spelling (voicing, S/SH).
 */
const SUB = new Float64Array(CODES * CODES).fill(1);
function near(a: number, b: number, cost: number): void {
  SUB[a * CODES + b] = cost;
  SUB[b * CODES + a] = cost;
}
for (let c = 0; c < CODES; c++) SUB[c * CODES + c] = 0;
// Vowels: transcriptions follow the sound, spellings differ (ER → A, OU → U, EI → AI).
for (let a = A; a <= U; a++) for (let b = A; b <= U; b++) if (a !== b) SUB[a * CODES + b] = 0.3;
near(A, E, 0.2); near(E, I, 0.2); near(O, U, 0.15); near(A, O, 0.25);
near(I, Y, 0.1); near(U, W, 0.2); near(O, W, 0.3);
// Voicing.
near(P, B, 0.35); near(T, D, 0.35); near(K, G, 0.35); near(S, Z, 0.3); near(SH, ZH, 0.3); near(CH, J, 0.35); near(F, V, 0.25);
// Lips.
near(B, V, 0.15); near(V, W, 0.15); near(B, W, 0.3); near(P, F, 0.2); near(F, H, 0.3); near(B, F, 0.4); near(P, V, 0.4); near(F, W, 0.4);
// Hissing and hushing sounds, affricates.
near(S, SH, 0.2); near(Z, ZH, 0.3); near(Z, J, 0.25); near(ZH, J, 0.2); near(SH, CH, 0.35); near(CH, TS, 0.25); near(TS, S, 0.35);
near(TS, Z, 0.3); near(S, J, 0.6); near(Z, SH, 0.4); near(SH, J, 0.45); near(TS, T, 0.4); near(CH, T, 0.4); near(J, D, 0.4); near(Z, D, 0.45);
near(J, Y, 0.3); near(J, G, 0.3); near(CH, K, 0.4);
// Back of the mouth (Japanese writes the Russian and German KH as フ F before a consonant).
near(H, KH, 0.1); near(K, KH, 0.2); near(F, KH, 0.35); near(G, KH, 0.4); near(H, SH, 0.45); near(H, G, 0.5);
// Nasals and liquids.
near(L, R, 0.1); near(M, N, 0.5); near(N, L, 0.6);
near(PJ, J, 0); near(PJ, G, 0.15); near(PJ, K, 0.3); near(PJ, ZH, 0.2); near(PJ, Z, 0.3); near(PJ, Y, 0.3); near(PJ, CH, 0.35);
near(PQ, CH, 0); near(PQ, K, 0.3); near(PQ, TS, 0.2); near(PQ, J, 0.35);
near(PX, SH, 0); near(PX, S, 0.1); near(PX, H, 0.25); near(PX, KH, 0.3);

/** Cost of a sound of the reading that the written word lacks. */
const INSERT = new Float64Array(CODES).fill(0.9);
for (let c = A; c <= U; c++) INSERT[c] = 0.1;
INSERT[H] = 0.3;
INSERT[Y] = 0.2;
INSERT[W] = 0.3;

// Cost of a sound of the written word that the reading lacks, by position (see encodeWritten).
const DROP_VOWEL = 0.2;
const DROP_FINAL_E = 0.1;
const DROP_H = 0.15;
const DROP_GLIDE = 0.3;
/** An R after a vowel, which non-rhotic English and the transcriptions that follow it drop (ターナー). */
const DROP_CODA_R = 0.3;
/** A last consonant, which French spelling keeps silent and transcriptions then leave out (MACHAUT). */
const DROP_FINAL = 0.55;
const DROP_CONSONANT = 1;
/**
 * The first consonant of a name is the one a transcription keeps best (and the one a listener
 * hears best): another sound there counts this many times (MAIKL is not NICOLE).
 */
const ONSET_FACTOR = 2;
/**
 * A consonant before another, in a transcription into Chinese, whose syllables end in a vowel, N
 * or NG only: the tables write some clusters with fewer characters than sounds (弗兹 FOLDS, 罗斯
 * RHOADS).
 */
const CLUSTER_DROP = 0.6;

/** Sounds compared per word: longer words are cut (no name is longer). */
const MAX_SOUNDS = 24;

/** A written word as sounds: each position with up to three readings and the cost of leaving it out. */
interface Written {
  n: number;
  code: Int8Array;
  alt: Int8Array;
  alt2: Int8Array;
  drop: Float64Array;
  /** The cost of leaving each sound out where a transcription simplifies clusters (see CLUSTER_DROP). */
  clusterDrop: Float64Array;
  /** The position of the first consonant: a transcription keeps it best (see ONSET_FACTOR). */
  onset: number;
  consonants: number;
  /** Its blocking keys (writtenSoundKeys), once asked for. */
  keys?: readonly string[];
}

interface Reading {
  n: number;
  code: Int8Array;
  /** Cost of each sound when the written word lacks it. */
  ins: Float64Array;
  consonants: number;
  /** Its blocking keys (readingSoundKeys), once asked for. */
  keys?: readonly string[];
}

/** The G of a final NG (Korean ㅇ, Chinese -ng), which transcribes a plain N as well (질송 GILSON, 布朗 BROWN). */
const INSERT_NG = 0.3;

const VOWEL_LETTERS = 'AEIOUY';
const letterIsVowel = (ch: string | undefined): boolean => ch !== undefined && VOWEL_LETTERS.includes(ch);

/**
 * The sounds a Latin spelling may stand for, in the languages whose names meet transcriptions:
 * English, German (SCH, Z, W, J), French (CH, silent endings), Italian (CE, CI, GE, GI), Spanish
 * (J, LL), Polish (SZ, CZ, RZ, W), Czech and the ICAO readings of other letters (Ž → Z).
 */
function encodeWritten(text: string): Written {
  const code = new Int8Array(MAX_SOUNDS);
  const alt = new Int8Array(MAX_SOUNDS).fill(NONE);
  const alt2 = new Int8Array(MAX_SOUNDS).fill(NONE);
  const drop = new Float64Array(MAX_SOUNDS);
  let n = 0;
  const push = (c: number, a = NONE, a2 = NONE, d = -1): void => {
    if (n >= MAX_SOUNDS) return;
    // Doubled consonants are one sound (the transcriptions' gemination is collapsed too).
    if (n > 0 && !isVowel(c) && code[n - 1] === c && alt[n - 1] === a) return;
    code[n] = c;
    alt[n] = a;
    alt2[n] = a2;
    drop[n] = d >= 0 ? d : isVowel(c) ? DROP_VOWEL : DROP_CONSONANT;
    n++;
  };
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    const next2 = text[i + 2];
    const prev = text[i - 1];
    switch (c) {
      case 'A': push(A); break;
      case 'E': push(E, NONE, NONE, i === length - 1 && i > 1 ? DROP_FINAL_E : DROP_VOWEL); break;
      case 'I': push(I, letterIsVowel(next) && i > 0 ? Y : NONE); break;
      case 'O': push(O); break;
      case 'U': push(U, letterIsVowel(next) ? W : NONE); break;
      case 'Y':
        if (letterIsVowel(next) && (i === 0 || letterIsVowel(prev))) push(Y, I, NONE, DROP_GLIDE);
        else push(I, Y);
        break;
      case 'B': push(B); break;
      case 'C':
        if (next === 'H') { push(CH, SH, KH); i++; }
        else if (next === 'K' || next === 'Q') { push(K); i++; }
        else if (next === 'Z' || next === 'S') { push(CH, TS); i++; }
        else if (next === 'E' || next === 'I' || next === 'Y') push(S, CH, TS);
        else push(K, TS);
        break;
      case 'D':
        if (next === 'Z' && next2 === 'H') { push(J); i += 2; }
        else if (next === 'J' || next === 'Z' || next === 'G') { push(J, Z); i++; }
        else if (next === 'T') push(T, D, NONE, 0.3);
        else if (next === 'H') { push(D, T, Z); i++; }
        else push(D);
        break;
      case 'F': push(F); break;
      case 'G':
        if (next === 'H') { push(G, F, NONE, 0.2); i++; }
        else if (next === 'E' || next === 'I' || next === 'Y') push(G, J, ZH);
        else if (prev === 'N' && (next === undefined || !letterIsVowel(next))) push(G, NONE, NONE, 0.3);
        else push(G);
        break;
      case 'H': push(H, KH, NONE, DROP_H); break;
      case 'J':
        // After a vowel and before a consonant, J is the second half of a diphthong (RAJSKI, VONGVANIJ).
        if (letterIsVowel(prev) && !letterIsVowel(next)) push(I, Y, NONE, DROP_GLIDE);
        else push(J, Y, KH);
        break;
      case 'K':
        if (next === 'H') { push(KH, K); i++; }
        else push(K);
        break;
      case 'L': push(L); break;
      case 'M': push(M); break;
      case 'N': push(N); break;
      case 'P':
        if (next === 'H') { push(F); i++; }
        else push(P);
        break;
      case 'Q': push(K); if (next === 'U') i++; break;
      case 'R':
        if (next === 'Z') { push(ZH, R, SH); i++; }
        // After a vowel and before a consonant, an R may be heard as the vowel's length (ターナー TURNER).
        else if (letterIsVowel(prev) && !letterIsVowel(next)) push(R, A, NONE, DROP_CODA_R);
        else push(R);
        break;
      case 'S':
        if (next === 'C' && next2 === 'H') { push(SH); i += 2; }
        else if (next === 'H' || next === 'Z') { push(SH, S); i++; }
        else push(S, SH, Z);
        break;
      case 'T':
        if (next === 'H') { push(T, S, D); i++; }
        else if (next === 'S' && next2 === 'C' && text[i + 3] === 'H') { push(CH); i += 3; }
        else if (next === 'C' && next2 === 'H') { push(CH); i += 2; }
        else if (next === 'Z' || next === 'S') { push(TS, T); i++; }
        else push(T);
        break;
      case 'V': push(V, W); break;
      case 'W': push(W, V); break;
      case 'X':
        if (i === 0) push(Z, S, SH);
        else { push(K, KH, H); push(S); }
        break;
      case 'Z':
        if (next === 'H' || next === 'S') { push(ZH, J); i++; }
        else push(Z, TS, J);
        break;
      default:
        break;
    }
  }
  // The last consonant (after the last vowel, or a silent final E) may be silent or left out.
  let last = n - 1;
  if (last > 0 && code[last] === E) last--;
  if (last > 0 && !isVowel(code[last]!) && drop[last]! > DROP_FINAL) drop[last] = DROP_FINAL;
  let consonants = 0;
  const clusterDrop = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = code[k]!;
    if (!isVowel(c) && c !== H) consonants++;
    clusterDrop[k] = !isVowel(c) && k + 1 < n && !isVowel(code[k + 1]!) && drop[k]! > CLUSTER_DROP ? CLUSTER_DROP : drop[k]!;
  }
  let onset = 0;
  while (onset < n && (isVowel(code[onset]!) || code[onset] === H)) onset++;
  return { n, code, alt, alt2, drop, clusterDrop, onset, consonants };
}

/**
 * A reading by sound (the loan readers' spelling: Hepburn-like letters, SH, CH, TS, ZH, KH, J as
 * in JOHN, Y a glide before a vowel) as sounds; with `pinyin`, J, Q and X are pinyin's palatals.
 */
function encodeReading(text: string, pinyin = false): Reading {
  const code = new Int8Array(MAX_SOUNDS);
  let n = 0;
  const push = (c: number): void => {
    if (n >= MAX_SOUNDS) return;
    if (n > 0 && !isVowel(c) && code[n - 1] === c) return;
    code[n++] = c;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    switch (c) {
      case 'A': push(A); break;
      case 'E': push(E); break;
      case 'I': push(I); break;
      case 'O': push(O); break;
      case 'U': push(U); break;
      case 'Y': push(letterIsVowel(next) ? Y : I); break;
      case 'B': push(B); break;
      case 'C': if (next === 'H') { push(CH); i++; } else push(TS); break;
      case 'D': push(D); break;
      case 'F': push(F); break;
      case 'G': push(G); break;
      case 'H': push(H); break;
      case 'J': push(pinyin ? PJ : J); break;
      case 'K': if (next === 'H') { push(KH); i++; } else push(K); break;
      case 'L': push(L); break;
      case 'M': push(M); break;
      case 'N': push(N); break;
      case 'P': push(P); break;
      case 'Q': push(pinyin ? PQ : CH); break;
      case 'R': push(R); break;
      case 'S': if (next === 'H') { push(SH); i++; } else push(S); break;
      case 'T': if (next === 'S') { push(TS); i++; } else push(T); break;
      case 'V': push(V); break;
      case 'W': push(W); break;
      case 'X': push(pinyin ? PX : SH); break;
      case 'Z': if (next === 'H') { push(ZH); i++; } else push(Z); break;
      default: break;
    }
  }
  const ins = new Float64Array(n);
  let consonants = 0;
  for (let k = 0; k < n; k++) {
    const c = code[k]!;
    ins[k] = c === G && k > 0 && code[k - 1] === N && (k === n - 1 || !isVowel(code[k + 1]!)) ? INSERT_NG : INSERT[c]!;
    if (!isVowel(c) && c !== H) consonants++;
  }
  return { n, code, ins, consonants };
}

// Encodings are remembered: screening compares one query's readings with hundreds of records.
const MAX_CACHED = 20_000;
const writtenCache = new Map<string, Written>();
const readingCache = new Map<string, Reading>();

function writtenOf(text: string): Written {
  let w = writtenCache.get(text);
  if (w === undefined) {
    if (writtenCache.size >= MAX_CACHED) writtenCache.clear();
    writtenCache.set(text, (w = encodeWritten(text)));
  }
  return w;
}

function readingOf(text: string, system: number): Reading {
  const pinyin = system === PINYIN_SYSTEM;
  const key = pinyin ? `:${text}` : text;
  let r = readingCache.get(key);
  if (r === undefined) {
    if (readingCache.size >= MAX_CACHED) readingCache.clear();
    readingCache.set(key, (r = encodeReading(text, pinyin)));
  }
  return r;
}
/** The system whose readings write pinyin's palatals (systems/chinese-loan.ts). */
const PINYIN_SYSTEM = systemNumber('zh-transcription');

const row = new Float64Array((MAX_SOUNDS + 1) * (MAX_SOUNDS + 1));

/** The least total cost of reading the written word's sounds as the reading's (weighted edit distance). */
function alignmentCost(w: Written, r: Reading, clusters: boolean): number {
  const drops = clusters ? w.clusterDrop : w.drop;
  const cols = r.n + 1;
  row[0] = 0;
  for (let j = 1; j <= r.n; j++) row[j] = row[j - 1]! + r.ins[j - 1]!;
  for (let i = 1; i <= w.n; i++) {
    const base = i * cols;
    const c = w.code[i - 1]!;
    const a = w.alt[i - 1]!;
    const a2 = w.alt2[i - 1]!;
    const d = drops[i - 1]!;
    const factor = i - 1 === w.onset ? ONSET_FACTOR : 1;
    row[base] = row[base - cols]! + d;
    for (let j = 1; j <= r.n; j++) {
      const x = r.code[j - 1]!;
      let sub = SUB[c * CODES + x]!;
      if (a !== NONE) {
        const s = SUB[a * CODES + x]!;
        if (s < sub) sub = s;
        if (a2 !== NONE) {
          const s2 = SUB[a2 * CODES + x]!;
          if (s2 < sub) sub = s2;
        }
      }
      let best = row[base - cols + j - 1]! + sub * factor;
      const del = row[base - cols + j]! + d;
      if (del < best) best = del;
      const ins = row[base + j - 1]! + r.ins[j - 1]!;
      if (ins < best) best = ins;
      row[base + j] = best;
    }
  }
  return row[w.n * cols + r.n]!;
}

/**
 * How alike the sounds of a written word and of a reading by sound are, 1 for the same sounds,
 * down to 0 and below for unrelated ones: the cost of the alignment against the size of the words
 * in consonants (a slip in a long name matters less).
 */
export function soundSimilarity(written: string, reading: string, system = 0): number {
  const w = writtenOf(written);
  const r = readingOf(reading, system);
  // One consonant says too little, and a word without any (U, AO) is no name to match by sound.
  if (w.consonants < 1 || r.consonants < 1 || w.consonants + r.consonants < 3) return 0;
  return 1 - alignmentCost(w, r, system === PINYIN_SYSTEM) / ((w.consonants + r.consonants) / 2 + 1);
}

/** Below this sound similarity the sounds are too far apart to be one name. */
const MIN_SIM = 0.68;
/**
 * What a pair of words matched by sound is worth, from the least sound similarity accepted to the
 * same sounds: at least a near spelling (part-similarity.ts NEAR_SIM), as a foreign name in
 * katakana, Hangul or Chinese characters matched by sound is no weaker evidence than a spelling one
 * consonant off, and never as sure as the same spelling.
 */
const LOWEST = 0.8;
const HIGHEST = 0.93;

/**
 * Similarity in [0, 1] of the sounds of a written word and of a reading by sound (a `loan`
 * variant); 0 when they are not one name. Fills in `match`.
 */
export function loanSimilarity(written: NamePart, loan: NamePart, match: PartMatch): number {
  match.kind = 0;
  match.edits = 0;
  const sim = soundSimilarity(written.text, loan.text, loan.system);
  if (sim < MIN_SIM) return 0;
  // Matched through a reading by sound: a transliteration variant, the system named, however near.
  match.kind = TRANSLITERATION;
  return LOWEST + ((HIGHEST - LOWEST) * (sim - MIN_SIM)) / (1 - MIN_SIM);
}

// Sound codes → their class for blocking keys: stops and fricatives of one place together, the
// hissing and hushing sounds and affricates together, the liquids together; vowels, H and the
// glide Y give none.
const KEY_CLASS: readonly string[] = (() => {
  const k: string[] = new Array<string>(CODES).fill('');
  for (const c of [P, B, F, V, W]) k[c] = 'P';
  for (const c of [T, D]) k[c] = 'T';
  for (const c of [S, Z, SH, ZH, CH, J, TS, PJ, PQ, PX]) k[c] = 'S';
  for (const c of [K, G, KH]) k[c] = 'K';
  for (const c of [L, R]) k[c] = 'R';
  k[M] = 'M';
  k[N] = 'N';
  return k;
})();

/**
 * The classes of a sequence of sounds, each class once where it repeats; without the G of a final
 * NG (질송 GILSON), and, when `coda` says so, without the liquids (L or R) after a vowel and before a
 * consonant or at the end.
 */
function classesOf(codes: Int8Array, n: number, pick: (k: number) => number, coda: number): string {
  let out = '';
  for (let k = 0; k < n; k++) {
    const c = pick(k);
    if ((c === coda || (coda === LIQUIDS && (c === R || c === L))) && k > 0 && isVowel(codes[k - 1]!) && (k === n - 1 || !isVowel(codes[k + 1]!))) continue;
    if (c === G && k > 0 && codes[k - 1] === N && (k === n - 1 || !isVowel(codes[k + 1]!))) continue;
    const cls = KEY_CLASS[c]!;
    if (cls !== '' && !out.endsWith(cls)) out += cls;
  }
  return out;
}
const LIQUIDS = -2;

/**
 * Blocking keys of a written word by sound: its classes as its letters are first read, and, when
 * a letter may stand for a sound of another class (CH as K, TH as S, G before E or I as J, C as
 * TS), the classes with those readings. An R after a vowel counts for nothing (ターナー TURNER,
 * 터너): the transcriptions of English leave it out.
 */
export function writtenSoundKeys(text: string): readonly string[] {
  const w = writtenOf(text);
  if (w.keys !== undefined) return w.keys;
  const first = classesOf(w.code, w.n, (k) => w.code[k]!, R);
  const other = classesOf(w.code, w.n, (k) => {
    const c = w.code[k]!;
    if (isVowel(c) || c === H) return c;
    const a = w.alt[k]!;
    if (a !== NONE && KEY_CLASS[a] !== KEY_CLASS[c] && !isVowel(a)) return a;
    const a2 = w.alt2[k]!;
    if (a2 !== NONE && KEY_CLASS[a2] !== KEY_CLASS[c] && !isVowel(a2)) return a2;
    return c;
  }, R);
  return (w.keys = other === first ? [first] : [first, other]);
}

/**
 * Blocking keys of a reading by sound of a system (see writtenSoundKeys): its classes, and those
 * without a liquid after a vowel, which may be the written word's R (霍瓦尔 HÅVARD) or its L (バーセルミ
 * BARTHELME, 칼 KAL).
 */
export function readingSoundKeys(text: string, system: number): readonly string[] {
  const r = readingOf(text, system);
  if (r.keys !== undefined) return r.keys;
  const keys = [classesOf(r.code, r.n, (k) => r.code[k]!, NONE), classesOf(r.code, r.n, (k) => r.code[k]!, LIQUIDS)];
  // Pinyin's palatals J and Q as the K they often write (金 KIN, 基 KI), X as H (希 HI).
  if (r.code.includes(PJ) || r.code.includes(PQ) || r.code.includes(PX)) keys.push(classesOf(r.code, r.n, (k) => PALATAL_AS[r.code[k]!] ?? r.code[k]!, NONE));
  return (r.keys = [...new Set(keys)]);
}
const PALATAL_AS: Readonly<Record<number, number>> = { [PJ]: K, [PQ]: K, [PX]: H };

/** How many classes of consonant sound a written word has, in order: too few say little about a name read by sound. */
export function soundClassCount(text: string): number {
  return writtenSoundKeys(text)[0]?.length ?? 0;
}
