import { describe, expect, it } from 'vitest';
import { DISCREET_ACTION } from '@crosscheck/core/constants';
import { EN, type Dictionary, type Language, type MessageKey } from '../i18n/dictionary.ts';
import { dictionary as ar } from '../i18n/languages/ar.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { actionText, credentialText, memberText, subjectText } from './hit-words.ts';

/** A `t` over one dictionary, as the page's provider builds it. */
const tIn = (dict: Dictionary): Translate => (key: MessageKey, params) => (params ? dict[key].replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : dict[key]);
const LANG: Record<'en' | 'ar', [Translate, Language]> = { en: [tIn(EN), 'en'], ar: [tIn(ar), 'ar'] };

describe('a hit in words', () => {
  it('names a person, a document and a vehicle; a discreet check read as its instruction has no name', () => {
    const [t, l] = LANG.en;
    expect(subjectText({ kind: 'person', category: 'arrest', name: { family: 'ERIKSSON', given: 'ANNA' }, birthDate: '1974-08-12' }, t, l)).toBe('ERIKSSON, ANNA · born 1974 · Arrest');
    expect(subjectText({ kind: 'person', category: 'missing', name: { full: 'Анна Эрикссон', script: 'Cyrl' } }, t, l)).toBe('Анна Эрикссон · Missing person');
    expect(subjectText({ kind: 'document', documentType: 'passport', number: '12AB34567', issuingState: 'FRA', status: 'stolen-issued' }, t, l)).toBe('Passport · FRA 12AB34567 · Stolen (issued)');
    expect(subjectText({ kind: 'vehicle', plate: 'AB-123-CD', plateCountry: 'FRA' }, t, l)).toBe('FRA AB-123-CD');
    expect(subjectText({ kind: 'vehicle', vin: 'VF3LBHZTXFS123456', make: 'Peugeot' }, t, l)).toBe('Peugeot · VF3LBHZTXFS123456');
    expect(subjectText(undefined, t, l)).toBe('Discreet check');
    const [tAr, lAr] = LANG.ar;
    expect(subjectText({ kind: 'document', documentType: 'passport', number: '12AB34567', issuingState: 'FRA', status: 'lost' }, tAr, lAr)).toBe('جواز سفر · FRA 12AB34567 · مفقودة');
  });

  it('names a country member in the reader’s language, an organisation by its name, and falls back to the code', () => {
    expect(memberText({ code: 'DEU', name: 'Germany', alpha2: 'DE' }, ...LANG.en)).toBe('Germany (DEU)');
    expect(memberText({ code: 'DEU', name: 'Germany', alpha2: 'DE' }, ...LANG.ar)).toBe('ألمانيا (DEU)');
    expect(memberText({ code: 'IPO', name: 'Interpol General Secretariat' }, ...LANG.ar)).toBe('Interpol General Secretariat (IPO)');
    expect(memberText({ code: 'UTO' }, ...LANG.en)).toBe('UTO');
  });

  it('words the instruction the core writes, and shows an owner’s own as written', () => {
    expect(actionText(DISCREET_ACTION, LANG.ar[0])).toBe('فحص سري: لا تُنبّه الشخص؛ أبلغ مكتبك.');
    expect(actionText('Arrest and inform the FRA bureau.', LANG.ar[0])).toBe('Arrest and inform the FRA bureau.');
  });

  it('calls a key a key in the reader’s language, a user by username, and shows an unnamed credential as it is', () => {
    expect(credentialText('key:k1', 'gate-7', LANG.ar[0])).toBe('المفتاح «gate-7»');
    expect(credentialText('key:k1', 'gate-7', LANG.en[0])).toBe('key “gate-7”');
    expect(credentialText('user:u1', 'deu.desk', LANG.ar[0])).toBe('deu.desk');
    expect(credentialText('cli:ops', undefined, LANG.en[0])).toBe('cli:ops');
  });
});
