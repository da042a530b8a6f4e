import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { addressRefusal } from './address-policy.js';

/** Resolves a name to every address it has; the system resolver unless a test gives its own. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** A request the policy refused: it never reached the network. */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

/**
 * One message whether a name has no address, has a private one, or has a private one among
 * public ones: a member must not learn from the delivery log which names exist inside the
 * server's network.
 */
export const NAME_REFUSED = 'address not allowed: the name does not resolve to public addresses only';

/**
 * The `lookup` for a socket: the name is resolved once, every address it resolves to is checked,
 * and the socket connects to those checked addresses only, so a name that answers a public
 * address to a first query and a private one to the next (DNS rebinding) cannot slip through
 * between the check and the connection.
 */
export function pinnedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const answer = async (): Promise<LookupAddress[]> => {
      let addresses: LookupAddress[];
      try {
        addresses = await resolve(hostname);
      } catch (error) {
        if (allowPrivate) throw error;
        throw new OutboundRefused(NAME_REFUSED);
      }
      if (!allowPrivate && (addresses.length === 0 || addresses.some((a) => addressRefusal(a.address) !== null))) throw new OutboundRefused(NAME_REFUSED);
      const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
      const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
      if (usable.length === 0) throw Object.assign(new Error(`no IPv${family} address`), { code: 'ENOTFOUND' });
      return usable;
    };
    answer().then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
