import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingMatch } from '@crosscheck/core/api';
import type { BatchMatcher } from './matcher.js';

/**
 * ClamAV through Debian's `clamscan`, with the member's own signature files only (`-d` for each
 * path given; the system database that freshclam downloads is never read, and nothing is
 * fetched). clamscan loads its signatures at every start, so payloads are written to a private
 * spool folder and scanned together in one run per batch.
 */

export class ClamAvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClamAvError';
  }
}

const run = (file: string, args: string[], timeout: number) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(file, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });

export class ClamAv implements BatchMatcher {
  private spool: string | undefined;
  private readonly names = new Map<string, { key: string; on: FindingMatch['on'] }>();

  private constructor(private readonly program: string, private readonly databases: string[], readonly version: string) {}

  /** Checks that clamscan runs and that the signatures load, before any scanning starts. */
  static async open(databases: string[], program = 'clamscan'): Promise<ClamAv> {
    let version: string;
    try {
      version = (await run(program, ['--version'], 30_000)).stdout.trim();
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ClamAvError(missing
        ? `--clamav needs ClamAV's clamscan, which is not installed (Debian: apt-get install clamav); run without --clamav`
        : `clamscan does not run: ${(error as Error).message}`);
    }
    const clam = new ClamAv(program, databases, version);
    // An empty scan loads the signatures: a bad signature file is reported now, not mid-scan.
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-clamav-'));
    try {
      await clam.scan(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return clam;
  }

  async add(key: string, bytes: Uint8Array, on: FindingMatch['on']): Promise<void> {
    this.spool ??= await mkdtemp(join(tmpdir(), 'crosscheck-clamav-'));
    const name = `${this.names.size}.bin`;
    await writeFile(join(this.spool, name), bytes, { mode: 0o600 });
    this.names.set(name, { key, on });
  }

  async run(): Promise<Map<string, FindingMatch[]>> {
    const found = new Map<string, FindingMatch[]>();
    if (!this.spool || this.names.size === 0) return found;
    const dir = this.spool;
    try {
      for (const { file, signature } of await this.scan(dir)) {
        const which = this.names.get(file);
        if (!which) continue;
        const list = found.get(which.key) ?? [];
        list.push({ source: 'clamav', name: signature, on: which.on });
        found.set(which.key, list);
      }
    } finally {
      for (const f of await readdir(dir)) await rm(join(dir, f), { force: true });
      this.names.clear();
    }
    return found;
  }

  async close(): Promise<void> {
    if (this.spool) await rm(this.spool, { recursive: true, force: true });
    this.spool = undefined;
  }

  private async scan(dir: string): Promise<{ file: string; signature: string }[]> {
    const args = ['--no-summary', '--infected', '--stdout', '--recursive', ...this.databases.flatMap((d) => ['-d', d]), dir];
    const result = await run(this.program, args, 30 * 60_000);
    // clamscan: 0 nothing found, 1 something found, anything else an error (bad signatures…).
    if (result.code !== 0 && result.code !== 1) {
      const why = (result.stderr || result.stdout).trim().split('\n').filter((l) => l !== '').slice(-3).join('; ');
      throw new ClamAvError(`clamscan failed (exit ${result.code}): ${why}`);
    }
    const out: { file: string; signature: string }[] = [];
    for (const line of result.stdout.split('\n')) {
      const m = /^(.*): (.+) FOUND$/.exec(line);
      if (m && m[1]!.startsWith(dir)) out.push({ file: m[1]!.slice(dir.length + 1), signature: m[2]! });
    }
    return out;
  }
}
