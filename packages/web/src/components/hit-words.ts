import type { AlertSubject, HitView } from '@crosscheck/core/api';
import { DISCREET_ACTION, INQUIRY_CHECK_ACTION, PREVENTIVE_ACTION, RETURN_DECISION_ACTION, type CORE_ACTIONS } from '@crosscheck/core/constants';
import { partialDate } from '../i18n/dates.ts';
import type { Language, MessageKey } from '../i18n/dictionary.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { label } from '../i18n/labels.ts';
import { nameText } from './name-text.ts';

/**
 * The words of a hit that the API sends as data or codes: what the alert is about, the members,
 * and the instruction. Codes become the reader's words; what a record quotes (a name, a number,
 * a plate) stays as written.
 */

/** The key of the text of each instruction the core writes itself (an owner's own action is shown as written). */
export const CORE_ACTION_KEYS: Readonly<Record<(typeof CORE_ACTIONS)[number], MessageKey>> = {
  [DISCREET_ACTION]: 'hitThread.discreetAction',
  [RETURN_DECISION_ACTION]: 'recast.action.return-decision',
  [INQUIRY_CHECK_ACTION]: 'recast.action.inquiry-check',
  [PREVENTIVE_ACTION]: 'recast.action.preventive',
};

/** The instruction of a hit in the reader's language when the core wrote it, else the owner's text. */
export function actionText(action: string, t: Translate): string {
  const key = (CORE_ACTION_KEYS as Record<string, MessageKey | undefined>)[action];
  return key ? t(key) : action;
}

/** One piece of a subject's label: `quoted` is record data (a name, a number) shown in its own direction. */
export type SubjectPart = { text: string; quoted: boolean };

/**
 * What a hit is on, as a line of parts: "ERIKSSON, ANNA · born 1974 · Missing person",
 * "Passport · FRA 12AB34567 · Stolen (issued)", "FRA AB-123-CD · Peugeot 308". With `fullDate`,
 * a person's whole birth date rather than the year; without `withCategory`, where the category
 * is already shown (the screening card).
 */
export function subjectParts(subject: AlertSubject, t: Translate, language: Language, fullDate = false, withCategory = true): SubjectPart[] {
  const parts: SubjectPart[] = [];
  const quoted = (text: string | undefined) => text && parts.push({ text, quoted: true });
  const word = (text: string) => parts.push({ text, quoted: false });
  if (subject.kind === 'person') {
    quoted(nameText(subject.name));
    if (subject.birthDate) word(fullDate ? t('hitThread.bornOn', { date: partialDate(language, subject.birthDate) }) : t('hitThread.born', { year: subject.birthDate.slice(0, 4) }));
    if (withCategory) word(label(t, 'category', subject.category));
  } else if (subject.kind === 'document') {
    word(label(t, 'documentType', subject.documentType));
    quoted(`${subject.issuingState} ${subject.number}`);
    word(label(t, 'documentStatus', subject.status));
  } else if (subject.kind === 'asset') {
    // "Bank account · DE89 3704 … · Anna Maria Eriksson · Asset tracing": the type in words, the record's data as written.
    word(label(t, 'assetType', subject.assetType));
    quoted(subject.identifier);
    quoted(subject.name);
    quoted(subject.country);
    if (withCategory) word(label(t, 'category', subject.category));
  } else {
    quoted([subject.plateCountry, subject.plate].filter(Boolean).join(' '));
    quoted([subject.make, subject.model].filter(Boolean).join(' '));
    quoted(subject.vin);
  }
  return parts;
}

/** The subject as one line of plain text (a heading, a spoken notice); none for a discreet check read as its instruction. */
export function subjectText(subject: AlertSubject | undefined, t: Translate, language: Language): string {
  return subject ? subjectParts(subject, t, language).map((p) => p.text).join(' · ') : t('hit.discreet');
}

/** A member party to a hit: its code, its registered (English) name, and a country's alpha-2 code. */
export interface MemberRef {
  code: string;
  name?: string | undefined;
  alpha2?: string | undefined;
}

export const ownerOf = (h: HitView): MemberRef => ({ code: h.owner, name: h.ownerName, alpha2: h.ownerAlpha2 });
export const screeningMemberOf = (h: HitView): MemberRef => ({ code: h.screeningMember, name: h.screeningMemberName, alpha2: h.screeningMemberAlpha2 });

/**
 * A member as "Germany (DEU)": a country named in the reader's language ("ألمانيا (DEU)"), an
 * organisation by its registered name, and the code alone when the API sent no name.
 */
export function memberText(m: MemberRef, t: Translate, language: Language): string {
  const name = (m.alpha2 !== undefined ? regionName(language, m.alpha2) : undefined) ?? m.name;
  return name ? t('hitThread.member', { name, code: m.code }) : m.code;
}

function regionName(language: Language, alpha2: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(alpha2);
    return name && name !== alpha2 ? name : undefined;
  } catch {
    // An engine without region names falls back to the registered name.
    return undefined;
  }
}

/**
 * Who acted, as the API names a credential of the reader's own member: a user by username, a key
 * as "key “gate-7”" in the reader's language; a credential without a name (`cli:…`) as it is.
 */
export function credentialText(credential: string, name: string | undefined, t: Translate): string {
  if (name === undefined) return credential;
  return credential.startsWith('key:') ? t('hitThread.keyName', { label: name }) : name;
}
