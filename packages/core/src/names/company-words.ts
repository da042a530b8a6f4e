/**
 * The words of organisation names that are written many ways for one meaning: abbreviations
 * (INTL, BROS), translations of the words every other company has (BANK, BANQUE, BANCO, БАНК,
 * بنك), numbers written as words or digits (FORTY-FOUR, 44; FIRST, 1ST), connectors (&, AND, UND,
 * ET). Each is brought to one form before the words are compared, so that "First Bank Int'l" and
 * "1st International Bank" are the same words; the tables hold romanised forms (romanise.ts), so
 * a Cyrillic or Arabic word is found by its reading.
 */

/**
 * Connectors between the words of a name: "&" is a break already, so "and" in any language is no
 * word either (L & H = L AND H = L UND H). Y and E ("and" in Spanish, Portuguese, Italian) are
 * dropped only between two words: alone they may be an initial.
 */
const CONNECTORS: ReadonlySet<string> = new Set(['AND', 'UND', 'ET', 'EN', 'VE', 'OG', 'OCH', 'WA', 'Y', 'E']);

/** Is the word a connector at this place of the name (index `i` of `count` words): only between two words. */
export function isConnector(word: string, i: number, count: number): boolean {
  return i > 0 && i < count - 1 && CONNECTORS.has(word);
}

/**
 * One form for the abbreviations and translations of common words of organisation names, the
 * first of each row. Sources: the abbreviations of the Chicago Manual of Style (15.4, company
 * names), the words of the legal-entity names of the GLEIF LEI register, and dictionaries of each
 * language; Cyrillic, Greek and Arabic words by their reading.
 */
const CANONICAL_ROWS: readonly (readonly string[])[] = [
  ['BANK', 'BANQUE', 'BANCO', 'BANCA', 'BANKA', 'BANKASI', 'BANQ', 'BNK', 'BANKI', 'BANKU'],
  ['INTERNATIONAL', 'INTL', 'INTNL', 'INTERNACIONAL', 'INTERNAZIONALE', 'INTERNATIONALE', 'INTERNATIONAAL', 'MEZHDUNARODNYI', 'MEZHDUNARODNYY', 'MEZHDUNARODNAIA', 'MEZHDUNARODNAYA'],
  ['NATIONAL', 'NATL', 'NACIONAL', 'NAZIONALE', 'NATIONALE', 'NATSIONALNYI', 'NATSIONALNYY', 'NATSIONALNAIA', 'NATSIONALNAYA'],
  ['GROUP', 'GRP', 'GROUPE', 'GRUPO', 'GRUPPO', 'GRUPPE', 'GRUPPA', 'GROEP', 'GRUPA'],
  ['HOLDING', 'HOLDINGS', 'HLDGS', 'HLDG', 'KHOLDING', 'HOLDINGU'],
  ['INDUSTRY', 'INDUSTRIES', 'INDS', 'INDUSTRIE', 'INDUSTRIAS', 'INDUSTRIA', 'INDUSTRIJA', 'INDUSTRIIA', 'INDUSTRIYA'],
  ['TRADING', 'TRADE', 'TRADERS', 'TORGOVYI', 'TORGOVYY', 'TORGOVAIA', 'TORGOVAYA', 'TORGOVOE', 'TORGOVYJ', 'COMERCIAL', 'COMMERCIALE', 'HANDEL', 'HANDELS'],
  ['BROTHERS', 'BROS', 'BRO', 'FRERES', 'HERMANOS', 'HNOS', 'FRATELLI', 'GEBRUDER', 'GEBR'],
  ['ASSOCIATES', 'ASSOC', 'ASSOCS', 'ASSOCIES'],
  ['MANUFACTURING', 'MFG', 'MFRS', 'MANUFACTURERS'],
  ['DEPARTMENT', 'DEPT', 'DEPARTEMENT', 'DEPARTAMENTO'],
  ['ENGINEERING', 'ENGG', 'INGENIERIE', 'INGENIERIA'],
  ['ENTERPRISE', 'ENTERPRISES', 'ENTREPRISE', 'ENTREPRISES', 'EMPRESA', 'EMPRESAS', 'PREDPRIIATIE', 'PREDPRIYATIE'],
  ['SERVICES', 'SERVICE', 'SVCS', 'SVC', 'SERVICIOS', 'SERVIZI'],
  ['INVESTMENT', 'INVESTMENTS', 'INVEST', 'INVESTISSEMENT', 'INVERSIONES', 'INVESTITSII', 'INVESTITSIONNAIA', 'INVESTITSIONNAYA'],
  ['MANAGEMENT', 'MGMT', 'MGT'],
  ['CORPORATION', 'CORP'],
  ['COMPANY', 'CO', 'COMPAGNIE', 'CIE', 'COMPANIA', 'CIA', 'COMPANHIA', 'KOMPANIIA', 'KOMPANIYA'],
  ['INSTITUTE', 'INST', 'INSTITUT', 'INSTITUTO', 'ISTITUTO'],
  ['UNIVERSITY', 'UNIV', 'UNIVERSITE', 'UNIVERSIDAD', 'UNIVERSITA', 'UNIVERSITET'],
  ['ASSOCIATION', 'ASSN', 'ASSOCIACAO', 'ASOCIACION', 'ASSOCIAZIONE', 'ASSOTSIATSIIA', 'ASSOTSIATSIYA'],
  ['FOUNDATION', 'FDN', 'FONDATION', 'FUNDACION', 'FONDAZIONE', 'STIFTUNG', 'FOND'],
  ['LABORATORY', 'LABORATORIES', 'LAB', 'LABS', 'LABORATOIRE', 'LABORATOIRES', 'LABORATORIO', 'LABORATORIOS'],
  ['SYSTEMS', 'SYSTEM', 'SYS', 'SYSTEMES', 'SISTEMAS', 'SISTEMY'],
  ['TECHNOLOGY', 'TECHNOLOGIES', 'TECH', 'TECHNOLOGIE', 'TECNOLOGIA', 'TEKHNOLOGII', 'TEKHNOLOGIIA'],
  ['SHIPPING', 'SHPG'],
  // "Trading house": Торговый дом, maison de commerce, Handelshaus.
  ['HOUSE', 'DOM', 'MAISON', 'HAUS'],
  ['MOUNT', 'MT'],
  ['SAINT', 'ST', 'STE'],
];

