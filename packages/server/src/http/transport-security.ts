import type { FastifyInstance, FastifyRequest } from 'fastify';

/** `auto`: `Secure` when the request came over HTTPS; or always, or never. */
export type SecureCookies = 'auto' | boolean;
/** Whose `X-Forwarded-*` headers are believed: none, all, a number of hops, or proxy addresses. */
export type TrustProxy = boolean | number | string[];

/** Fastify's `trustProxy`: a number of proxies means believing that many hops, counted from us. */
export const proxyTrust = (trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) =>
  typeof trust === 'number' ? (_address, hop) => hop < trust : trust;

/**
 * Whether the request reached us over TLS: directly, or through a proxy we trust
 * (CROSSCHECK_TRUST_PROXY) that says so in `X-Forwarded-Proto`; fastify's `protocol` weighs both.
 */
export const overHttps = (request: FastifyRequest): boolean => request.protocol === 'https';

/** The session cookie is `Secure` whenever the browser reached us over HTTPS, unless set otherwise. */
export const cookieSecure = (request: FastifyRequest, setting: SecureCookies): boolean => (setting === 'auto' ? overHttps(request) : setting);

/**
 * Answers over HTTPS tell the browser to use nothing else for this host (HSTS), so a later
 * `http://` link or a network attacker cannot downgrade it. Not sent over plain HTTP, where a
 * browser would ignore it anyway (RFC 6797 §8.1).
 */
export function strictTransportSecurity(app: FastifyInstance, maxAgeSeconds: number): void {
  if (maxAgeSeconds === 0) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (overHttps(request)) reply.header('strict-transport-security', `max-age=${maxAgeSeconds}`);
    return payload;
  });
}
