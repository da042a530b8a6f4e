import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository's root folder, with forward slashes in every path this module returns. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface SourceImport {
  /** As written: `../store/alert-repo.js`, `kysely`, `node:fs`. */
  specifier: string;
  /** For a relative specifier: the imported file, relative to ROOT, without its extension. */
  target: string | null;
  /** `import type`, `export type` or `import('x').T`: gone after compilation, but still a dependency of the design. */
  typeOnly: boolean;
  /** The value names this import brings in (`sql` in `import { sql, type Kysely } from 'kysely'`). */
  values: string[];
  line: number;
}

export interface SourceUse {
  /** What was used: `selectFrom(`, `sql\``, `process.`, `fetch(`… */
  what: string;
  line: number;
}

export interface SourceFile {
  /** Relative to ROOT, forward slashes: `packages/server/src/app/deps.ts`. */
  path: string;
  imports: SourceImport[];
  /** Query-builder calls and raw SQL templates. */
  sql: SourceUse[];
  /** Globals that reach outside the process (file system, network, environment). */
  io: SourceUse[];
  /** `JSON.parse(` calls: text decoded into values. */
  decodes: SourceUse[];
}

/**
 * Kysely's statement starters and executors. `.execute()` without arguments runs a query
 * (`db.transaction().execute(fn)` passes a function, so a transaction does not count).
 */
const QUERY_METHODS = new Set(['selectFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'selectNoFrom', 'executeTakeFirst', 'executeTakeFirstOrThrow']);
const IO_CALLS = new Set(['fetch', 'require', 'XMLHttpRequest', 'WebSocket', 'EventSource']);
const IO_OBJECTS = new Set(['process', 'localStorage', 'sessionStorage', 'indexedDB', 'Deno', 'Bun']);

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];

/** Every TypeScript or JavaScript file under `dir` (relative to ROOT), skipping node_modules and build output. */
export function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return SOURCE_EXTENSIONS.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

export const isTestFile = (path: string): boolean => /\.test\.tsx?$/.test(path) || /^packages\/[^/]+\/test\//.test(path);

const withoutExtension = (path: string): string => path.replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, '');

const cache = new Map<string, SourceFile>();

/** Parses one file (relative to ROOT) with TypeScript's own parser: no type check, so a few milliseconds a file. */
export function readSource(path: string): SourceFile {
  const cached = cache.get(path);
  if (cached) return cached;
  const text = readFileSync(join(ROOT, path), 'utf8');
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const file: SourceFile = { path, imports: [], sql: [], io: [], decodes: [] };

  const addImport = (specifierNode: ts.Expression, typeOnly: boolean, values: string[], at: ts.Node): void => {
    if (!ts.isStringLiteralLike(specifierNode)) return;
    const specifier = specifierNode.text;
    const target = specifier.startsWith('.') ? withoutExtension(relative(ROOT, resolve(ROOT, dirname(path), specifier)).split('\\').join('/')) : null;
    file.imports.push({ specifier, target, typeOnly, values, line: lineOf(at) });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const values: string[] = [];
      if (clause && !clause.isTypeOnly) {
        if (clause.name) values.push('default');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) values.push('*');
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) values.push((el.propertyName ?? el.name).text);
      }
      // `import 'x'` (no clause) runs the module, so it is a value import.
      const typeOnly = clause !== undefined && values.length === 0;
      addImport(node.moduleSpecifier, typeOnly, clause ? values : ['*'], node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const values = node.isTypeOnly ? [] : node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ['*'];
      addImport(node.moduleSpecifier, values.length === 0, values, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      addImport(node.argument.literal, true, [], node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      addImport(node.arguments[0], false, ['*'], node);
    }

    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (QUERY_METHODS.has(name) || (name === 'execute' && node.arguments.length === 0)) file.sql.push({ what: `${name}(`, line: lineOf(node) });
      if (name === 'parse' && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'JSON') file.decodes.push({ what: 'JSON.parse(', line: lineOf(node) });
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') file.sql.push({ what: 'sql`', line: lineOf(node) });
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && IO_CALLS.has(node.expression.text)) {
      file.io.push({ what: `${node.expression.text}(`, line: lineOf(node) });
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && IO_OBJECTS.has(node.expression.text)) {
      file.io.push({ what: `${node.expression.text}.`, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(path, file);
  return file;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; null for relative and `node:` specifiers. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
