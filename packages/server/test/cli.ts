import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../bin/crosscheck.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `crosscheck` binary in a child process. */
export function runCli(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(input ?? '');
  });
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  // DATABASE_URL is removed so that each test's --db is the only database in play. Metrics are
  // off: every server would bind the one default metrics port, and test files run in parallel.
  // Servers answer on one thread unless a test asks for workers (serve-workers.test.ts,
  // serve-start.test.ts): a worker per core in every test server would multiply the database
  // connections and start-up work of parallel test files on a small machine.
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawn(process.execPath, [CLI, ...args], { env: { ...rest, LOG_LEVEL: 'silent', CROSSCHECK_METRICS_ADDRESS: 'off', CROSSCHECK_WORKERS: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}
