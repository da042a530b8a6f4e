/**
 * How Korean surnames are customarily spelled in Latin letters, by Hangul syllable. Passports and
 * people keep spellings older than any standard (Lee, Park, Choi), and the North writes the
 * initial ㄹ the South drops (리 Ri for 이, 류 Ryu for 유). Source: the common passport spellings
 * reported by the National Institute of Korean Language's survey of surname romanisation (국립국어원,
 * 성씨 로마자 표기 실태 조사, 2009) and the spellings in common use, North and South; the RR and MR
 * spellings come from korean-romanisation.ts and need not be listed.
 */
const ONE_SYLLABLE: Readonly<Record<string, readonly string[]>> = {
  김: ['KIM', 'GIM', 'KEEM'],
  이: ['LEE', 'YI', 'RHEE', 'RI', 'RHIE', 'I', 'YEE', 'REE', 'LIE'],
  리: ['RI', 'LEE', 'RHEE', 'LI'],
  박: ['PARK', 'PAK', 'BAK', 'BAHK', 'PAC'],
  최: ['CHOI', 'CHOE', 'CHEY', 'CHOY', 'CHWE'],
  정: ['JUNG', 'JEONG', 'CHUNG', 'CHONG', 'JOUNG', 'JEUNG', 'JONG', 'CHEONG'],
  강: ['KANG', 'GANG'],
  조: ['CHO', 'JO', 'JOE', 'CHOH'],
  윤: ['YOON', 'YUN', 'YOUN'],
  장: ['JANG', 'CHANG'],
  임: ['LIM', 'IM', 'RIM', 'YIM', 'LYM'],
  림: ['RIM', 'LIM'],
  한: ['HAN'],
  오: ['OH', 'O'],
  서: ['SEO', 'SUH', 'SO', 'SUR'],
  신: ['SHIN', 'SIN'],
  권: ['KWON', 'GWON', 'KUON'],
  황: ['HWANG'],
  안: ['AHN', 'AN'],
  송: ['SONG'],
  류: ['RYU', 'YOO', 'YU', 'RHYU', 'RYOO', 'LYU'],
  유: ['YOO', 'YU', 'RYU', 'YOU'],
  전: ['JEON', 'JUN', 'CHUN', 'CHON', 'JUHN'],
  홍: ['HONG'],
  고: ['KO', 'GO', 'KOH'],
  문: ['MOON', 'MUN'],
  양: ['YANG'],
  손: ['SON', 'SOHN'],
  배: ['BAE', 'PAE'],
  백: ['BAEK', 'PAIK', 'PAEK', 'BAIK'],
  허: ['HEO', 'HUR', 'HUH', 'HO'],
  남: ['NAM'],
  노: ['NOH', 'ROH', 'NO'],
  로: ['RO', 'ROH', 'NOH'],
  하: ['HA'],
  곽: ['KWAK', 'GWAK'],
  성: ['SUNG', 'SEONG', 'SONG'],
  차: ['CHA'],
  주: ['JOO', 'JU', 'CHU', 'CHOO'],
  우: ['WOO', 'U'],
  구: ['KOO', 'GU', 'KU'],
  민: ['MIN'],
  진: ['JIN', 'CHIN'],
  나: ['NA', 'RA'],
  라: ['RA', 'NA'],
  지: ['JI', 'CHI'],
  엄: ['EOM', 'UM', 'UHM', 'OM'],
  변: ['BYUN', 'PYON', 'BYEON', 'PYUN'],
  채: ['CHAE'],
  원: ['WON', 'WEON'],
  천: ['CHEON', 'CHUN', 'CHON'],
  방: ['BANG', 'PANG'],
  공: ['KONG', 'GONG'],
  현: ['HYUN', 'HYEON', 'HYON'],
  함: ['HAM'],
  염: ['YEOM', 'YUM', 'YOM'],
  여: ['YEO', 'YUH', 'YO'],
  추: ['CHOO', 'CHU'],
  도: ['DO', 'TOH', 'TO'],
  소: ['SO'],
  석: ['SEOK', 'SUK', 'SOK'],
  선: ['SUN', 'SEON', 'SON'],
  설: ['SEOL', 'SUL', 'SOL'],
  마: ['MA'],
  길: ['GIL', 'KIL'],
  연: ['YEON', 'YUN', 'YON'],
  위: ['WI', 'WEE'],
  표: ['PYO', 'PYEO'],
  명: ['MYUNG', 'MYEONG', 'MYONG'],
  기: ['KI', 'GI', 'KEE'],
  반: ['BAN', 'PAN'],
  왕: ['WANG'],
  금: ['KEUM', 'GEUM', 'KUM'],
  옥: ['OK'],
  육: ['YUK', 'YOOK'],
  인: ['IN'],
  맹: ['MAENG'],
  제: ['JE', 'CHE'],
  모: ['MO'],
  탁: ['TAK'],
  국: ['KOOK', 'KUK', 'GUK'],
  어: ['EO', 'UH', 'O'],
  은: ['EUN', 'UN'],
  편: ['PYUN', 'PYEON', 'PYON'],
  용: ['YONG'],
  예: ['YE', 'YEH'],
  경: ['KYUNG', 'KYEONG', 'KYONG'],
  봉: ['BONG', 'PONG'],
  사: ['SA'],
  부: ['BOO', 'BU', 'PU'],
  심: ['SHIM', 'SIM'],
  곡: ['KOK', 'GOK'],
  태: ['TAE'],
};

/** Two-syllable surnames (복성): the first two syllables of a name of three or four are the surname. */
const TWO_SYLLABLE: Readonly<Record<string, readonly string[]>> = {
  남궁: ['NAMGUNG', 'NAMKUNG', 'NAMKOONG', 'NAMGOONG'],
  제갈: ['JEGAL', 'CHEGAL'],
  선우: ['SUNWOO', 'SEONU', 'SONU', 'SUNU'],
  황보: ['HWANGBO', 'HWANGBOH'],
  독고: ['DOKGO', 'DOKKO', 'TOKKO'],
  사공: ['SAGONG', 'SAKONG'],
  서문: ['SEOMUN', 'SUHMOON', 'SOMUN'],
};

/** The customary spellings of a surname written in Hangul (one or two syllables); empty when none is known. */
export function surnameSpellings(hangul: string): readonly string[] {
  return (hangul.length === 2 ? TWO_SYLLABLE[hangul] : ONE_SYLLABLE[hangul]) ?? [];
}

/** Whether the first two syllables of a name are a two-syllable surname. */
export function isTwoSyllableSurname(hangul: string): boolean {
  return TWO_SYLLABLE[hangul] !== undefined;
}

/** Every customary Latin spelling of a Korean surname: a Latin name with one is possibly Korean. */
export const SURNAME_SPELLINGS: ReadonlySet<string> = new Set([...Object.values(ONE_SYLLABLE), ...Object.values(TWO_SYLLABLE)].flat());

/** The Hangul surnames of the table (one syllable), for the inventory of name syllables. */
export const SURNAME_SYLLABLES: readonly string[] = Object.keys(ONE_SYLLABLE).filter((k) => k.length === 1);
