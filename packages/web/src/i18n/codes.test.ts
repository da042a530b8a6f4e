import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, ALERT_STATUSES, CORE_ACTIONS, DOCUMENT_STATUSES, DOCUMENT_TYPES, HANDLING_CODES, HIT_FORMS, HIT_OUTCOMES, PERSON_CATEGORIES, WARNING_FLAGS } from '@crosscheck/core/constants';
import { REASON_CODES, REASON_PARAMS } from '@crosscheck/core/reasons';
import { ASSET_CATEGORIES, ASSET_TYPES, ASSET_WARNING_CODES } from '@crosscheck/core/assets';
import { WALLET_CURRENCIES } from '@crosscheck/core/wallets';
import { PREVENTIVE_SUBJECTS } from '@crosscheck/core/constants';
// Read from the core's source: the clearances module carries zod, so the browser has no export of it.
import { CLEARANCE_STATUSES } from '../../../core/src/clearances/clearance-status.ts';
import { CORE_ACTION_KEYS } from '../components/hit-words.ts';
import { EN, isMessageKey, type Dictionary, type Language } from './dictionary.ts';
import { dictionary as ar } from './languages/ar.ts';
import { dictionary as es } from './languages/es.ts';
import { dictionary as fr } from './languages/fr.ts';

/**
 * Every code the core can put in front of an officer (categories, warnings, the instructions it
 * writes, outcomes, statuses, kinds, document types, forms, handling codes, match reasons and the
 * words they insert) has text in all four languages: never the code itself, and Arabic never the
 * English. The codes come from the core's own lists, so a code added there fails here until it
 * has words.
 */
const DICTIONARIES: Record<Language, Dictionary> = { en: EN, fr, es, ar };

type Entry = [group: string, code: string, key: string];
const entries = (group: string, codes: readonly string[], key: (code: string) => string): Entry[] => codes.map((c) => [group, c, key(c)]);

/** Words a reason inserts for a parameter that takes one of a few values (`field`, a sex). */
const reasonWords = new Map<string, string>();
for (const [code, params] of Object.entries(REASON_PARAMS)) {
  for (const [param, kind] of Object.entries(params as Record<string, unknown>)) {
    if (!Array.isArray(kind)) continue;
    // Any other enumerated parameter (`side`) is chosen inside the reason's own text.
    const prefix = param === 'field' ? 'reason.field' : code.startsWith('sex.') ? 'reason.sex' : null;
    if (prefix) for (const v of kind as string[]) reasonWords.set(`${prefix}.${v}`, v);
  }
}

const CODES: Entry[] = [
  ...entries('category', PERSON_CATEGORIES, (c) => `category.${c}`),
  ...entries('warning', WARNING_FLAGS, (c) => `warning.${c}`),
  ...entries('action', CORE_ACTIONS, (c) => CORE_ACTION_KEYS[c as (typeof CORE_ACTIONS)[number]]),
  ...entries('outcome', HIT_OUTCOMES, (c) => `outcome.${c}`),
  ...entries('alert status', ALERT_STATUSES, (c) => `alertStatus.${c}`),
  ...entries('document status', DOCUMENT_STATUSES, (c) => `documentStatus.${c}`),
  ...entries('document type', DOCUMENT_TYPES, (c) => `documentType.${c}`),
  ...entries('kind', ALERT_KINDS, (c) => `hit.kind.${c}`),
  ...entries('form', HIT_FORMS, (c) => `hitThread.form.${c}`),
  ...entries('handling code', HANDLING_CODES, (c) => `hitThread.handling.${c}`),
  ...entries('reason', REASON_CODES, (c) => `reason.${c}`),
  ...[...reasonWords].map(([key, v]): Entry => ['reason word', v, key]),
  ...entries('asset category', ASSET_CATEGORIES, (c) => `category.${c}`),
  ...entries('asset type', ASSET_TYPES, (c) => `assetType.${c}`),
  ...entries('asset warning', ASSET_WARNING_CODES, (c) => `assetWarning.${c}`),
  ...entries('currency', WALLET_CURRENCIES, (c) => `assetCurrency.${c}`),
  ...entries('preventive subject', PREVENTIVE_SUBJECTS, (c) => `recast.subject.${c}`),
  ...entries('clearance status', CLEARANCE_STATUSES, (c) => `clearances.status.${c}`),
];

describe('every code the core emits has words in the four languages', () => {
  it('covers every list (none is empty)', () => {
    for (const group of ['category', 'warning', 'action', 'outcome', 'alert status', 'document status', 'reason', 'reason word']) expect(CODES.some(([g]) => g === group)).toBe(true);
  });

  it.each(CODES)('%s %s', (group, code, key) => {
    expect(isMessageKey(key), `no text for ${key}`).toBe(true);
    if (!isMessageKey(key)) return;
    for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
      const text = dictionary[key];
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      // A name field's code is the English word itself, written small to sit inside a sentence
      // ("surname ERIKSSON: same"): in English only, that word is its text.
      if (language === 'en' && group === 'reason word') continue;
      expect(text.trim(), `${language} ${key} is the code itself`).not.toBe(code);
    }
    expect(ar[key], `Arabic ${key} is the English text`).not.toBe(EN[key]);
  });
});
