import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedPayload } from '@crosscheck/core/bitcoin';
import { scannedFindingSchema, type ScannedFinding } from '@crosscheck/core/api/schemas';
import { ClamAv, ClamAvError } from './clamav.js';
import { decompress } from './decompress.js';
import { HashListError, HashLists } from './hash-lists.js';
import { compressionOf, identify, md5Hex, sha256Hex } from './identify.js';
import { ChainScanner } from './scanner.js';
import { textFacts } from './text-facts.js';
import { YaraError, YaraRules } from './yara-rules.js';

const work = mkdtempSync(join(tmpdir(), 'crosscheck-scanner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TXA = 'aa'.repeat(32);
const TXB = 'bb'.repeat(32);
const context = { height: 800_000, blockHash: 'cc'.repeat(32) };
const payload = (bytes: Uint8Array, extra: Partial<ExtractedPayload> = {}): ExtractedPayload => ({ method: 'op-return', place: { kind: 'output', index: 0 }, bytes, ...extra });
const text = (s: string) => new TextEncoder().encode(s);

function collecting(options = {}) {
  const out: ScannedFinding[] = [];
  const scanner = new ChainScanner({ decompress, ...options }, (f) => {
    out.push(...f);
  });
  return { scanner, out };
}

describe('identification of a payload', () => {
  it('hashes the bytes, finds the media type from them and not from the declared type', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const id = await identify(png, undefined, {});
    expect(id.sha256).toBe(sha256Hex(png));
    expect(id.md5).toBe(md5Hex(png));
    expect(id.mediaType).toBe('image/png');
    expect((await identify(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), undefined, {})).mediaType).toBe('image/svg+xml');
    expect((await identify(text('{"p":"src-20","op":"mint"}'), undefined, {})).mediaType).toBe('application/json');
    expect((await identify(Uint8Array.of(1, 2, 3, 250, 0), undefined, {})).mediaType).toBeNull();
  });

  it('decompresses a gzip payload (recognised from its bytes) and hashes both forms', async () => {
    const inner = text('hello from a block '.repeat(50));
    const gz = gzipSync(inner);
    expect(compressionOf(gz, undefined)).toBe('gzip');
    expect(compressionOf(text('plain'), undefined)).toBeUndefined();
    const id = await identify(gz, undefined, { decompress });
    expect(id.mediaType).toBe('application/gzip');
    expect(id.decoded).toMatchObject({ encoding: 'gzip', size: inner.length, sha256: sha256Hex(inner), md5: md5Hex(inner), mediaType: 'text/plain', capped: false });
  });

  it('stops a decompression bomb at the cap and reports it as capped', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024));
    const id = await identify(bomb, 'gzip', { decompress, decodeCap: 1024 * 1024 });
    expect(id.decoded?.capped).toBe(true);
    expect(id.decoded?.size).toBeLessThanOrEqual(1024 * 1024);
    expect(id.notes.join(' ')).toContain('decompression bomb');
  });

  it('a payload declaring gzip that is not gzip is kept, with a note, not an error', async () => {
    const id = await identify(text('not compressed at all'), 'gzip', { decompress });
    expect(id.decoded).toBeNull();
    expect(id.notes[0]).toMatch(/^gzip: not decompressed/);
  });
});

describe('text facts', () => {
  it('gives the printable share, script and language, URLs and onion addresses', () => {
    const t = textFacts(text('The file is at http://example.com/a.zip and the mirror is at midasrezerv.com/reports/x.zip, see also duskgytldkxiuqc6.onion for the rest of the list that was found in the block.'))!;
    expect(t.printableRatio).toBe(1);
    expect(t.language).toBe('en');
    expect(t.urls).toEqual(['http://example.com/a.zip', 'midasrezerv.com/reports/x.zip']);
    expect(t.onions).toEqual(['duskgytldkxiuqc6.onion']);
    expect(textFacts(text('Привет, это сообщение в блокчейне'))!.language).toBe('Cyrl');
  });

  it('is null for binary bytes without addresses; the preview never carries control characters', () => {
    expect(textFacts(Uint8Array.from({ length: 200 }, (_, i) => (i * 37) % 256))).toBeNull();
    const t = textFacts(text('hello\u0007world <script>'))!;
    expect(t.preview).toBe('hello\ufffdworld <script>');
  });
});

