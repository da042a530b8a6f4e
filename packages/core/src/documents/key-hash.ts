import {
  ASCII_NUMBER_CHAR,
  ASCII_OCR_FOLD,
  foldOcrConfusions,
  icaoStateAlias,
  normaliseDocumentNumber,
  normaliseIssuingState,
} from './document-number.js';

/**
 * 32-bit hashes of a document's keys (document-number.ts), computed from the raw state and
 * number without building the key strings (the hot path of a border lookup):
 *
 *   P  folded key, lane A: chooses the slot (see slot-table.ts)
 *   F  folded key, lane B: stored and compared; never 0 (0 marks an empty slot)
 *   E  exact key, lane A with another seed: tells an exact match from an OCR variant
 *
 * P and F use different constants, so together they are a 64-bit hash of the folded key: among
 * 100 million records a lookup meets a record with another folded key but equal (P, F) with
 * probability about 1e8 / 2^64 ≈ 5e-12. E is only compared between records whose folded keys
 * are equal, so an OCR variant is labelled exact with probability 2^-32. Both are caught by the
 * caller's confirmation against the alert (compareDocuments), which it needs anyway.
 *
 * The key `STATE:NUMBER` is cut into 32-bit words, four code units a word when it is all ASCII
 * (the usual case: a third of the mixing work), else two; each word goes through MurmurHash3's
 * block step, then the length (with the packing as its top bit) is mixed in. Only P goes
 * through MurmurHash3's finaliser, because its top bits choose the slot; F and E are only
 * compared for equality, which a bijective finaliser cannot improve.
 * Snapshots store these hashes, so any change to the normalisation or to this file must bump
 * KEY_FORMAT_VERSION.
 */
export const KEY_FORMAT_VERSION = 1;

const SEED_P = 0x3c6ef372;
const SEED_F = 0x510e527f;
const SEED_E = 0x9b05688c;
const COLON = 58;
/** Marks the two-units-a-word packing in the length, so the two packings never meet. */
const WIDE = 0x80000000;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function mixA(h: number, word: number): number {
  const k = Math.imul(rotl(Math.imul(word, 0xcc9e2d51), 15), 0x1b873593);
  h = rotl(h ^ k, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixB(h: number, word: number): number {
  const k = Math.imul(rotl(Math.imul(word, 0x85ebca77), 13), 0xc2b2ae3d);
  h = rotl(h ^ k, 17);
  return (Math.imul(h, 0x27d4eb2f) + 0x165667b1) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A state code already in normal form (one to three capital letters) needs no regular expression. */
function stateKey(state: string): string {
  const n = state.length;
  if (n === 0 || n > 3) return normaliseIssuingState(state);
  for (let i = 0; i < n; i++) {
    const c = state.charCodeAt(i);
    if (c < 65 || c > 90) return normaliseIssuingState(state);
  }
  return n === 3 ? state : icaoStateAlias(state);
}

/** For each ASCII code of a raw number: its upper-case, OCR-folded code (meaningless where ASCII_NUMBER_CHAR drops it). */
const ASCII_FOLDED_CHAR: Uint8Array = Uint8Array.from(ASCII_NUMBER_CHAR, (c) => (c < 0 ? 0 : ASCII_OCR_FOLD[c]!));

// The mixing is written out in the loop below rather than called: this is the hot path of every
// border check, and measured twice as fast so (V8 did not inline the helpers there).

/**
 * Writes P, F and E to out[0..2]. One pass for the three: computing E only for hits would save
 * a lane on misses but cost a second pass on hits, and measured no faster.
 */
export function hashDocument(issuingState: string, number: string, out: Uint32Array): void {
  // `STATE:` fills one word when the state is three capital letters, as it nearly always is.
  let state = issuingState;
  let exact = 0;
  let length = 0;
  if (issuingState.length === 3) {
    const a = issuingState.charCodeAt(0);
    const b = issuingState.charCodeAt(1);
    const c = issuingState.charCodeAt(2);
    if (a >= 65 && a <= 90 && b >= 65 && b <= 90 && c >= 65 && c <= 90) {
      exact = a | (b << 8) | (c << 16) | (COLON << 24);
      length = 4;
    }
  }
  if (length === 0) {
    state = stateKey(issuingState);
    if (state.length > 3) return hashStrings(state, normaliseDocumentNumber(number), out);
    exact = COLON << (state.length * 8);
    for (let i = 0; i < state.length; i++) exact |= state.charCodeAt(i) << (i * 8);
    length = state.length + 1;
  }
  let folded = exact;
  let shift = length * 8;
  let p = SEED_P;
  let f = SEED_F;
  let e = SEED_E;
  if (shift === 32) {
    p = mixA(p, folded);
    f = mixB(f, folded);
    e = mixA(e, exact);
    exact = folded = shift = 0;
  }
  for (let i = 0, n = number.length; i < n; i++) {
    const raw = number.charCodeAt(i);
    if (raw >= 128) return hashStrings(state, normaliseDocumentNumber(number), out);
    const c = ASCII_NUMBER_CHAR[raw]!;
    if (c < 0) continue;
    exact |= c << shift;
    folded |= ASCII_FOLDED_CHAR[raw]! << shift;
    length++;
    shift += 8;
    if (shift === 32) {
      let k = Math.imul(folded, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      p ^= k;
      p = (p << 13) | (p >>> 19);
      p = (Math.imul(p, 5) + 0xe6546b64) | 0;
      k = Math.imul(folded, 0x85ebca77);
      k = Math.imul((k << 13) | (k >>> 19), 0xc2b2ae3d);
      f ^= k;
      f = (f << 17) | (f >>> 15);
      f = (Math.imul(f, 0x27d4eb2f) + 0x165667b1) | 0;
      k = Math.imul(exact, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      e ^= k;
      e = (e << 13) | (e >>> 19);
      e = (Math.imul(e, 5) + 0xe6546b64) | 0;
      exact = folded = shift = 0;
    }
  }
  if (shift !== 0) {
    p = mixA(p, folded);
    f = mixB(f, folded);
    e = mixA(e, exact);
  }
  out[0] = fmix(p ^ length);
  out[1] = (f ^ length) >>> 0 || 1;
  out[2] = (e ^ length) >>> 0;
}

/** P, F and E (out[0..2]) of an already normalised state and number: the reference the fast paths must agree with. */
export function hashNormalised(state: string, number: string, out: Uint32Array): void {
  hashStrings(state, number, out);
}

function hashStrings(state: string, number: string, out: Uint32Array): void {
  const folded = `${state}:${foldOcrConfusions(number)}`;
  // Folding maps ASCII to ASCII and leaves the rest alone: both keys have the same packing.
  const wide = !isAscii(folded);
  out[0] = fmix(lane(folded, SEED_P, mixA, wide));
  out[1] = lane(folded, SEED_F, mixB, wide) || 1;
  out[2] = lane(`${state}:${number}`, SEED_E, mixA, wide);
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 128) return false;
  return true;
}

function lane(key: string, seed: number, mix: (h: number, word: number) => number, wide: boolean): number {
  const step = wide ? 16 : 8;
  let h = seed;
  let word = 0;
  let shift = 0;
  for (let i = 0; i < key.length; i++) {
    word |= key.charCodeAt(i) << shift;
    if ((shift += step) === 32) {
      h = mix(h, word);
      word = shift = 0;
    }
  }
  if (shift !== 0) h = mix(h, word);
  return (h ^ (wide ? key.length | WIDE : key.length)) >>> 0;
}
