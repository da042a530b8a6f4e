import type { ChildProcess } from 'node:child_process';
import { startCli } from './cli.js';

/** Starts `crosscheck serve` on a free port and resolves with its URL once it listens (metrics off, as startCli sets). */
export function startServer(db: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return startListening(['serve', '--port', '0', '--db', db, ...args], env, 'server');
}

/** Starts a CLI command that serves HTTP (`serve`, `replica`) and resolves with its URL once it listens. */
export function startListening(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the ${what} did not start: ${out}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${what} exited with ${code}: ${out}`));
    });
  });
}

/** Ends a server child (if it still runs) and waits for it to be gone. */
export async function stopServer(server: { child: ChildProcess } | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((r) => server.child.once('exit', r));
  server.child.kill(signal);
  await gone;
}
