import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestFile, packageOf, readSource, ROOT, sourceFiles, type SourceFile } from './source-imports.ts';

// The dependency graph is the architecture. Each rule below prints the file and line that breaks
// it, and the rule it breaks, so a failure says what to move where.

const SERVER = 'packages/server/src';

/**
 * The server's layers, lowest first. A file may import from its own layer and the layers listed
 * before it, never from one after it. The same table is in docs/ARCHITECTURE.md.
 * Test files are not held to it: they drive the whole server to check a lower piece.
 */
const LAYERS: { layer: string; paths: string[]; holds: string }[] = [
  { layer: 'ids', paths: ['ids.ts'], holds: 'UUIDv7 ids' },
  { layer: 'follower-loop', paths: ['follower-loop.ts'], holds: "the followers' loop (screening index, identity links, hits after the fact): one run at a time, on a timer" },
  { layer: 'store', paths: ['store/'], holds: 'schema, migrations, repositories: the only SQL' },
  { layer: 'formats', paths: ['formats/'], holds: 'outside data in and out' },
  { layer: 'chain', paths: ['chain/'], holds: 'the blockchain scanner: sources, capped decompression, identification, matching' },
  { layer: 'screening', paths: ['screening/'], holds: 'the in-memory screening index and its follower' },
  { layer: 'events', paths: ['events/'], holds: 'the event bus and event stream' },
  { layer: 'links', paths: ['links/'], holds: 'the identity-link follower' },
  { layer: 'outbound', paths: ['outbound/'], holds: 'requests to addresses members give: address policy, pinned connection' },
  { layer: 'webhooks', paths: ['webhooks/'], holds: 'the webhook delivery worker' },
  { layer: 'app', paths: ['app/'], holds: 'use cases, one per file, and Deps' },
  { layer: 'background', paths: ['background/'], holds: 'starts and stops the workers with the server' },
  { layer: 'replica', paths: ['replica/'], holds: "a national copy's node: sync loop, outbox" },
  { layer: 'metrics', paths: ['metrics/'], holds: 'Prometheus metrics, their listener and aggregation across threads, request traces' },
  { layer: 'http', paths: ['http/'], holds: 'fastify routes over the use cases' },
  { layer: 'demo', paths: ['demo/'], holds: 'demo data through the use cases' },
  { layer: 'config', paths: ['config.ts'], holds: 'the environment, parsed once' },
  { layer: 'main', paths: ['main.ts'], holds: 'the composition root (openDeps, serve)' },
  { layer: 'workers', paths: ['workers/'], holds: 'serve on every core: worker threads, their supervisor, what they share' },
  { layer: 'cli', paths: ['cli/'], holds: 'commander commands over main and the use cases' },
];

const SQL_RULE = 'SQL only in store/';

/**
 * Known breaches in files other work is rewriting at the moment; each entry names the file and
 * the rule. An entry that no longer breaks its rule fails the test, so the list only shrinks.
 */
const KNOWN: { file: string; rule: string }[] = [];

function layerOf(path: string): number {
  if (!path.startsWith(`${SERVER}/`)) return -1;
  const inServer = path.slice(SERVER.length + 1);
  const index = LAYERS.findIndex((l) => l.paths.some((p) => (p.endsWith('/') ? inServer.startsWith(p) : inServer === p || inServer === p.replace(/\.ts$/, ''))));
  if (index < 0) throw new Error(`${path} is in no layer: add its folder to LAYERS`);
  return index;
}

interface Breach {
  file: string;
  rule: string;
  detail: string;
}

/** Breaches minus the known ones; known entries that no longer occur are breaches of the list itself. */
function unexpected(breaches: Breach[], known: { file: string; rule: string }[]): string[] {
  const isKnown = (b: Breach) => known.some((k) => k.file === b.file && k.rule === b.rule);
  const stale = known.filter((k) => !breaches.some((b) => b.file === k.file && b.rule === k.rule));
  return [
    ...breaches.filter((b) => !isKnown(b)).map((b) => `${b.file}: ${b.rule}: ${b.detail}`),
    ...stale.map((k) => `${k.file}: listed as breaking "${k.rule}" but no longer does: remove it from KNOWN`),
  ];
}

