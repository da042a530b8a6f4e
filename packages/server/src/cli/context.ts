import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { DomainError, cliCredential, type Role } from '@crosscheck/core';
import type { Ctx, Deps } from '../app/deps.js';
import { loadConfig, type Config } from '../config.js';
import { openDeps } from '../main.js';
import { isPostgresUrl } from '../store/database.js';

export interface DbOption {
  db?: string;
}

export function configFrom(opts: DbOption & { port?: number }): Config {
  return loadConfig(process.env, { ...(opts.db !== undefined ? { db: opts.db } : {}), ...(opts.port !== undefined ? { port: opts.port } : {}) });
}

/**
 * Opens the database for one command and closes it after. The CLI is local administration: it
 * acts under the operator's admin role (or a named member's bureau), recorded as `cli:<os user>`.
 */
export async function withDeps<T>(opts: DbOption, work: (deps: Deps) => Promise<T>, create = false): Promise<T> {
  const config = configFrom(opts);
  if (!create) requireExistingDatabase(config.storage.database);
  const { deps, database } = await openDeps(config);
  try {
    return await work(deps);
  } finally {
    await database.close();
  }
}

/**
 * A mistyped `--db` must not quietly create an empty database and report on it: only `serve`
 * and `db migrate` create one.
 */
export function requireExistingDatabase(target: string): void {
  if (!isPostgresUrl(target) && !existsSync(target)) {
    throw new Error(`no database at ${target}: create it with "crosscheck db migrate --db ${target}" or "crosscheck serve"`);
  }
}

export function cliCtx(member: string, role: Role): Ctx {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // No passwd entry (containers): the audit entry still says it came from the CLI.
  }
  return { actor: { member, role, credential: cliCredential(who) }, requestId: `cli/${process.pid}-${Date.now()}` };
}

/** Prints a domain error as one line and sets a failing exit code; anything else is a bug and is rethrown. */
export function reportError(error: unknown): void {
  if (error instanceof DomainError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const p of error.problems.slice(1)) process.stderr.write(`  ${p.field}: ${p.message}\n`);
    process.exitCode = error.kind === 'validation' ? 2 : 1;
    return;
  }
  if (error instanceof Error) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  throw error;
}

/** A server started from the command line stops cleanly on Ctrl-C or a service manager's SIGTERM. */
export function stopOnSignals(running: { stop(): Promise<void> }): void {
  const stop = (): void => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
