import { spellingSkeleton } from '../skeleton.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Armenian names by BGN/PCGN (1981), in its Eastern form (the pronunciation of Armenia:
 * Պետրոսյան → Petrosyan, Ոսկանյան → Voskanyan) and in the Western form of the diaspora, where the
 * voiced and voiceless stops and affricates trade places (Պ B, Բ P, Տ D, Դ T, Կ G, Գ K, Ճ J, Ջ CH,
 * Ծ DZ, Ձ TS: Bedrosian, Kasparian/Gasparian) and -յան is -IAN.
 *
 * Source: BGN/PCGN romanization system for Armenian (1981), and for the Western form the Western
 * Armenian pronunciation of the same letters, as the diaspora spells its names.
 */
const EASTERN: Readonly<Record<string, string>> = {
  'ա': 'A', 'բ': 'B', 'գ': 'G', 'դ': 'D', 'ե': 'E', 'զ': 'Z', 'է': 'E', 'ը': 'Y', 'թ': 'T', 'ժ': 'ZH', 'ի': 'I',
  'լ': 'L', 'խ': 'KH', 'ծ': 'TS', 'կ': 'K', 'հ': 'H', 'ձ': 'DZ', 'ղ': 'GH', 'ճ': 'CH', 'մ': 'M', 'յ': 'Y', 'ն': 'N',
  'շ': 'SH', 'ո': 'O', 'չ': 'CH', 'պ': 'P', 'ջ': 'J', 'ռ': 'R', 'ս': 'S', 'վ': 'V', 'տ': 'T', 'ր': 'R', 'ց': 'TS',
  'ւ': 'V', 'փ': 'P', 'ք': 'K', 'օ': 'O', 'ֆ': 'F', 'և': 'YEV',
};

const WESTERN: Readonly<Record<string, string>> = {
  ...EASTERN, 'բ': 'P', 'գ': 'K', 'դ': 'T', 'ծ': 'DZ', 'կ': 'G', 'ձ': 'TS', 'ճ': 'J', 'պ': 'B', 'ջ': 'CH', 'տ': 'D',
};

function read(piece: string, table: Readonly<Record<string, string>>, western: boolean): string {
  const chars = [...piece.toLowerCase()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const first = i === 0;
    if (c === 'ո' && next === 'ւ') {
      out += 'U';
      i++;
    } else if (c === 'ե' && first) out += 'YE';
    else if (c === 'ո' && first) out += 'VO';
    else if (c === 'յ' && next === 'ա' && chars[i + 2] === 'ն' && i + 3 === chars.length && western) {
      out += 'IAN';
      i += 2;
    } else if (c === 'և') out += first ? 'YEV' : 'EV';
    else out += table[c] ?? '';
  }
  return out;
}

export function armenianVariants(piece: string, primary: string): RomanVariant[] {
  const out: RomanVariant[] = [];
  const seen = new Set([spellingSkeleton(primary)]);
  for (const [table, western] of [[EASTERN, false], [WESTERN, true]] as const) {
    const text = read(piece, table, western);
    const skeleton = spellingSkeleton(text);
    if (text === '' || seen.has(skeleton)) continue;
    seen.add(skeleton);
    out.push({ text, system: 'hy-bgn' });
  }
  return out;
}

export const ARMENIAN_PROVIDER: VariantProvider = {
  scripts: ['Armn'],
  variants(piece, latin) {
    return latin.length === 1 ? [armenianVariants(piece, latin[0]!)] : [];
  },
};
