/**
 * Legal forms of companies, in the scripts and languages they are written in. A company name is
 * compared without them: "ООО Ромашка" and "Romashka LLC" are the same name, and two unrelated
 * companies do not become alike by both being limited liability companies. The form itself counts
 * a little: the same kind of form adds a little to a match, another kind is said but is no
 * contradiction (companies change form, and lists translate it loosely).
 *
 * General source: ISO 20275 "Entity legal forms" and the GLEIF ELF code list that maintains it;
 * each entry notes the jurisdictions and, where it helps, the statute. Forms are compared as
 * `legalFormKey` makes them: compatibility-normalised, without diacritics, upper case, dots and
 * apostrophes dropped, other punctuation a word break ("S.à r.l." → S A RL, "A/S" → A S).
 */

/**
 * What kind of company a form makes. Forms of one family are treated as the same form across
 * jurisdictions (a Russian ООО is what an English text calls an LLC); `company` is the bare word
 * "company" in any language, which says nothing of the form.
 */
export type LegalFormFamily = 'limited-liability' | 'joint-stock' | 'partnership' | 'sole-proprietor' | 'cooperative' | 'non-profit' | 'company';

export interface LegalForm {
  /** Stable name of the entry. */
  id: string;
  family: LegalFormFamily;
  /** How the form is written, in any script; the first is how it is shown. */
  written: readonly string[];
  /** Where it is used, and its statute or what else a reader should know. */
  note: string;
  /**
   * Written without a space before or after the name (Chinese, Japanese, Korean): also found at
   * the start or end of a word (北京罗马什卡有限公司).
   */
  affix?: true;
  /**
   * A rendering that stands for forms of several families (Co., Ltd. writes a Chinese, Japanese
   * or Korean joint-stock company as well as a limited one): the same kind as any of them, never
   * another kind.
   */
  loose?: true;
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  // Limited liability companies (private companies with shares or stakes).
  { id: 'LLC', family: 'limited-liability', written: ['LLC', 'L.L.C.', 'Limited Liability Company', 'Limited Liability Co'], note: 'United States (state LLC acts, e.g. Delaware LLC Act, 6 Del. C. ch. 18) and English renderings of foreign LLCs' },
  { id: 'LTD', family: 'limited-liability', written: ['Ltd', 'Limited', 'Ltd.'], note: 'United Kingdom private company limited by shares (Companies Act 2006 s. 59), Ireland, Hong Kong, Commonwealth' },
  { id: 'CO-LTD', family: 'limited-liability', written: ['Co Ltd', 'Co., Ltd.', 'Company Limited'], note: 'English rendering of Chinese, Japanese, Korean and Thai companies, limited (有限公司) and joint-stock alike (株式会社, 주식회사, 股份有限公司: Samsung Electronics Co., Ltd. is a 주식회사)', loose: true },
  { id: 'PTY-LTD', family: 'limited-liability', written: ['Pty Ltd', 'Pty. Ltd.', 'Proprietary Limited', 'Pty'], note: 'Australia (Corporations Act 2001 s. 148), South Africa' },
  { id: 'PRIVATE-LTD', family: 'limited-liability', written: ['Pte Ltd', 'Pte. Ltd.', 'Pvt Ltd', 'Pvt. Ltd.', 'Private Limited'], note: 'Singapore (Companies Act 1967), India (Companies Act 2013), Pakistan, Nepal' },
  { id: 'SDN-BHD', family: 'limited-liability', written: ['Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad'], note: 'Malaysia private limited company (Companies Act 2016)' },
  { id: 'GMBH', family: 'limited-liability', written: ['GmbH', 'Gesellschaft mit beschränkter Haftung', 'Ges.m.b.H.', 'GesmbH', 'mbH'], note: 'Germany (GmbHG), Austria, Switzerland, Liechtenstein' },
  { id: 'UG', family: 'limited-liability', written: ['UG (haftungsbeschränkt)', 'UG'], note: 'Germany, the entrepreneurial company (GmbHG § 5a)' },
  { id: 'SARL', family: 'limited-liability', written: ['SARL', 'S.à r.l.', 'S.A.R.L.', 'Sàrl', 'Société à responsabilité limitée', 'Societe a responsabilite limitee'], note: 'France (Code de commerce L223-1), Luxembourg, Switzerland, Morocco, Tunisia, Lebanon, francophone Africa (OHADA)' },
  { id: 'EURL', family: 'limited-liability', written: ['EURL', 'Entreprise unipersonnelle à responsabilité limitée'], note: 'France, single-member SARL' },
  { id: 'SRL', family: 'limited-liability', written: ['SRL', 'S.r.l.', 'Società a responsabilità limitata', 'Sociedad de responsabilidad limitada', 'Societate cu răspundere limitată', 'Societatea cu răspundere limitată'], note: 'Italy (Codice civile art. 2462), Romania, Moldova, Argentina, Belgium (since 2019, also BV)' },
  { id: 'SL', family: 'limited-liability', written: ['SL', 'S.L.', 'SLU', 'S.L.U.', 'Sociedad Limitada'], note: 'Spain (Ley de Sociedades de Capital)' },
  { id: 'LDA', family: 'limited-liability', written: ['Lda', 'Ltda', 'Limitada', 'Sociedade Limitada', 'Sociedade por quotas'], note: 'Portugal (Lda), Brazil (Ltda, Código Civil art. 1052), Chile, Colombia' },
  { id: 'BV', family: 'limited-liability', written: ['BV', 'B.V.', 'Besloten vennootschap', 'Besloten vennootschap met beperkte aansprakelijkheid', 'BVBA'], note: 'Netherlands (Burgerlijk Wetboek book 2), Belgium (BV; BVBA before 2019)' },
  { id: 'APS', family: 'limited-liability', written: ['ApS', 'Anpartsselskab'], note: 'Denmark private limited company' },
  { id: 'SP-ZOO', family: 'limited-liability', written: ['Sp. z o.o.', 'Spółka z ograniczoną odpowiedzialnością', 'Sp z oo'], note: 'Poland (Kodeks spółek handlowych)' },
  { id: 'SRO', family: 'limited-liability', written: ['s.r.o.', 'spol. s r.o.', 'Společnost s ručením omezeným', 'Spoločnosť s ručením obmedzeným'], note: 'Czech Republic, Slovakia' },
  { id: 'KFT', family: 'limited-liability', written: ['Kft', 'Kft.', 'Korlátolt felelősségű társaság'], note: 'Hungary (Civil Code, Act V of 2013)' },
  { id: 'DOO', family: 'limited-liability', written: ['d.o.o.', 'д.о.о.', 'Društvo s ograničenom odgovornošću', 'Друштво са ограниченом одговорношћу'], note: 'Croatia, Slovenia, Serbia (Latin and Cyrillic), Bosnia and Herzegovina, Montenegro, North Macedonia (ДООЕЛ also)' },
  { id: 'OOO', family: 'limited-liability', written: ['ООО', 'OOO', 'Общество с ограниченной ответственностью', "Obshchestvo s ogranichennoy otvetstvennost'yu"], note: 'Russia (Federal Law 14-FZ), also Belarus (ООО), Uzbekistan, Tajikistan; OOO is its Latin transliteration' },
  { id: 'TOV', family: 'limited-liability', written: ['ТОВ', 'TOV', 'Товариство з обмеженою відповідальністю'], note: 'Ukraine (Law on limited and additional liability companies, 2018)' },
  { id: 'TOO', family: 'limited-liability', written: ['ТОО', 'TOO', 'Товарищество с ограниченной ответственностью', 'ЖШС'], note: 'Kazakhstan (ТОО in Russian, ЖШС in Kazakh), Kyrgyzstan (ОсОО)' },
  { id: 'OSOO', family: 'limited-liability', written: ['ОсОО', 'OsOO'], note: 'Kyrgyzstan (общество с ограниченной ответственностью)' },
  { id: 'OOD', family: 'limited-liability', written: ['ООД', 'ЕООД', 'OOD', 'EOOD'], note: 'Bulgaria (Commerce Act; ЕООД single-member)' },
  { id: 'EPE', family: 'limited-liability', written: ['ΕΠΕ', 'Ε.Π.Ε.', 'IKE', 'ΙΚΕ', 'Ι.Κ.Ε.'], note: 'Greece (ΕΠΕ, and the private company ΙΚΕ of Law 4072/2012)' },
  { id: 'CN-LLC', family: 'limited-liability', written: ['有限责任公司', '有限責任公司', '有限公司'], note: 'China (Company Law, 有限责任公司), Hong Kong and Taiwan (有限公司)', affix: true },
  { id: 'JP-GK', family: 'limited-liability', written: ['合同会社', 'GK', 'Godo Kaisha'], note: 'Japan (Companies Act 2005)', affix: true },
  { id: 'JP-YK', family: 'limited-liability', written: ['有限会社', 'YK', 'Yugen Kaisha'], note: 'Japan, limited companies formed before 2006', affix: true },
  { id: 'KR-YH', family: 'limited-liability', written: ['유한회사', '(유)', 'Yuhan Hoesa'], note: 'Republic of Korea (Commercial Act)', affix: true },
  { id: 'AR-LLC', family: 'limited-liability', written: ['ذ.م.م', 'ش.ذ.م.م', 'ذات مسؤولية محدودة', 'شركة ذات مسؤولية محدودة', 'المحدودة', 'ش.ش.و'], note: 'Arabic: United Arab Emirates, Saudi Arabia, Jordan, Qatar (ذ.م.م, "with limited liability"); المحدودة ("limited") in Saudi names' },
  { id: 'FZ', family: 'limited-liability', written: ['FZE', 'FZCO', 'FZ-LLC', 'FZ LLC', 'FZC'], note: 'United Arab Emirates free-zone companies' },
  { id: 'WLL', family: 'limited-liability', written: ['WLL', 'W.L.L.'], note: 'Bahrain, Qatar, Kuwait: "with limited liability"' },

