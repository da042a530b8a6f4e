import { describe, expect, it } from 'vitest';
import { contentView } from './chain-words.ts';
import { DecodeError, decodeContent } from './decode-content.ts';

const PICTURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
const ascii = (s: string) => new TextEncoder().encode(s);
const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
// The browser's own compressor, as a scanner's gzip would be.
const gzip = async (b: Uint8Array<ArrayBuffer>) => new Uint8Array(await new Response(new Blob([b]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());

describe('a picture carried encoded, undone in the browser', () => {
  it('undoes gzip to exactly the size the server found', async () => {
    expect(await decodeContent(await gzip(PICTURE), 'gzip', PICTURE.length)).toEqual(PICTURE);
  });

  it('undoes a stamp’s base64, with its prefix or as a data: URI', async () => {
    const b64 = base64(PICTURE);
    expect(await decodeContent(ascii(`stamp:${b64}`), 'base64', PICTURE.length)).toEqual(PICTURE);
    expect(await decodeContent(ascii(`data:image/png;base64,${b64.slice(0, 8)}\n${b64.slice(8)}`), 'base64', PICTURE.length)).toEqual(PICTURE);
  });

  it('stops as soon as the bytes outgrow what the server found (a bomb is never expanded here)', async () => {
    const bomb = await gzip(new Uint8Array(5_000_000));
    await expect(decodeContent(bomb, 'gzip', 1000)).rejects.toBeInstanceOf(DecodeError);
  });

  it('refuses bytes that are not what they claim', async () => {
    await expect(decodeContent(ascii('not gzip at all'), 'gzip', 10)).rejects.toBeInstanceOf(DecodeError);
    await expect(decodeContent(ascii('stamp:@@@@'), 'base64', 3)).rejects.toBeInstanceOf(DecodeError);
    await expect(decodeContent(await gzip(PICTURE), 'gzip', PICTURE.length + 1)).rejects.toBeInstanceOf(DecodeError);
  });
});

describe('which decoded pictures are shown', () => {
  const base = { mediaType: 'application/gzip', declaredType: 'image/png', sha256: 'ab'.repeat(32) };
  const decoded = { encoding: 'gzip', size: 500, sha256: 'cd'.repeat(32), md5: 'ef'.repeat(16), mediaType: 'image/png', capped: false };
  it('a whole decoded picture in an encoding the browser undoes', () => {
    expect(contentView({ ...base, decoded })).toEqual({ kind: 'image', type: 'image/png', decode: { encoding: 'gzip', size: 500 } });
  });
  it('never a capped one, nor one in an encoding the browser cannot undo', () => {
    expect(contentView({ ...base, decoded: { ...decoded, capped: true } }).kind).toBe('file');
    expect(contentView({ ...base, decoded: { ...decoded, encoding: 'br' } }).kind).toBe('file');
    expect(contentView({ ...base, decoded: { ...decoded, mediaType: 'text/html' } }).kind).toBe('file');
  });
});
