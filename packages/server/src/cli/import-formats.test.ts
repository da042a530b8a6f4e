import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/cli.js';
import { freshStore, type TestStore } from '../../test/engines.js';

// Every step spawns the CLI (about 2 s of start-up each on an idle machine, several times that
// while the rest of the suite runs beside it).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** Exchange formats through the real CLI: FollowTheMoney both ways, CSV with a column mapping. */
describe('crosscheck alerts import/export --format', () => {
  let store: TestStore;
  let dir: string;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-formats-'));
    expect((await runCli(['db', 'migrate', '--db', store.target])).code).toBe(0);
  });
  afterAll(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: string[], input?: string) => runCli([...args, '--db', store.target], input);
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('imports a CSV through a column mapping, converting dates, lists and values, and names the column of each bad row', async () => {
    const map = file(
      'map.json',
      JSON.stringify({
        dateFormat: 'DD/MM/YYYY',
        set: { kind: 'person', category: 'missing', visibility: { mode: 'all' } },
        columns: {
          Surname: 'person.names.0.family',
          'First names': 'person.names.0.given',
          'Name (original)': 'person.names.1.full',
          Born: { to: 'person.birthDate', type: 'date' },
          Sex: { to: 'person.sex', values: { Male: 'M', Female: 'F' } },
          Nationalities: { to: 'person.nationalities', type: 'list' },
          Passport: { to: 'person.documents.0.number', also: { 'person.documents.0.type': 'passport' } },
          Height: { to: 'person.description.heightCm', type: 'number' },
        },
      }),
    );
    const csv = file(
      'missing.csv',
      [
        'Surname,First names,Name (original),Born,Sex,Nationalities,Passport,Height',
        'NOWAK,Anna,,04/05/2009,Female,POL,EA1234567,150',
        '"SMIRNOV","Pavel ""Pasha""",Павел Смирнов,31/02/2010,Male,RUS;BLR,,',
        'KOWALSKI,Jan,,01/01/2011,Male,POL,,tall',
        'HADDAD,Lina,لينا حداد,2012,Female,LBN,,',
      ].join('\n'),
    );
    const r = await cli(['alerts', 'import', csv, '--member', 'POL', '--format', 'csv', '--map', map]);
    expect(r.stdout).toContain('rejected line 3: column "Born": "31/02/2010" is not a date as DD/MM/YYYY');
    expect(r.stdout).toContain('rejected line 4: column "Height": "tall" is not a number');
    expect(r.stdout.trim().split('\n').pop()).toBe('imported 2, rejected 2');
    expect(r.code).toBe(1);

    const exported = (await cli(['alerts', 'export', '--member', 'POL'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { person: Record<string, unknown> });
    const nowak = exported.find((a) => JSON.stringify(a).includes('NOWAK'))!;
    expect(nowak.person).toMatchObject({ names: [{ family: 'NOWAK', given: 'Anna' }], birthDate: '2009-05-04', sex: 'F', nationalities: ['POL'], documents: [{ type: 'passport', number: 'EA1234567' }], description: { heightCm: 150 } });
    const haddad = exported.find((a) => JSON.stringify(a).includes('HADDAD'))!;
    // A partial date passes through; an empty passport cell leaves no half-made document behind.
    expect(haddad.person).toMatchObject({ names: [{ family: 'HADDAD', given: 'Lina' }, { full: 'لينا حداد' }], birthDate: '2012' });
  });

  it('refuses a mapping that names a column the file does not have, before importing anything', async () => {
    const map = file('bad-map.json', JSON.stringify({ set: { kind: 'vehicle', visibility: { mode: 'all' } }, columns: { Plate: 'vehicle.plate', VIN: 'vehicle.vin' } }));
    const csv = file('vehicles.csv', 'Plate,Vin\nAB-123-CD,WVWZZZ1JZXW000001\n');
    const r = await cli(['alerts', 'import', csv, '--member', 'FRA', '--format', 'csv', '--map', map]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('column "VIN" of the mapping is not in the file\'s header');
    expect((await cli(['alerts', 'export', '--member', 'FRA', '--kind', 'vehicle'])).stdout).toBe('');

    const noMap = await cli(['alerts', 'import', csv, '--member', 'FRA', '--format', 'csv']);
    expect(noMap.code).not.toBe(0);
    expect(noMap.stderr).toContain('--map');
    const badPath = file('bad-path.json', JSON.stringify({ columns: { Plate: 'vehicle..plate' } }));
    const r2 = await cli(['alerts', 'import', csv, '--member', 'FRA', '--format', 'csv', '--map', badPath]);
    expect(r2.stderr).toContain('columns.Plate');
  });

  it('exports FollowTheMoney entities that another crosscheck imports with the same fields', async () => {
    const ftm = await cli(['alerts', 'export', '--member', 'POL', '--format', 'ftm']);
    expect(ftm.code).toBe(0);
    const entities = ftm.stdout.trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(entities.map((e) => e.schema).sort()).toEqual(['Passport', 'Person', 'Person']);
    expect(entities.find((e) => e.schema === 'Passport')!.properties).toMatchObject({ number: ['EA1234567'] });

    const other = await freshStore('sqlite');
    try {
      await runCli(['db', 'migrate', '--db', other.target]);
      const r = await runCli(['alerts', 'import', '-', '--member', 'DEU', '--format', 'ftm', '--db', other.target], ftm.stdout);
      expect(r.stdout.trim()).toBe('imported 2, rejected 0');
      const back = (await runCli(['alerts', 'export', '--member', 'DEU', '--db', other.target])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { category: string; person: unknown });
      const mine = (await cli(['alerts', 'export', '--member', 'POL'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { category: string; person: unknown });
      expect(back.map((a) => [a.category, a.person]).sort()).toEqual(mine.map((a) => [a.category, a.person]).sort());
    } finally {
      await other.drop();
    }
  });

  it('reports FollowTheMoney lines that are not entities, and skips what is no alert', async () => {
    const input = ['{"id":"o1","schema":"Organization","properties":{"name":["Acme"]}}', 'not json', '{"schema":"Person"}', '{"id":"v1","schema":"Vehicle","properties":{"registrationNumber":["B-XY-1"],"country":["de"]}}'].join('\n');
    const r = await cli(['alerts', 'import', '-', '--member', 'DEU', '--format', 'ftm'], input);
    expect(r.stderr).toContain('not alerts, skipped: 1 Organization');
    expect(r.stdout).toContain('rejected line 2: not JSON');
    expect(r.stdout).toContain('rejected line 3: not a FollowTheMoney entity: id');
    expect(r.stdout.trim().split('\n').pop()).toBe('imported 1, rejected 2');
  });

  it('imports INTERPOL public notices (a list page as served at /public/notices/v1/red) as wanted persons', async () => {
    const page = { total: 1, _embedded: { notices: [{ forename: 'DANIELA', name: 'KLETTE', date_of_birth: '1958/11/05', entity_id: '1993/27493', nationalities: ['DE'], _links: { self: { href: 'https://ws-public.interpol.int/notices/v1/red/1993-27493' } } }] } };
    const r = await cli(['alerts', 'import', '-', '--member', 'DEU', '--format', 'notice'], JSON.stringify(page));
    expect(r.stdout.trim()).toBe('imported 1, rejected 0');
    const bad = await cli(['alerts', 'import', '-', '--member', 'DEU', '--format', 'notice'], '{"name":"A"}\n{not json');
    expect(bad.stdout).toContain('rejected line 2: not JSON');
  });
});
