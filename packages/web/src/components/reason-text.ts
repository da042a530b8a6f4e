import type { MatchReason, StoredReason } from '@crosscheck/core/reasons';
import { systemLabel } from '@crosscheck/core/reasons';
import type { Language } from '../i18n/dictionary.ts';
import { formatMessage, type MessageArg, type MessagePart } from '../i18n/format-message.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { isMessageKey } from '../i18n/dictionary.ts';
import { label } from '../i18n/labels.ts';

/**
 * A match reason in the officer's language: its code's text with its parameters. A reason stored
 * as a sentence (a hit recorded before reasons had codes) is shown as it is, and so is a code this
 * page has no text for.
 */
export function reasonParts(reason: StoredReason, t: Translate, language: Language): MessagePart[] {
  if (typeof reason === 'string') return [{ value: reason }];
  // A variant read by a named romanisation system says which.
  const key = reason.code === 'name.transliteration-variant' && reason.system !== undefined ? 'reason.name.transliteration-system' : `reason.${reason.code}`;
  if (!isMessageKey(key)) return [{ value: JSON.stringify(reason) }];
  const { plural } = intlOf(language);
  const args = argsOf(reason, t, language);
  // A document is named with its issuing state, or said to have been screened without one.
  if (reason.code.startsWith('document.')) args.document = formatMessage(t(args.state === undefined ? 'reason.document.noState' : 'reason.document.withState'), args, plural);
  return formatMessage(t(key), args, plural);
}

/**
 * The values a text inserts. Quoted data stays a value; a name part, a script and a sex are words
 * of the language; lists are joined the language's way, with their length for plurals
 * (`{countriesCount, plural, …}`).
 */
function argsOf(reason: MatchReason, t: Translate, language: Language): Record<string, MessageArg> {
  const args: Record<string, MessageArg> = {};
  const words = reason.code.startsWith('sex.');
  for (const [name, v] of Object.entries(reason)) {
    if (name === 'code') continue;
    if (Array.isArray(v)) {
      args[name] = listParts(v as string[], language);
      args[`${name}Count`] = v.length;
    } else if (typeof v !== 'string') args[name] = v as boolean | number;
    else if (name === 'field') args[name] = [label(t, 'reason.field', v)];
    else if (name === 'script') args[name] = [scriptName(v, language)];
    else if (name === 'system') args[name] = [systemLabel(v, language)];
    else if (words) args[name] = [label(t, 'reason.sex', v)];
    else args[name] = v;
  }
  return args;
}

function listParts(items: readonly string[], language: Language): MessagePart[] {
  return intlOf(language).list.formatToParts(items).map((p) => (p.type === 'element' ? { value: p.value } : p.value));
}

function scriptName(code: string, language: Language): string {
  try {
    return intlOf(language).scripts.of(code) ?? code;
  } catch {
    return code;
  }
}

type Intls = { plural: Intl.PluralRules; list: Intl.ListFormat; scripts: Intl.DisplayNames };
const intls = new Map<Language, Intls>();

function intlOf(language: Language): Intls {
  let known = intls.get(language);
  if (!known) {
    known = { plural: new Intl.PluralRules(language), list: new Intl.ListFormat(language, { type: 'conjunction' }), scripts: new Intl.DisplayNames([language], { type: 'script', fallback: 'code' }) };
    intls.set(language, known);
  }
  return known;
}
