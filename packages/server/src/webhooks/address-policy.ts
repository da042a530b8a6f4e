import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Webhooks post to addresses members give: without a rule, a member could make the server call
 * into its own network (a database port, a cloud metadata service at 169.254.169.254) and read
 * the answers' codes and timings from the delivery log. Private, loopback and link-local
 * addresses are refused unless the installation allows them (CROSSCHECK_WEBHOOK_ALLOW_PRIVATE,
 * for receivers inside a police network).
 */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') || v6.startsWith('feb') || v6.startsWith('ff');
}

/** A host that is, as written, a private address or a name for one (localhost). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && isPrivateAddress(host);
}

/** Why a delivery to this URL may not be sent now (its name resolves to a private address), or null. */
export async function refusedDestination(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname;
  if (isPrivateHost(host)) return 'address not allowed: a private network';
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return null;
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'address not allowed: the name resolves to a private network' : null;
  } catch {
    return 'network error: the name does not resolve';
  }
}
