import type { Readable } from 'node:stream';

export interface Line {
  number: number;
  text: string;
  /** Set when the line was longer than the limit; `text` is then empty. */
  tooLong: boolean;
}

/**
 * Splits a stream into lines without ever holding more than `maxBytes` of one line, so a file
 * without line breaks cannot exhaust memory.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    const text = tooLong ? '' : Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
    const line = { number, text, tooLong };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of stream) {
    let buf = chunk as Buffer;
    for (;;) {
      const nl = buf.indexOf(10);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      if (!tooLong) {
        size += piece.length;
        if (size > maxBytes) {
          tooLong = true;
          parts = [];
        } else parts.push(Buffer.from(piece));
      }
      if (nl === -1) break;
      yield finish();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0 || tooLong) yield finish();
}