const serverFiles = (): SourceFile[] => sourceFiles(SERVER).filter((p) => !isTestFile(p)).map(readSource);

describe('the core package stays free of I/O', () => {
  // It runs in browsers and in every process, so it may not reach the file system, the network,
  // a database or the server. Its SQL translations of core rules (files named *.sql.ts, exported
  // as @crosscheck/core/sql) only build queries: Kysely's `sql` template and its types, no driver.
  const PURE_PACKAGES = ['zod', '@noble/hashes', '@scure/base', 'i18n-iso-countries', 'any-ascii', 'fastest-levenshtein', 'double-metaphone'];
  const SQL_PACKAGE = 'kysely';
  const SQL_VALUES = ['sql'];

  function coreBreaches(): Breach[] {
    const breaches: Breach[] = [];
    for (const path of sourceFiles('packages/core/src').filter((p) => !isTestFile(p))) {
      const file = readSource(path);
      const sqlFile = path.endsWith('.sql.ts');
      for (const imp of file.imports) {
        if (imp.specifier.startsWith('.')) {
          if (!imp.target?.startsWith('packages/core/src/')) breaches.push({ file: path, rule: 'core imports only core files', detail: `line ${imp.line} imports ${imp.specifier}` });
          continue;
        }
        const pkg = packageOf(imp.specifier);
        if (pkg !== null && PURE_PACKAGES.includes(pkg)) continue;
        if (pkg === SQL_PACKAGE && sqlFile && imp.values.every((v) => SQL_VALUES.includes(v))) continue;
        const rule = pkg === SQL_PACKAGE ? (sqlFile ? "core *.sql.ts files take only kysely's sql template and types" : 'core uses kysely only in *.sql.ts files') : 'core imports no I/O';
        const what = pkg === SQL_PACKAGE && sqlFile ? `${imp.values.filter((v) => !SQL_VALUES.includes(v)).join(', ')} from ` : '';
        breaches.push({ file: path, rule, detail: `line ${imp.line} imports ${what}${imp.specifier}` });
      }
      for (const use of file.io) breaches.push({ file: path, rule: 'core imports no I/O', detail: `line ${use.line} uses ${use.what}` });
      if (!sqlFile) for (const use of file.sql) breaches.push({ file: path, rule: 'core writes SQL only in *.sql.ts files', detail: `line ${use.line} uses ${use.what}` });
      // Subqueries (`eb.selectFrom(…)` inside an EXISTS) are expressions too; running one is not.
      else for (const use of file.sql.filter((u) => u.what.startsWith('execute'))) breaches.push({ file: path, rule: 'core *.sql.ts files build expressions, they run no query', detail: `line ${use.line} uses ${use.what}` });
    }
    return breaches;
  }

  it('imports only core files, the pure packages, and in *.sql.ts files kysely’s sql template', () => {
    expect(unexpected(coreBreaches(), [])).toEqual([]);
  });

  it('declares no dependency beyond the pure packages and kysely', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const extra = Object.keys(pkg.dependencies ?? {}).filter((d) => !PURE_PACKAGES.includes(d) && d !== SQL_PACKAGE);
    expect(extra).toEqual([]);
  });
});

