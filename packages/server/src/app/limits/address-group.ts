import { isIPv6 } from 'node:net';

/**
 * The unit an address limit counts by. An IPv4 address is one; an IPv4-mapped IPv6 address is the
 * IPv4 address it carries; an IPv6 address counts with its whole /64, since one subscriber is
 * usually given a /64 and could otherwise take a fresh address for every attempt.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '').toLowerCase()).join(':')}::/64`;
}
