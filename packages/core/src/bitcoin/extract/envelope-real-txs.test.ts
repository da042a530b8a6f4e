import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonTransaction } from '../json-tx.js';
import type { Transaction } from '../transaction.js';
import { extractAtomicals } from './atomicals.js';
import { ENVELOPE_EXTRACTORS } from './envelopes.js';
import { extractOrdinals } from './ordinals.js';
import type { ExtractedPayload } from './payload.js';

// Real inscriptions and Atomicals from ../shared/testdata/chain (ordpool-parser's test
// transactions), read where they are and never copied. Without them these tests are skipped.
const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../../shared/testdata');
const dir = join(testdata, 'chain');
const present = existsSync(join(dir, 'MANIFEST.json'));
if (!present) console.warn(`skipping real envelope tests: ${dir} is absent`);

interface Checked { type: string; expected_file?: string | null; size?: number; sha256?: string; pointer?: number; input?: number; hex?: string }
interface ManifestTx { file?: string; txid: string; insertion_method: string; expected_payload: Checked & { count?: number; checked?: Checked[] } }
const manifest = present ? (JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as { transactions: ManifestTx[] }) : { transactions: [] };

function loadTx(txid: string): Transaction {
  // Esplora JSON has no raw hex: the scanner's reader rebuilds the transaction.
  const { tx } = readJsonTransaction(JSON.parse(readFileSync(join(dir, `ordpool-parser/tx/tx_${txid}.json`), 'utf8')));
  expect(tx.txid).toBe(txid);
  return tx;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const entry = (prefix: string): ManifestTx => {
  const e = manifest.transactions.find((t) => t.txid.startsWith(prefix));
  if (!e) throw new Error(`MANIFEST has no transaction ${prefix}`);
  return e;
};
const decoded = (p: ExtractedPayload): Uint8Array =>
  p.contentEncoding === 'gzip' ? gunzipSync(p.bytes) : p.contentEncoding === 'br' ? brotliDecompressSync(p.bytes) : p.bytes;
const cursed = (p: ExtractedPayload) => (p.notes ?? []).filter((n) => n.startsWith('cursed: '));

describe.skipIf(!present)('Ordinals inscriptions in real transactions', () => {
  const single = manifest.transactions.filter((t) => t.file?.startsWith('ordpool-parser/') && t.insertion_method.startsWith('witness/ordinals') && t.expected_payload.sha256);

  it('has the single-inscription entries of the MANIFEST to check', () => {
    expect(single.map((t) => t.txid.slice(0, 6)).sort()).toEqual(['430901', '49cbc5', '4c83f2', '6dc2c1', '78fa9d', '7923e5', 'c1e013', 'f531ee']);
  });

  for (const t of single) {
    it(`finds ${t.txid.slice(0, 12)}… (${t.insertion_method}) byte-exact after its content encoding`, () => {
      const found = extractOrdinals(loadTx(t.txid));
      expect(found).toHaveLength(1);
      const [p] = found as [ExtractedPayload];
      expect(p.method).toBe('ordinals');
      expect(p.place).toEqual({ kind: 'input', index: 0, item: 0 });
      expect(p.fields?.inscriptionId).toBe(`${t.txid}i0`);
      const content = decoded(p);
      expect(content.length).toBe(t.expected_payload.size);
      expect(sha256(content)).toBe(t.expected_payload.sha256);
      // The declared type is what the MANIFEST's type starts with ("text/html (recursive embed)").
      expect(t.expected_payload.type.startsWith(p.declaredType!.split(';')[0]!)).toBe(true);
    });
  }

  it('reads the gzip SVG and the brotli script as carried, naming their content encoding', () => {
    const gz = extractOrdinals(loadTx(entry('4c83f2').txid))[0]!;
    expect(gz.contentEncoding).toBe('gzip');
    expect(gz.bytes.length).toBe(6339);
    const br = extractOrdinals(loadTx(entry('6dc2c1').txid))[0]!;
    expect(br.contentEncoding).toBe('br');
    expect(br.bytes.length).toBe(1614);
  });

  it('finds the 116 inscriptions of 092111, one per input, the later ones cursed for not being in the first input', () => {
    const t = entry('092111');
    const found = extractOrdinals(loadTx(t.txid));
    expect(found).toHaveLength(t.expected_payload.count!);
    found.forEach((p, i) => {
      expect(p.place).toEqual({ kind: 'input', index: i, item: 0 });
      expect(p.fields?.inscriptionId).toBe(`${t.txid}i${i}`);
    });
    for (const c of t.expected_payload.checked!) {
      const p = found[c.input!]!;
      expect(p.declaredType).toBe(c.type);
      expect(sha256(p.bytes)).toBe(c.sha256);
    }
    expect(cursed(found[0]!)).toEqual([]);
    expect(cursed(found[1]!)).toEqual(['cursed: not in the first input (input 1)']);
  });

  it('finds the 666-inscription batch of 11d3f4 in input 1 with its pointers and parent', () => {
    const t = entry('11d3f4');
    const found = extractOrdinals(loadTx(t.txid));
    expect(found).toHaveLength(666);
    found.forEach((p, i) => expect(p.place).toEqual({ kind: 'input', index: 1, item: i }));
    t.expected_payload.checked!.forEach((c, i) => {
      const p = found[i]!;
      expect(p.declaredType).toBe(c.type);
      expect(p.fields?.pointer).toBe(c.pointer);
      expect(sha256(p.bytes)).toBe(c.sha256);
    });
    expect(found.every((p) => typeof p.fields?.parent === 'string' && /^[0-9a-f]{64}i\d+$/.test(p.fields.parent))).toBe(true);
    // A pointer, input 1, and every envelope after the first: each reason is named.
    expect(cursed(found[1]!)).toEqual(expect.arrayContaining([
      'cursed: not in the first input (input 1)',
      'cursed: not the first envelope of its input (envelope 1)',
      'cursed: pointer field',
    ]));
  });

  it('finds the JPEG of block 840000 with its empty-push pointer (0) and its rune name', () => {
    const t = entry('7923e5');
    const [p] = extractOrdinals(loadTx(t.txid));
    expect(p!.declaredType).toBe('image/jpeg');
    expect(p!.fields?.pointer).toBe(t.expected_payload.pointer);
    expect(p!.fields?.rune).toMatch(/^[A-Z]+$/);
    expect(cursed(p!)).toEqual(['cursed: pointer field']);
  });

  it('names the unknown odd field "qey" of f531ee, which ord ignores without a curse', () => {
    const [p] = extractOrdinals(loadTx(entry('f531ee').txid));
    expect(p!.notes).toEqual([expect.stringMatching(/^unknown odd field 0x716579 \("qey"\): ignored by ord/)]);
    expect(cursed(p!)).toEqual([]);
  });

  it('shows the cbrc-20 metadata of 49cbc5 in hex and decoded, with its metaprotocol', () => {
    const [p] = extractOrdinals(loadTx(entry('49cbc5').txid));
    expect(p!.fields?.metaprotocol).toBe('cbrc-20:deploy');
    expect(p!.fields?.metadata).toMatch(/^a5647469636b/);
    expect(p!.fields?.metadataDecoded).toContain('"tick":"SYMM"');
    expect(p!.fields?.metadataDecoded).toContain('"name":"Symmetry"');
  });

  it('finds the on-chain brotli bomb of 08770f as carried (790 bytes, br), its note tag unknown and odd', () => {
    const [p] = extractOrdinals(loadTx(entry('08770f').txid));
    expect(p!.contentEncoding).toBe('br');
    expect(p!.fields?.metaprotocol).toBe('💣');
    expect(p!.bytes.length).toBe(790);
    expect(sha256(p!.bytes)).toBe(sha256(new Uint8Array(readFileSync(join(dir, 'ordpool-parser/bombs/brotli-decompression-bomb.txt.br')))));
  });

  it('finds nothing in the coinbase afbac5 (its witness is the 32-byte reserved value)', () => {
    const tx = loadTx(entry('afbac5').txid);
    for (const extract of ENVELOPE_EXTRACTORS) expect(extract(tx)).toEqual([]);
  });
});

describe.skipIf(!present)('Atomicals in real transactions', () => {
  const withFile = manifest.transactions.filter((t) => t.insertion_method.startsWith('atomicals') && t.expected_payload.sha256);

  it('has the three Atomicals files of the MANIFEST to check', () => {
    expect(withFile.map((t) => t.txid.slice(0, 6)).sort()).toEqual(['1d2f39', '7c8527', 'b8a729']);
  });

  for (const t of withFile) {
    it(`finds the PNG of ${t.txid.slice(0, 12)}… (${t.insertion_method.split(' ').pop()}) byte-exact`, () => {
      const found = extractAtomicals(loadTx(t.txid));
      expect(found).toHaveLength(1);
      const [p] = found as [ExtractedPayload];
      expect(p.method).toBe('atomicals');
      expect(p.place).toEqual({ kind: 'input', index: 0, item: 0 });
      expect(p.bytes.length).toBe(t.expected_payload.size);
      expect(sha256(p.bytes)).toBe(t.expected_payload.sha256);
      expect(p.fields?.fileName).toMatch(/image\.png$/);
      expect(['dft', 'nft', 'dat']).toContain(p.fields?.operation);
    });
  }

  it('declares image/png for the dft file written as {$ct, $b}', () => {
    const [p] = extractAtomicals(loadTx(entry('1d2f39').txid));
    expect(p!.declaredType).toBe('image/png');
    expect(p!.fields).toMatchObject({ operation: 'dft', fileName: 'image.png' });
  });

  it('gives the dmt mint of 5390e8, CBOR arguments only, as its CBOR', () => {
    const t = entry('5390e8');
    const found = extractAtomicals(loadTx(t.txid));
    expect(found).toHaveLength(1);
    const [p] = found as [ExtractedPayload];
    expect(Buffer.from(p.bytes).toString('hex')).toBe(t.expected_payload.hex);
    expect(p.bytes.length).toBe(t.expected_payload.size);
    expect(p.declaredType).toBe('application/cbor');
    expect(p.fields?.operation).toBe('dmt');
    expect(p.fields?.cbor).toBe('{"args":{"bitworkc":"1618","mint_ticker":"atom","nonce":5446138,"time":1695180453}}');
  });

  it('finds no inscription in Atomicals transactions, and no Atomicals in inscriptions', () => {
    for (const prefix of ['1d2f39', '7c8527', 'b8a729', '5390e8']) expect(extractOrdinals(loadTx(entry(prefix).txid))).toEqual([]);
    for (const prefix of ['c1e013', '092111', '11d3f4']) expect(extractAtomicals(loadTx(entry(prefix).txid))).toEqual([]);
  });
});
