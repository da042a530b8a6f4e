import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostRefusal } from './address-policy.js';
import { OutboundRefused, pinnedLookup, systemResolve, type Resolve } from './pinned-lookup.js';

export interface OutboundOptions {
  /** CROSSCHECK_WEBHOOK_ALLOW_PRIVATE: private, loopback and link-local destinations too. */
  allowPrivate: boolean;
  timeoutMs: number;
  resolve?: Resolve;
}

/**
 * POSTs `body` to `url` once, through the address policy, and gives the answer's status; its body
 * is not read. Redirects are not followed (a redirect could lead the request anywhere, private
 * addresses included): a 3xx is an answer like any other. An address written in the URL is judged
 * before any socket opens; a name is judged on the addresses the socket connects to.
 */
export function postOnce(url: string, headers: Record<string, string>, body: string, o: OutboundOptions): Promise<number> {
  const target = new URL(url);
  if (!o.allowPrivate) {
    const refused = hostRefusal(target.hostname);
    if (refused !== null) return Promise.reject(new OutboundRefused(`address not allowed: ${refused}`));
  }
  const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
  if (send === null) return Promise.reject(new OutboundRefused('only http and https URLs are delivered to'));
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A fresh connection each time: a pooled socket would skip the lookup below.
        agent: false,
        lookup: pinnedLookup(o.resolve ?? systemResolve, o.allowPrivate),
        signal: AbortSignal.timeout(o.timeoutMs),
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
