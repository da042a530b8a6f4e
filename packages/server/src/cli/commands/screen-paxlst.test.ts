import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { D02B_TWO_LEGS } from '../../../../core/src/paxlst/test-fixtures.js';
import { runCli } from '../../../test/cli.js';
import type { FlightReport } from '@crosscheck/core/api';

// Every step spawns the CLI (about 2 s of start-up each on an idle machine, several times that
// while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('crosscheck screen --paxlst', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-paxlst-'));
    db = join(dir, 'c.db');
    expect((await runCli(['db', 'migrate', '--db', db])).code).toBe(0);
    writeFileSync(join(dir, 'stolen.jsonl'), `${JSON.stringify({ kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '14FR56789', status: 'stolen-issued' }, visibility: { mode: 'all' } })}\n`);
    expect((await runCli(['alerts', 'import', join(dir, 'stolen.jsonl'), '--member', 'FRA', '--db', db])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the flight report of a message file, with the reader’s warnings and a summary on standard error', async () => {
    const file = join(dir, 'flight.edi');
    writeFileSync(file, D02B_TWO_LEGS.replace('CNT+42:3', 'CNT+42:4'));
    const r = await runCli(['screen', '--paxlst', file, '--member', 'DEU', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as FlightReport;
    expect(report.travellers.map((t) => t.name.family)).toEqual(['DUBOIS', 'NOWAK', 'HASSAN', 'LARSEN', 'SILVA']);
    expect(report.travellers[0]!.hits[0]).toMatchObject({ kind: 'document', owner: 'FRA', reasons: ['document FRA 14FR56789: same number and issuing state'] });
    expect(r.stderr).toMatch(/warning: segment \d+/);
    expect(r.stderr).toContain('5 travellers (3 passengers, 2 crew), 5 screened, 1 with hits');
  });

  it('answers query lines with reasons in English, the CLI\'s language', async () => {
    const r = await runCli(['screen', '--member', 'DEU', '--db', db], `${JSON.stringify({ id: 'q1', documents: [{ number: '14FR56789' }] })}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'q1', hits: [{ kind: 'document', owner: 'FRA', reasons: ['document 14FR56789 (issuing state not given): same number and issuing state'] }] });
  });

  it('fails with a message naming the segment when the input is not PAXLST', async () => {
    const r = await runCli(['screen', '--paxlst', '-', '--db', db], 'hello');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('segment 1');
    expect(r.stdout).toBe('');
  });
});
