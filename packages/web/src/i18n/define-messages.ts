/**
 * A feature's messages in every language. English is the reference: the other languages must
 * have exactly its keys (a missing or extra key is a type error), so no page shows a raw key.
 * Each feature keeps its own file under messages/ so that pages can be built side by side.
 */
export function defineMessages<E extends Record<string, string>>(m: { en: E; fr: { [K in keyof E]: string }; es: { [K in keyof E]: string }; ar: { [K in keyof E]: string } }) {
  return m;
}
