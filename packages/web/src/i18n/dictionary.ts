import { ar as coreAr } from './ar.ts';
import { en as coreEn } from './en.ts';
import { es as coreEs } from './es.ts';
import { fr as coreFr } from './fr.ts';
import { messages as alertEditor } from './messages/alert-editor.ts';
import { messages as audit } from './messages/audit.ts';
import { messages as dashboard } from './messages/dashboard.ts';
import { messages as hitThread } from './messages/hit-thread.ts';
import { messages as links } from './messages/links.ts';
import { messages as review } from './messages/review.ts';

/** The whole interface text: the shell's dictionaries (en.ts…) plus each feature's messages. */
const en = { ...coreEn, ...alertEditor.en, ...audit.en, ...dashboard.en, ...hitThread.en, ...links.en, ...review.en };

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;

export const DICTIONARIES: Record<'en' | 'fr' | 'es' | 'ar', Dictionary> = {
  en,
  fr: { ...coreFr, ...alertEditor.fr, ...audit.fr, ...dashboard.fr, ...hitThread.fr, ...links.fr, ...review.fr },
  es: { ...coreEs, ...alertEditor.es, ...audit.es, ...dashboard.es, ...hitThread.es, ...links.es, ...review.es },
  ar: { ...coreAr, ...alertEditor.ar, ...audit.ar, ...dashboard.ar, ...hitThread.ar, ...links.ar, ...review.ar },
};

/** For pages that build a key from data (a category, a status): is there text for it? */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
