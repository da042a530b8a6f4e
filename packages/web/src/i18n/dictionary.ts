import { en as coreEn } from './en.ts';
import { en as alertDetail } from './messages/alert-detail.ts';
import { en as alertEditor } from './messages/alert-editor.ts';
import { en as audit } from './messages/audit.ts';
import { en as carrier } from './messages/carrier.ts';
import { en as chain } from './messages/chain.ts';
import { en as dashboard } from './messages/dashboard.ts';
import { en as hitThread } from './messages/hit-thread.ts';
import { en as links } from './messages/links.ts';
import { en as navigation } from './messages/navigation.ts';
import { en as problem } from './messages/problem.ts';
import { en as reasons } from './messages/reasons.ts';
import { en as review } from './messages/review.ts';
import { en as screening } from './messages/screening.ts';
import { en as retroactive } from './messages/retroactive.ts';
import { en as clearances } from './messages/clearances.ts';
import { en as recast } from './messages/recast.ts';
import { en as assets } from './messages/assets.ts';

/**
 * The whole interface text. English (the shell's en.ts plus each feature's messages/*.ts) is in
 * the main bundle: it is the reference every key comes from, and the text shown while another
 * language loads. The other languages are one chunk each (languages/*.ts), fetched on first use,
 * so a desk working in one language does not download three.
 */
export const EN = { ...coreEn, ...alertDetail, ...alertEditor, ...audit, ...chain, ...dashboard, ...hitThread, ...links, ...reasons, ...review, ...screening, ...navigation, ...problem, ...retroactive, ...carrier, ...clearances, ...recast, ...assets };

export type MessageKey = keyof typeof EN;
export type Dictionary = Record<MessageKey, string>;
export type Language = 'en' | 'fr' | 'es' | 'ar';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ dictionary: Dictionary }>> = {
  fr: () => import('./languages/fr.ts'),
  es: () => import('./languages/es.ts'),
  ar: () => import('./languages/ar.ts'),
};

const loaded = new Map<Language, Dictionary>([['en', EN]]);

/** The dictionary of a language, fetched once. */
export async function loadDictionary(language: Language): Promise<Dictionary> {
  const known = loaded.get(language);
  if (known) return known;
  const { dictionary } = await loaders[language as Exclude<Language, 'en'>]();
  loaded.set(language, dictionary);
  return dictionary;
}

/** For pages that build a key from data (a category, a status): is there text for it? */
export function isMessageKey(key: string): key is MessageKey {
  return key in EN;
}
