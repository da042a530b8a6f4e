import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Every process the cluster test starts, so that it can end them all, and only them, however
 * the test ends: by pid, never by name (other people's servers run on the same machine).
 */
export class Processes {
  private readonly started = new Map<string, ChildProcess>();
  private readonly spawnErrors = new Map<string, Error>();
  /** Set once stopAll() or killAllNow() began: whatever starts later would be left running. */
  private closed = false;

  /** `failed` hears of a process that could not be started (a missing program, say). */
  constructor(private readonly failed: (name: string, error: Error) => void) {}

  /** Starts `command` with its output appended to `logFile`; throws once stopping has begun. */
  start(name: string, command: string, args: string[], logFile: string, options: SpawnOptions = {}): ChildProcess {
    if (this.closed) throw new GaveUp(`not starting ${name}: everything is being stopped`);
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    // Without a listener a failed spawn would end this process at once, before any clean-up.
    child.on('error', (error) => {
      this.spawnErrors.set(name, error);
      this.failed(name, error);
    });
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
    return child !== undefined && !this.spawnErrors.has(name) && child.exitCode === null && child.signalCode === null;
  }

  /** Throws GaveUp when `name` could not be started or has ended: no use waiting for it. */
  mustRun(name: string): void {
    const child = this.started.get(name);
    const error = this.spawnErrors.get(name);
    if (error) throw new GaveUp(`${name} could not be started: ${error.message}`);
    if (child && !this.alive(name)) throw new GaveUp(`${name} exited (${child.exitCode ?? child.signalCode})`);
  }

  /** `kill -9`: what a crash, an out-of-memory kill or a pulled plug looks like to the others. */
  crash(name: string): void {
    this.started.get(name)?.kill('SIGKILL');
  }

  /** SIGTERM to every process still running, SIGKILL to those still there after `graceMs`. */
  async stopAll(graceMs = 3000): Promise<void> {
    this.closed = true;
    const running = this.running();
    for (const c of running) c.kill('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && running.some((c) => c.exitCode === null && c.signalCode === null)) await sleep(100);
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }

  /** SIGKILL to every process still running, without waiting: for the process's 'exit' event. */
  killAllNow(): void {
    this.closed = true;
    for (const c of this.running()) c.kill('SIGKILL');
  }

  private running(): ChildProcess[] {
    return [...this.started.entries()].filter(([name, c]) => !this.spawnErrors.has(name) && c.exitCode === null && c.signalCode === null).map(([, c]) => c);
  }
}

/** A failure that waitFor passes on at once instead of trying again until its deadline. */
export class GaveUp extends Error {}

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

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes, or it throws GaveUp. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GaveUp) throw error;
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