  // Joint-stock companies and corporations (shares, often public).
  { id: 'INC', family: 'joint-stock', written: ['Inc', 'Inc.', 'Incorporated'], note: 'United States and Canada corporations' },
  { id: 'CORP', family: 'joint-stock', written: ['Corp', 'Corp.', 'Corporation'], note: 'United States and Canada corporations' },
  { id: 'PLC', family: 'joint-stock', written: ['PLC', 'p.l.c.', 'Public Limited Company'], note: 'United Kingdom public limited company (Companies Act 2006 s. 58), Ireland' },
  { id: 'AG', family: 'joint-stock', written: ['AG', 'Aktiengesellschaft'], note: 'Germany (AktG), Austria, Switzerland, Liechtenstein' },
  { id: 'SE', family: 'joint-stock', written: ['SE', 'Societas Europaea'], note: 'European Union (Regulation (EC) No 2157/2001)' },
  { id: 'SA', family: 'joint-stock', written: ['SA', 'S.A.', 'Société anonyme', 'Sociedad anónima', 'Sociedade anónima', 'Sociedade anônima', 'Spółka akcyjna', 'Societate pe acțiuni', 'Societatea pe acțiuni'], note: 'France, Belgium, Luxembourg, Switzerland, Spain, Portugal, Brazil, Latin America, Poland, Romania, francophone Africa (OHADA)' },
  { id: 'SA-DE-CV', family: 'joint-stock', written: ['SA de CV', 'S.A. de C.V.', 'SAPI de CV', 'SAB de CV'], note: 'Mexico (Ley General de Sociedades Mercantiles), variable capital' },
  { id: 'SAS', family: 'joint-stock', written: ['SAS', 'S.A.S.', 'SASU', 'Société par actions simplifiée'], note: 'France (Code de commerce L227-1; SASU single-member), Colombia' },
  { id: 'SPA', family: 'joint-stock', written: ['SpA', 'S.p.A.', 'Società per azioni'], note: 'Italy (Codice civile art. 2325), Chile' },
  { id: 'NV', family: 'joint-stock', written: ['NV', 'N.V.', 'Naamloze vennootschap'], note: 'Netherlands, Belgium, Curaçao, Suriname' },
  { id: 'AB', family: 'joint-stock', written: ['AB', 'Aktiebolag', 'AB (publ)'], note: 'Sweden, Finland (Swedish)' },
  { id: 'OY', family: 'joint-stock', written: ['Oy', 'Oyj', 'Osakeyhtiö'], note: 'Finland (Oyj public)' },
  { id: 'AS', family: 'joint-stock', written: ['AS', 'A/S', 'ASA', 'Aksjeselskap', 'Aktieselskab', 'Aktsiaselts', 'A.Ş.', 'Anonim Şirketi'], note: 'Norway (AS, ASA public), Denmark (A/S), Estonia (AS), Turkey (A.Ş.); read alike once diacritics and dots are dropped' },
  { id: 'JSC', family: 'joint-stock', written: ['JSC', 'OJSC', 'CJSC', 'PJSC', 'Joint Stock Company', 'Joint-Stock Company', 'Public Joint Stock Company', 'Open Joint Stock Company', 'Open Joint-Stock Company', 'Closed Joint Stock Company', 'Closed Joint-Stock Company', 'Joint Stock Commercial Bank', 'JSCB'], note: 'English rendering of post-Soviet joint-stock companies (АО, ОАО, ЗАО, ПАО…)' },
  { id: 'AO', family: 'joint-stock', written: ['АО', 'AO', 'Акционерное общество', 'Aktsionernoye obshchestvo', 'АҚ'], note: 'Russia (Federal Law 208-FZ; non-public since 2014), Kazakhstan (АО, Kazakh АҚ)' },
  { id: 'PAO', family: 'joint-stock', written: ['ПАО', 'PAO', 'Публичное акционерное общество'], note: 'Russia, public joint-stock company (since the 2014 Civil Code reform)' },
  { id: 'OAO', family: 'joint-stock', written: ['ОАО', 'OAO', 'Открытое акционерное общество'], note: 'Russia before 2014 ("open"), Belarus, still on many registers' },
  { id: 'ZAO', family: 'joint-stock', written: ['ЗАО', 'ZAO', 'Закрытое акционерное общество'], note: 'Russia before 2014 ("closed"), Belarus' },
  { id: 'UA-JSC', family: 'joint-stock', written: ['АТ', 'ПАТ', 'ПрАТ', 'ВАТ', 'ЗАТ', 'Акціонерне товариство'], note: 'Ukraine (Law on joint-stock companies: АТ, public ПАТ, private ПрАТ; ВАТ, ЗАТ before 2009)' },
  { id: 'AE', family: 'joint-stock', written: ['ΑΕ', 'Α.Ε.', 'Ανώνυμη Εταιρεία', 'AE'], note: 'Greece (Law 4548/2018), Cyprus' },
  { id: 'CN-JSC', family: 'joint-stock', written: ['股份有限公司'], note: 'China (Company Law, joint stock limited company), Taiwan', affix: true },
  { id: 'JP-KK', family: 'joint-stock', written: ['株式会社', 'KK', 'K.K.', 'Kabushiki Kaisha', '(株)'], note: 'Japan (Companies Act 2005); written before or after the name', affix: true },
  { id: 'KR-JH', family: 'joint-stock', written: ['주식회사', '(주)', 'Jusik Hoesa', 'Chusik Hoesa'], note: 'Republic of Korea (Commercial Act); (주) and ㈜ abbreviate it, before or after the name', affix: true },
  { id: 'PT', family: 'joint-stock', written: ['PT', 'P.T.', 'Perseroan Terbatas', 'Tbk', 'PT Tbk'], note: 'Indonesia (Law 40/2007), written before the name; Tbk marks a listed one' },
  { id: 'BHD', family: 'joint-stock', written: ['Bhd', 'Berhad'], note: 'Malaysia public company (Companies Act 2016)' },
  { id: 'AR-JSC', family: 'joint-stock', written: ['ش.م.ع', 'ش.م.ع.ع', 'ش.م.خ', 'ش.م.ل', 'ش.م.ب', 'شركة مساهمة', 'شركة مساهمة عامة', 'شركة مساهمة خاصة'], note: 'Arabic joint-stock companies: ش.م.ع public (UAE, Oman), ش.م.خ private, ش.م.ل Lebanese SAL, ش.م.ب Bahraini BSC' },

