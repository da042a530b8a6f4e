/**
 * Why a screening result matched: a code with parameters, so that each reader words it in its own
 * language (the web app in four, the CLI and server-side texts in English, `reason-text-en.ts`).
 *
 * REASON_PARAMS is the one list of codes and of what each carries; the `MatchReason` union is
 * derived from it, and so is the schema of reasons that arrive from outside (match-reason-schema.ts,
 * kept apart so that the browser, which imports this file, never loads zod).
 * Parameter kinds: `text` a string as found (a name, a number, a date), `count` a whole number
 * (words take its plural form), `flag` a boolean, `list` strings, a string array a choice of
 * those values; a trailing `?` marks a parameter left out when absent (a flag: when false).
 */
export const REASON_PARAMS = {
  /** No name on one side or the other (a person alert found by its documents only). */
  'name.none': {},
  /** A side's name was written in another script and read (romanised) as `reading`. */
  'name.script': { side: ['query', 'record'], script: 'text', reading: 'text' },
  /** The same word in both names. */
  'name.same': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text' },
  /** The same word, written as one on one side and apart on the other (ABDULRAHMAN / ABDUL RAHMAN). */
  'name.written-together': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text' },
  /** Spellings of one known name, or spellings that differ only by vowels, doubling or a final H. */
  'name.spelling-variant': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', joined: 'flag?' },
  /**
   * Spellings that sound the same once transliteration's consonant choices are merged (QADHAFI /
   * GADDAFI), or, with `system`, that a romanisation system other than ICAO's reads the one as the
   * other (names/systems/romanisation-systems.ts: 박 read as PARK by the customary surname spelling).
   */
  'name.transliteration-variant': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', system: 'text?', joined: 'flag?' },
  /** One confusable consonant apart after those merges (KAZZAFI / GADDAFI). */
  'name.similar-spelling': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', joined: 'flag?' },
  /** An initial on one side for the word on the other (J. / JOHN). */
  'name.initial': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', joined: 'flag?' },
  /** A short form of a name (BOB / ROBERT). */
  'name.short-form': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', joined: 'flag?' },
  /** A few letters different: a typing or reading slip. */
  'name.typo': { field: ['surname', 'given-name', 'name'], query: 'text', record: 'text', letters: 'count', joined: 'flag?' },
  /** A word of the query that the record does not have; `repeated` when it repeats a matched word. */
  'name.only-in-query': { field: ['surname', 'given-name', 'name'], word: 'text', repeated: 'flag?' },
  /** A word of the record that the query does not have. */
  'name.only-in-record': { field: ['surname', 'given-name', 'name'], word: 'text', repeated: 'flag?' },
  /** MUHAMMAD BIN SALMAN against SALMAN BIN MUHAMMAD: the son's name is the other's father's. */
  'name.filiation-swapped': {},
  /** The words the names share are common ones (MOHAMMED ALI): the match counts as weaker evidence. */
  'name.common-words': {},
  /** The record's name that matched is a weak alias (a "low quality" alias of the UN list): weaker evidence. */
  'name.weak-alias': { name: 'text' },
  /** Birth dates (YYYY, YYYY-MM or YYYY-MM-DD) compared at the precision both have. */
  'birth-date.same': { date: 'text' },
  'birth-date.day-month-swapped': { query: 'text', record: 'text' },
  'birth-date.same-year-other-day': { query: 'text', record: 'text' },
  'birth-date.same-year-other-month': { query: 'text', record: 'text' },
  'birth-date.same-year': { year: 'text' },
  'birth-date.year-off-same-day': { query: 'text', record: 'text' },
  'birth-date.year-off': { query: 'text', record: 'text' },
  'birth-date.different': { query: 'text', record: 'text' },
  'sex.same': { sex: ['M', 'F'] },
  'sex.different': { query: ['M', 'F'], record: ['M', 'F'] },
  /** ISO 3166 alpha-3 codes both sides give. */
  'nationality.same': { countries: 'list' },
  'nationality.different': { query: 'list', record: 'list' },
  /** A document number of the person's alert that the query gives too (spaces, dashes and case ignored). */
  'document.shared': { number: 'text' },
  /** A person alert holds the screened document; `state` absent when the query gave none. */
  'document.held': { number: 'text', state: 'text?' },
  /** A person alert holds a document whose number differs only by characters OCR confuses. */
  'document.held-ocr-variant': { number: 'text', state: 'text?' },
  /** A document alert on the same number and issuing state. */
  'document.same-number': { number: 'text', state: 'text?' },
  /** A document alert on a number that differs only by characters OCR confuses (O/0, I/1, B/8, S/5, Z/2). */
  'document.ocr-variant': { number: 'text', state: 'text?' },
  /** A vehicle alert on the same VIN. */
  'vehicle.vin': { vin: 'text' },
  /** A vehicle alert on the same plate of the same country. */
  'vehicle.plate': { plate: 'text', country: 'text' },
  /** A person alert naming the same wallet address (bech32 compared in any case, Ethereum without its checksum case). */
  'wallet.exact': { currency: ['BTC', 'ETH'], address: 'text' },
  /** An asset alert on the same bank account (IBANs compared without spaces, in upper case). */
  'asset.iban': { iban: 'text' },
  /** An asset alert on the same vessel (IMO numbers compared without the IMO prefix). */
  'asset.imo': { imo: 'text' },
  /** An asset alert on the same aircraft registration mark (compared without spaces and dashes, in upper case). */
  'asset.aircraft': { registration: 'text' },
  /** An asset alert on the same parcel: the same cadastral reference in the same country. */
  'asset.cadastral': { reference: 'text', country: 'text' },
  /** A company screened was compared with the name of a bank account's holder or an aircraft's operator. */
  'asset.party': { role: ['holder', 'operator'] },
  /** Both company names carry a legal form of the same kind (ООО / LLC: limited liability), which adds a little. */
  'company.legal-form-same': { query: 'text', record: 'text' },
  /** An initialism on one side for the words on the other (PLA / PEOPLES LIBERATION ARMY). */
  'company.initialism': { query: 'text', record: 'text' },
  /** The company names carry legal forms of different kinds (GmbH / AG): said, but no contradiction. */
  'company.legal-form-different': { query: 'text', record: 'text' },
  /** The same registration number; `country` given when both sides name the same register's country. */
  'company.registration-number': { number: 'text', country: 'text?' },
  /** Two different registration numbers in the same country's register. */
  'company.registration-number-different': { query: 'text', record: 'text' },
  /** Both sides give the company's country (ISO 3166 alpha-3), the same. */
  'company.country-same': { country: 'text' },
  /** Both sides give the company's country, different ones. */
  'company.country-different': { query: 'text', record: 'text' },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type ParamKind = 'text' | 'text?' | 'count' | 'flag' | 'flag?' | 'list' | readonly string[];

type Spec = typeof REASON_PARAMS;
export type ReasonCode = keyof Spec;
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];

