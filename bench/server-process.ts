import { spawn, type ChildProcess } from 'node:child_process';

/** `crosscheck serve` on a SQLite file in a process of its own, as in production; resolves with its URL. */
export async function startServer(cli: string, db: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', db], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) res(m[1]!);
    });
    server.on('exit', (c) => rej(new Error(`server exited ${c}`)));
  });
  return { url, server };
}
