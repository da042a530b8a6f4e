import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_PAGES } from '../../server/src/http/routes/web.js';

describe('pages of the app', () => {
  it('are each answered by the server with the app, so a reload or a bookmark lands on the page', () => {
    const dir = fileURLToPath(new URL('../src/pages/', import.meta.url));
    const paths = readdirSync(dir)
      .filter((f) => f.endsWith('.meta.ts'))
      .map((f) => /path: '([^']+)'/.exec(readFileSync(dir + f, 'utf8'))?.[1]);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    for (const p of paths) expect(APP_PAGES, `page ${p}`).toContain(p);
  });
});
