export { transliterateIcao, MAX_TRANSLITERATION_INPUT, type TransliterateOptions } from './transliterate.js';
export { scriptOf, scriptOfChar } from './script.js';
export { guessCyrillicLanguage, cyrillicLanguageOf, type CyrillicLanguage } from './cyrillic.js';
