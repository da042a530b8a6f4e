import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runCli } from '../../test/cli.js';
import { ENGINES, freshStore, type TestStore } from '../../test/engines.js';
import { testHttpOptions } from '../../test/http-harness.js';
import { defaultConfig } from '../config.js';
import { buildApp } from '../http/build-app.js';
import { openDeps } from '../main.js';
import type { Database } from '../store/database.js';
import { seedDemo } from '../demo/seed-demo.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The README's commands to screen the examples, as written there. */
function readmeCommands(): { curl: string[]; cli: string[][] } {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Examples'), readme.indexOf('\n## ', readme.indexOf('## Examples') + 1));
  const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));
  return {
    curl: lines.filter((l) => l.startsWith('curl ')),
    cli: lines.filter((l) => l.startsWith('npx crosscheck ')).map((l) => l.split(/\s+/).slice(2)),
  };
}

type Hit = { kind: string; category: string | null; owner: string };
const hitsOf = (hits: Hit[]): string[] => hits.map((h) => `${h.owner} ${h.kind}${h.category ? ` ${h.category}` : ''}`).sort();

/** What the README says each example finds in the demo data. */
const FLIGHT = { ERIKSSON: ['DEU person arrest', 'FRA person locate'], DUPONT: ['FRA document'], MUELLER: [], LINDQVIST: [] };
const BATCH = { 'desk-1': ['DEU person arrest', 'FRA person locate'], 'desk-2': ['ITA person missing'], 'desk-3': ['FRA document'], 'desk-4': ['ITA vehicle'], 'desk-5': [] };

interface FlightAnswer {
  travellers: { name: { family: string }; hits: Hit[] }[];
}
interface BatchItem {
  id: string;
  hits: Hit[];
}

describe.each(ENGINES)('the examples/ flight and batch, screened as the README says, on the demo data (%s)', (engine) => {
  let store: TestStore;
  let database: Database;
  let app: FastifyInstance;
  let frontlineKey: string;
  const commands = readmeCommands();

  beforeAll(async () => {
    store = await freshStore(engine);
    const opened = await openDeps(defaultConfig({ db: store.target }));
    database = opened.database;
    const demo = await seedDemo(opened.deps);
    frontlineKey = demo.keys.find((k) => k.member === 'DEU' && k.role === 'frontline')!.key;
    app = await buildApp(opened.deps, testHttpOptions({ bodyLimit: 1 << 20 }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await store?.drop();
  });

  it('gives the expected hits through the API (the curl commands)', async () => {
    expect(commands.curl).toHaveLength(2);
    const answers = new Map<string, unknown>();
    for (const line of commands.curl) {
      const contentType = /-H "Content-Type: ([^"]+)"/.exec(line)![1]!;
      const file = /--data-binary @(\S+)/.exec(line)![1]!;
      const path = new URL(/(http:\/\/\S+)$/.exec(line)![1]!).pathname;
      expect(line).toContain('Bearer <the DEU frontline key>');
      const r = await app.inject({ method: 'POST', url: path, headers: { authorization: `Bearer ${frontlineKey}`, 'content-type': contentType }, payload: readFileSync(`${ROOT}${file}`) });
      expect(r.statusCode, r.body).toBe(200);
      answers.set(path, r.json());
    }
    const flight = answers.get('/api/v1/screen/flight') as FlightAnswer;
    expect(Object.fromEntries(flight.travellers.map((t) => [t.name.family, hitsOf(t.hits)]))).toEqual(FLIGHT);
    const batch = answers.get('/api/v1/screen/batch') as { items: BatchItem[] };
    expect(Object.fromEntries(batch.items.map((i) => [i.id, hitsOf(i.hits)]))).toEqual(BATCH);
  });

  it('gives the same hits from the command line (the npx crosscheck commands)', async () => {
    expect(commands.cli.map((args) => args.slice(0, 2))).toEqual([
      ['screen', '--paxlst'],
      ['screen', '--csv'],
    ]);
    const [paxlst, csv] = await Promise.all(commands.cli.map((args) => runCli([...args.map((a) => (a.startsWith('examples/') ? `${ROOT}${a}` : a)), '--db', store.target])));
    expect(paxlst!.code, paxlst!.stderr).toBe(0);
    const flight = JSON.parse(paxlst!.stdout) as FlightAnswer;
    expect(Object.fromEntries(flight.travellers.map((t) => [t.name.family, hitsOf(t.hits)]))).toEqual(FLIGHT);
    expect(paxlst!.stderr).toContain('"UTO" is not a known state code');
    expect(paxlst!.stderr).toContain('4 travellers (4 passengers, 0 crew), 4 screened, 2 with hits');
    expect(csv!.code, csv!.stderr).toBe(0);
    const items = csv!.stdout.trim().split('\n').map((l) => JSON.parse(l) as BatchItem);
    expect(Object.fromEntries(items.map((i) => [i.id, hitsOf(i.hits)]))).toEqual(BATCH);
  });
});
