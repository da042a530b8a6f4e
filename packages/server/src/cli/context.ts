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

/**
 * Prints what went wrong as a message and sets a failing exit code: a domain error with each
 * field it names (exit 2 for bad input), anything else by its message. Never a stack trace: an
 * operator needs to know what to fix, not where in the code it was noticed.
 */
export function reportError(error: unknown): void {
  if (error instanceof DomainError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const p of error.problems.slice(1)) process.stderr.write(`  ${p.field}: ${p.message}\n`);
    process.exitCode = error.kind === 'validation' ? 2 : 1;
    return;
  }
  process.stderr.write(`error: ${messageOf(error)}\n`);
  process.exitCode = 1;
}

/** An error's message; a connection refused on every address (an AggregateError) has none of its own. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(messageOf))].join('; ');
  return (error as NodeJS.ErrnoException).code ?? error.name;
}

const closedOutput = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
};

/**
 * `crosscheck alerts export | head -1`: once the reader has gone there is nobody left to write
 * for, so the command ends at once and quietly with exit 0, as Unix tools do, instead of dying
 * of EPIPE with a stack trace. Any other error that escapes a command is reported as a message.
 * `isServing` says whether the command running is a server (serve, replica).
 */
export function endQuietlyOnClosedOutput(isServing: () => boolean = () => false): void {
  const escaped = (error: unknown): void => {
    // A server whose log pipe has gone (a log shipper restarted) has not finished its work: it
    // stops with a failure, so that a service manager restarts it, rather than "successfully".
    if (closedOutput(error)) process.exit(isServing() ? 1 : 0);
    reportError(error);
    process.exit(process.exitCode ?? 1);
  };
  process.stdout.on('error', escaped);
  process.stderr.on('error', (error) => process.exit(closedOutput(error) && !isServing() ? 0 : 1));
  process.on('uncaughtException', escaped);
  process.on('unhandledRejection', escaped);
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
