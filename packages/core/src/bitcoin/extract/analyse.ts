import { findFile } from './carve.js';
import { endWithoutPadding, isMostlyText, printableAt, textRuns } from './text.js';

// Turns raw concatenated output data into the bytes worth reporting: a carved file, text, or the
// data without its trailing padding. The raw size and what was cut are kept in fields and notes so
// an investigator can go back to the transaction.

/** How far into the data a file may start (a length/checksum header written before it). */
export const MAX_HEADER = 16;

export interface Analysed {
  bytes: Uint8Array;
  fields: Record<string, string | number | boolean>;
  notes: string[];
  /** What the bytes were recognised as: a file, text, null data, or nothing. */
  kind: 'file' | 'text' | 'null' | 'data';
}

function countNonPadding(data: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (data[i] !== 0x00 && data[i] !== 0xff) n++;
  return n;
}

export function analyse(data: Uint8Array, maxHeader = MAX_HEADER): Analysed {
  const rawSize = data.length;
  const end = endWithoutPadding(data);
  if (end === 0) {
    return { bytes: data, fields: { rawSize }, notes: ['every byte is 0x00 or 0xff padding (null data)'], kind: 'null' };
  }
  const carved = findFile(data.subarray(0, Math.max(end, Math.min(rawSize, end + 3))), maxHeader);
  if (carved) {
    const { signature, offset } = carved;
    let length = carved.length;
    const notes = [`${signature.name} file at offset ${offset} of ${rawSize} raw bytes`];
    if (length === undefined) {
      // Without an end marker the padding is cut, but a gzip member ends in its length (ISIZE),
      // whose high bytes are zero: keep up to three of the zeros that follow the last other byte.
      let e = end;
      if (signature.name === 'gzip') while (e < rawSize && e < end + 3 && data[e] === 0x00) e++;
      length = e - offset;
      notes.push(`${rawSize - e} trailing padding bytes removed`);
    } else if (offset + length < rawSize) notes.push(`${rawSize - offset - length} bytes after the end of the ${signature.name} file`);
    return {
      bytes: data.subarray(offset, offset + length),
      fields: { rawSize, carveOffset: offset, detectedType: signature.type },
      notes, kind: 'file',
    };
  }
  const fields = { rawSize };
  if (isMostlyText(data, 0, end)) {
    // A key prefix byte (0x04 before text in a 65-byte key) is not part of the text.
    let start = 0;
    while (start < end && printableAt(data, start, end) === 0) start++;
    const notes = end < rawSize ? [`${rawSize - end} trailing padding bytes removed`] : [];
    if (start > 0) notes.push(`${start} leading non-text bytes left out`);
    return { bytes: data.subarray(start, end), fields: start > 0 ? { rawSize, textOffset: start } : fields, notes, kind: 'text' };
  }
  // Text written among padding and key prefixes: keep the text when it is nearly all there is.
  const runs = textRuns(data, 8, 0, end);
  if (runs.length > 0) {
    let inRuns = 0;
    let longest = 0;
    for (const r of runs) { inRuns += r.end - r.start; longest = Math.max(longest, r.end - r.start); }
    if (longest >= 16 && inRuns >= 0.75 * countNonPadding(data, end)) {
      const start = runs[0]!.start;
      const stop = runs[runs.length - 1]!.end;
      return {
        bytes: data.subarray(start, stop),
        fields: { rawSize, textOffset: start },
        notes: [`text at offset ${start} of ${rawSize} raw bytes (padding and key prefix bytes around it left out)`],
        kind: 'text',
      };
    }
  }
  return { bytes: data.subarray(0, end), fields, notes: end < rawSize ? [`${rawSize - end} trailing padding bytes removed`] : [], kind: 'data' };
}
