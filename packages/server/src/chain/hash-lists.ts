import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FindingMatch } from '@crosscheck/core/api';
import type { MatchFacts, PayloadMatcher } from './matcher.js';

/**
 * Hash lists a member loads to recognise known payloads: plain lists of SHA-256 or MD5 hex (one
 * per line, optionally followed by a name; `#` starts a comment), and ClamAV's hash signature
 * files, `.hdb` (md5:size:name) and `.hsb` (sha256:size:name; size `*` for any).
 */

/** Largest hash list file read: ClamAV's main .hdb is about 30 MB; more is not a hash list. */
export const MAX_HASH_LIST_BYTES = 256 * 1024 * 1024;

interface Entry {
  name: string;
  /** Size the signature requires, when it names one. */
  size: number | null;
}

export class HashListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HashListError';
  }
}

export class HashLists implements PayloadMatcher {
  private readonly byHash = new Map<string, Entry[]>();
  private files = 0;

  get size(): number {
    return this.byHash.size;
  }

  /** Loads one list file; a line that is neither a hash nor a comment is an error naming it. */
  load(path: string): void {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_HASH_LIST_BYTES) throw new HashListError(`${path}: larger than ${MAX_HASH_LIST_BYTES} bytes`);
    this.addText(text, basename(path), path);
  }

  addText(text: string, listName: string, where = listName): void {
    const clam = /\.(hdb|hsb)$/i.test(listName);
    let added = 0;
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const parsed = clam ? clamLine(line) : plainLine(line);
      if (!parsed) throw new HashListError(`${where} line ${i + 1}: not a ${clam ? 'ClamAV hash signature (hash:size:name)' : 'SHA-256 or MD5 hex hash'}: ${line.slice(0, 80)}`);
      const entry = { name: `${listName}:${parsed.name ?? parsed.hash}`, size: parsed.size };
      const list = this.byHash.get(parsed.hash);
      if (list) list.push(entry);
      else this.byHash.set(parsed.hash, [entry]);
      added++;
    }
    if (added === 0) throw new HashListError(`${where}: no hash in the file`);
    this.files++;
  }

  match(_bytes: Uint8Array, facts: MatchFacts, on: FindingMatch['on']): FindingMatch[] {
    const out: FindingMatch[] = [];
    for (const hash of [facts.sha256, facts.md5]) {
      for (const e of this.byHash.get(hash) ?? []) {
        if (e.size === null || e.size === facts.size) out.push({ source: 'hash-list', name: e.name, on });
      }
    }
    return out;
  }
}

function plainLine(line: string): { hash: string; size: null; name?: string } | undefined {
  const m = /^([0-9a-fA-F]{64}|[0-9a-fA-F]{32})(?:\s+(.+))?$/.exec(line);
  return m ? { hash: m[1]!.toLowerCase(), size: null, ...(m[2] ? { name: m[2].trim() } : {}) } : undefined;
}

function clamLine(line: string): { hash: string; size: number | null; name: string } | undefined {
  const m = /^([0-9a-fA-F]{64}|[0-9a-fA-F]{32}):(\d+|\*):([^:]+)(?::\d+)?$/.exec(line);
  if (!m) return undefined;
  return { hash: m[1]!.toLowerCase(), size: m[2] === '*' ? null : Number(m[2]), name: m[3]! };
}