  // Partnerships.
  { id: 'KG', family: 'partnership', written: ['KG', 'Kommanditgesellschaft', 'GmbH & Co. KG', 'GmbH & Co KG', 'AG & Co. KG'], note: 'Germany, Austria (limited partnership; GmbH & Co. KG has a company as general partner)' },
  { id: 'OHG', family: 'partnership', written: ['OHG', 'oHG', 'Offene Handelsgesellschaft', 'OG', 'GbR'], note: 'Germany (OHG, GbR), Austria (OG)' },
  { id: 'LP', family: 'partnership', written: ['LP', 'L.P.', 'Limited Partnership', 'LLP', 'L.L.P.', 'Limited Liability Partnership'], note: 'United Kingdom (Limited Partnerships Act 1907, LLP Act 2000), United States' },
  { id: 'SNC', family: 'partnership', written: ['SNC', 'S.n.c.', 'Société en nom collectif', 'SCS', 'Société en commandite simple'], note: 'France, Belgium, Luxembourg, Italy (S.n.c.)' },
  { id: 'VOF', family: 'partnership', written: ['VOF', 'V.O.F.', 'Vennootschap onder firma', 'CV', 'C.V.', 'Commanditaire vennootschap'], note: 'Netherlands, Belgium' },

  // Sole proprietors and cooperatives.
  { id: 'IP', family: 'sole-proprietor', written: ['ИП', 'Индивидуальный предприниматель', 'ФОП', 'Фізична особа-підприємець', 'e.K.', 'EI', 'EIRL'], note: 'Russia, Kazakhstan (ИП), Ukraine (ФОП), Germany (e.K.), France (EI, EIRL)' },
  { id: 'COOP', family: 'cooperative', written: ['eG', 'Coop', 'Cooperative', 'Co-operative', 'SCOP', 'Кооператив'], note: 'Germany (eG, Genossenschaftsgesetz), English-speaking countries, France (SCOP), Russia' },

