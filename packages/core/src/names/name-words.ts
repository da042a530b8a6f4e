/**
 * Word lists of person names, in the romanised upper-case form tokens have after preparation.
 * Small on purpose: the spelling rules (skeleton.ts) carry the variants; these lists only hold what
 * no letter rule can know.
 */

/**
 * Words that say who someone is, not which person. Dropped only from the start of a name (Dr John
 * Major keeps MAJOR), and only when other words remain.
 */
export const TITLES: ReadonlySet<string> = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'DOCTOR', 'PROF', 'PROFESSOR', 'SIR', 'DAME', 'LORD', 'LADY',
  'REV', 'REVEREND', 'HON', 'ENG', 'ENGR',
  'HAJI', 'HAJJI', 'HADJI', 'HAJ', 'HAJJ', 'ALHAJI', 'ALHAJ', 'HAJIA', 'HAJJA',
  'SHEIKH', 'SHEIK', 'SHAIKH', 'SHAYKH', 'SHEIKHA', 'SHAIKHA', 'CHEIKH', 'SCHEICH', 'SHK',
  'MULLAH', 'MULLA', 'MAULANA', 'MAWLANA', 'MAULVI', 'MAWLAWI', 'MAWLAVI', 'MOULVI', 'IMAM', 'AYATOLLAH',
  'GENERAL', 'GEN', 'COL', 'COLONEL', 'MAJ', 'MAJOR', 'CAPT', 'CAPTAIN', 'LT', 'LIEUTENANT',
  'SGT', 'SERGEANT', 'CPL', 'CORPORAL', 'ADM', 'ADMIRAL', 'BRIG', 'BRIGADIER',
  'MULAZIM', 'NAQIB', 'AQID', 'LIWA', 'FARIQ',
  'PRESIDENT', 'PRESIDENTE', 'PRASIDENT', 'PRAESIDENT', 'PREZIDENT', 'PRES', 'MINISTER', 'SENATOR', 'GOVERNOR',
  'MONSIEUR', 'MADAME', 'MME', 'MLLE', 'HERR', 'FRAU', 'SENOR', 'SENORA', 'SENHOR', 'SENHORA', 'SIGNOR',
  'SIGNORA', 'GOSPODIN', 'GOSPOZHA',
]);

/** Generation and degree suffixes: dropped only from the end of a name. */
export const SUFFIXES: ReadonlySet<string> = new Set(['JR', 'JNR', 'SR', 'SNR', 'II', 'III', 'IV', 'PHD', 'ESQ']);

/**
 * Connecting words inside names. They are kept (so BIN can meet IBN) but weigh almost nothing, so
 * their presence or absence neither makes nor breaks a match. The value is the canonical form.
 */
export const PARTICLES: ReadonlyMap<string, string> = new Map([
  ['AL', 'AL'], ['EL', 'AL'], ['UL', 'AL'], ['OL', 'AL'], ['IL', 'AL'],
  ['BIN', 'BIN'], ['BEN', 'BIN'], ['IBN', 'BIN'], ['IBNU', 'BIN'], ['BINT', 'BINT'], ['BINTI', 'BINT'], ['BT', 'BINT'],
  ['ABU', 'ABU'], ['ABOU', 'ABU'], ['ABO', 'ABU'], ['UMM', 'UMM'], ['OUM', 'UMM'],
  ['VAN', 'VAN'], ['VON', 'VAN'], ['DER', 'DER'], ['DEN', 'DER'], ['TER', 'DER'], ['TEN', 'DER'], ['ZU', 'ZU'],
  ['DE', 'DE'], ['DI', 'DE'], ['DA', 'DE'], ['DO', 'DE'], ['DU', 'DE'], ['DES', 'DE'], ['DOS', 'DE'], ['DAS', 'DE'],
  ['DEL', 'DE'], ['DELLA', 'DE'], ['DELLE', 'DE'], ['DEGLI', 'DE'],
  ['LA', 'LA'], ['LE', 'LA'], ['LO', 'LA'], ['LOS', 'LA'], ['LAS', 'LA'], ['Y', 'Y'],
]);

