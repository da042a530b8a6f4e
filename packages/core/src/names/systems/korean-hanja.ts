/**
 * The Korean (Sino-Korean) readings of the Chinese characters common in Korean names: the
 * surnames and the characters of given names. Source: the readings of Unihan's kHangul field and
 * of the Supreme Court's table of characters for personal names (인명용 한자표), as they are read;
 * only characters common in names are listed. Readings with an initial ㄹ are given as written in
 * the North (리, 룡, 류) and also read by the South's initial-sound rule (두음법칙: 이, 용, 유) at the
 * start of a name word (reading.ts below).
 */
import { hangulSyllables } from './korean-romanisation.js';

/** Reading → the characters read so (one line per reading). */
const READINGS: Readonly<Record<string, string>> = {
  가: '佳嘉家可', 강: '姜康江剛綱', 건: '建健乾鍵', 경: '京敬景慶炅卿鏡耕璟瓊', 고: '高古', 곽: '郭',
  공: '孔', 관: '寬官觀冠', 광: '光廣匡洸', 구: '具九求久球', 국: '國菊鞠', 권: '權', 규: '圭奎揆珪逵',
  근: '根槿瑾謹', 금: '琴錦今', 기: '基起琪箕淇麒奇技紀', 길: '吉佶', 김: '金',
  나: '娜那', 남: '南男楠', 다: '多',
  대: '大代垈臺岱', 덕: '德悳', 도: '道度都島燾', 동: '東童同洞棟桐', 득: '得', 두: '斗杜',
  라: '羅', 락: '樂洛', 란: '蘭', 래: '來萊', 량: '良亮梁', 려: '麗呂', 력: '力', 련: '蓮', 렬: '烈',
  렴: '廉', 령: '玲令齡', 례: '禮', 로: '盧魯露', 룡: '龍', 류: '柳劉', 륙: '陸', 률: '律栗', 리: '李利理里璃梨莉',
  린: '麟璘潾', 림: '林琳',
  마: '馬', 만: '萬滿晩', 맹: '孟', 명: '明命鳴銘溟', 모: '謨牟模慕', 무: '武茂', 문: '文汶紋', 미: '美味眉薇媄', 민: '民敏珉旻玟閔旼岷',
  박: '博朴', 반: '潘', 방: '方芳邦', 배: '裵培', 백: '白伯栢', 범: '範凡汎帆', 변: '卞邊', 병: '炳秉柄昞丙兵',
  보: '寶甫輔普步', 복: '福馥', 봉: '鳳奉峰烽琫', 부: '夫富', 빈: '彬斌賓',
  사: '史師思', 상: '相尙祥商上常象翔湘', 서: '徐瑞緖序舒', 석: '錫碩石晳奭', 선: '善宣仙先璿鮮瑄',
  설: '雪卨薛', 섭: '燮涉', 성: '成星聖誠性盛城晟聲', 세: '世細歲', 소: '蘇昭素小笑', 손: '孫', 송: '宋松頌',
  수: '秀洙壽守水修受樹首銖', 숙: '淑肅琡', 순: '順淳純舜洵珣', 숭: '崇', 승: '承勝昇升丞', 식: '植湜軾式識',
  신: '申辛信新愼晨伸', 심: '沈心深',
  아: '雅娥亞兒', 안: '安晏', 애: '愛', 양: '楊洋陽', 어: '魚', 엄: '嚴', 엽: '燁葉', 여: '與汝如', 연: '延娟姸然燕淵硏衍',
  영: '英永榮映泳瑛暎煐穎詠', 예: '芮藝叡睿', 오: '吳五悟午', 옥: '玉沃', 왕: '王旺', 요: '堯耀瑤', 용: '鏞勇容用鎔庸溶湧',
  우: '禹宇祐佑雨友于羽', 욱: '旭昱郁煜頊', 운: '雲運芸云', 웅: '雄熊', 원: '元源媛原遠苑園圓瑗援',
  위: '魏偉韋', 유: '兪有裕維惟儒', 육: '育', 윤: '尹允潤閏玧胤', 은: '恩銀殷隱垠誾', 의: '義宜儀意', 이: '二伊怡',
  익: '益翼翊', 인: '仁寅印', 일: '日一逸溢佾壹', 임: '任壬',
  자: '子慈姿紫滋', 장: '張章莊長將璋', 재: '在載才宰材哉梓財', 전: '全田錢典', 정: '鄭丁程正貞廷政定晶靜精禎庭情淨亭珽鼎炡婷',
  제: '諸濟帝齊', 조: '趙曺曹祖朝照', 종: '鍾宗鐘種琮綜', 주: '主周朱珠柱宙住州注胄', 준: '俊準峻濬駿埈晙竣浚',
  중: '中重仲', 지: '池智志知之地枝芝至址持旨', 진: '陳秦鎭眞珍振辰進晉津震',
  차: '車', 찬: '燦贊讚璨', 창: '昌彰昶倉', 채: '蔡彩采埰', 천: '千天泉川', 철: '哲喆鐵澈徹', 청: '靑淸晴',
  최: '崔', 추: '秋', 춘: '春椿', 충: '忠沖',
  탁: '卓', 태: '泰太台兌汰', 택: '澤宅擇',
  편: '片', 평: '平評坪', 표: '表杓', 필: '弼必',
  하: '河夏荷霞賀', 학: '學鶴', 한: '韓漢翰寒瀚澣', 함: '咸', 해: '海解亥', 허: '許', 혁: '赫爀革奕',
  현: '玄賢鉉炫顯現絃峴泫弦', 협: '協', 형: '亨炯衡兄瀅馨', 혜: '惠慧蕙', 호: '浩鎬昊虎豪好湖皓祜晧澔胡',
  홍: '洪弘鴻泓紅', 화: '和華花化', 환: '煥桓歡換奐環', 황: '黃皇', 효: '孝曉效', 훈: '勳薰訓壎熏', 희: '熙喜姬希禧僖憙嬉羲',
  응: '應',
  시: '時始詩',
  귀: '貴',
  완: '完琓',
  언: '彦言',
  계: '桂啓季',
  열: '悅',
};

