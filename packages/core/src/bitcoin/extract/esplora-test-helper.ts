// Test-only: re-serialises an Esplora /api/tx JSON document (which has no raw hex) into the raw
// transaction bytes, so tests can run the extractors on the ordpool-parser fixtures.
interface EsploraTx {
  version: number;
  locktime: number;
  vin: { txid: string; vout: number; scriptsig: string; witness?: string[]; sequence: number }[];
  vout: { value: number; scriptpubkey: string }[];
}

function hex(h: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.slice(i, i + 2), 16));
  return out;
}

function varint(n: number): number[] {
  if (n < 0xfd) return [n];
  if (n <= 0xffff) return [0xfd, n & 0xff, n >> 8];
  return [0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

export function serialiseEsplora(json: unknown): Uint8Array {
  const tx = json as EsploraTx;
  const segwit = tx.vin.some((v) => (v.witness ?? []).length > 0);
  const out: number[] = [...u32(tx.version)];
  if (segwit) out.push(0, 1);
  out.push(...varint(tx.vin.length));
  for (const v of tx.vin) {
    const script = hex(v.scriptsig);
    out.push(...hex(v.txid).reverse(), ...u32(v.vout), ...varint(script.length), ...script, ...u32(v.sequence));
  }
  out.push(...varint(tx.vout.length));
  for (const o of tx.vout) {
    let value = BigInt(o.value);
    for (let i = 0; i < 8; i++) { out.push(Number(value & 0xffn)); value >>= 8n; }
    const script = hex(o.scriptpubkey);
    out.push(...varint(script.length), ...script);
  }
  if (segwit) {
    for (const v of tx.vin) {
      const items = v.witness ?? [];
      out.push(...varint(items.length));
      for (const item of items) { const b = hex(item); out.push(...varint(b.length), ...b); }
    }
  }
  out.push(...u32(tx.locktime));
  return Uint8Array.from(out);
}
