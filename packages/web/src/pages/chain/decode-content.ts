/**
 * Undoing, in the browser, the encoding a finding's picture was carried in (an inscription's gzip,
 * a stamp's base64), so that a revealed picture is shown as a picture. Only done when the server
 * decoded the same bytes without reaching its cap, and stopped at the size it reported: the bytes
 * cannot grow past what the server already saw.
 */

/** Encodings the browser can undo with what it has (DecompressionStream, atob). */
export const BROWSER_DECODINGS = ['gzip', 'deflate', 'base64'] as const;
export type BrowserDecoding = (typeof BROWSER_DECODINGS)[number];

export function isBrowserDecoding(encoding: string): encoding is BrowserDecoding {
  return (BROWSER_DECODINGS as readonly string[]).includes(encoding);
}

export class DecodeError extends Error {}

/** The bytes after undoing `encoding`; refused when they are not exactly `expectedSize` long. */
export async function decodeContent(bytes: Uint8Array<ArrayBuffer>, encoding: BrowserDecoding, expectedSize: number): Promise<Uint8Array<ArrayBuffer>> {
  const out = encoding === 'base64' ? fromBase64(bytes, expectedSize) : await inflate(bytes, encoding, expectedSize);
  if (out.length !== expectedSize) throw new DecodeError(`decoded ${out.length} bytes, the server found ${expectedSize}`);
  return out;
}

/** Base64 as stamps carry it: maybe after "stamp:" or a data: URI's comma, maybe with line breaks. */
function fromBase64(bytes: Uint8Array, expectedSize: number): Uint8Array<ArrayBuffer> {
  // Four characters per three bytes, plus a prefix: anything much longer is not what the server decoded.
  if (bytes.length > Math.ceil(expectedSize / 3) * 4 + 1024) throw new DecodeError('base64 text longer than its decoded size allows');
  let text = new TextDecoder('latin1').decode(bytes).trim();
  if (/^stamp:/i.test(text)) text = text.slice(6);
  if (/^data:/i.test(text)) text = text.slice(text.indexOf(',') + 1);
  text = text.replace(/\s+/g, '');
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new DecodeError('not base64');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** gzip or deflate, read chunk by chunk and stopped one byte past the expected size. */
async function inflate(bytes: Uint8Array<ArrayBuffer>, format: 'gzip' | 'deflate', expectedSize: number): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > expectedSize) throw new DecodeError(`more than the ${expectedSize} bytes the server found`);
      chunks.push(value);
    }
  } catch (e) {
    throw e instanceof DecodeError ? e : new DecodeError(`not valid ${format}`);
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
