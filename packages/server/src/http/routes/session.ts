import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { logIn, logOut, loginSchema } from '../../app/log-in.js';
import { languageSchema, setLanguage } from '../../app/set-language.js';
import { unlockLogin } from '../../app/unlock-login.js';
import { whoAmI } from '../../app/who-am-i.js';
import { SESSION_COOKIE, resolveCtx } from '../auth.js';
import { jsonSchema, problemResponse } from '../openapi.js';

export function sessionRoutes(app: FastifyInstance, deps: Deps, secureCookies: boolean): void {
  app.post('/api/v1/session', { schema: { tags: ['session'], summary: 'Log in with a password; sets an HttpOnly session cookie. After repeated failures on a user name or from an address, attempts get 429 with Retry-After until the back-off or lockout is over', body: jsonSchema(loginSchema), response: { 401: problemResponse, 422: problemResponse, 429: problemResponse } } }, async (req, reply) => {
    const session = await logIn(deps, req.body, { requestId: req.id, source: req.ip });
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', expires: new Date(session.expiresAt) });
    return { user: session.user, expiresAt: session.expiresAt };
  });
  app.get('/api/v1/session', { schema: { tags: ['session'], summary: 'Who you are', response: { 401: problemResponse } as Record<string, unknown> } }, async (req) => {
    return whoAmI(deps, await resolveCtx(deps, req));
  });
  app.put('/api/v1/session/language', { schema: { tags: ['session'], summary: 'Choose your interface language (en, fr, es, ar), kept for your user on every browser', body: jsonSchema(languageSchema), response: { 401: problemResponse, 409: problemResponse, 422: problemResponse } as Record<string, unknown> } }, async (req) => {
    return setLanguage(deps, await resolveCtx(deps, req), req.body);
  });
  app.delete('/api/v1/session', { schema: { tags: ['session'], summary: 'Log out', response: { 401: problemResponse } as Record<string, unknown> } }, async (req, reply) => {
    const ctx = await resolveCtx(deps, req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logOut(deps, ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  app.delete('/api/v1/users/:username/lockout', { schema: { tags: ['users'], summary: "Lift a user's login lockout and forget its failed logins (administrators of its member, or of the operator)", params: usernameParam, response: { 401: problemResponse, 403: problemResponse, 404: problemResponse } as Record<string, unknown> } }, async (req) =>
    unlockLogin(deps, await resolveCtx(deps, req), (req.params as { username: string }).username),
  );
}

const usernameParam = { type: 'object', properties: { username: { type: 'string', maxLength: 100 } }, required: ['username'] } as const;
