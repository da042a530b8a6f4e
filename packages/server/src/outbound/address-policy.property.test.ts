import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressRefusal, hostRefusal } from './address-policy.js';

// The blocks below are restated from IANA's special-purpose registries, independently of the
// policy's own table, so that a block missing there fails here.
const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const toInt = (dotted: string): number => dotted.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const octets = (n: number): [number, number, number, number] => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const inBlock = (n: number, [base, bits]: [string, number]): boolean => bits === 0 || n >>> (32 - bits) === toInt(base) >>> (32 - bits);
const isPrivateV4 = (n: number): boolean => PRIVATE_V4.some((b) => inBlock(n, b));

const privateV4 = fc.constantFrom(...PRIVATE_V4).chain(([base, bits]) => fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((offset) => toInt(base) + offset));
const publicV4 = fc.integer({ min: 0, max: 2 ** 32 - 1 }).filter((n) => !isPrivateV4(n));

const hex16 = (n: number): string => n.toString(16);
const pad16 = (n: number): string => n.toString(16).padStart(4, '0');
const group = fc.integer({ min: 0, max: 0xffff });

/** An IPv4 address as a URL host may spell it: WHATWG's IPv4 parser takes all of these. */
function v4HostForms(n: number): string[] {
  const [a, b, c, d] = octets(n);
  return [
    `${a}.${b}.${c}.${d}`,
    `${a}.${b}.${c}.${d}.`,
    String(n),
    `0x${n.toString(16)}`,
    `0X${n.toString(16).toUpperCase()}`,
    `0${n.toString(8)}`,
    [a, b, c, d].map((x) => `0${x.toString(8)}`).join('.'),
    [a, b, c, d].map((x) => `0x${x.toString(16)}`).join('.'),
    `${a}.${(b << 16) | (c << 8) | d}`,
    `0x${a.toString(16)}.0${((b << 16) | (c << 8) | d).toString(8)}`,
    `${a}.${b}.${(c << 8) | d}`,
    // Percent-encoded digits, which the host parser decodes first.
    `${a}.${b}.${c}.${d}`.replace(/\d/, (digit) => `%3${digit}`),
    // Full-width digits, which IDNA maps to ASCII before the IPv4 parser runs.
    `${a}.${b}.${c}.${d}`.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit))),
  ];
}

/** An IPv4 address carried inside IPv6, in the forms that reach it (mapped, NAT64, 6to4). */
function v6CarryingV4(n: number, suffix: number[]): string[] {
  const [a, b, c, d] = octets(n);
  const hi = (a << 8) | b;
  const lo = (c << 8) | d;
  return [
    `::ffff:${a}.${b}.${c}.${d}`,
    `::FFFF:${hex16(hi)}:${hex16(lo)}`,
    `0:0:0:0:0:ffff:${a}.${b}.${c}.${d}`,
    `0000:0000:0000:0000:0000:ffff:${pad16(hi)}:${pad16(lo)}`,
    `64:ff9b::${a}.${b}.${c}.${d}`,
    `64:ff9b::${hex16(hi)}:${hex16(lo)}`,
    `0064:FF9B:0000:0000:0000:0000:${pad16(hi)}:${pad16(lo)}`,
    `2002:${hex16(hi)}:${hex16(lo)}::${suffix.slice(1).map(hex16).join(':')}`,
    `2002:${pad16(hi)}:${pad16(lo)}:${suffix.map(pad16).join(':')}`,
  ];
}

/** Forms refused whatever IPv4 address they carry: deprecated or local-only translations. */
function v6AlwaysRefusedCarrying(n: number, g: number[]): string[] {
  const [a, b, c, d] = octets(n);
  return [
    // IPv4-compatible (deprecated) and IPv4-translated.
    `::${a}.${b}.${c}.${d}`,
    `::ffff:0:${a}.${b}.${c}.${d}`,
    // Local-use NAT64 (its translator is on the server's own network).
    `64:ff9b:1:${hex16(g[0]!)}::${a}.${b}.${c}.${d}`,
    // Teredo: the server is in bits 32–63, the client obfuscated in the last 32.
    `2001:0:${hex16((a << 8) | b)}:${hex16((c << 8) | d)}:${g.map(hex16).join(':')}`,
  ];
}

const v6 = (first: number, rest: number[]): string => [first, ...rest].map(hex16).join(':');
const seven = fc.array(group, { minLength: 7, maxLength: 7 });
const v6In = (prefix: number, bits: number) =>
  fc.tuple(fc.integer({ min: 0, max: 2 ** (16 - bits) - 1 }), seven).map(([low, rest]) => v6(prefix | low, rest));

