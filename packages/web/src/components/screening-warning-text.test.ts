import { describe, expect, it } from 'vitest';
import { mrzDocumentWarnings, parseMrz } from '@crosscheck/core/mrz';
import type { ScreeningWarningView } from '@crosscheck/core/api';
import { EN, type Dictionary, type Language, type MessageKey } from '../i18n/dictionary.ts';
import { formatMessage, messageText } from '../i18n/format-message.ts';
import { dictionary as ar } from '../i18n/languages/ar.ts';
import { dictionary as es } from '../i18n/languages/es.ts';
import { dictionary as fr } from '../i18n/languages/fr.ts';
import { warningText } from './screening-warning-text.ts';

const DICTIONARIES: Record<Language, Dictionary> = { en: EN, fr, es, ar };
const translate = (language: Language) => (key: MessageKey, params: Record<string, string | number> = {}) => messageText(formatMessage(DICTIONARIES[language][key], params, new Intl.PluralRules(language)));

// Every code the screening answer may carry, with the parameters it quotes.
const WARNINGS: ScreeningWarningView[] = [
  { code: 'mrz.expired', message: '', field: 'expiryDate', date: '2012-04-15' },
  { code: 'mrz.not-yet-valid', message: '', field: 'expiryDate', date: '2044-01-01' },
  { code: 'mrz.check-digit', message: '', checks: ['composite', 'birthDate'] },
  { code: 'mrz.ocr-suggestion', message: '', field: 'documentNumber', from: 'O', to: '0' },
  { code: 'mrz.ocr-suggestion', message: '', field: 'birthDateCheckDigit', from: 'B', to: '8' },
  { code: 'mrz.unknown-state', message: '', field: 'nationality', state: 'QQQ' },
  { code: 'mrz.specimen-state', message: '', field: 'issuingState', state: 'UTO' },
  { code: 'mrz.holder-differs', message: '', field: 'names', typed: 'Muammar Gaddafi', read: 'ERIKSSON, ANNA MARIA' },
  { code: 'mrz.holder-differs', message: '', field: 'sex', typed: 'M', read: 'F' },
];
const QUOTED = ['from', 'to', 'state', 'typed', 'read'] as const;

describe('screening warnings in the four languages', () => {
  it.each((['en', 'fr', 'es', 'ar'] as const).flatMap((language) => WARNINGS.map((w) => [language, w.code, w] as const)))('%s words %s with what it quotes', (language, _code, w) => {
    const text = warningText(translate(language), language, w);
    // No placeholder, key or field code left (camelCase codes are never words).
    expect(text).not.toMatch(/[{}]|screening\.|CheckDigit|birthDate|expiryDate|documentNumber|issuingState/);
    for (const name of QUOTED) if (name in w) expect(text).toContain((w as Record<string, unknown>)[name]);
    if ('date' in w) expect(text).toContain(w.date.slice(0, 4));
    if (language !== 'en') expect(text).not.toBe(warningText(translate('en'), 'en', w));
    if (language === 'ar') expect(text).toMatch(/[\u0621-\u064a]/);
  });

  it('words every warning the core finds on the specimen passport (the same function the API answers with)', () => {
    const found = mrzDocumentWarnings(parseMrz(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO74O8122F1204159ZE184226B<<<<<17'], { today: '2026-12-06' }));
    expect(found.map((w) => w.code)).toEqual(['mrz.expired', 'mrz.check-digit', 'mrz.ocr-suggestion', 'mrz.specimen-state']);
    expect(found.map((w) => warningText(translate('en'), 'en', w))).toEqual([
      expect.stringMatching(/^The document expired on /),
      'Check digit wrong: date of birth, composite check.',
      'Possible misreading in the date of birth: “O” may be “0”.',
      'Issued by “UTO”, the ICAO specimen state: this is a sample document, not a real one.',
    ]);
  });
});
