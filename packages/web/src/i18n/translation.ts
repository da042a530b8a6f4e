/**
 * The texts of one language for a set of English texts: exactly the same keys (a missing or an
 * extra key is a type error), so no page shows a raw key. Each language is its own module, so a
 * browser loads only the language it shows (dictionary.ts).
 */
export type Translation<E> = { readonly [K in keyof E]: string };