/** IPv6 addresses that are not the public internet, by block. */
const privateV6 = fc.oneof(
  fc.constantFrom('::1', '::', '0:0:0:0:0:0:0:1', '0000:0000:0000:0000:0000:0000:0000:0000', 'fd00:ec2::254'),
  v6In(0xfc00, 7), // unique local
  v6In(0xfe80, 10), // link-local
  v6In(0xfec0, 10), // site-local
  v6In(0xff00, 8), // multicast
  seven.map((rest) => v6(0x2001, [0x0db8, ...rest.slice(1)])), // documentation
  seven.map((rest) => v6(0x3fff, [rest[0]! & 0x0fff, ...rest.slice(1)])), // documentation
  seven.map((rest) => v6(0x0100, [0, 0, 0, ...rest.slice(3)])), // discard-only
  seven.map((rest) => v6(0x2001, [rest[0]! & 0x01ff, ...rest.slice(1)])), // IETF protocol assignments
  // Below 2000::/3; a first group of 0 (IPv4-mapped) or 0x64 (NAT64) carries an IPv4 address, tried above.
  fc.tuple(fc.integer({ min: 1, max: 0x1fff }).filter((first) => first !== 0x64), seven).map(([first, rest]) => v6(first, rest)),
  seven.map((rest) => v6(0x4000 | (rest[0]! & 0xbfff), rest.slice(1).concat(0))), // above 2000::/3
);

/** Global unicast outside every special block (2001::/23, 6to4 and documentation left out). */
const publicV6 = fc.tuple(fc.integer({ min: 0x2003, max: 0x3ffe }), seven).map(([first, rest]) => v6(first, rest));

const spellings = (address: string): string[] => [address, address.toUpperCase(), address.split(':').map((g) => (g === '' ? g : g.padStart(4, '0'))).join(':')];

/** What the registration check sees: the host of a URL as WHATWG parses it. */
const hostOf = (host: string): string => new URL(`http://${host}:8080/hook`).hostname;
const bracket = (v6address: string): string => `[${v6address}]`;

describe('the outbound address policy', () => {
  it('refuses every spelling of an IPv4 address that is not public, as a URL host', () => {
    fc.assert(
      fc.property(privateV4, (n) => {
        for (const form of v4HostForms(n)) expect(hostRefusal(hostOf(form)), form).not.toBeNull();
      }),
    );
  });

  it('refuses IPv6 forms that carry a non-public IPv4 address, as a URL host and as a resolved address', () => {
    fc.assert(
      fc.property(privateV4, fc.array(group, { minLength: 5, maxLength: 5 }), (n, suffix) => {
        for (const form of v6CarryingV4(n, suffix)) {
          expect(hostRefusal(hostOf(bracket(form))), form).not.toBeNull();
          expect(addressRefusal(form), form).not.toBeNull();
        }
      }),
    );
  });

  it('refuses deprecated and local-only IPv6 translations whatever IPv4 address they carry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(group, { minLength: 4, maxLength: 4 }), (n, g) => {
        for (const form of v6AlwaysRefusedCarrying(n, g)) {
          expect(hostRefusal(hostOf(bracket(form))), form).not.toBeNull();
          expect(addressRefusal(form), form).not.toBeNull();
        }
      }),
    );
  });

  it('refuses IPv6 addresses that are not public, however they are spelt', () => {
    fc.assert(
      fc.property(privateV6, (address) => {
        for (const form of spellings(address)) {
          expect(hostRefusal(hostOf(bracket(form))), form).not.toBeNull();
          expect(addressRefusal(form), form).not.toBeNull();
        }
      }),
    );
  });

  it('accepts public IPv4 addresses in every spelling and every IPv6 form that reaches them', () => {
    fc.assert(
      fc.property(publicV4, fc.array(group, { minLength: 5, maxLength: 5 }), (n, suffix) => {
        for (const form of v4HostForms(n)) expect(hostRefusal(hostOf(form)), form).toBeNull();
        for (const form of v6CarryingV4(n, suffix)) {
          expect(hostRefusal(hostOf(bracket(form))), form).toBeNull();
          expect(addressRefusal(form), form).toBeNull();
        }
      }),
    );
  });

  it('accepts public IPv6 addresses however they are spelt', () => {
    fc.assert(
      fc.property(publicV6, (address) => {
        for (const form of spellings(address)) {
          expect(hostRefusal(hostOf(bracket(form))), form).toBeNull();
          expect(addressRefusal(form), form).toBeNull();
        }
      }),
    );
  });

  it('refuses the names of this machine and scoped addresses, and leaves other names to the resolver', () => {
    for (const host of ['localhost', 'LOCALHOST.', 'api.localhost', 'x.y.localhost.']) expect(hostRefusal(hostOf(host)), host).not.toBeNull();
    expect(addressRefusal('fe80::1%eth0')).not.toBeNull();
    expect(addressRefusal('2a00:1450::1%eth0')).not.toBeNull();
    for (const host of ['bureau.example.fr', '127.0.0.1.nip.io', 'localhost.example.org']) expect(hostRefusal(hostOf(host)), host).toBeNull();
  });
});
