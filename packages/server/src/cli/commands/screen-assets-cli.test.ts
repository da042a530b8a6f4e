import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../test/cli.js';

// Every step spawns the CLI (a few seconds each while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('crosscheck screen with assets', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-assets-'));
    db = join(dir, 'c.db');
    expect((await runCli(['db', 'migrate', '--db', db])).code).toBe(0);
    const alerts = [
      { kind: 'asset', category: 'asset-tracing', asset: { type: 'company', name: 'Romashka LLC', country: 'RUS' }, visibility: { mode: 'all' } },
      { kind: 'asset', category: 'asset-tracing', asset: { type: 'vessel', imo: 'IMO 9074729' }, visibility: { mode: 'all' } },
    ];
    writeFileSync(join(dir, 'assets.jsonl'), alerts.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const imported = await runCli(['alerts', 'import', join(dir, 'assets.jsonl'), '--member', 'FRA', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('screens query lines carrying assets, with the reasons in English, and refuses a bad check digit by its field', async () => {
    const lines = [{ id: 'c', assets: [{ company: { name: 'ООО Ромашка' } }] }, { id: 'v', assets: [{ imo: '9074729' }] }, { id: 'bad', assets: [{ imo: '9074728' }] }];
    const r = await runCli(['screen', '--member', 'DEU', '--db', db], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ id: 'c', hits: [{ kind: 'asset', owner: 'FRA', reasons: expect.arrayContaining(['name ROMASHKA: same', 'legal form ООО ~ LLC: same kind']) }] });
    expect(out[1]).toMatchObject({ id: 'v', hits: [{ kind: 'asset', reasons: ['IMO 9074729: same vessel'] }] });
    expect(JSON.stringify(out[2])).toContain('assets.0.imo');
  });

  it('takes a line\'s own threshold within the bounds, echoing the settings applied, and refuses one outside them for that line only', async () => {
    const company = { company: { name: 'Romashka' } };
    const lines = [{ id: 'own', assets: [company], threshold: 0.9, weights: { sex: 0 } }, { id: 'low', assets: [company], threshold: 0.3 }];
    const r = await runCli(['screen', '--member', 'DEU', '--db', db], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ id: 'own', settings: { threshold: 0.9, weights: { birthDate: 1, nationality: 1, sex: 0 } }, hits: [{ kind: 'asset', owner: 'FRA' }] });
    expect(out[1]).toMatchObject({ id: 'low', line: 2, error: expect.stringContaining('threshold must be from 0.6 to 0.95') });
  });
});