type ValueOf<K> = K extends 'text' | 'text?' ? string : K extends 'count' ? number : K extends 'flag' | 'flag?' ? boolean : K extends 'list' ? readonly string[] : K extends readonly (infer V)[] ? V : never;
type Optional<K> = K extends 'text?' | 'flag?' ? true : false;
type Flatten<T> = { [K in keyof T]: T[K] };
type ReasonFor<C extends ReasonCode> = Flatten<
  { code: C } & { readonly [P in keyof Spec[C] as Optional<Spec[C][P]> extends true ? never : P]: ValueOf<Spec[C][P]> } & {
    readonly [P in keyof Spec[C] as Optional<Spec[C][P]> extends true ? P : never]?: ValueOf<Spec[C][P]>;
  }
>;

/** One reason, discriminated by `code`. */
export type MatchReason = { [C in ReasonCode]: ReasonFor<C> }[ReasonCode];
/** The reason of one code. */
export type ReasonOf<C extends ReasonCode> = Extract<MatchReason, { code: C }>;
/** Which part of a name a name reason speaks of. */
export type NameField = ReasonOf<'name.same'>['field'];

/**
 * A reason as stored with a hit: a code, or the English sentence that hits recorded before reasons
 * had codes (and the tombstone of a purged alert). Readers show a string as it is.
 */
export type StoredReason = MatchReason | string;

/**
 * The identity of a reason, for merging the reasons of several probes without repeats: equal for
 * reasons with the same code and parameters, whatever the order of their keys.
 */
export function reasonKey(reason: StoredReason): string {
  if (typeof reason === 'string') return `"${reason}`;
  const r = reason as Record<string, unknown>;
  return JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]));
}

export function sameReason(a: StoredReason, b: StoredReason): boolean {
  return reasonKey(a) === reasonKey(b);
}
