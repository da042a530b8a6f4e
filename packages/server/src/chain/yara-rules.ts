import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FindingMatch } from '@crosscheck/core/api';
import type { MatchFacts, PayloadMatcher } from './matcher.js';

/**
 * YARA rules from the member's own files (a rule file, or every .yar/.yara file of a folder),
 * compiled with YARA-X through @litko/yara-x. Nothing is downloaded: rules come only from the
 * paths given. The binding is a native module; when it cannot be loaded on this machine the
 * scan refuses to start and says so, rather than scanning without the rules asked for.
 */

/** Largest rule file read. */
const MAX_RULE_FILE_BYTES = 64 * 1024 * 1024;

interface RuleMatch { ruleIdentifier: string }
interface CompiledRules { scan(data: Buffer): RuleMatch[] }
interface YaraBinding { compile(source: string): CompiledRules }

export class YaraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YaraError';
  }
}

async function loadBinding(): Promise<YaraBinding> {
  try {
    const loaded = (await import('@litko/yara-x')) as unknown as YaraBinding & { default?: YaraBinding };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new YaraError(`YARA rules need the @litko/yara-x module, which could not be loaded on this machine (${(error as Error).message.split('\n')[0]}); run without --yara, or install it with npm install`);
  }
}

/** The rule files of a path: the file itself, or the .yar/.yara files under a folder, sorted. */
export function ruleFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...ruleFiles(full));
    else if (/\.(yar|yara)$/i.test(entry.name)) out.push(full);
  }
  if (out.length === 0 && stat.isDirectory()) throw new YaraError(`${path}: no .yar or .yara file in the folder`);
  return out;
}

export class YaraRules implements PayloadMatcher {
  private readonly sets: { file: string; rules: CompiledRules }[] = [];
  private binding: YaraBinding | undefined;

  get files(): number {
    return this.sets.length;
  }

  /** Compiles every rule file of a path; a rule that does not compile is an error naming its file. */
  async load(path: string): Promise<void> {
    this.binding ??= await loadBinding();
    for (const file of ruleFiles(path)) {
      if (statSync(file).size > MAX_RULE_FILE_BYTES) throw new YaraError(`${file}: larger than ${MAX_RULE_FILE_BYTES} bytes`);
      try {
        this.sets.push({ file: basename(file), rules: this.binding.compile(readFileSync(file, 'utf8')) });
      } catch (error) {
        throw new YaraError(`${file}: ${(error as Error).message}`);
      }
    }
  }

  match(bytes: Uint8Array, _facts: MatchFacts, on: FindingMatch['on']): FindingMatch[] {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: FindingMatch[] = [];
    for (const set of this.sets) {
      for (const m of set.rules.scan(data)) out.push({ source: 'yara', name: `${set.file}:${m.ruleIdentifier}`, on });
    }
    return out;
  }
}
