import { describe, expect, it } from 'vitest';
import { REASON_CODES, type MatchReason } from '@crosscheck/core/reasons';
import { REASON_EXAMPLES } from '../../../core/src/reasons/test-fixtures.ts';
import { EN, type Dictionary, type Language, type MessageKey } from '../i18n/dictionary.ts';
import { messageText } from '../i18n/format-message.ts';
import { dictionary as ar } from '../i18n/languages/ar.ts';
import { dictionary as es } from '../i18n/languages/es.ts';
import { dictionary as fr } from '../i18n/languages/fr.ts';
import { PLURAL_FORMS } from '../i18n/plural.ts';
import { reasonParts } from './reason-text.ts';

const DICTIONARIES: Record<Language, Dictionary> = { en: EN, fr, es, ar };
const LANGUAGES = Object.keys(DICTIONARIES) as Language[];
const textIn = (language: Language, reason: MatchReason | string): string => messageText(reasonParts(reason, (key: MessageKey) => DICTIONARIES[language][key], language));

/** The values a reason quotes from the records: each must appear in every language's text. */
const QUOTED = ['query', 'record', 'word', 'reading', 'date', 'year', 'number', 'state', 'vin', 'plate', 'country'];
const ARABIC_LETTER = /[\u0621-\u064a]/;

const examples = REASON_CODES.flatMap((code) => REASON_EXAMPLES[code].map(([reason]) => reason as MatchReason));

describe('match reasons in the four languages', () => {
  it.each(LANGUAGES.flatMap((language) => examples.map((reason) => [language, reason.code, reason] as const)))('%s words %s with all it quotes', (language, code, reason) => {
    const text = textIn(language, reason);
    expect(text).not.toMatch(/[{}#]|reason\./);
    for (const name of QUOTED) {
      const v = (reason as Record<string, unknown>)[name];
      // A sex is a word of the language, not quoted.
      if (typeof v === 'string' && !code.startsWith('sex.')) expect(text).toContain(v);
    }
    for (const list of ['countries', 'query', 'record']) {
      const v = (reason as Record<string, unknown>)[list];
      if (Array.isArray(v)) for (const item of v) expect(text).toContain(item);
    }
    if (language === 'ar') expect(text).toMatch(ARABIC_LETTER);
    if (language !== 'en') expect(text).not.toBe(textIn('en', reason));
  });

  it('has a text for every code in every language (the type of each language file holds the same)', () => {
    for (const language of LANGUAGES) for (const code of REASON_CODES) expect(DICTIONARIES[language][`reason.${code}`], `${language} ${code}`).toBeTruthy();
  });

  it('states the plural forms of each language as Intl.PluralRules knows them', () => {
    for (const language of LANGUAGES) expect([...PLURAL_FORMS[language]].sort(), language).toEqual([...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort());
  });

  it('takes the six Arabic plural forms', () => {
    const typo = (letters: number) => textIn('ar', { code: 'name.typo', field: 'surname', query: 'A', record: 'B', letters });
    expect(typo(0)).toContain('لا أحرف مختلفة');
    expect(typo(1)).toContain('حرف واحد مختلف');
    expect(typo(2)).toContain('حرفان مختلفان');
    expect(typo(3)).toContain('3 أحرف مختلفة');
    expect(typo(11)).toContain('11 حرفًا مختلفًا');
    expect(typo(100)).toContain('100 حرف مختلف');
    const nationalities = (countries: string[]) => textIn('ar', { code: 'nationality.same', countries });
    expect(nationalities(['LBY'])).toMatch(/^الجنسية LBY: متطابقة$/);
    expect(nationalities(['LBY', 'EGY'])).toMatch(/^الجنسيتان LBY و\s?EGY: متطابقتان$/);
    expect(nationalities(['LBY', 'EGY', 'TUN'])).toMatch(/^الجنسيات /);
  });

  it('takes the plural forms of English, French and Spanish', () => {
    const typo = (language: Language, letters: number) => textIn(language, { code: 'name.typo', field: 'surname', query: 'A', record: 'B', letters });
    expect(typo('en', 1)).toBe('surname A ~ B: 1 letter different');
    expect(typo('en', 2)).toBe('surname A ~ B: 2 letters different');
    expect(typo('fr', 1)).toBe('nom de famille A ~ B : 1 lettre différente');
    expect(typo('fr', 2)).toBe('nom de famille A ~ B : 2 lettres différentes');
    expect(typo('fr', 1000000)).toBe('nom de famille A ~ B : 1000000 de lettres différentes');
    expect(typo('es', 1)).toBe('apellido A ~ B: 1 letra distinta');
    expect(typo('es', 3)).toBe('apellido A ~ B: 3 letras distintas');
  });

  it('says the optional parts only when they are there', () => {
    const joined: MatchReason = { code: 'name.spelling-variant', field: 'name', query: 'ABDULRAHMAN', record: 'ABD AL RAHMAN', joined: true };
    expect(textIn('fr', joined)).toBe('nom ABDULRAHMAN ~ ABD AL RAHMAN : variante orthographique, écrit en un seul mot');
    expect(textIn('fr', { ...joined, joined: undefined } as MatchReason)).toBe('nom ABDULRAHMAN ~ ABD AL RAHMAN : variante orthographique');
    expect(textIn('es', { code: 'document.held', number: 'X1' })).toBe('tiene el documento X1 (Estado emisor no indicado)');
    expect(textIn('es', { code: 'document.held', number: 'X1', state: 'FRA' })).toBe('tiene el documento FRA X1');
    expect(textIn('ar', { code: 'name.script', side: 'query', script: 'Cyrl', reading: 'IVAN' })).toBe('اسم الاستعلام مكتوب بالكتابة السيريلية، وقُرئ IVAN');
  });

  it('names the romanisation system that read one name as the other, in each language', () => {
    const variant: MatchReason = { code: 'name.transliteration-variant', field: 'surname', query: 'PAK', record: 'PAK', system: 'ko-mr' };
    expect(textIn('en', variant)).toBe('surname PAK ~ PAK: transliteration variant (McCune–Reischauer)');
    expect(textIn('fr', { ...variant, system: 'ko-surname' })).toBe('nom de famille PAK ~ PAK : variante de translittération (graphie usuelle du nom de famille coréen)');
    expect(textIn('es', { ...variant, system: 'zh-wade-giles', joined: true })).toBe('apellido PAK ~ PAK: variante de transliteración (Wade–Giles), escrito junto');
    expect(textIn('ar', variant)).toContain('نظام ماكيون-رايشاور');
  });

  it('keeps what the records say apart from the words around it, for right-to-left pages', () => {
    const parts = reasonParts({ code: 'name.transliteration-variant', field: 'surname', query: 'QADHAFI', record: 'GADDAFI' }, (key) => ar[key], 'ar');
    expect(parts).toEqual(['اللقب ', { value: 'QADHAFI' }, ' ~ ', { value: 'GADDAFI' }, ': نقل حرفي مختلف']);
  });

  it('shows a reason stored as a sentence as it is, in every language', () => {
    for (const language of LANGUAGES) expect(textIn(language, 'name QADHAFI ~ GADDAFI: transliteration variant')).toBe('name QADHAFI ~ GADDAFI: transliteration variant');
  });
});
