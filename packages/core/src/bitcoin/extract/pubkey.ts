// Is a "public key" in an output a point of secp256k1? A key that is not cannot be spent by anyone
// and was written as data (Sward et al., "Data Insertion in Bitcoin's Blockchain": P2FK, P2FMS).
// Curve y² = x³ + 7 over p; checked with BigInt (the cost is paid only for keys that pass the
// cheap length and prefix test).
const P = 2n ** 256n - 2n ** 32n - 977n;
const HALF = (P - 1n) / 2n;

function toBig(bytes: Uint8Array, from: number, to: number): bigint {
  let v = 0n;
  for (let i = from; i < to; i++) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

function powMod(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base % P;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

/** True for a well-formed SEC key (33 bytes 02/03, 65 bytes 04/06/07) whose point is on the curve. */
export function isValidPublicKey(key: Uint8Array): boolean {
  if (key.length === 33) {
    if (key[0] !== 0x02 && key[0] !== 0x03) return false;
    const x = toBig(key, 1, 33);
    if (x >= P) return false;
    // A compressed key names a point when x³ + 7 is a square mod p (Euler's criterion).
    return powMod(x * x * x + 7n, HALF) === 1n;
  }
  if (key.length === 65) {
    const prefix = key[0];
    if (prefix !== 0x04 && prefix !== 0x06 && prefix !== 0x07) return false;
    const x = toBig(key, 1, 33);
    const y = toBig(key, 33, 65);
    if (x >= P || y >= P) return false;
    // Hybrid keys (06/07) also carry y's parity in the prefix.
    if (prefix !== 0x04 && Number(y & 1n) !== prefix - 6) return false;
    return (y * y - (x * x * x + 7n)) % P === 0n;
  }
  return false;
}
