import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiRequest } from '../request-path.js';

/** Where `vite build` of packages/web writes the application (`npm run build:web`). */
const DIST_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Everything the app needs is bundled and served from here: no inline script, no other origin.
// Images may also be blob: URLs: the preview of a photo chosen for upload, before it is sent.
const CSP = "default-src 'self'; img-src 'self' blob:; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

// Shown when the app was not built, so a bare `serve` still explains itself instead of a 404.
const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>crosscheck</title></head>
<body><h1>crosscheck</h1><p>The web application is not built: run <code>npm run build:web</code> (or <code>npm start</code>). The API is at <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

interface WebFile {
  body: Buffer;
  type: string;
}

function readTree(dir: string, prefix: string, into: Map<string, WebFile>): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) readTree(full, `${prefix}${name}/`, into);
    else into.set(`${prefix}${name}`, { body: readFileSync(full), type: TYPES[extname(name)] ?? 'application/octet-stream' });
  }
}

/** The built files, read once at start: the set is small and changes only with a new build. */
function loadDist(): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  try {
    if (existsSync(join(DIST_DIR, 'index.html'))) readTree(DIST_DIR, '/', files);
  } catch {
    // A build rewriting dist/ while we read it (tests build the app in parallel): serve the not-built page.
    files.clear();
  }
  return files;
}

/**
 * The pages of the web application (packages/web/src/routes.ts): each answers with index.html
 * so a reload or a bookmark lands on the page (SPA fallback). Any other path keeps the API's
 * problem+json 404, so a mistyped API or asset URL shows as one.
 */
export const APP_PAGES = ['/', '/login', '/dashboard', '/screen', '/hits', '/alerts', '/review', '/links', '/audit', '/chain', '/clearances'] as const;

/**
 * Whether an unknown address is a person's browser asking for a page (a mistyped or stale
 * bookmark): a GET for HTML outside the API and the built assets. Such a request gets the app,
 * which shows its own "not found" page in the reader's language; everything else (the API, a
 * missing script or image, a client asking for JSON) keeps the problem+json 404.
 */
export function wantsAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (isApiRequest(request) || request.url.startsWith('/assets/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * The web application: its built files and its pages. `apiNotFound` answers an unknown address
 * that is not a page request (wantsAppPage).
 */
export function webRoutes(app: FastifyInstance, apiNotFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>): void {
  const files = loadDist();
  const index = files.get('/index.html') ?? { body: Buffer.from(NOT_BUILT), type: TYPES['.html']! };

  const send = (reply: FastifyReply, file: WebFile, cache: string) =>
    reply.type(file.type).header('content-security-policy', CSP).header('referrer-policy', 'no-referrer').header('cache-control', cache).send(file.body);

  for (const page of APP_PAGES) app.get(page, { schema: { hide: true } }, async (_req, reply) => send(reply, index, 'no-cache'));
  // The status stays 404 (the address names nothing), but the body is the app, which says so in words.
  app.setNotFoundHandler((request, reply) => (wantsAppPage(request) ? send(reply.code(404), index, 'no-cache') : apiNotFound(request, reply)));
  for (const [path, file] of files) {
    if (path === '/index.html') continue;
    // Vite puts a content hash in every name under /assets/, so those never change.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    app.get(path, { schema: { hide: true } }, async (_req, reply) => send(reply, file, cache));
  }
}
