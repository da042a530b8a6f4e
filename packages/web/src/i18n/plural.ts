import type { Language } from './dictionary.ts';

/**
 * The plural forms each language distinguishes (CLDR, as Intl.PluralRules reports them; a test
 * holds the two equal), in CLDR order. Arabic has six: zero, one, two, few (3–10), many (11–99)
 * and other (100 and beyond); French and Spanish have a form for millions (many).
 */
export const PLURAL_FORMS = {
  en: ['one', 'other'],
  fr: ['one', 'many', 'other'],
  es: ['one', 'many', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
} as const satisfies Record<Language, readonly Intl.LDMLPluralRule[]>;

type Forms<C extends readonly string[]> = C extends readonly [infer H extends string, ...infer T extends readonly string[]] ? ` ${H} {${string}}${Forms<T>}` : '';

/** A text with a plural in the forms of language L, in CLDR order: a form left out is a type error. */
export type PluralText<L extends Language> = `${string}, plural,${Forms<(typeof PLURAL_FORMS)[L]>}}${string}`;

/**
 * The texts of one language for a set of English texts whose values are literal (`as const`):
 * the same keys, and wherever the English has a plural, every plural form of this language.
 */
export type TranslationWithPlurals<E, L extends Language> = { readonly [K in keyof E]: E[K] extends `${string}, plural,${string}` ? PluralText<L> : string };
