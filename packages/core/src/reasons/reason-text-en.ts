import { systemLabel } from '../names/systems/romanisation-systems.js';
import type { MatchReason, NameField, ReasonCode, ReasonOf, StoredReason } from './match-reason.js';

/**
 * Reasons in English, for the CLI and for any text the server writes (the web app words them in
 * the officer's language itself). A string reason, from a hit recorded before reasons had codes,
 * is returned as it is.
 */
export function reasonText(reason: StoredReason): string {
  if (typeof reason === 'string') return reason;
  return (EN[reason.code] as (r: MatchReason) => string)(reason);
}

const FIELD: Readonly<Record<NameField, string>> = { surname: 'surname', 'given-name': 'given name', name: 'name' };

/** English script names where they read better than the ISO 15924 code; others show the code. */
export const SCRIPT_NAMES_EN: Readonly<Record<string, string>> = {
  Cyrl: 'Cyrillic', Arab: 'Arabic', Grek: 'Greek', Hebr: 'Hebrew', Hani: 'Chinese characters', Hira: 'Hiragana',
  Kana: 'Katakana', Hang: 'Hangul', Deva: 'Devanagari', Beng: 'Bengali', Thai: 'Thai', Khmr: 'Khmer', Armn: 'Armenian',
  Geor: 'Georgian', Ethi: 'Ethiopic', Taml: 'Tamil', Mymr: 'Myanmar', Laoo: 'Lao', Sinh: 'Sinhala', Guru: 'Gurmukhi',
  Gujr: 'Gujarati', Telu: 'Telugu', Knda: 'Kannada', Mlym: 'Malayalam', Tibt: 'Tibetan', Syrc: 'Syriac', Thaa: 'Thaana', Mong: 'Mongolian',
};

const pair = (r: { field: NameField; query: string; record: string }, why: string, joined?: boolean): string =>
  `${FIELD[r.field]} ${r.query} ~ ${r.record}: ${why}${joined ? ', written together' : ''}`;

const only = (r: { field: NameField; word: string; repeated?: boolean }, side: string): string =>
  `${FIELD[r.field]} ${r.word}: only in the ${side}${r.repeated ? ' (repeated)' : ''}`;

const document = (r: { number: string; state?: string }): string => (r.state === undefined ? `${r.number} (issuing state not given)` : `${r.state} ${r.number}`);

/** Every code has its sentence: a code added without one is a type error here. */
const EN: { readonly [C in ReasonCode]: (r: ReasonOf<C>) => string } = {
  'name.none': () => 'no name to compare',
  'name.script': (r) => `${r.side} name in ${SCRIPT_NAMES_EN[r.script] ?? r.script} script, read as ${r.reading}`,
  'name.same': (r) => `${FIELD[r.field]} ${r.query}: same`,
  'name.written-together': (r) => pair(r, 'written together'),
  'name.spelling-variant': (r) => pair(r, 'variant spelling', r.joined),
  'name.transliteration-variant': (r) => pair(r, r.system === undefined ? 'transliteration variant' : `transliteration variant (${systemLabel(r.system, 'en')})`, r.joined),
  'name.similar-spelling': (r) => pair(r, 'similar spelling', r.joined),
  'name.initial': (r) => pair(r, 'initial', r.joined),
  'name.short-form': (r) => pair(r, 'short form', r.joined),
  'name.typo': (r) => pair(r, `${r.letters} letter${r.letters === 1 ? '' : 's'} different`, r.joined),
  'name.only-in-query': (r) => only(r, 'query'),
  'name.only-in-record': (r) => only(r, 'record'),
  'name.filiation-swapped': () => 'names on the other side of BIN: son and father swapped',
  'name.common-words': () => 'common names: weaker evidence',
  'name.weak-alias': (r) => `matched a weak alias (${r.name}): weaker evidence`,
  'birth-date.same': (r) => `born ${r.date}: same`,
  'birth-date.day-month-swapped': (r) => `born ${r.query} vs ${r.record}: day and month swapped`,
  'birth-date.same-year-other-day': (r) => `born ${r.query} vs ${r.record}: same year, different day`,
  'birth-date.same-year-other-month': (r) => `born ${r.query} vs ${r.record}: same year, different month`,
  'birth-date.same-year': (r) => `born ${r.year}: same year`,
  'birth-date.year-off-same-day': (r) => `born ${r.query} vs ${r.record}: one year off, same day`,
  'birth-date.year-off': (r) => `born ${r.query} vs ${r.record}: one year off`,
  'birth-date.different': (r) => `born ${r.query} vs ${r.record}: different`,
  'sex.same': (r) => `sex ${r.sex}: same`,
  'sex.different': (r) => `sex ${r.query} vs ${r.record}: different`,
  'nationality.same': (r) => `nationality ${r.countries.join(', ')}: same`,
  'nationality.different': (r) => `nationality ${r.query.join(', ')} vs ${r.record.join(', ')}: different`,
  'document.shared': (r) => `document ${r.number}: same`,
  'document.held': (r) => `holds document ${document(r)}`,
  'document.held-ocr-variant': (r) => `holds document ${document(r)} (likely OCR confusion)`,
  'document.same-number': (r) => `document ${document(r)}: same number and issuing state`,
  'document.ocr-variant': (r) => `document ${document(r)}: number differs only by characters OCR confuses (O/0, I/1, B/8, S/5, Z/2)`,
  'vehicle.vin': (r) => `VIN ${r.vin}: same`,
  'vehicle.plate': (r) => `plate ${r.country} ${r.plate}: same plate and country`,
  'wallet.exact': (r) => `${r.currency} wallet ${r.address}: same address`,
  'asset.iban': (r) => `IBAN ${r.iban}: same account`,
  'asset.imo': (r) => `IMO ${r.imo}: same vessel`,
  'asset.aircraft': (r) => `aircraft registration ${r.registration}: same`,
  'asset.cadastral': (r) => `cadastral reference ${r.country} ${r.reference}: same parcel`,
  'asset.party': (r) => (r.role === 'holder' ? "found by the account holder's name" : "found by the aircraft operator's name"),
  'company.legal-form-same': (r) => `legal form ${r.query} ~ ${r.record}: same kind`,
  'company.legal-form-different': (r) => `legal form ${r.query} vs ${r.record}: different kind (often another company of the group)`,
  'company.initialism': (r) => `name ${r.query} ~ ${r.record}: initialism`,
  'company.registration-number': (r) => (r.country === undefined ? `registration number ${r.number}: same (country not given)` : `registration number ${r.country} ${r.number}: same`),
  'company.registration-number-different': (r) => `registration number ${r.query} vs ${r.record}: different`,
  'company.country-same': (r) => `company country ${r.country}: same`,
  'company.country-different': (r) => `company country ${r.query} vs ${r.record}: different`,
};