  // Non-profit organisations.
  { id: 'NONPROFIT', family: 'non-profit', written: ['АНО', 'ANO', 'Автономная некоммерческая организация', 'Autonomous Non-Profit Organization', 'НКО', 'NKO', 'Некоммерческая организация', 'e.V.', 'eingetragener Verein', 'gGmbH', 'gemeinnützige GmbH', 'ASBL', 'a.s.b.l.', 'VZW', 'v.z.w.'], note: 'Russia (Federal Law 7-FZ on non-commercial organisations: АНО, НКО), Germany (e.V., gGmbH), Belgium (ASBL, VZW)' },

  // The bare word "company": no form at all.
  { id: 'COMPANY', family: 'company', written: ['Company', 'Co', 'Co.', 'Compagnie', 'Cie', 'Compañía', 'Cia', 'Companhia', 'Компания', 'شركة', 'شركه', '公司', '会社', '회사'], note: 'The word "company" (English, French, Spanish, Portuguese, Russian, Arabic, Chinese, Japanese, Korean): says that it is one, not which form', affix: true },
  { id: 'AR-SMM', family: 'company', written: ['ش.م.م'], note: 'Arabic ش.م.م reads two ways: شركة مساهمة مصرية (Egyptian joint-stock company, S.A.E.) and شركة محدودة المسؤولية (Lebanese and Syrian SARL); taken as no particular form' },
];

