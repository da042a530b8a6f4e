import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/cli.js';
import { freshStore, type TestStore } from '../../test/engines.js';

// Each step spawns the CLI: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const asset = (body: object, extra: object = {}) => JSON.stringify({ kind: 'asset', category: 'asset-tracing', asset: body, visibility: { mode: 'all' }, ...extra });

// The command line takes asset alerts like any other: imported as JSON lines (a bad identifier
// refused with its field), exported as JSON lines and as FollowTheMoney entities of the asset's schema.
describe('asset alerts on the command line', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await runCli(['db', 'migrate', '--db', store.target]);
  });
  afterAll(async () => store.drop());
  const cli = (args: string[], input?: string) => runCli([...args, '--db', store.target], input);

  it('imports asset lines, refuses a wrong IBAN by its field, and exports them as lines and entities', async () => {
    const lines = [
      asset({ type: 'bank-account', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' }),
      asset({ type: 'bank-account', iban: 'DE88 3704 0044 0532 0130 00' }),
      asset({ type: 'vessel', imo: 'IMO 9074729', name: 'NORDWIND', flag: 'MLT' }),
      asset({ type: 'company', name: 'ООО «Северный ветер»', country: 'RUS' }, { persons: ['0190aaaa-0000-7000-8000-000000000000'] }),
    ];
    const r = await cli(['alerts', 'import', '-', '--member', 'DEU'], lines.join('\n'));
    expect(r.stdout).toContain('rejected line 2: asset.iban');
    expect(r.stdout).toContain('rejected line 4: persons.0');
    expect(r.stdout.trim().split('\n').pop()).toBe('imported 2, rejected 2');

    const exported = await cli(['alerts', 'export', '--member', 'FRA', '--kind', 'asset']);
    expect(exported.code, exported.stderr).toBe(0);
    const alerts = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; asset: { type: string } });
    expect(alerts.map((a) => `${a.kind} ${a.asset.type}`).sort()).toEqual(['asset bank-account', 'asset vessel']);

    const ftm = await cli(['alerts', 'export', '--member', 'FRA', '--kind', 'asset', '--format', 'ftm']);
    const entities = ftm.stdout.trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(entities.find((e) => e.schema === 'BankAccount')?.properties.iban).toEqual(['DE89370400440532013000']);
    expect(entities.find((e) => e.schema === 'Vessel')?.properties).toMatchObject({ imoNumber: ['9074729'], flag: ['mt'] });
  });
});
