import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const WEB_DIR = fileURLToPath(new URL('../../../../web/', import.meta.url));
const FILES: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};

/** The web page: static files read once at start; it talks to the API like any other client. */
export function webRoutes(app: FastifyInstance): void {
  for (const [path, [file, type]] of Object.entries(FILES)) {
    const body = readFileSync(WEB_DIR + file);
    app.get(path, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type(type)
        .header('content-security-policy', "default-src 'self'; frame-ancestors 'none'")
        .send(body),
    );
  }
}
