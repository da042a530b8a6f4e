import { describe, expect, it } from 'vitest';
import { ASSET_ERROR_CODES, DATE_PROBLEMS, PERMISSION_WORDS, PROBLEM_CODES, ROLES, WALLET_ERROR_CODES } from '@crosscheck/core';
import { ApiError } from '../api/client.ts';
import { EN, isMessageKey, type Dictionary, type Language, type MessageKey } from './dictionary.ts';
import type { Translate } from './i18n.tsx';
import { dictionary as ar } from './languages/ar.ts';
import { dictionary as es } from './languages/es.ts';
import { dictionary as fr } from './languages/fr.ts';
import { failure, refusalFieldErrors } from './labels.ts';

const DICTIONARIES: Record<Language, Dictionary> = { en: EN, fr, es, ar };
const LANGUAGES = Object.keys(DICTIONARIES) as Language[];
const ARABIC_LETTER = /[\u0621-\u064a]/;

// The same replacement as the provider's t (i18n.tsx), over one dictionary.
const translator =
  (language: Language): Translate =>
  (key: MessageKey, params) => {
    const text = DICTIONARIES[language][key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };

const FIELD_CODES = ['required', 'out-of-bounds', ...DATE_PROBLEMS.map((p) => `date.${p}`), ...WALLET_ERROR_CODES, ...ASSET_ERROR_CODES];

describe('problems the server emits, in the four languages', () => {
  // Every code of core's one list (PROBLEM_CODES), each permission a role can lack, each field problem.
  const keys = [...PROBLEM_CODES.map((c) => `problem.${c}`), ...Object.keys(PERMISSION_WORDS).map((p) => `problem.permission.${p}`), ...FIELD_CODES.map((c) => `problem.field.${c}`)];

  it.each(LANGUAGES.flatMap((language) => keys.map((key) => [language, key] as const)))('%s has text for %s', (language, key) => {
    expect(isMessageKey(key), key).toBe(true);
    const text = DICTIONARIES[language][key as MessageKey];
    expect(text.trim().length).toBeGreaterThan(0);
    if (language === 'ar') expect(text).toMatch(ARABIC_LETTER);
    if (language !== 'en' && !key.endsWith('.fieldError')) expect(text, `${key} is not translated in ${language}`).not.toBe(EN[key as MessageKey]);
  });

  it('has no text for a code the server does not emit (the list and the texts stay one set)', () => {
    const known = new Set(keys);
    const extra = Object.keys(EN).filter((k) => k.startsWith('problem.') && !known.has(k) && !['problem.fieldError', 'problem.role'].includes(k));
    expect(extra).toEqual([]);
  });
});

describe('a refusal shown in the app', () => {
  it('is worded by its code in the reader’s language, not the server’s English detail', () => {
    const e = new ApiError(404, 'alert.not-found', 'alert not found');
    expect(failure(translator('en'), e)).toBe(EN['problem.alert.not-found']);
    expect(failure(translator('ar'), e)).toBe(ar['problem.alert.not-found']);
    expect(failure(translator('fr'), e)).not.toContain('alert not found');
  });

  it('names the role and the action of a refusal by role, for every role and permission', () => {
    for (const role of ROLES) {
      for (const permission of Object.keys(PERMISSION_WORDS)) {
        const e = new ApiError(403, 'access.forbidden', 'your role … may not …', undefined, { role, permission });
        const en = failure(translator('en'), e);
        expect(en).toBe(`Your role (${EN[`role.${role}` as MessageKey]}) may not ${PERMISSION_WORDS[permission as keyof typeof PERMISSION_WORDS]}.`);
        const arabic = failure(translator('ar'), e);
        expect(arabic).toContain(ar[`role.${role}` as MessageKey]);
        expect(arabic).toContain(ar[`problem.permission.${permission}` as MessageKey]);
      }
    }
  });

  it('names the field of a date or a missing field, in words that tell the three date problems apart', () => {
    const shown = ['date.impossible', 'date.future', 'date.format', 'required'].map((code) =>
      failure(translator('es'), new ApiError(422, 'validation.invalid', 'person.birthDate: …', undefined, { errors: [{ field: 'person.birthDate', message: '…', code }] })),
    );
    expect(new Set(shown).size).toBe(4);
    for (const text of shown) expect(text.startsWith('person.birthDate: ')).toBe(true);
  });

  it('falls back to the server’s detail for a code without text, and says when the server is unreachable', () => {
    expect(failure(translator('fr'), new ApiError(418, 'teapot.refused', 'I am a teapot'))).toBe('I am a teapot');
    expect(failure(translator('fr'), new ApiError(0, 'network', 'network error'))).toBe(fr['common.networkError']);
  });
});

describe('the fields of a refusal, for a form to show beside each', () => {
  it('words the known problems in the reader’s language and keeps the server’s words for the others', () => {
    const e = new ApiError(422, 'validation.invalid', '…', undefined, {
      errors: [
        { field: 'person.birthDate', message: 'a birth date cannot be in the future', code: 'date.future' },
        { field: 'visibility', message: 'visibility is required', code: 'required' },
        { field: 'person.names.0.family', message: 'Too big: expected string to have <=200 characters' },
      ],
    });
    expect(refusalFieldErrors(translator('fr'), e)).toEqual({
      'person.birthDate': fr['problem.field.date.future'],
      visibility: fr['problem.field.required'],
      'person.names.0.family': 'Too big: expected string to have <=200 characters',
    });
    expect(refusalFieldErrors(translator('fr'), new ApiError(0, 'network', 'x'))).toEqual({});
  });

  it('words a setting outside the server’s bounds with the bounds, in the reader’s language', () => {
    const e = new ApiError(422, 'screening.setting-out-of-bounds', 'threshold must be from 0.6 to 0.95', undefined, {
      errors: [{ field: 'threshold', message: 'threshold must be from 0.6 to 0.95', code: 'out-of-bounds', bounds: { min: 0.6, max: 0.95 } }],
    });
    // In French digits, as the page formats them (Intl.NumberFormat of the reader's language).
    const frenchNumber = new Intl.NumberFormat('fr');
    expect(refusalFieldErrors(translator('fr'), e, (n) => frenchNumber.format(n)).threshold).toBe('Admis sur ce serveur : de 0,6 à 0,95.');
  });

  it('words a field refused by a problem of its own (not issuer, unknown member) with that problem’s text', () => {
    const notIssuer = new ApiError(422, 'document.not-issuer', 'document.issuingState: only DEU may enter its own documents; you are FRA', undefined, {
      errors: [{ field: 'document.issuingState', message: 'only DEU may enter its own documents; you are FRA' }],
    });
    expect(refusalFieldErrors(translator('fr'), notIssuer)).toEqual({ 'document.issuingState': fr['problem.document.not-issuer'] });
  });
});