/** The sun-letter forms of AL (ad-Din, ar-Rahman, ud-Din, ur-Rahman): particles only when hyphen-joined. */
export const ASSIMILATED_ARTICLES: ReadonlySet<string> = new Set([
  'AD', 'AR', 'AS', 'AT', 'AZ', 'AN', 'ASH', 'ATH', 'ADH', 'UD', 'UR', 'US', 'UT', 'UZ', 'UN', 'USH',
  'ED', 'ER', 'ES', 'ET', 'EZ', 'EN', 'ESH', 'ID', 'IR', 'IS', 'IT', 'IZ', 'ISH',
]);

/** Spellings of the "servant of" prefix that are written apart: ABD AL AZIZ, ABDEL AZIZ → ABDUL AZIZ. */
export const ABD_FORMS: ReadonlySet<string> = new Set(['ABD', 'ABDU', 'ABDEL', 'ABDAL', 'ABDOL', 'ABDUL', 'ABDOUL', 'ABDIL']);

/** Two- and three-letter words without vowels that are names, not initials. */
export const VOWELLESS_NAMES: ReadonlySet<string> = new Set(['NG', 'MD', 'MHD', 'MOHD', 'SK', 'KH']);

/**
 * Spellings of one name that the letter rules do not bring together (an abbreviation, a national
 * form, a G/H or J/Y alternation, a romanisation of Korean), one group per name. Names that are
 * different but sound alike are in different groups, and two tokens in different groups never
 * match as variants (HASAN is not HUSAYN).
 */
