import { isIP } from 'node:net';

/**
 * Requests the server sends to addresses members give (webhooks) must reach the public internet
 * only: otherwise a member could make the server call into its own network (a database port, a
 * cloud metadata service at 169.254.169.254) and read the answers' codes and timings from the
 * delivery log. Installations whose receivers sit inside a closed police network allow private
 * addresses (CROSSCHECK_WEBHOOK_ALLOW_PRIVATE); then this policy is not asked.
 *
 * The rule is stated over addresses, not over how they are written: an IPv6 address that carries
 * an IPv4 address (IPv4-mapped, NAT64, 6to4) is judged as the IPv4 address it reaches, and every
 * IPv6 address outside global unicast (2000::/3) is refused, which covers loopback, unspecified,
 * IPv4-compatible, link-local, unique-local, site-local, multicast and local-use NAT64 at once.
 */

/** An address as a number (32 bits for IPv4, 128 for IPv6) and a block as its first address and prefix length. */
interface Block {
  base: bigint;
  bits: number;
  why: string;
}

function ipv4Value(dotted: string): bigint {
  return dotted.split('.').reduce((n, part) => (n << 8n) | BigInt(part), 0n);
}

/**
 * The 128-bit value of an IPv6 address, read from WHATWG URL's serialisation of it (hexadecimal
 * groups, `::` for the longest run of zeros, no dotted tail), or null when it is not one.
 * A dotted tail is where IPv6 parsers err (ipaddr.js reads `::1.0.0.0` as `::ffff:1.0.0.0`), so
 * the parser that already reads every URL host reads these too.
 */
function ipv6Value(text: string): bigint | null {
  let host: string;
  try {
    host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head = '', tail] = host.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return all.reduce((n, g) => (n << 16n) | BigInt(`0x${g}`), 0n);
}

const parseBlock = (cidr: string, why: string): Block => {
  const [base = '', bits = ''] = cidr.split('/');
  const value = isIP(base) === 4 ? ipv4Value(base) : ipv6Value(base);
  if (value === null) throw new Error(`not a block: ${cidr}`);
  return { base: value, bits: Number(bits), why };
};

const blocks = (list: [string, string][]): Block[] => list.map(([cidr, why]) => parseBlock(cidr, why));

const within = (value: bigint, width: number, block: Block): boolean => value >> BigInt(width - block.bits) === block.base >> BigInt(width - block.bits);
const firstMatch = (value: bigint, width: number, list: Block[]): string | null => list.find((block) => within(value, width, block))?.why ?? null;

/** IPv4 blocks that are not the public internet (IANA's special-purpose address registry). */
const IPV4_REFUSED = blocks([
  ['0.0.0.0/8', 'this network (0.0.0.0/8)'],
  ['10.0.0.0/8', 'a private network (10.0.0.0/8)'],
  ['100.64.0.0/10', 'carrier-grade NAT (100.64.0.0/10)'],
  ['127.0.0.0/8', 'loopback (127.0.0.0/8)'],
  ['169.254.0.0/16', 'link-local, where cloud metadata services answer (169.254.0.0/16)'],
  ['172.16.0.0/12', 'a private network (172.16.0.0/12)'],
  ['192.0.0.0/24', 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0/24', 'documentation (192.0.2.0/24)'],
  ['192.88.99.0/24', '6to4 relay anycast (192.88.99.0/24)'],
  ['192.168.0.0/16', 'a private network (192.168.0.0/16)'],
  ['198.18.0.0/15', 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0/24', 'documentation (198.51.100.0/24)'],
  ['203.0.113.0/24', 'documentation (203.0.113.0/24)'],
  ['224.0.0.0/4', 'multicast (224.0.0.0/4)'],
  ['240.0.0.0/4', 'reserved or broadcast (240.0.0.0/4)'],
]);

const IPV6_GLOBAL_UNICAST = parseBlock('2000::/3', 'global unicast');

/** Blocks inside 2000::/3 that are not the public internet either. */
const IPV6_REFUSED_IN_GLOBAL = blocks([
  // Teredo (2001::/32), benchmarking, ORCHID and other protocol assignments: nothing a receiver uses.
  ['2001::/23', 'IETF protocol assignments, Teredo included (2001::/23)'],
  ['2001:db8::/32', 'documentation (2001:db8::/32)'],
  ['3fff::/20', 'documentation (3fff::/20)'],
]);

/** Names for the usual blocks outside 2000::/3, so a refusal says what the address is. */
const IPV6_OUTSIDE_GLOBAL = blocks([
  ['::/128', 'unspecified (::)'],
  ['::1/128', 'loopback (::1)'],
  ['::/96', 'IPv4-compatible, deprecated (::/96)'],
  ['::ffff:0:0:0/96', 'IPv4-translated (::ffff:0:0:0/96)'],
  ['64:ff9b:1::/48', 'local-use NAT64 (64:ff9b:1::/48)'],
  ['100::/64', 'discard-only (100::/64)'],
  ['fc00::/7', 'unique local (fc00::/7)'],
  ['fe80::/10', 'link-local (fe80::/10)'],
  ['fec0::/10', 'site-local, deprecated (fec0::/10)'],
  ['ff00::/8', 'multicast (ff00::/8)'],
]);

const IPV4_MAPPED = parseBlock('::ffff:0:0/96', 'IPv4-mapped');
const NAT64_WELL_KNOWN = parseBlock('64:ff9b::/96', 'NAT64');
const SIX_TO_FOUR = parseBlock('2002::/16', '6to4');

/** The IPv4 address an IPv6 address leads to (IPv4-mapped, NAT64 with the well-known prefix, 6to4), or null. */
function embeddedIPv4(v6: bigint): bigint | null {
  if (within(v6, 128, IPV4_MAPPED) || within(v6, 128, NAT64_WELL_KNOWN)) return v6 & 0xffffffffn;
  if (within(v6, 128, SIX_TO_FOUR)) return (v6 >> 80n) & 0xffffffffn;
  return null;
}

/** Why an IP address (as a resolver or WHATWG URL writes it) is not a public one, or null when it is. */
export function addressRefusal(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return firstMatch(ipv4Value(bare), 32, IPV4_REFUSED);
  if (bare.includes('%')) return 'a scoped (zone) address';
  // `isIP` is strict (RFC 4291 text): the URL parser alone would also take what it normalises.
  const v6 = isIP(bare) === 6 ? ipv6Value(bare) : null;
  if (v6 === null) return 'not an IP address';
  const v4 = embeddedIPv4(v6);
  if (v4 !== null) {
    const why = firstMatch(v4, 32, IPV4_REFUSED);
    return why === null ? null : `${why}, written as IPv6`;
  }
  if (!within(v6, 128, IPV6_GLOBAL_UNICAST)) return firstMatch(v6, 128, IPV6_OUTSIDE_GLOBAL) ?? 'outside global unicast (2000::/3)';
  return firstMatch(v6, 128, IPV6_REFUSED_IN_GLOBAL);
}

/**
 * Why a URL's host (WHATWG `URL.hostname`, which has already turned 2130706433, 0x7f.1 and
 * 0177.0.0.1 into 127.0.0.1) is not public as written, or null: an IP address is judged here, a
 * name only once it resolves (`pinnedLookup`), except the names reserved for this machine.
 */
export function hostRefusal(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback (localhost)';
  return isIP(host) === 0 ? null : addressRefusal(host);
}
