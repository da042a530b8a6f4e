import countries from 'i18n-iso-countries';

export type MemberKind = 'country' | 'organisation';

export interface MemberSeed {
  code: string;
  name: string;
  kind: MemberKind;
}

/** International organisations that are members in their own right (ICAO-style three-letter codes). */
export const ORGANISATIONS: readonly MemberSeed[] = [
  { code: 'UNO', name: 'United Nations', kind: 'organisation' },
  { code: 'EUP', name: 'Europol', kind: 'organisation' },
  { code: 'IPO', name: 'INTERPOL General Secretariat', kind: 'organisation' },
];

/** Every ISO 3166-1 alpha-3 country plus the organisations: the members seeded on first start. */
export function referenceMembers(): MemberSeed[] {
  const names = countries.getNames('en', { select: 'official' });
  const list: MemberSeed[] = Object.entries(names).map(([alpha2, name]) => ({
    code: countries.alpha2ToAlpha3(alpha2) ?? alpha2,
    name,
    kind: 'country' as const,
  }));
  list.sort((a, b) => a.code.localeCompare(b.code));
  return [...list, ...ORGANISATIONS];
}

export const MEMBER_CODE = /^[A-Z]{3}$/;