const CANONICAL: ReadonlyMap<string, string> = new Map(CANONICAL_ROWS.flatMap((row) => row.map((w) => [w, row[0]!] as const)));

/** The one form of a common word of organisation names (INTL → INTERNATIONAL), or the word itself. */
export function canonicalWord(word: string): string {
  return CANONICAL.get(word) ?? word;
}

/**
 * Words many organisations share: they still count, a third of a distinctive word, and a match on
 * them alone is no match. Canonical forms.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'THE', 'OF', 'FOR',
  'TRADING', 'HOLDING', 'GROUP', 'INTERNATIONAL', 'NATIONAL', 'GLOBAL', 'WORLDWIDE', 'ENTERPRISE', 'INDUSTRY',
  'SERVICES', 'INVESTMENT', 'MANAGEMENT', 'CONSULTING', 'PARTNERS', 'ASSOCIATES', 'COMPANY', 'CORPORATION',
  'FIRMA', 'FIRM', 'SYSTEMS', 'TECHNOLOGY', 'SOLUTIONS', 'LIMITED', 'BANK',
]);

// English number words (cardinal and ordinal) and the digits they stand for.
const UNITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE', 'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN'];
const UNIT_ORDINALS = ['ZEROTH', 'FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH', 'ELEVENTH', 'TWELFTH', 'THIRTEENTH', 'FOURTEENTH', 'FIFTEENTH', 'SIXTEENTH', 'SEVENTEENTH', 'EIGHTEENTH', 'NINETEENTH'];
// FOURTY is the usual misspelling of FORTY, common enough in names to be read as it.
const TENS: ReadonlyMap<string, number> = new Map([['TWENTY', 20], ['THIRTY', 30], ['FORTY', 40], ['FOURTY', 40], ['FIFTY', 50], ['SIXTY', 60], ['SEVENTY', 70], ['EIGHTY', 80], ['NINETY', 90]]);
const TENS_ORDINALS: ReadonlyMap<string, number> = new Map([['TWENTIETH', 20], ['THIRTIETH', 30], ['FORTIETH', 40], ['FIFTIETH', 50], ['SIXTIETH', 60], ['SEVENTIETH', 70], ['EIGHTIETH', 80], ['NINETIETH', 90]]);
const UNIT_VALUE: ReadonlyMap<string, number> = new Map([...UNITS.map((w, i) => [w, i] as const), ...UNIT_ORDINALS.map((w, i) => [w, i] as const)]);
const ORDINAL_DIGITS = /^(\d+)(ST|ND|RD|TH|E|ER|EME|O|A|TE)$/;

// Roman numerals of two letters or more (II, XIV): single I, V, X may be initials.
const ROMAN = /^(?=[IVXL]{2,}$)L?X{0,3}(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

function romanValue(word: string): number | undefined {
  if (!ROMAN.test(word)) return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = ROMAN_VALUE[word[i]!]!;
    const next = ROMAN_VALUE[word[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Is the word a number (as normaliseCompanyWords writes numbers: digits)? */
export function isNumberWord(word: string): boolean {
  return /^\d+$/.test(word);
}

/** The value of a number word, a Roman numeral or a written ordinal (FIRST, XIV, 1ST, 1ER), or undefined. */
function numberValue(word: string): number | undefined {
  const roman = romanValue(word);
  if (roman !== undefined) return roman;
  const unit = UNIT_VALUE.get(word);
  if (unit !== undefined) return unit;
  const tens = TENS.get(word) ?? TENS_ORDINALS.get(word);
  if (tens !== undefined) return tens;
  const ordinal = ORDINAL_DIGITS.exec(word);
  return ordinal ? Number(ordinal[1]) : undefined;
}

/**
 * The words of a name with numbers as digits (FORTY FOUR → 44, FIRST → 1, 1ST → 1), connectors
 * dropped and common words in their one form. Words are upper case, romanised.
 */
export function normaliseCompanyWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (isConnector(w, i, words.length)) continue;
    const n = numberValue(w);
    if (n !== undefined) {
      // A tens word followed by a unit: one number (FORTY FOUR, FORTY-FOUR, TWENTY FIRST).
      const next = words[i + 1];
      const unit = next !== undefined && (TENS.has(w) || TENS_ORDINALS.has(w)) ? UNIT_VALUE.get(next) : undefined;
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(n + unit));
        i++;
      } else out.push(String(n));
      continue;
    }
    out.push(canonicalWord(w));
  }
  return out;
}