const GROUPS: readonly (readonly string[])[] = [
  ['MUHAMMAD', 'MOHAMMED', 'MOHAMED', 'MOHAMAD', 'MOHAMMAD', 'MUHAMMED', 'MUHAMAD', 'MOHD', 'MUHD', 'MHD', 'MD', 'MEHMET', 'MEHMED', 'MAHOMED', 'MAGOMED', 'MUHAMET', 'MUHAMMET', 'MOCHAMMAD', 'MOCHAMAD', 'MAXAMED', 'MAMADOU', 'MOUHAMED', 'MOUHAMMAD'],
  ['AHMAD', 'AHMED', 'AHMET', 'ACHMED', 'ACHMAD', 'AKHMED', 'AKHMAD', 'AXMED'],
  ['HASAN', 'HASSAN', 'HASAAN', 'HACEN', 'XASAN', 'GASAN'],
  ['HUSAYN', 'HUSSEIN', 'HUSSAIN', 'HUSAIN', 'HUSEIN', 'HOSSEIN', 'HOSEIN', 'HUSEYIN', 'HUSEYN', 'HUSSAYN', 'GUSEYN', 'XUSEEN'],
  ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YOUSSOUF', 'YOUSOUF', 'YUSUP', 'JUSUF', 'YUSSUF', 'YOUSIF', 'YUSIF', 'JUSUP'],
  ['USMAN', 'OSMAN', 'OTHMAN', 'UTHMAN', 'OUSMANE', 'OSMANE', 'USMAAN'],
  ['IBRAHIM', 'EBRAHIM', 'IBROHIM', 'IBRAGIM', 'IBRAHEEM', 'IBRAHIMA', 'BRAHIM'],
  ['ISMAIL', 'ISMAEL', 'SMAIL', 'ISMOIL', 'ESMAIL'],
  ['KHALID', 'KHALED', 'HALID', 'HALIT', 'CHALID'],
  ['JAMAL', 'GAMAL', 'DJAMEL', 'DJAMAL', 'CEMAL', 'JAMEL'],
  ['ABDULLAH', 'ABDALLAH', 'ABDULLA', 'ABDOULAYE', 'ABDULAH', 'ABDALLA', 'ABDILAHI', 'ABDULLAHI', 'CABDULLAAHI', 'CABDULLAAH'],
  ['USAMA', 'OSAMA', 'OUSSAMA', 'USAAMA'],
  ['YAHYA', 'YAHIA', 'YEHIA', 'YAHIYA'],
  ['ALEKSANDR', 'ALEXANDER', 'OLEKSANDR', 'ALIAKSANDR', 'ALEXANDR', 'ALEXANDRE', 'ALEKSANDER', 'ALEKSANDAR', 'ALIAKSANDAR', 'ALEXANDROS', 'ALEKSANDROS'],
  ['VLADIMIR', 'VOLODYMYR', 'WLADIMIR', 'ULADZIMIR', 'WOLODYMYR', 'VOLODIMIR', 'VALADZIMIR'],
  ['SERGEY', 'SERGEI', 'SERHII', 'SERHIY', 'SIARHEI', 'SERGIY', 'SERGEJ', 'SERGII'],
  ['YURI', 'YURIY', 'IURII', 'YURIJ', 'JURIJ', 'YURY', 'JURI', 'IURIE'],
  ['YEVGENY', 'EVGENY', 'EVGENII', 'YEVHEN', 'IEVGEN', 'YEVGENIY', 'EVGENIY', 'JEVGENIJ', 'YAUHENI', 'IEVGENII'],
  ['DMITRY', 'DMITRI', 'DMYTRO', 'DZMITRY', 'DMITRIY', 'DMITRII', 'DMITRIJ'],
  ['MIKHAIL', 'MYKHAILO', 'MICHAIL', 'MYKHAYLO', 'MIKHAYLO', 'MIKHAILO'],
  ['NIKOLAI', 'NIKOLAY', 'MYKOLA', 'MIKALAI', 'NIKOLAJ'],
  ['ANDREI', 'ANDRIY', 'ANDREY', 'ANDRII', 'ANDREJ', 'ANDRIJ'],
  ['ALEKSEI', 'ALEXEI', 'ALEKSEY', 'ALEXEY', 'OLEKSIY', 'OLEKSII', 'ALIAKSEI', 'ALEKSEJ'],
  ['IGOR', 'IHOR', 'IHAR'],
  ['GRIGORY', 'GRIGORIY', 'HRYHORIY', 'HRYHORII', 'GRIGORII', 'RYHOR'],
  ['GEORGY', 'GEORGIY', 'HEORHIY', 'HEORHII', 'GEORGII'],
  ['KIM', 'GIM'],
  ['LEE', 'YI', 'RI', 'RHEE', 'RHIE', 'YEE', 'I'],
  ['OH', 'O'],
  ['PARK', 'PAK', 'BAK', 'BAG', 'PACK', 'BARK'],
  ['CHOI', 'CHOE', 'CHEY'],
  ['JEONG', 'JUNG', 'CHUNG', 'CHONG', 'JONG', 'CHEONG'],
  ['KANG', 'GANG'],
  ['CHO', 'JO', 'JOH'],
  ['YOON', 'YUN'],
  ['JANG', 'CHANG'],
  ['LIM', 'IM', 'RIM', 'YIM'],
  ['SHIN', 'SIN'],
  ['SEO', 'SUH', 'SO'],
];

/** Token → group number. */
export const NAME_GROUPS: ReadonlyMap<string, number> = new Map(GROUPS.flatMap((g, i) => g.map((w) => [w, i] as const)));

/** Patronymic and filiation endings (Russian, Ukrainian, Turkic): often left out, so they weigh less. */
const PATRONYMIC_ENDINGS = ['OVICH', 'EVICH', 'OVITCH', 'EVITCH', 'OVYCH', 'EVYCH', 'OVNA', 'EVNA', 'IVNA', 'ICHNA', 'INICHNA', 'OGLU', 'OGLY', 'KYZY', 'QIZI', 'ULY', 'UULU'];

