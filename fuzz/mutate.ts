import type { Rng } from './prng.ts';

/** Bytes that change how text-based formats are read: separators, quotes, escapes, odd code points. */
const SPECIAL = [0x00, 0x0a, 0x0d, 0x09, 0x20, 0x22, 0x27, 0x2c, 0x3a, 0x3b, 0x3c, 0x3e, 0x3f, 0x2b, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x26, 0x7f, 0x80, 0xc0, 0xef, 0xfe, 0xff];
const INTERESTING_NUMBERS = ['0', '-1', '1e309', '-0', '9007199254740993', '4294967296', 'NaN', '1.5', '99999999999999999999', '0x10', '00', '1e-400'];
const ODD_TEXT = ['\uFEFF', '\u0000', '\uD800', '\u202E', '\u0301', 'İ', 'ß', 'ﬃ', '\u00A0', '\u2028', '𝔸', 'Ω', '\u200B', '%s%n', '\\u0000', '\\ud800'];

/**
 * The largest input a mutation may grow to. Readers take time in proportion to what they read;
 * at this size an input over the slow threshold (1 s) is over 100 µs per byte: work growing
 * faster than the input, which is what is sought.
 */
export const MAX_INPUT_BYTES = 8 * 1024;

/**
 * One mutated input from a pool: bit flips, byte insert/delete/overwrite, chunk repeat, truncate,
 * splice with another pool member, and the format's own tokens; several stacked at once.
 */
export function mutate(rng: Rng, pool: readonly Buffer[], tokens: readonly string[]): Buffer {
  let data: Buffer = Buffer.from(rng.pick(pool));
  const rounds = 1 + rng.below(rng.chance(0.2) ? 16 : 4);
  for (let r = 0; r < rounds; r++) {
    data = once(rng, data, pool, tokens);
    if (data.length > MAX_INPUT_BYTES) data = data.subarray(0, MAX_INPUT_BYTES);
  }
  return data;
}

function once(rng: Rng, data: Buffer, pool: readonly Buffer[], tokens: readonly string[]): Buffer {
  const at = () => rng.below(data.length + 1);
  switch (rng.below(13)) {
    case 0: {
      if (data.length === 0) return data;
      const i = rng.below(data.length);
      data[i] = data[i]! ^ (1 << rng.below(8));
      return data;
    }
    case 1: {
      if (data.length === 0) return data;
      data[rng.below(data.length)] = rng.pick(SPECIAL);
      return data;
    }
    case 2:
      return insert(data, at(), Buffer.from([rng.chance(0.5) ? rng.pick(SPECIAL) : rng.below(256)]));
    case 3: {
      const i = at();
      return Buffer.concat([data.subarray(0, i), data.subarray(Math.min(data.length, i + 1 + rng.below(16)))]);
    }
    case 4:
    case 5:
      return insert(data, at(), Buffer.from(rng.pick(tokens), 'utf8'));
    case 6: {
      // Replace a run with a token: keeps the surroundings well-formed more often than an insert.
      const i = at();
      return Buffer.concat([data.subarray(0, i), Buffer.from(rng.pick(tokens), 'utf8'), data.subarray(Math.min(data.length, i + 1 + rng.below(12)))]);
    }
    case 7: {
      // Repeat a chunk: deep nesting, long runs, many segments.
      const i = at();
      const len = 1 + rng.below(Math.max(1, Math.min(64, data.length - i)));
      const chunk = data.subarray(i, i + len);
      const times = 1 + rng.below(rng.chance(0.1) ? 200 : 8);
      return insert(data, i, Buffer.concat(Array.from({ length: times }, () => chunk)));
    }
    case 8:
      return data.subarray(0, at());
    case 9: {
      // Splice: the head of this input and the tail of another.
      const other = rng.pick(pool);
      return Buffer.concat([data.subarray(0, at()), other.subarray(rng.below(other.length + 1))]);
    }
    case 10:
      return insert(data, at(), Buffer.from(rng.pick(INTERESTING_NUMBERS)));
    case 11:
      return insert(data, at(), Buffer.from(rng.pick(ODD_TEXT), 'utf8'));
    default: {
      // Swap two chunks' order (lines, segments, elements out of order).
      if (data.length < 4) return data;
      const i = rng.below(data.length - 2);
      const j = i + 1 + rng.below(data.length - i - 1);
      const k = j + rng.below(data.length - j + 1);
      return Buffer.concat([data.subarray(0, i), data.subarray(j, k), data.subarray(i, j), data.subarray(k)]);
    }
  }
}

function insert(data: Buffer, i: number, piece: Buffer): Buffer {
  return Buffer.concat([data.subarray(0, i), piece, data.subarray(i)]);
}
