import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scannedFindingSchema } from '@crosscheck/core/api/schemas';
import { runCli } from '../../test/cli.js';
import { freshStore } from '../../test/engines.js';

// `crosscheck chain scan` on files: what it refuses and how, and matching through its options.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const testdata = process.env.CROSSCHECK_TESTDATA ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/testdata');
const hello = join(testdata, 'chain/ordpool-parser/tx/tx_c1e013bdd1434450c6e1155417c81eb888e20cbde2e0cde37ec238d91cf37045.json');
const present = existsSync(hello);
if (!present) console.warn(`skipping chain scan CLI tests on real data: ${hello} is absent`);
const HELLO_SHA256 = '315f5bdb76d078c43b8ac0064e4a0164612b1fce77c869345bfc94c75894edd3';

const work = mkdtempSync(join(tmpdir(), 'crosscheck-chain-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('crosscheck chain scan: bad arguments and inputs', () => {
  it('says what is wrong and exits non-zero', async () => {
    const cases: [string[], RegExp][] = [
      [[], /nothing to scan/],
      [['x.dat', '--from', '3'], /--from goes with --rpc/],
      [[join(work, 'nope.dat')], /cannot read .*nope\.dat: no such file or folder/],
      [['--rpc', 'ftp://node', '--from', '1', '--to', '2'], /only http and https/],
      [['--rpc', 'http://127.0.0.1:1/', '--resume'], /--resume needs --state/],
      [['x.dat', '--format', 'xml'], /one of jsonl/],
    ];
    const readme = join(work, 'notes.txt');
    writeFileSync(readme, 'These are notes about a case, written in plain words, with nothing from a blockchain.\n');
    cases.push([[readme], /not a format the scanner reads \(text that is neither hex nor JSON\)/]);
    const badList = join(work, 'bad.hdb');
    writeFileSync(badList, 'not a signature\n');
    cases.push([[readme, '--hashes', badList], /bad\.hdb line 1: not a ClamAV hash signature/]);
    for (const [args, message] of cases) {
      const r = await runCli(['chain', 'scan', ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, never a stack trace
    }
  });

  it('says that ClamAV is not installed when clamscan cannot be found', async () => {
    const sigs = join(work, 'sigs.hdb');
    writeFileSync(sigs, `${'0'.repeat(32)}:1:X\n`);
    const r = await runCli(['chain', 'scan', join(work, 'nope.dat'), '--clamav', sigs], undefined, { PATH: '/nonexistent' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('clamscan, which is not installed');
  });
});

describe.skipIf(!present)('crosscheck chain scan: matching', () => {
  it('marks a finding found by a hash list and a YARA rule, and writes plain progress lines off a terminal', async () => {
    const list = join(work, 'known.txt');
    writeFileSync(list, `${HELLO_SHA256} hello-world\n`);
    const rules = join(work, 'hello.yar');
    writeFileSync(rules, 'rule hello_world { strings: $a = "Hello, world!" condition: $a }\n');
    const r = await runCli(['chain', 'scan', hello, '--hashes', list, '--yara', rules]);
    expect(r.code).toBe(0);
    const findings = r.stdout.split('\n').filter((l) => l).map((l) => scannedFindingSchema.parse(JSON.parse(l)));
    const f = findings.find((x) => x.sha256 === HELLO_SHA256);
    expect(f, 'the "Hello, world!" inscription').toBeDefined();
    expect(f!.matches).toEqual([
      { source: 'hash-list', name: 'known.txt:hello-world', on: 'payload' },
      { source: 'yara', name: 'hello.yar:hello_world', on: 'payload' },
    ]);
    expect(f!.locations[0]).toMatchObject({ txid: 'c1e013bdd1434450c6e1155417c81eb888e20cbde2e0cde37ec238d91cf37045', height: 779778 });
    expect(f!.mediaType).toBe('text/plain');
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toMatch(/findings: \d+ .*\n(.*\n)*errors: 0/);
    expect(r.stderr).toMatch(/ordinals: 1 findings at 1 locations/);
  });
});

describe.skipIf(!present)('crosscheck chain scan --db', () => {
  it('records the findings for the member; a second scan of the same transaction merges into them', async () => {
    const store = await freshStore('sqlite');
    try {
      expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
      const noMember = await runCli(['chain', 'scan', hello, '--db', store.target]);
      expect(noMember.code).not.toBe(0);
      expect(noMember.stderr).toContain('--db needs --member');
      const first = await runCli(['chain', 'scan', hello, '--db', store.target, '--member', 'FRA']);
      expect(first.code, first.stderr).toBe(0);
      const written = first.stdout.split('\n').filter((l) => l !== '').length;
      expect(written).toBeGreaterThan(0);
      expect(first.stderr).toContain(`recorded for FRA: ${written} new findings, 0 merged`);
      const again = await runCli(['chain', 'scan', hello, '--db', store.target, '--member', 'FRA']);
      expect(again.stderr).toContain(`recorded for FRA: 0 new findings, ${written} merged into findings already recorded (0 new locations)`);
      const missing = await runCli(['chain', 'scan', hello, '--db', join(work, 'none', 'x.db'), '--member', 'FRA']);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('no database at');
    } finally {
      await store.drop();
    }
  });
});
