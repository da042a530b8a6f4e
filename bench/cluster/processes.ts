import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Every process the cluster test starts, so that it can end them all, and only them, however
 * the test ends: by pid, never by name (other people's servers run on the same machine).
 */
export class Processes {
  private readonly started = new Map<string, ChildProcess>();

  /** Starts `command` with its output appended to `logFile`. */
  start(name: string, command: string, args: string[], logFile: string, options: SpawnOptions = {}): ChildProcess {
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.started.set(name, child);
    return child;
  }

  get(name: string): ChildProcess | undefined {
    return this.started.get(name);
  }

  alive(name: string): boolean {
    const child = this.started.get(name);
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** `kill -9`: what a crash, an out-of-memory kill or a pulled plug looks like to the others. */
  crash(name: string): void {
    this.started.get(name)?.kill('SIGKILL');
  }

  /** SIGTERM to every process still running, SIGKILL to those still there after `graceMs`. */
  async stopAll(graceMs = 3000): Promise<void> {
    const running = [...this.started.values()].filter((c) => c.exitCode === null && c.signalCode === null);
    for (const c of running) c.kill('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && running.some((c) => c.exitCode === null && c.signalCode === null)) await sleep(100);
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A TCP port nobody listens on now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(everyMs);
  }
}

/** Runs a command to its end; throws with its output when it fails. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr || r.stdout}`);
  return r.stdout;
}
