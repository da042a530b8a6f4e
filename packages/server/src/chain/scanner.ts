import { extractPayloads, type Block, type ExtractedPayload, type ExtractionMethod, type Transaction } from '@crosscheck/core/bitcoin';
import type { FindingLocation, FindingMatch, ScannedFinding } from '@crosscheck/core/api';
import { FINDING_LIMITS } from '@crosscheck/core/api/schemas';
import { boundFinding } from './finding-bounds.js';
import { identify, md5Hex, sha256Hex, type IdentifyOptions } from './identify.js';
import type { BatchMatcher, PayloadMatcher } from './matcher.js';

/**
 * The scanning pipeline: every transaction's payloads (core extractors), identified (hashes,
 * media type, text, capped decompression), matched (hash lists, YARA, ClamAV), and merged by
 * SHA-256 into findings with all their locations. Findings wait in a window so that a payload
 * seen again (the same file in two transactions) joins the finding already made; the window is
 * bounded, and findings leave it, oldest first, when it is full or when the caller flushes (end
 * of a scan, or a point to resume from). A payload seen again after its finding has left the
 * window is a second finding with the same sha256, which recording merges. Findings are written
 * within what an import accepts (finding-bounds.ts); bytes found in more places than one record
 * holds are written as several records of the same sha256 as well.
 */

export interface ScanContext {
  height: number | null;
  blockHash: string | null;
}

export interface ScannerOptions extends IdentifyOptions {
  matchers?: PayloadMatcher[];
  batchMatcher?: BatchMatcher;
  /** Findings held for merging before they are written; default 20,000. */
  window?: number;
  /**
   * Hand the payload bytes of findings up to this size to `emit` (for recording them); bytes are
   * copied out of the block so that a waiting finding does not hold its whole block in memory.
   */
  keepContent?: number;
}

export interface ScanStats {
  blocks: number;
  transactions: number;
  /** Bytes of blocks and transactions read. */
  bytes: number;
  /** Payloads extracted (every location), and findings written (one per distinct payload in the window). */
  payloads: number;
  findings: number;
  perMethod: Partial<Record<ExtractionMethod, { findings: number; locations: number }>>;
  /** Findings whose decompression hit the cap. */
  capped: number;
  matched: number;
  errors: number;
}

/** Written findings, with the payload bytes of each when the scanner keeps them (else undefined). */
export type EmitFindings = (findings: ScannedFinding[], contents: (Uint8Array | undefined)[]) => void | Promise<void>;

interface Pending {
  finding: ScannedFinding;
  seen: Set<string>;
  content: Uint8Array | undefined;
  /** A further record of bytes already written (more locations): not counted as a finding again. */
  continued?: boolean;
}

const DEFAULT_WINDOW = 20_000;

export class ChainScanner {
  readonly stats: ScanStats = { blocks: 0, transactions: 0, bytes: 0, payloads: 0, findings: 0, perMethod: {}, capped: 0, matched: 0, errors: 0 };
  private readonly pending = new Map<string, Pending>();
  private readonly window: number;

  constructor(private readonly options: ScannerOptions, private readonly emit: EmitFindings) {
    this.window = options.window ?? DEFAULT_WINDOW;
  }

  async addBlock(block: Block, height: number | null): Promise<void> {
    const context = { height, blockHash: block.header.hash };
    for (const tx of block.transactions) await this.addTransaction(tx, context, false);
    this.stats.blocks++;
    this.stats.bytes += block.size;
  }

  /** A transaction alone (counted in bytes) or within a block (the block counts its bytes). */
  async addTransaction(tx: Transaction, context: ScanContext, alone = true): Promise<void> {
    this.stats.transactions++;
    if (alone) this.stats.bytes += tx.size;
    const payloads = extractPayloads(tx);
    for (const p of payloads) await this.addPayload(p, tx.txid, context);
  }

  /** Counts an input or block that could not be read (reported by the caller). */
  countError(): void {
    this.stats.errors++;
  }

