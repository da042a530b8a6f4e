/**
 * The romanisation systems a name word may be read by besides the ICAO tables of Doc 9303 (the
 * primary reading, romanise.ts). Each reading a system gives is a variant of the word; a pair of
 * words matched through a variant is reported with the system's id (reason
 * `name.transliteration-variant`, parameter `system`), and each reader words it in its language
 * from the labels here. One line per system: the id is stored with hits, so ids never change.
 *
 * `loan` systems read a word written in a script by sound (a foreign name in katakana, Hangul or
 * Chinese characters): their readings are compared by sound with the Latin original
 * (loan-similarity.ts), not by spelling.
 */
export interface RomanisationSystem {
  id: string;
  loan?: boolean;
  /**
   * Reads names made of syllables (Chinese, Korean, Japanese): a short reading of it (one or two
   * syllables) matches only as written, since one vowel off is another name there (WONG is not WANG).
   */
  syllabic?: boolean;
  en: string;
  fr: string;
  es: string;
  ar: string;
}

export const ROMANISATION_SYSTEMS: readonly RomanisationSystem[] = [
  { id: 'ko-rr', syllabic: true, en: 'Revised Romanisation of Korean', fr: 'romanisation révisée du coréen', es: 'romanización revisada del coreano', ar: 'الكتابة بالحروف اللاتينية المنقحة للكورية' },
  { id: 'ko-mr', syllabic: true, en: 'McCune–Reischauer', fr: 'McCune–Reischauer', es: 'McCune–Reischauer', ar: 'نظام ماكيون-رايشاور' },
  { id: 'ko-surname', syllabic: true, en: 'customary Korean surname spelling', fr: 'graphie usuelle du nom de famille coréen', es: 'grafía habitual del apellido coreano', ar: 'التهجئة المعتادة لاسم العائلة الكوري' },
  { id: 'ko-hanja', syllabic: true, en: 'Korean reading of Chinese characters', fr: 'lecture coréenne des caractères chinois', es: 'lectura coreana de los caracteres chinos', ar: 'القراءة الكورية للحروف الصينية' },
  { id: 'zh-pinyin', syllabic: true, en: 'Hanyu Pinyin', fr: 'pinyin', es: 'pinyin', ar: 'بينيين' },
  { id: 'zh-wade-giles', syllabic: true, en: 'Wade–Giles', fr: 'Wade–Giles', es: 'Wade–Giles', ar: 'نظام ويد-جايلز' },
  { id: 'zh-cantonese', syllabic: true, en: 'Cantonese (Hong Kong spelling)', fr: 'cantonais (graphie de Hong Kong)', es: 'cantonés (grafía de Hong Kong)', ar: 'الكانتونية (تهجئة هونغ كونغ)' },
  { id: 'zh-surname', syllabic: true, en: 'customary Chinese surname spelling (Hong Kong, Taiwan, Singapore)', fr: 'graphie usuelle du nom de famille chinois (Hong Kong, Taïwan, Singapour)', es: 'grafía habitual del apellido chino (Hong Kong, Taiwán, Singapur)', ar: 'التهجئة المعتادة لاسم العائلة الصيني (هونغ كونغ، تايوان، سنغافورة)' },
  { id: 'zh-transcription', loan: true, en: 'Chinese transcription of a foreign name', fr: 'transcription chinoise d’un nom étranger', es: 'transcripción china de un nombre extranjero', ar: 'الكتابة الصينية لاسم أجنبي' },
  { id: 'ja-hepburn', syllabic: true, en: 'Hepburn', fr: 'Hepburn', es: 'Hepburn', ar: 'نظام هيبورن' },
  { id: 'ja-kunrei', syllabic: true, en: 'Kunrei-shiki', fr: 'Kunrei-shiki', es: 'Kunrei-shiki', ar: 'نظام كونريه' },
  { id: 'ja-passport', syllabic: true, en: 'Japanese passport Hepburn', fr: 'Hepburn des passeports japonais', es: 'Hepburn de los pasaportes japoneses', ar: 'هيبورن جوازات السفر اليابانية' },
  { id: 'ja-kanji', syllabic: true, en: 'Japanese reading of the name’s characters', fr: 'lecture japonaise des caractères du nom', es: 'lectura japonesa de los caracteres del nombre', ar: 'القراءة اليابانية لحروف الاسم' },
  { id: 'ja-katakana', loan: true, en: 'katakana transcription of a foreign name', fr: 'transcription en katakana d’un nom étranger', es: 'transcripción en katakana de un nombre extranjero', ar: 'كتابة اسم أجنبي بالكاتاكانا' },
  { id: 'ko-transcription', loan: true, en: 'Hangul transcription of a foreign name', fr: 'transcription en hangeul d’un nom étranger', es: 'transcripción en hangul de un nombre extranjero', ar: 'كتابة اسم أجنبي بالهانغول' },
  { id: 'cyrl-english', en: 'usual English spelling of a Cyrillic name', fr: 'graphie anglaise usuelle d’un nom cyrillique', es: 'grafía inglesa habitual de un nombre cirílico', ar: 'التهجئة الإنجليزية المعتادة لاسم سيريلي' },
  { id: 'cyrl-german', en: 'German spelling of a Cyrillic name', fr: 'graphie allemande d’un nom cyrillique', es: 'grafía alemana de un nombre cirílico', ar: 'التهجئة الألمانية لاسم سيريلي' },
  { id: 'cyrl-french', en: 'French spelling of a Cyrillic name', fr: 'graphie française d’un nom cyrillique', es: 'grafía francesa de un nombre cirílico', ar: 'التهجئة الفرنسية لاسم سيريلي' },
  { id: 'cyrl-scholarly', en: 'scholarly transliteration (ISO 9)', fr: 'translittération savante (ISO 9)', es: 'transliteración científica (ISO 9)', ar: 'النقحرة العلمية (ISO 9)' },
  { id: 'he-common', en: 'usual spelling of a Hebrew name', fr: 'graphie usuelle d’un nom hébreu', es: 'grafía habitual de un nombre hebreo', ar: 'التهجئة المعتادة لاسم عبري' },
  { id: 'ar-common', en: 'usual spelling of an Arabic name', fr: 'graphie usuelle d’un nom arabe', es: 'grafía habitual de un nombre árabe', ar: 'التهجئة المعتادة لاسم عربي' },
  { id: 'deva-hunterian', en: 'Hunterian (usual Indian spelling)', fr: 'Hunterian (graphie indienne usuelle)', es: 'Hunterian (grafía india habitual)', ar: 'نظام هنتر (التهجئة الهندية المعتادة)' },
  { id: 'th-rtgs', en: 'Royal Thai General System', fr: 'système général royal thaï', es: 'Sistema General Real Tailandés', ar: 'النظام الملكي التايلاندي العام' },
  { id: 'ka-national', en: 'Georgian national romanisation', fr: 'romanisation nationale du géorgien', es: 'romanización nacional del georgiano', ar: 'الكتابة اللاتينية الوطنية للجورجية' },
  { id: 'hy-bgn', en: 'Armenian BGN/PCGN', fr: 'arménien BGN/PCGN', es: 'armenio BGN/PCGN', ar: 'الأرمنية وفق BGN/PCGN' },
  { id: 'ko-customary', syllabic: true, en: 'customary spelling of a Korean given name', fr: 'graphie usuelle d’un prénom coréen', es: 'grafía habitual de un nombre de pila coreano', ar: 'التهجئة المعتادة لاسم شخصي كوري' },
  { id: 'ar-transcription', loan: true, en: 'Arabic-script transcription of a foreign name', fr: 'transcription en écriture arabe d’un nom étranger', es: 'transcripción en escritura árabe de un nombre extranjero', ar: 'كتابة اسم أجنبي بالحروف العربية' },
  { id: 'he-transcription', loan: true, en: 'Hebrew transcription of a foreign name', fr: 'transcription en hébreu d’un nom étranger', es: 'transcripción en hebreo de un nombre extranjero', ar: 'كتابة اسم أجنبي بالحروف العبرية' },
  { id: 'el-customary', en: 'customary spelling of a Greek name', fr: 'graphie usuelle d’un nom grec', es: 'grafía habitual de un nombre griego', ar: 'التهجئة المعتادة لاسم يوناني' },
  { id: 'latn-digraph', en: 'English spelling of letters with diacritics (Ş as SH, Ç as CH)', fr: 'graphie anglaise des lettres à diacritique (Ş en SH, Ç en CH)', es: 'grafía inglesa de las letras con diacrítico (Ş como SH, Ç como CH)', ar: 'التهجئة الإنجليزية للحروف ذات العلامات (Ş بـ SH وÇ بـ CH)' },
];

const BY_ID = new Map(ROMANISATION_SYSTEMS.map((s, i) => [s.id, i + 1] as const));

/** A system's number (1…), as the hot path carries it; 0 for an unknown id. */
export function systemNumber(id: string): number {
  return BY_ID.get(id) ?? 0;
}

/** The system of a number from `systemNumber`; undefined for 0 (the primary reading). */
export function systemOf(n: number): RomanisationSystem | undefined {
  return n > 0 ? ROMANISATION_SYSTEMS[n - 1] : undefined;
}

/** A system's name in a language (en, fr, es, ar); the id itself for an unknown system. */
export function systemLabel(id: string, language: 'en' | 'fr' | 'es' | 'ar'): string {
  const n = BY_ID.get(id);
  return n === undefined ? id : ROMANISATION_SYSTEMS[n - 1]![language];
}
