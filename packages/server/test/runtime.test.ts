import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string>; engines: { node: string } };

describe('the runtime the project runs on', () => {
  it('is the maintained Node.js brought in by the `node` package, not the machine’s own', () => {
    // npm scripts put node_modules/.bin first on PATH; if the install went wrong, tests would run
    // on whatever Node.js the machine has.
    expect(process.version).toBe(`v${root.devDependencies.node}`);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });
  it('loads the native SQLite module built for it', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
  });
});
