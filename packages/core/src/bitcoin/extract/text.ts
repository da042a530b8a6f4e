// What counts as text in carried bytes. Printable means ASCII 0x20–0x7e, tab, LF, CR, or a
// well-formed UTF-8 multi-byte sequence (random bytes rarely form one, messages in other scripts
// do).

/** Length of the printable character at data[i] (1–4 bytes), or 0 when it is not one. */
export function printableAt(data: Uint8Array, i: number, end = data.length): number {
  const b = data[i]!;
  if (b < 0x80) return (b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d ? 1 : 0;
  let n: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) { n = 2; min = 0x80; }
  else if (b >= 0xe0 && b <= 0xef) { n = 3; min = 0x800; }
  else if (b >= 0xf0 && b <= 0xf4) { n = 4; min = 0x10000; }
  else return 0;
  if (i + n > end) return 0;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = data[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

export interface TextStats {
  /** Bytes belonging to printable characters. */
  printable: number;
  /** Bytes that are ASCII letters, digits or space. */
  alnum: number;
}

export function textStats(data: Uint8Array, from = 0, to = data.length): TextStats {
  let printable = 0;
  let alnum = 0;
  for (let i = from; i < to;) {
    const n = printableAt(data, i, to);
    if (n === 0) { i++; continue; }
    printable += n;
    const b = data[i]!;
    if (n > 1 || b === 0x20 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a)) alnum += n;
    i += n;
  }
  return { printable, alnum };
}

/** Where [from, to) ends once trailing 0x00 and 0xff padding bytes are dropped. */
export function endWithoutPadding(data: Uint8Array, from = 0, to = data.length): number {
  let end = to;
  while (end > from && (data[end - 1] === 0x00 || data[end - 1] === 0xff)) end--;
  return end;
}

export interface TextRun { start: number; end: number }

/** Maximal runs of printable characters of at least minLength bytes, in order. */
export function textRuns(data: Uint8Array, minLength: number, from = 0, to = data.length): TextRun[] {
  const runs: TextRun[] = [];
  let start = -1;
  for (let i = from; i < to;) {
    const n = printableAt(data, i, to);
    if (n > 0) {
      if (start < 0) start = i;
      i += n;
    } else {
      if (start >= 0 && i - start >= minLength) runs.push({ start, end: i });
      start = -1;
      i++;
    }
  }
  if (start >= 0 && to - start >= minLength) runs.push({ start, end: to });
  return runs;
}

/**
 * "Mostly text": at least 95 % printable and at least 60 % letters, digits and spaces, so that
 * 20 random bytes (a hash) pass with a probability below one in a billion.
 */
export function isMostlyText(data: Uint8Array, from = 0, to = data.length): boolean {
  const n = to - from;
  if (n <= 0) return false;
  const s = textStats(data, from, to);
  return s.printable >= 0.95 * n && s.alnum >= 0.6 * n;
}