  async addPayload(p: ExtractedPayload, txid: string, context: ScanContext): Promise<void> {
    this.stats.payloads++;
    const location: FindingLocation = { txid, height: context.height, blockHash: context.blockHash, place: { ...p.place } };
    const where = `${txid}/${JSON.stringify(p.place)}`;
    const sha256 = sha256Hex(p.bytes);
    const known = this.pending.get(sha256);
    if (known) {
      if (!known.seen.has(where)) {
        if (known.finding.locations.length >= FINDING_LIMITS.locations) {
          await this.write([sha256]);
          const more = `found in more than ${FINDING_LIMITS.locations} places: written as several records of these bytes, which recording merges`;
          const finding: ScannedFinding = { ...known.finding, matches: [...known.finding.matches], locations: [location], fields: { ...known.finding.fields }, notes: [...known.finding.notes.filter((n) => n !== more), more] };
          this.pending.set(sha256, { finding, seen: new Set([where]), content: known.content, continued: true });
          return;
        }
        known.seen.add(where);
        known.finding.locations.push(location);
        if (p.method !== known.finding.method) addNote(known.finding, `also carried as ${p.method}`);
      }
      return;
    }
    const facts = await identify(p.bytes, p.contentEncoding, this.options, sha256);
    const matches: FindingMatch[] = [];
    for (const m of this.options.matchers ?? []) {
      matches.push(...m.match(p.bytes, facts, 'payload'));
      if (facts.decodedBytes && facts.decoded) matches.push(...m.match(facts.decodedBytes, facts.decoded, 'decoded'));
    }
    if (this.options.batchMatcher) {
      await this.options.batchMatcher.add(sha256, p.bytes, 'payload');
      if (facts.decodedBytes) await this.options.batchMatcher.add(sha256, facts.decodedBytes, 'decoded');
    }
    const finding: ScannedFinding = {
      method: p.method,
      size: facts.size,
      sha256,
      md5: facts.md5,
      mediaType: facts.mediaType,
      declaredType: p.declaredType ?? null,
      decoded: facts.decoded,
      text: facts.text,
      matches,
      locations: [location],
      fields: { ...(p.fields ?? {}) },
      notes: [...(p.notes ?? []), ...facts.notes],
    };
    if (p.contentEncoding !== undefined && finding.fields.contentEncoding === undefined) finding.fields.contentEncoding = p.contentEncoding;
    const content = this.options.keepContent !== undefined && p.bytes.length <= this.options.keepContent ? p.bytes.slice() : undefined;
    this.pending.set(sha256, { finding, seen: new Set([where]), content });
    if (this.pending.size > this.window) await this.flush(Math.ceil(this.window / 2));
  }

  /** Writes the oldest `count` findings waiting (all by default), after any batch matching. */
  async flush(count = this.pending.size): Promise<void> {
    const keys: string[] = [];
    for (const key of this.pending.keys()) {
      if (keys.length >= count) break;
      keys.push(key);
    }
    await this.write(keys);
  }

  /** Writes the findings waiting under these keys, in this order. */
  private async write(keys: readonly string[]): Promise<void> {
    const out: ScannedFinding[] = [];
    const contents: (Uint8Array | undefined)[] = [];
    const continued = new Set<ScannedFinding>();
    for (const key of keys) {
      const p = this.pending.get(key);
      if (!p) continue;
      out.push(p.finding);
      contents.push(p.content);
      if (p.continued) continued.add(p.finding);
      this.pending.delete(key);
    }
    if (out.length === 0) return;
    if (this.options.batchMatcher) {
      const found = await this.options.batchMatcher.run();
      for (const f of out) f.matches.push(...(found.get(f.sha256) ?? []));
      // Findings still waiting were spooled too: their answers are kept for when they leave.
      for (const [key, matches] of found) {
        const p = this.pending.get(key);
        if (p) p.finding.matches.push(...matches);
      }
    }
    for (const f of out) {
      const m = (this.stats.perMethod[f.method] ??= { findings: 0, locations: 0 });
      m.locations += f.locations.length;
      if (continued.has(f)) continue;
      this.stats.findings++;
      m.findings++;
      if (f.decoded?.capped) this.stats.capped++;
      if (f.matches.length > 0) this.stats.matched++;
    }
    await this.emit(out.map(boundFinding), contents);
  }

  /** Findings not yet written. */
  get waiting(): number {
    return this.pending.size;
  }
}

function addNote(f: ScannedFinding, note: string): void {
  if (!f.notes.includes(note)) f.notes.push(note);
}

export { md5Hex, sha256Hex };