/** A form as `legalFormKey` writes it: words of the normalised text. */
export function legalFormKey(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toUpperCase()
    .replace(/[.'’‘`´ʼ]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export interface LegalFormEntry {
  form: LegalForm;
  /** The written form, as the table gives it, whose key was found. */
  written: string;
  key: readonly string[];
}

let entries: LegalFormEntry[] | undefined;

/** Every written form with its key, longest first: the longest form found wins (GMBH CO KG over KG). */
export function legalFormEntries(): readonly LegalFormEntry[] {
  if (entries) return entries;
  const all: LegalFormEntry[] = [];
  for (const form of LEGAL_FORMS) {
    for (const written of form.written) {
      const key = legalFormKey(written);
      if (key.length > 0) all.push({ form, written, key });
    }
  }
  all.sort((a, b) => b.key.length - a.key.length || b.key.join('').length - a.key.join('').length);
  entries = all;
  return all;
}

/** Two forms compared: the same family (another jurisdiction's name for it), another, or not comparable. */
export function compareLegalForms(a: LegalForm, b: LegalForm): 'same' | 'different' | 'unknown' {
  if (a.family === 'company' || b.family === 'company') return a.family === b.family ? 'same' : 'unknown';
  if (a.id === b.id || a.family === b.family) return 'same';
  return a.loose === true || b.loose === true ? 'unknown' : 'different';
}