export function isPatronymic(token: string): boolean {
  if (token.length < 6) return false;
  for (const e of PATRONYMIC_ENDINGS) if (token.endsWith(e)) return true;
  return false;
}

/**
 * Common short forms of given names (hypocorisms), → the full names they stand for. A short form
 * is weaker evidence than a spelling variant: many full names share one (TED: EDWARD, THEODORE).
 */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  BILL: ['WILLIAM'], BILLY: ['WILLIAM'], WILL: ['WILLIAM'], LIAM: ['WILLIAM'],
  BOB: ['ROBERT'], BOBBY: ['ROBERT'], ROB: ['ROBERT'], ROBBIE: ['ROBERT'],
  DICK: ['RICHARD'], RICK: ['RICHARD', 'FREDERICK'], RICH: ['RICHARD'],
  TED: ['EDWARD', 'THEODORE'], TEDDY: ['EDWARD', 'THEODORE'], ED: ['EDWARD', 'EDMUND'], EDDIE: ['EDWARD'], NED: ['EDWARD'],
  JIM: ['JAMES'], JIMMY: ['JAMES'], JAMIE: ['JAMES'], JACK: ['JOHN'], JOHNNY: ['JOHN'],
  MIKE: ['MICHAEL'], MICK: ['MICHAEL'], MICKEY: ['MICHAEL'], TOM: ['THOMAS'], TOMMY: ['THOMAS'],
  TONY: ['ANTHONY', 'ANTONIO'], JOE: ['JOSEPH'], JOEY: ['JOSEPH'], CHRIS: ['CHRISTOPHER', 'CHRISTIAN', 'CHRISTINA', 'CHRISTINE'],
  NICK: ['NICHOLAS', 'NIKOLAI'], DAN: ['DANIEL'], DANNY: ['DANIEL'], DAVE: ['DAVID'], STEVE: ['STEVEN', 'STEPHEN'],
  PAT: ['PATRICK', 'PATRICIA'], PETE: ['PETER'], SAM: ['SAMUEL', 'SAMANTHA'], MATT: ['MATTHEW'], ANDY: ['ANDREW'],
  ALEX: ['ALEXANDER', 'ALEKSANDR', 'ALEXANDRA', 'ALEKSEI'], SASHA: ['ALEKSANDR', 'ALEKSANDRA'], BEN: ['BENJAMIN'], BENNY: ['BENJAMIN'],
  BIBI: ['BENJAMIN', 'BINYAMIN'], GREG: ['GREGORY'], FRED: ['FREDERICK', 'ALFRED'], HANK: ['HENRY'], HARRY: ['HENRY', 'HAROLD'],
  LIZ: ['ELIZABETH'], BETH: ['ELIZABETH'], BETTY: ['ELIZABETH'], KATE: ['KATHERINE', 'CATHERINE'], KATHY: ['KATHERINE', 'CATHERINE'],
  MAGGIE: ['MARGARET'], PEGGY: ['MARGARET'], SUE: ['SUSAN'], JENNY: ['JENNIFER'],
  VOVA: ['VLADIMIR'], VOLODYA: ['VLADIMIR'], DIMA: ['DMITRY'], MISHA: ['MIKHAIL'], KOLYA: ['NIKOLAI'], SERYOZHA: ['SERGEY'],
  VANYA: ['IVAN'], ZHENYA: ['YEVGENY'], YURA: ['YURI'], PASHA: ['PAVEL'], KOSTYA: ['KONSTANTIN'], LYOSHA: ['ALEKSEI'],
};

const SHORT_FORM_MAP: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SHORT_FORMS));
const NONE: readonly string[] = [];

/** The full names a short form stands for; empty for other words. */
export function fullFormsOf(token: string): readonly string[] {
  return SHORT_FORM_MAP.get(token) ?? NONE;
}
