import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Ctx, Deps } from '../../server/src/app/deps.js';
import { addMember } from '../../server/src/app/manage-members.js';
import { addUser } from '../../server/src/app/manage-users.js';
import { loadConfig } from '../../server/src/config.js';
import { openDeps, serve, type Running } from '../../server/src/main.js';
import type { Role } from '@crosscheck/core';

/**
 * What every browser test needs: the built app (test/global-build.ts builds it once), a server on
 * a temporary SQLite database set up through the use cases, Debian's chromium driven by
 * playwright-core, and a record of console errors (any one fails a test).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

/** Screenshots of each page land here (git-ignored); the closing notes cite them. */
export const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
export const PASSWORD = 'correct horse battery staple';

export const setupCtx = (member: string, role: Role = 'bureau'): Ctx => ({ actor: { member, role, credential: 'cli:test-setup' }, requestId: 'test/setup' });

export interface WebApp {
  url: string;
  browser: Browser;
  /** Console errors and page errors seen so far, in every page opened with open(). */
  consoleErrors: string[];
  /** While set, a console error matching it is expected (a refused request) and not recorded. */
  expectError: RegExp | null;
  open: (context: BrowserContext, path?: string) => Promise<Page>;
  /** A new context with a page at `path`, logged in as `username`. */
  openAs: (username: string, path?: string, locale?: string) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<void>;
  stop: () => Promise<void>;
}

export interface SetupHelpers {
  deps: Deps;
  operator: Ctx;
  /** Adds a user with PASSWORD. */
  user: (username: string, member: string, role: Role) => Promise<void>;
  /** Adds a member (a fictitious state such as UTO) so it may own alerts. */
  member: (code: string, name: string) => Promise<void>;
}

/** Sets the database up with `setup` (before the server starts, as an operator would), then serves the app. */
export async function startWebApp(setup: (h: SetupHelpers) => Promise<void>): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
  mkdirSync(SHOTS, { recursive: true });
  const config = loadConfig({ LOG_LEVEL: 'silent', CROSSCHECK_METRICS_ADDRESS: 'off' }, { db: join(dir, 'web.db'), port: 0 });
  const { deps, database } = await openDeps(config);
  const operator = setupCtx(deps.operator, 'admin');
  await setup({
    deps,
    operator,
    user: async (username, member, role) => void (await addUser(deps, operator, { username, member, role, password: PASSWORD })),
    member: async (code, name) => void (await addMember(deps, operator, { code, name, kind: 'country' })),
  });
  await database.close();

  const server: Running = await serve(config, { demo: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];

  const app: WebApp = {
    url: server.url,
    browser,
    consoleErrors: [],
    expectError: null,
    open: async (context, path = '/') => {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (app.expectError?.test(m.text())) return;
        app.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => app.consoleErrors.push(String(e)));
      await page.goto(server.url + path);
      return page;
    },
    openAs: async (username, path = '/', locale = 'en-GB') => {
      const context = await browser.newContext({ locale });
      contexts.push(context);
      const page = await app.open(context, path);
      await logIn(page, username);
      await page.getByRole('button', { name: 'Log out' }).waitFor();
      return page;
    },
    shot: async (page, name) => void (await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })),
    stop: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

export async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