describe('the scanner', () => {
  it('merges identical payloads of two transactions into one finding with both locations', async () => {
    const { scanner, out } = collecting();
    const bytes = text('the same note twice');
    await scanner.addPayload(payload(bytes), TXA, context);
    await scanner.addPayload(payload(bytes), TXB, { height: null, blockHash: null });
    await scanner.addPayload(payload(bytes), TXB, { height: null, blockHash: null }); // the same place again: one location
    await scanner.addPayload(payload(text('another')), TXB, context);
    await scanner.flush();
    expect(out).toHaveLength(2);
    const merged = scannedFindingSchema.parse(out[0]);
    expect(merged.locations).toEqual([
      { txid: TXA, height: 800_000, blockHash: context.blockHash, place: { kind: 'output', index: 0 } },
      { txid: TXB, height: null, blockHash: null, place: { kind: 'output', index: 0 } },
    ]);
    expect(merged.text?.preview).toBe('the same note twice');
    expect(scanner.stats.perMethod['op-return']).toEqual({ findings: 2, locations: 3 });
  });

  it('writes the oldest findings when its window is full, and everything on flush', async () => {
    const { scanner, out } = collecting({ window: 4 });
    for (let i = 0; i < 5; i++) await scanner.addPayload(payload(text(`note ${i}`)), TXA, context);
    expect(out.map((f) => f.text?.preview)).toEqual(['note 0', 'note 1']);
    await scanner.flush();
    expect(out).toHaveLength(5);
  });

  it('matches hash lists on the payload and on its decompressed form', async () => {
    const inner = text('known bad content '.repeat(20));
    const gz = gzipSync(inner);
    const lists = new HashLists();
    lists.addText(`# known\n${sha256Hex(inner)} bad-thing\n`, 'list.txt');
    lists.addText(`${md5Hex(gz)}:${gz.length}:Gz.Carrier\n${md5Hex(gz)}:1:Wrong.Size\n`, 'local.hdb');
    const { scanner, out } = collecting({ matchers: [lists] });
    await scanner.addPayload(payload(gz, { contentEncoding: 'gzip', method: 'ordinals', place: { kind: 'input', index: 0 } }), TXA, context);
    await scanner.flush();
    expect(out[0]!.matches).toEqual([
      { source: 'hash-list', name: 'local.hdb:Gz.Carrier', on: 'payload' },
      { source: 'hash-list', name: 'list.txt:bad-thing', on: 'decoded' },
    ]);
    expect(out[0]!.fields.contentEncoding).toBe('gzip');
  });

  it('writes only what an import accepts: the first 100 addresses, cut fields and notes, each cut said in a note', async () => {
    const { scanner, out } = collecting();
    const links = Array.from({ length: 150 }, (_, i) => `http://example${i}.test/${'p'.repeat(i === 0 ? 2100 : 3)}`).join(' ');
    const fields = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field${i}`, 'v'.repeat(1500)]));
    const notes = Array.from({ length: 55 }, (_, i) => `note ${i} ${'n'.repeat(600)}`);
    await scanner.addPayload(payload(text(links), { declaredType: `text/${'x'.repeat(300)}`, fields, notes }), TXA, context);
    await scanner.flush();
    const f = scannedFindingSchema.parse(out[0]);
    expect(f.text!.urls).toHaveLength(100);
    expect(f.text!.urls[0]).toHaveLength(2000);
    expect(Object.keys(f.fields)).toHaveLength(50);
    expect(f.notes).toHaveLength(50);
    expect(f.notes).toContain('150 URLs found, the first 100 kept');
    expect(f.notes).toContain('60 fields read, the first 50 kept');
    expect(f.declaredType).toHaveLength(200);
  });

  it('writes bytes found in more than 1,000 places as several records of them, counted as one finding', async () => {
    const { scanner, out } = collecting();
    const bytes = text('the same bytes everywhere');
    for (let i = 0; i < 2_500; i++) await scanner.addPayload(payload(bytes, { place: { kind: 'output', index: i } }), TXA, context);
    await scanner.flush();
    expect(out.map((f) => f.locations.length)).toEqual([1_000, 1_000, 500]);
    for (const f of out) scannedFindingSchema.parse(f);
    expect(new Set(out.map((f) => f.sha256)).size).toBe(1);
    expect(out[1]!.notes.some((n) => n.includes('several records'))).toBe(true);
    expect(scanner.stats.findings).toBe(1);
    expect(scanner.stats.perMethod['op-return']).toEqual({ findings: 1, locations: 2_500 });
  });
});

describe('hash lists', () => {
  it('read .hsb with any size, and refuse a line that is not a hash, naming the file and line', () => {
    const lists = new HashLists();
    lists.addText(`${'ab'.repeat(32)}:*:Any.Size\n`, 'x.hsb');
    expect(lists.match(new Uint8Array(), { sha256: 'ab'.repeat(32), md5: '', size: 5 }, 'payload')).toEqual([{ source: 'hash-list', name: 'x.hsb:Any.Size', on: 'payload' }]);
    expect(() => lists.addText('abc\n', 'bad.txt')).toThrow(HashListError);
    expect(() => lists.addText('ok\n', 'bad.hdb')).toThrow(/bad\.hdb line 1: not a ClamAV hash signature/);
    expect(() => lists.addText('# only a comment\n', 'empty.txt')).toThrow(/no hash/);
  });
});

describe('YARA rules (YARA-X)', () => {
  it('match payloads by rule, named by file and rule; a rule that does not compile is refused with its file', async () => {
    const file = join(work, 'rules.yar');
    writeFileSync(file, 'rule linpyro_tar { strings: $a = "linpyro" condition: $a }\nrule never { condition: false }\n');
    const rules = new YaraRules();
    await rules.load(work);
    expect(rules.files).toBe(1);
    expect(rules.match(text('xx linpyro-0.1.tar xx'), { sha256: '', md5: '', size: 0 }, 'decoded')).toEqual([{ source: 'yara', name: 'rules.yar:linpyro_tar', on: 'decoded' }]);
    expect(rules.match(text('nothing'), { sha256: '', md5: '', size: 0 }, 'payload')).toEqual([]);
    const bad = join(work, 'bad.yara');
    writeFileSync(bad, 'rule broken { condition: undefined_thing }');
    await expect(new YaraRules().load(bad)).rejects.toThrow(YaraError);
    await expect(new YaraRules().load(bad)).rejects.toThrow(/bad\.yara: .*undefined_thing/s);
  });
});

const haveClamscan = (() => { try { execFileSync('clamscan', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!haveClamscan) console.warn('skipping the ClamAV test: clamscan is not installed (Debian package clamav)');

describe('ClamAV', () => {
  it('says clearly when clamscan is not installed', async () => {
    await expect(ClamAv.open([join(work, 'x.hdb')], 'clamscan-that-does-not-exist')).rejects.toThrow(ClamAvError);
    await expect(ClamAv.open([join(work, 'x.hdb')], 'clamscan-that-does-not-exist')).rejects.toThrow(/not installed/);
  });

  it.skipIf(!haveClamscan)('finds a payload by a local signature file only, in one clamscan run per batch', async () => {
    const bad = text('a payload a member knows to be bad');
    const sigs = join(work, 'member.hdb');
    writeFileSync(sigs, `${md5Hex(bad)}:${bad.length}:Member.Known.Bad\n`);
    const clam = await ClamAv.open([sigs]);
    const { scanner, out } = collecting({ batchMatcher: clam });
    await scanner.addPayload(payload(bad), TXA, context);
    await scanner.addPayload(payload(text('harmless')), TXA, context);
    await scanner.flush();
    await clam.close();
    expect(out.map((f) => f.matches)).toEqual([[{ source: 'clamav', name: 'Member.Known.Bad.UNOFFICIAL', on: 'payload' }], []]);
  }, 120_000);

  it.skipIf(!haveClamscan)('refuses a signature file clamscan cannot load, before scanning', async () => {
    const broken = join(work, 'broken.hdb');
    writeFileSync(broken, 'this is not a signature\n');
    await expect(ClamAv.open([broken])).rejects.toThrow(/clamscan failed/);
  }, 120_000);
});