describe('the web app takes only what runs in a browser', () => {
  it('imports no server file, no node: builtin and not the core’s SQL translations', () => {
    const breaches: string[] = [];
    for (const path of sourceFiles('packages/web/src').filter((p) => !isTestFile(p))) {
      for (const imp of readSource(path).imports) {
        const outside = imp.target !== null && !imp.target.startsWith('packages/web/src/');
        if (outside || isBuiltin(imp.specifier) || imp.specifier === '@crosscheck/core/sql' || packageOf(imp.specifier) === '@crosscheck/server') {
          breaches.push(`${path}: the web app runs in a browser: line ${imp.line} imports ${imp.specifier}`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });
});

describe('the server imports only downwards', () => {
  function layerBreaches(): Breach[] {
    const breaches: Breach[] = [];
    for (const file of serverFiles()) {
      const from = layerOf(file.path);
      for (const imp of file.imports) {
        if (imp.target === null || !imp.target.startsWith(`${SERVER}/`)) continue;
        const to = layerOf(imp.target);
        if (to > from) {
          breaches.push({
            file: file.path,
            rule: `${LAYERS[from]!.layer} may not import ${LAYERS[to]!.layer}`,
            detail: `line ${imp.line} imports ${imp.specifier}${imp.typeOnly ? ' (types only, still a dependency)' : ''}`,
          });
        }
      }
    }
    return breaches;
  }

  it('docs/ARCHITECTURE.md shows the same table', () => {
    const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const rows = [...doc.matchAll(/^\s*\| (\d+) \| (\S+) \| (.+?) \| (.+?) \|$/gm)].map((m) => ({ layer: m[2]!, paths: [...m[3]!.matchAll(/`([^`]+)`/g)].map((p) => p[1]!), holds: m[4]!.replace(/`/g, '') }));
    expect(rows).toEqual(LAYERS);
  });

  it('each layer imports only its own and lower layers', () => {
    expect(unexpected(layerBreaches(), KNOWN.filter((k) => k.rule !== SQL_RULE))).toEqual([]);
  });
});

describe('SQL is written in store/ only', () => {
  // A query outside the store is a rule restated out of sight of the repositories (and of the
  // SQL translations of core rules that they apply). Tests may read tables to check what was written.

  function sqlBreaches(): Breach[] {
    const breaches: Breach[] = [];
    for (const file of serverFiles()) {
      if (file.path.startsWith(`${SERVER}/store/`)) continue;
      for (const use of file.sql) breaches.push({ file: file.path, rule: SQL_RULE, detail: `line ${use.line} uses ${use.what}` });
      for (const imp of file.imports) {
        const sqlValues = imp.specifier === 'kysely' ? imp.values.filter((v) => v !== 'Kysely' && v !== 'Transaction') : [];
        if (sqlValues.length > 0 || (imp.specifier === '@crosscheck/core/sql' && !imp.typeOnly)) {
          breaches.push({ file: file.path, rule: SQL_RULE, detail: `line ${imp.line} imports ${sqlValues.join(', ') || '*'} from ${imp.specifier}` });
        }
      }
    }
    return breaches;
  }

  it('no query is built or run outside store/', () => {
    expect(unexpected(sqlBreaches(), KNOWN.filter((k) => k.rule === SQL_RULE))).toEqual([]);
  });
});

describe('repositories hand over decoded values', () => {
  // A stored column holding JSON (an alert body, hit reasons, a form, a link's detail, an event's
  // data) is decoded by the repository that reads it, once, into its domain type: a use case that
  // parses a column restates the column's shape out of sight of the table. These layers read
  // stored data only, so any JSON.parse in them decodes a column. The layers left out parse what
  // comes from outside: formats/ and cli/ files, http/ requests, replica/ the centre's answers.
  const DECODE_RULE = 'stored JSON is decoded in store/';
  const READERS_OF_STORED_DATA = ['screening', 'events', 'links', 'webhooks', 'app', 'background'];

  /** Use cases that take a file's text as input: each line is parsed, then checked by zod. */
  const INPUT_PARSERS = ['packages/server/src/app/import-alerts.ts'];
  /** Files the server writes and reads back itself (checksummed), not stored columns. */
  const OWN_FILES = ['packages/server/src/screening/index-snapshot-file.ts'];

  function decodeBreaches(): Breach[] {
    const breaches: Breach[] = [];
    for (const file of serverFiles()) {
      if (!READERS_OF_STORED_DATA.includes(LAYERS[layerOf(file.path)]!.layer) || INPUT_PARSERS.includes(file.path) || OWN_FILES.includes(file.path)) continue;
      for (const use of file.decodes) breaches.push({ file: file.path, rule: DECODE_RULE, detail: `line ${use.line} uses ${use.what}` });
    }
    return breaches;
  }

  it('no use case or follower decodes a stored column', () => {
    expect(unexpected(decodeBreaches(), [])).toEqual([]);
  });

  it('each input parser still parses input (the exception is not stale)', () => {
    for (const path of INPUT_PARSERS) expect(readSource(path).decodes.length, path).toBeGreaterThan(0);
  });
});

describe('each workspace declares what it imports, and nothing else', () => {
  interface Manifest {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
  }
  const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
  const declared = (m: Manifest): string[] => [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.devDependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})];
  const root = manifest('.');
  const rootDev = Object.keys(root.devDependencies ?? {});
  const WORKSPACES = ['packages/core', 'packages/server', 'packages/web'];
  /** Files outside the workspaces that the root's devDependencies serve. */
  const ROOT_FILES = ['bench', 'eval', 'vitest.config.ts'];

  const typesPackageOf = (pkg: string): string => `@types/${pkg.replace(/^@(.+)\/(.+)$/, '$1__$2')}`;

  /** The packages `files` import, by specifier, with where. */
  function importsOf(paths: string[]): Map<string, string[]> {
    const used = new Map<string, string[]>();
    for (const path of paths) {
      for (const imp of readSource(path).imports) {
        const pkg = packageOf(imp.specifier);
        if (pkg === null || isBuiltin(imp.specifier)) continue;
        used.set(pkg, [...(used.get(pkg) ?? []), `${path}:${imp.line}`]);
      }
    }
    return used;
  }

  /** A declared package counts as used when imported, when its types are (`@types/x` for `x`), or when a script runs it. */
  function unused(m: Manifest, used: Map<string, string[]>, alsoUsed: (dep: string) => boolean): string[] {
    const scripts = Object.values(m.scripts ?? {}).join(' ');
    return declared(m).filter((dep) => {
      const typesFor = dep.startsWith('@types/') ? dep.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : null;
      if (used.has(dep) || (typesFor !== null && (used.has(typesFor) || typesFor === 'node'))) return false;
      if (new RegExp(`(^|[\\s&;|])${dep.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s|$)`).test(scripts)) return false;
      return !alsoUsed(dep);
    });
  }

  for (const ws of WORKSPACES) {
    it(`${ws}/package.json lists every package its files import`, () => {
      const m = manifest(ws);
      const own = declared(m);
      const missing: string[] = [];
      for (const path of sourceFiles(ws)) {
        for (const imp of readSource(path).imports) {
          const pkg = packageOf(imp.specifier);
          if (pkg === null || isBuiltin(imp.specifier) || own.includes(pkg)) continue;
          if (imp.typeOnly && own.includes(typesPackageOf(pkg))) continue;
          if (isTestFile(path) && rootDev.includes(pkg)) continue;
          missing.push(`${path}: line ${imp.line} imports ${imp.specifier}, which ${ws}/package.json does not declare`);
        }
      }
      expect(missing).toEqual([]);
    });

    it(`${ws}/package.json declares nothing its files do not use`, () => {
      const m = manifest(ws);
      // better-sqlite3 and pg are loaded by kysely's dialects through database.ts's own imports; tsx runs bin/ (JavaScript, read too).
      expect(unused(m, importsOf(sourceFiles(ws)), () => false).map((d) => `${ws}/package.json declares ${d}, which no file of it imports`)).toEqual([]);
    });
  }

  it('the root package.json declares only tools the tests, bench and eval use', () => {
    const everywhere = importsOf([...WORKSPACES, ...ROOT_FILES].flatMap((d) => (d.endsWith('.ts') ? [d] : sourceFiles(d))));
    // typescript is the type checker that `npm test` runs and the parser of these rules.
    expect(unused(root, everywhere, () => false).map((d) => `package.json declares ${d}, which nothing imports or runs`)).toEqual([]);
  });
});
