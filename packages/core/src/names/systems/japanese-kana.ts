import { kanaReadings } from './japanese-romaji.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * A Japanese name in hiragana or katakana in modified Hepburn, Kunrei-shiki and passport Hepburn
 * (さとう → SATO, SATO, SATO or SATOH; しょうじ → SHOJI, SYOZI; なんば → NANBA, NAMBA): any-ascii's
 * primary reading spells the kana one by one (SATOU, SHIYOUJI).
 */
export const JAPANESE_KANA: VariantProvider = {
  scripts: ['Hira', 'Kana'],
  variants(piece, latin) {
    if (latin.length !== 1) return [];
    const r = kanaReadings(piece);
    if (r === undefined) return [];
    const out: RomanVariant[] = [{ text: r.hepburn, system: 'ja-hepburn' }];
    if (r.kunrei !== r.hepburn) out.push({ text: r.kunrei, system: 'ja-kunrei' });
    if (r.passport !== r.hepburn) out.push({ text: r.passport, system: 'ja-passport' });
    if (r.passportOh !== r.passport) out.push({ text: r.passportOh, system: 'ja-passport' });
    return [out];
  },
};
