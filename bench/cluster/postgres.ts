import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, run, waitFor } from './processes.js';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL server of the test's own in a folder of the temporary directory, on a free port:
 * the primary made by initdb, or a streaming replica of it made by pg_basebackup. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user, which then owns the folder.
 */
export class OwnPostgres {
  private constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly socketDir: string,
    private readonly logFile: string,
  ) {}

  /** `initdb` and start; the database `crosscheck` exists afterwards. */
  async initPrimary(): Promise<void> {
    asPostgres(join(BIN, 'initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions']);
    this.start();
    await this.sql('postgres', 'create database crosscheck');
  }

  /** A hot standby of `primary` (a base backup with `-R`, so it streams from it), started. */
  async cloneAsReplica(primary: OwnPostgres): Promise<void> {
    asPostgres(join(BIN, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', this.dataDir, '-R', '-X', 'stream', '-c', 'fast']);
    this.start();
    await this.ready();
  }

  /** Its folders and port, nothing started: so that whoever stops it knows of it before it runs. */
  static async create(name: string, dir: string): Promise<OwnPostgres> {
    const dataDir = join(dir, `pg-${name}`);
    // Its socket and log, in a folder it owns.
    const socketDir = join(dir, `pg-${name}-run`);
    for (const d of [dataDir, socketDir]) {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      if (isRoot()) chownSync(d, postgresIds().uid, postgresIds().gid);
    }
    return new OwnPostgres(name, dataDir, await freePort(), socketDir, join(socketDir, 'server.log'));
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/crosscheck`;
  }

  private start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.socketDir} -c max_connections=200 -c hot_standby_feedback=on`;
    asPostgres(join(BIN, 'pg_ctl'), ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown, and immediate if that does not finish in time; never throws (cleanup). */
  stop(): void {
    for (const mode of ['fast', 'immediate']) {
      try {
        asPostgres(join(BIN, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '20', 'stop']);
        return;
      } catch {
        // Not running, or did not stop in time: try the next mode.
      }
    }
  }

  /** One statement on a connection of its own; the rows it returns. */
  async sql<R extends Record<string, unknown> = Record<string, unknown>>(database: string, text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', database, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Waits until the server answers queries (a standby too). */
  ready(timeoutMs = 60_000): Promise<true> {
    return waitFor(`PostgreSQL ${this.name} to answer`, async () => ((await this.sql('postgres', 'select 1')).length === 1 ? true : undefined), timeoutMs, 200);
  }
}

const isRoot = () => process.getuid?.() === 0;

let ids: { uid: number; gid: number } | null = null;
function postgresIds(): { uid: number; gid: number } {
  ids ??= { uid: Number(run('id', ['-u', 'postgres']).trim()), gid: Number(run('id', ['-g', 'postgres']).trim()) };
  return ids;
}

/** Runs a PostgreSQL program, as `postgres` when this process is root. */
function asPostgres(program: string, args: string[]): string {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', program, ...args], { cwd: '/' }) : run(program, args);
}
