import { describe, expect, it } from 'vitest';
import { base64, canonicalJson, uuidv5 } from './uuid5.js';

describe('name-based ids and their inputs', () => {
  it('gives RFC 9562 version 5 UUIDs (the DNS namespace example)', () => {
    expect(uuidv5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('serialises with sorted keys and no whitespace, whatever order the object was built in', () => {
    expect(canonicalJson({ hashes: { 'SHA-256': 'b', MD5: 'a' }, name: 'x', skip: undefined })).toBe('{"hashes":{"MD5":"a","SHA-256":"b"},"name":"x"}');
    expect(canonicalJson([1, 'é', null])).toBe('[1,"é",null]');
  });

  it('encodes base64 with padding, like every other encoder', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) expect(base64(new TextEncoder().encode(text))).toBe(btoa(text));
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919) & 255);
    expect(base64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
  });
});
