import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, startCli } from '../../test/cli.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';

// Each step spawns the CLI (about 2 s of start-up, more under a loaded suite).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const stackTrace = /^\s+at /m;

describe('crosscheck --version', () => {
  it('prints the version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.each(ENGINES)('crosscheck on a closed output, and on expected errors (%s)', (engine) => {
  let store: TestStore;
  let dir: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-pipe-'));
  });
  afterEach(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('`alerts export | head -1` ends quietly with exit 0; a missing file or member is a message, never a stack trace', async () => {
    const file = join(dir, 'alerts.jsonl');
    const doc = (n: number) => JSON.stringify({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: `P${n}`, status: 'stolen-issued' }, visibility: { mode: 'all' } });
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => doc(i)).join('\n'));
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
    expect((await runCli(['alerts', 'import', file, '--member', 'FRA', '--db', store.target])).stdout).toContain('imported 3000, rejected 0');

    // As `head -1` does: read the first line, then close the pipe while the export still writes.
    const child = startCli(['alerts', 'export', '--member', 'FRA', '--db', store.target]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) {
          child.stdout!.destroy();
          resolve(out.split('\n')[0]!);
        }
      });
    });
    child.stdin!.end();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(JSON.parse(first)).toMatchObject({ kind: 'document', owner: 'FRA' });
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const missing = await runCli(['alerts', 'import', join(dir, 'nowhere.jsonl'), '--member', 'FRA', '--db', store.target]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^error: .*nowhere\.jsonl/);
    expect(missing.stderr).not.toMatch(stackTrace);

    const typo = await runCli(['members', 'suspend', 'XXA', '--db', store.target]);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr.trim()).toBe('error: member "XXA" not found');
  });
});
