import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// test/global-build.ts has built dist/ before this runs.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
// zod names its error class at run time, so every bundle that carries zod carries this string.
const ZOD_MARK = 'ZodError';

/** The scripts index.html loads before any page opens: the entry and what it preloads. */
function shellScripts(): string[] {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('the shell bundle', () => {
  it('reads the core value lists and the roles table without carrying zod, which only the alert editor loads', () => {
    const shell = shellScripts();
    expect(shell.length).toBeGreaterThan(0);
    for (const file of shell) expect(readFileSync(DIST + file, 'utf8').includes(ZOD_MARK), file).toBe(false);
    // The mark is real: the editor's validation chunk, which imports the schemas, has it.
    const withZod = readdirSync(`${DIST}assets`).filter((f) => f.endsWith('.js') && readFileSync(`${DIST}assets/${f}`, 'utf8').includes(ZOD_MARK));
    expect(withZod.length).toBeGreaterThan(0);
    expect(withZod.some((f) => shell.includes(`assets/${f}`))).toBe(false);
  });
});
