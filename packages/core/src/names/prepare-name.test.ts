import { describe, expect, it } from 'vitest';
import { MAX_NAME_PARTS, PART_INITIAL, PART_PARTICLE, PART_PATRONYMIC, prepareName } from './prepare-name.js';

const tokens = (name: Parameters<typeof prepareName>[0]): string[] => prepareName(name).tokens;

describe('prepareName', () => {
  it('upper-cases, drops diacritics and apostrophes, and splits at hyphens and punctuation', () => {
    expect(tokens("  Mu'ammar al-Qadhdhafi ")).toEqual(['MUAMMAR', 'AL', 'QADHDHAFI']);
    expect(tokens('François Hollande')).toEqual(['FRANCOIS', 'HOLLANDE']);
    expect(tokens('Jean-Claude Juncker')).toEqual(['JEAN', 'CLAUDE', 'JUNCKER']);
  });

  it('reads "FAMILY, Given" as given name first and marks the surname', () => {
    const p = prepareName('NURISTANI, Abdul Aziz');
    expect(p.tokens).toEqual(['ABDUL', 'AZIZ', 'NURISTANI']);
    expect(p.parts.map((x) => x.role)).toEqual(['given name', 'given name', 'surname']);
    expect(prepareName({ family: 'Gaddafi', given: 'Muammar' }).parts.map((x) => x.role)).toEqual(['given name', 'surname']);
  });

  it('uses the full name when family and given are absent', () => {
    expect(tokens({ full: 'Muammar Gaddafi' })).toEqual(['MUAMMAR', 'GADDAFI']);
  });

  it('drops leading titles and trailing suffixes but keeps a title word that is a surname', () => {
    expect(tokens('Mr. Dr. John Smith Jr.')).toEqual(['JOHN', 'SMITH']);
    expect(tokens('Präsident Barack Obama')).toEqual(['BARACK', 'OBAMA']);
    expect(tokens('John Major')).toEqual(['JOHN', 'MAJOR']);
    expect(tokens('Sheikh')).toEqual(['SHEIKH']);
  });

  it('marks particles, and reads ABD AL and ABDEL as ABDUL', () => {
    const p = prepareName('Abd al-Aziz bin Abdel Rahman Al Saud');
    expect(p.tokens).toEqual(['ABDUL', 'AZIZ', 'BIN', 'ABDUL', 'RAHMAN', 'AL', 'SAUD']);
    expect(p.parts.filter((x) => x.kind === PART_PARTICLE).map((x) => x.text)).toEqual(['BIN', 'AL']);
    expect(prepareName('Ludwig van Beethoven').parts[1]!.kind).toBe(PART_PARTICLE);
  });

  it('reads the hyphen-bound article of ud-Din and ur-Rahman as a particle, not the UN of Jong-un', () => {
    expect(prepareName('Zia-ur-Rahman').parts.map((x) => x.kind)).toEqual([0, PART_PARTICLE, 0]);
    expect(prepareName('Kim Jong-un').parts.map((x) => x.kind)).toEqual([0, 0, 0]);
  });

  it('marks initials, splitting a short word without vowels (JC) into them', () => {
    expect(prepareName('J.C. Juncker').parts.map((x) => [x.text, x.kind])).toEqual([['J', PART_INITIAL], ['C', PART_INITIAL], ['JUNCKER', 0]]);
    expect(prepareName('JC Juncker').tokens).toEqual(['J', 'C', 'JUNCKER']);
    expect(prepareName('Mohd Najib').parts[0]!.kind).toBe(0);
  });

  it('marks patronymics, which weigh less', () => {
    const p = prepareName('Sergey Viktorovich Lavrov');
    expect(p.parts[1]!.kind).toBe(PART_PATRONYMIC);
    expect(p.parts[1]!.weight).toBeLessThan(p.parts[0]!.weight);
  });

  it('reads digits inside words as the letters they look like', () => {
    expect(tokens('Ig0r Sech1n')).toEqual(['IGOR', 'SECHIN']);
    expect(tokens('Zu Zag Bong 6')).toEqual(['ZU', 'ZAG', 'BONG']);
  });

  it('romanises other scripts with the ICAO tables and keeps the script', () => {
    expect(prepareName('Сергей Лавров')).toMatchObject({ tokens: ['SERGEI', 'LAVROV'], script: 'Cyrl' });
    expect(prepareName('معمر القذافي')).toMatchObject({ tokens: ['MEMR', 'AL', 'QDHAFY'], script: 'Arab' });
    expect(prepareName('معمر القذافي').parts[0]!.vowelPoor).toBe(true);
    expect(prepareName('习近平')).toMatchObject({ tokens: ['XI', 'JINPING'], script: 'Hani' });
    expect(prepareName('习近平').parts.map((x) => x.native)).toEqual(['习', '近平']);
  });

  it('offers adjacent words written together, also without a middle article', () => {
    const joins = prepareName('Saif al-Din Rawi').joins.map((j) => j.part.text);
    expect(joins).toContain('SAIFAL');
    expect(joins).toContain('SAIFDIN');
    expect(joins).toContain('SAIFALDIN');
  });

  it('notes where BIN separates a person from the father', () => {
    expect(prepareName('Mohammed bin Salman').filiation).toBe(1);
    expect(prepareName('bin Salman Mohammed').filiation).toBe(-1);
  });

  it('returns no parts for an empty or letterless name, and caps the parts', () => {
    expect(prepareName('').parts).toEqual([]);
    expect(prepareName('  -- 123 ').parts).toEqual([]);
    expect(prepareName({}).parts).toEqual([]);
    expect(prepareName('a b c d e f g h i j k l m n o p q r s'.replace(/ /g, 'x ')).parts.length).toBe(MAX_NAME_PARTS);
  });
});
