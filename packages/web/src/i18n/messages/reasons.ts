import type { ReasonCode } from '@crosscheck/core/reasons';
import type { PluralText } from '../plural.ts';

/**
 * Why a screening result matched, one text per reason code of the core (`reason.<code>`), plus the
 * words they insert. ICU syntax: `{n, plural, …}` takes the language's plural forms (every one,
 * checked by type), `{flag, select, true {…} other {}}` an optional part. Values quoted from the
 * records ({query}, {record}, {number}…) are shown as they are.
 */
/* English, the reference: the other languages (reasons.fr.ts, .es.ts, .ar.ts) must have exactly these keys. */
export const en = {
  'reason.field.surname': 'surname',
  'reason.field.given-name': 'given name',
  'reason.field.name': 'name',
  'reason.sex.M': 'male',
  'reason.sex.F': 'female',
  'reason.document.withState': '{state} {number}',
  'reason.document.noState': '{number} (issuing state not given)',
  'reason.name.none': 'no name to compare',
  'reason.name.script': '{side, select, query {query} other {record}} name in {script} script, read as {reading}',
  'reason.name.same': '{field} {query}: same',
  'reason.name.written-together': '{field} {query} ~ {record}: written together',
  'reason.name.spelling-variant': '{field} {query} ~ {record}: variant spelling{joined, select, true {, written together} other {}}',
  'reason.name.transliteration-variant': '{field} {query} ~ {record}: transliteration variant{joined, select, true {, written together} other {}}',
  'reason.name.transliteration-system': '{field} {query} ~ {record}: transliteration variant ({system}){joined, select, true {, written together} other {}}',
  'reason.name.similar-spelling': '{field} {query} ~ {record}: similar spelling{joined, select, true {, written together} other {}}',
  'reason.name.initial': '{field} {query} ~ {record}: initial{joined, select, true {, written together} other {}}',
  'reason.name.short-form': '{field} {query} ~ {record}: short form{joined, select, true {, written together} other {}}',
  'reason.name.typo': '{field} {query} ~ {record}: {letters, plural, one {# letter different} other {# letters different}}{joined, select, true {, written together} other {}}',
  'reason.name.only-in-query': '{field} {word}: only in the query{repeated, select, true { (repeated)} other {}}',
  'reason.name.only-in-record': '{field} {word}: only in the record{repeated, select, true { (repeated)} other {}}',
  'reason.name.filiation-swapped': 'names on the other side of BIN: son and father swapped',
  'reason.name.common-words': 'common names: weaker evidence',
  'reason.name.weak-alias': 'matched a weak alias ({name}): weaker evidence',
  'reason.birth-date.same': 'born {date}: same',
  'reason.birth-date.day-month-swapped': 'born {query} vs {record}: day and month swapped',
  'reason.birth-date.same-year-other-day': 'born {query} vs {record}: same year, different day',
  'reason.birth-date.same-year-other-month': 'born {query} vs {record}: same year, different month',
  'reason.birth-date.same-year': 'born {year}: same year',
  'reason.birth-date.year-off-same-day': 'born {query} vs {record}: one year off, same day',
  'reason.birth-date.year-off': 'born {query} vs {record}: one year off',
  'reason.birth-date.different': 'born {query} vs {record}: different',
  'reason.sex.same': 'same sex: {sex}',
  'reason.sex.different': 'different sex: {query} vs {record}',
  'reason.nationality.same': '{countriesCount, plural, one {nationality {countries}: same} other {nationalities {countries}: same}}',
  'reason.nationality.different': 'nationality {query} vs {record}: different',
  'reason.document.shared': 'document {number}: same',
  'reason.document.held': 'holds document {document}',
  'reason.document.held-ocr-variant': 'holds document {document} (likely OCR confusion)',
  'reason.document.same-number': 'document {document}: same number and issuing state',
  'reason.document.ocr-variant': 'document {document}: number differs only by characters OCR confuses (O/0, I/1, B/8, S/5, Z/2)',
  'reason.vehicle.vin': 'VIN {vin}: same',
  'reason.vehicle.plate': 'plate {country} {plate}: same plate and country',
  'reason.wallet.exact': '{currency} wallet {address}: same address',
  'reason.asset.iban': 'IBAN {iban}: same account',
  'reason.asset.imo': 'IMO {imo}: same vessel',
  'reason.asset.aircraft': 'aircraft registration {registration}: same',
  'reason.asset.cadastral': 'cadastral reference {country} {reference}: same parcel',
  'reason.asset.party': '{role, select, holder {found by the account holder’s name} other {found by the aircraft operator’s name}}',
  'reason.company.legal-form-same': 'legal form {query} ~ {record}: same kind',
  'reason.company.legal-form-different': 'legal form {query} vs {record}: different kind (often another company of the group)',
  'reason.company.initialism': 'name {query} ~ {record}: initialism',
  'reason.company.registration-number': 'registration number {country, select, undefined {{number}: same (country not given)} other {{country} {number}: same}}',
  'reason.company.registration-number-different': 'registration number {query} vs {record}: different',
  'reason.company.country-same': 'company country {country}: same',
  'reason.company.country-different': 'company country {query} vs {record}: different',
} as const satisfies { readonly [C in ReasonCode as `reason.${C}`]: string } & Readonly<Record<string, string>>;

// English has its plural forms too.
en satisfies { readonly [K in keyof typeof en]: (typeof en)[K] extends `${string}, plural,${string}` ? PluralText<'en'> : string };
