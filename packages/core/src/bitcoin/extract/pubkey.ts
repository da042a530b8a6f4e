// Is a "public key" in an output a point of secp256k1? A key that is not cannot be spent by anyone
// and was written as data (Sward et al., "Data Insertion in Bitcoin's Blockchain": P2FK, P2FMS).
// Curve y² = x³ + 7 over p; checked with BigInt (the cost is paid only for keys that pass the
// cheap length and prefix test).
const P = 2n ** 256n - 2n ** 32n - 977n;

function toBig(bytes: Uint8Array, from: number, to: number): bigint {
  let v = 0n;
  for (let i = from; i < to; i++) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

/**
 * Jacobi symbol (a | P) by quadratic reciprocity: shifts and one remainder per step, several
 * times faster with BigInt than Euler's criterion (a 256-bit modular exponentiation).
 */
function jacobi(value: bigint): number {
  let a = value % P;
  let n = P;
  let result = 1;
  while (a !== 0n) {
    while ((a & 1n) === 0n) {
      a >>= 1n;
      const r = n & 7n;
      if (r === 3n || r === 5n) result = -result;
    }
    const t = a;
    a = n;
    n = t;
    if ((a & 3n) === 3n && (n & 3n) === 3n) result = -result;
    a %= n;
  }
  return n === 1n ? result : 0;
}

// Real keys repeat (a pool paying to the same P2PK key in every block): remember recent answers.
const CACHE_SIZE = 512;
const cache = new Map<string, boolean>();

function cached(key: Uint8Array, check: () => boolean): boolean {
  let id = '';
  for (let i = 0; i < key.length; i++) id += String.fromCharCode(key[i]!);
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const answer = check();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(id, answer);
  return answer;
}

/** True for a well-formed SEC key (33 bytes 02/03, 65 bytes 04/06/07) whose point is on the curve. */
export function isValidPublicKey(key: Uint8Array): boolean {
  if (key.length === 33) {
    if (key[0] !== 0x02 && key[0] !== 0x03) return false;
    return cached(key, () => {
      const x = toBig(key, 1, 33);
      if (x >= P) return false;
      // A compressed key names a point when x³ + 7 is a square mod p.
      return jacobi(x * x * x + 7n) === 1;
    });
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
