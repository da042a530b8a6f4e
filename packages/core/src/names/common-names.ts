import { NAME_GROUPS } from './name-words.js';

/**
 * Shares of the population carrying the commonest family names of traditions where a few names
 * cover much of the population, in the romanised upper-case form tokens have after preparation.
 * A share is per its own population (KIM is about one Korean in five): what matters for a match is
 * how many of the people who bear names of that kind share this one. Figures rounded to 0.1 %.
 * Spellings of one canonical name group (name-words.ts: PARK, PAK, BAK) share its figure.
 */
const SHARES: readonly (readonly [string, number])[] = [
  // Korea: Statistics Korea, 2015 Population and Housing Census, family names by population.
  ['KIM', 0.215], ['LEE', 0.147], ['PARK', 0.084], ['CHOI', 0.047], ['JEONG', 0.043], ['KANG', 0.024], ['CHO', 0.021],
  ['YOON', 0.021], ['JANG', 0.02], ['LIM', 0.017], ['HAN', 0.015], ['OH', 0.015], ['SEO', 0.015], ['SHIN', 0.015],
  ['KWON', 0.014], ['HWANG', 0.014], ['AHN', 0.014], ['SONG', 0.013], ['JEON', 0.013], ['HONG', 0.011],
  // China: Ministry of Public Security, 2019 ranking of family names in the household registers.
  ['WANG', 0.071], ['LI', 0.07], ['ZHANG', 0.067], ['LIU', 0.051], ['CHEN', 0.046], ['YANG', 0.032], ['HUANG', 0.025],
  ['ZHAO', 0.022], ['WU', 0.021], ['ZHOU', 0.019], ['XU', 0.015], ['SUN', 0.014], ['MA', 0.013], ['ZHU', 0.013],
  ['HU', 0.012], ['GUO', 0.011], ['HE', 0.011], ['LIN', 0.01], ['GAO', 0.01], ['LUO', 0.01],
  // Vietnam: the commonly cited shares of the leading family names (Lê Trung Hoa, Họ và tên người Việt Nam, 2005).
  ['NGUYEN', 0.38], ['TRAN', 0.11], ['LE', 0.095], ['PHAM', 0.071], ['HOANG', 0.051], ['HUYNH', 0.051], ['PHAN', 0.045],
  ['VU', 0.039], ['VO', 0.039], ['DANG', 0.021], ['BUI', 0.02], ['DO', 0.014], ['HO', 0.013], ['NGO', 0.013], ['DUONG', 0.01],
];

function build(): Map<string, number> {
  const byGroup = new Map<number, number>();
  const shares = new Map<string, number>();
  for (const [text, share] of SHARES) {
    shares.set(text, Math.max(share, shares.get(text) ?? 0));
    const group = NAME_GROUPS.get(text);
    if (group !== undefined) byGroup.set(group, Math.max(share, byGroup.get(group) ?? 0));
  }
  for (const [text, group] of NAME_GROUPS) {
    const share = byGroup.get(group);
    if (share !== undefined) shares.set(text, Math.max(share, shares.get(text) ?? 0));
  }
  return shares;
}

/** Word → the share of its population carrying it. */
export const COMMON_NAME_SHARES: ReadonlyMap<string, number> = build();