/** Two-character surnames (복성) and their readings. */
const TWO_CHARACTER_SURNAMES: Readonly<Record<string, string>> = {
  南宮: '남궁', 諸葛: '제갈', 鮮于: '선우', 皇甫: '황보', 獨孤: '독고', 司空: '사공', 西門: '서문',
};

/**
 * The initial-sound rule of the South (두음법칙): ㄹ at the start of a word is read ㅇ before ㅣ and
 * the Y-vowels (리 → 이, 류 → 유, 룡 → 용) and ㄴ before the others (로 → 노, 라 → 나); ㄴ before ㅣ
 * and the Y-vowels is read ㅇ (녀 → 여).
 */
function initialSoundRule(code: number): number {
  const s = code - 0xac00;
  const initial = Math.floor(s / 588);
  const medial = Math.floor((s % 588) / 28);
  const yVowel = medial === 20 || medial === 2 || medial === 3 || medial === 6 || medial === 7 || medial === 12 || medial === 17;
  if (initial === 5) return code + ((yVowel ? 11 : 2) - 5) * 588;
  if (initial === 2 && yVowel) return code + (11 - 2) * 588;
  return code;
}

const READING = new Map<string, number>();
for (const [reading, chars] of Object.entries(READINGS)) for (const c of chars) READING.set(c, reading.charCodeAt(0));

/**
 * The readings of a run of characters as one name word: the syllables as read in the North, and
 * as the South reads the word's first syllable when that differs; undefined when a character is
 * not in the table.
 */
export function hanjaReadings(chars: string): number[][] | undefined {
  const two = TWO_CHARACTER_SURNAMES[chars];
  if (two !== undefined) return [hangulSyllables(two)];
  const syllables: number[] = [];
  for (const c of chars) {
    const r = READING.get(c);
    if (r === undefined) return undefined;
    syllables.push(r);
  }
  if (syllables.length === 0) return undefined;
  const south = initialSoundRule(syllables[0]!);
  return south === syllables[0] ? [syllables] : [syllables, [south, ...syllables.slice(1)]];
}

/**
 * The characters of the common Korean surnames (the surnames of korean-surnames.ts as written in
 * characters). Most are Chinese surnames too: a name in characters is read the Korean way only
 * when written as Korean names are, in one run of two to four characters starting with one.
 */
const SURNAME_HANJA: ReadonlySet<string> = new Set([
  ...'金李朴崔鄭姜趙尹張林任韓吳徐申權黃安宋柳劉兪全田洪高文梁孫裵白許南盧河郭成車朱禹具閔辛陳秦羅池嚴元蔡千方孔玄咸廉呂卞邊秋都蘇石宣薛馬吉延魏表明奇潘王琴玉陸印孟諸牟卓鞠魚殷片龍芮慶奉夫丁沈曺曹楊',
]);

/** Whether a run of characters is written as a Korean name: two to four, a Korean surname first, every one read by the table. */
export function readsAsKoreanName(chars: string): boolean {
  const n = [...chars].length;
  if (n < 2 || n > 4) return false;
  const surname = twoCharacterSurname(chars) ?? [...chars][0]!;
  if (surname.length === 1 && !SURNAME_HANJA.has(surname)) return false;
  for (const c of chars) if (!READING.has(c) && !(surname.length === 2 && surname.includes(c))) return false;
  return true;
}

/** Whether a written Han name starts with a two-character Korean surname. */
export function twoCharacterSurname(chars: string): string | undefined {
  return TWO_CHARACTER_SURNAMES[chars.slice(0, 2)] !== undefined ? chars.slice(0, 2) : undefined;
}

/** Every syllable the table reads a character as (with the South's readings): the syllables of Korean names. */
export function hanjaReadingSyllables(): number[] {
  const out = new Set<number>();
  for (const code of READING.values()) {
    out.add(code);
    out.add(initialSoundRule(code));
  }
  for (const r of Object.values(TWO_CHARACTER_SURNAMES)) for (const s of hangulSyllables(r)) out.add(s);
  return [...out];
}
