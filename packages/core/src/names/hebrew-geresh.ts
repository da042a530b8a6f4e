/**
 * A geresh after ג ז צ ץ writes a sound Hebrew lacks (ג׳ J, ז׳ ZH, צ׳ CH), as in foreign names: the
 * one rule of it, for the primary reading (romanise.ts) and the readings by other systems
 * (systems/hebrew.ts).
 */
const GERESH: Readonly<Record<string, string>> = { 'ג': 'J', 'ז': 'ZH', 'צ': 'CH', 'ץ': 'CH' };

/** The sound of letter `c` when `next` is a geresh (or an apostrophe typed for one); undefined otherwise. */
export function gereshSound(c: string, next: string | undefined): string | undefined {
  return next === "'" || next === '׳' || next === '’' ? GERESH[c] : undefined;
}
