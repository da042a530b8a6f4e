import { hostname } from 'node:os';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export interface ThreadLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(obj: { err: unknown }, msg: string): void;
}

/**
 * The main thread's log when worker threads answer the requests: the same JSON lines as the
 * workers' (fastify's pino: level, time, pid, hostname, msg, err), on the same stdout, so that
 * one log reader takes both. Only the main thread's few lines (supervision, background work)
 * come here: it has no fastify app of its own.
 */
export function threadLog(level: string, write: (line: string) => void = (l) => void process.stdout.write(l)): ThreadLog {
  const threshold = LEVELS[level] ?? LEVELS.info!;
  const line = (n: number, msg: string, extra: Record<string, unknown> = {}): void => {
    if (n < threshold) return;
    write(`${JSON.stringify({ level: n, time: Date.now(), pid: process.pid, hostname: hostname(), ...extra, msg })}\n`);
  };
  return {
    info: (msg) => line(30, msg),
    warn: (msg) => line(40, msg),
    error: ({ err }, msg) => {
      const e = err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : { message: String(err) };
      line(50, msg, { err: e });
    },
  };
}
