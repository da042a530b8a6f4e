// Standard base64 (RFC 4648 §4) to bytes, padding optional; undefined for any other character.
const VALUES = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) VALUES['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

export function decodeBase64(text: Uint8Array): Uint8Array | undefined {
  let n = text.length;
  while (n > 0 && text[n - 1] === 0x3d) n--;
  if (text.length - n > 2 || n % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = VALUES[text[i]!]!;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Length of the run of base64 characters (and its padding) starting at data[from]. */
export function base64RunLength(data: Uint8Array, from: number): number {
  let i = from;
  while (i < data.length && VALUES[data[i]!]! >= 0) i++;
  let pad = 0;
  while (i < data.length && data[i] === 0x3d && pad < 2) { i++; pad++; }
  return i - from;
}
