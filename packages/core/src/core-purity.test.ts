import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency graph is the architecture: the core must run in a browser and in any process,
// so it may not reach the file system, the network, a database or the server package.
const SRC = fileURLToPath(new URL('.', import.meta.url));
const ALLOWED_PACKAGES = ['kysely', 'zod', '@noble/hashes', 'i18n-iso-countries', 'any-ascii', 'fastest-levenshtein', 'double-metaphone'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the core package stays free of I/O', () => {
  it('imports only relative files and the allowed pure packages', () => {
    const offending: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? '';
        if (spec.startsWith('.')) continue;
        if (!ALLOWED_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) offending.push(`${file}: ${spec}`);
        // Kysely builds query text only; it is allowed where a rule is translated into SQL, nowhere else.
        else if (spec === 'kysely' && !file.endsWith('.sql.ts')) offending.push(`${file}: kysely outside a *.sql.ts file`);
      }
      if (/\bprocess\.|\brequire\(/.test(text)) offending.push(`${file}: uses process or require`);
    }
    expect(offending).toEqual([]);
  });

  it('declares no dependency beyond the allowed pure packages', () => {
    const pkg = JSON.parse(readFileSync(join(SRC, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...ALLOWED_PACKAGES].sort());
  });
});
