import { spellingSkeleton } from '../skeleton.js';
import type { RomanVariant, VariantProvider } from './word-variants.js';

/**
 * Georgian names by the national system of 2002 (the romanisation of Georgian passports; BGN/PCGN
 * adopted it in 2009), its ejective marks left out as the MRZ leaves out apostrophes, and by the
 * Russian-mediated spellings still common in older records and lists (Джугашвили → Dzhugashvili,
 * ყ as K, ხ as KH, ღ as GH).
 *
 * Source: Georgian State Department of Geodesy and Cartography, romanisation of 2002 (ა a, ბ b,
 * გ g, დ d, ე e, ვ v, ზ z, თ t, ი i, კ kʼ, ლ l, მ m, ნ n, ო o, პ pʼ, ჟ zh, რ r, ს s, ტ tʼ, უ u,
 * ფ p, ქ k, ღ gh, ყ qʼ, შ sh, ჩ ch, ც ts, ძ dz, წ tsʼ, ჭ chʼ, ხ kh, ჯ j, ჰ h); for the Russian
 * forms, the Russian transcription of Georgian names (Джугашвили) read by BGN/PCGN.
 */
const NATIONAL: Readonly<Record<string, string>> = {
  'ა': 'A', 'ბ': 'B', 'გ': 'G', 'დ': 'D', 'ე': 'E', 'ვ': 'V', 'ზ': 'Z', 'თ': 'T', 'ი': 'I', 'კ': 'K', 'ლ': 'L',
  'მ': 'M', 'ნ': 'N', 'ო': 'O', 'პ': 'P', 'ჟ': 'ZH', 'რ': 'R', 'ს': 'S', 'ტ': 'T', 'უ': 'U', 'ფ': 'P', 'ქ': 'K',
  'ღ': 'GH', 'ყ': 'Q', 'შ': 'SH', 'ჩ': 'CH', 'ც': 'TS', 'ძ': 'DZ', 'წ': 'TS', 'ჭ': 'CH', 'ხ': 'KH', 'ჯ': 'J', 'ჰ': 'H',
  // Letters of the older alphabet, still in some names.
  'ჱ': 'E', 'ჲ': 'Y', 'ჳ': 'W', 'ჴ': 'Q', 'ჵ': 'O',
};

// The Russian-mediated spelling: the letters it writes otherwise.
const RUSSIAN_MEDIATED: Readonly<Record<string, string>> = { ...NATIONAL, 'ყ': 'K', 'ჯ': 'DZH', 'ჟ': 'ZH', 'ფ': 'P', 'ვ': 'V', 'ჰ': 'G' };

function read(piece: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  // Mkhedruli letters, and the capitals (Mtavruli) Unicode added in 2018 read as their small letters.
  for (const ch of piece) {
    const code = ch.codePointAt(0)!;
    const small = code >= 0x1c90 && code <= 0x1cbf ? String.fromCodePoint(code - 0x1c90 + 0x10d0) : ch;
    out += table[small] ?? '';
  }
  return out;
}

export function georgianVariants(piece: string, primary: string): RomanVariant[] {
  const out: RomanVariant[] = [];
  const seen = new Set([spellingSkeleton(primary)]);
  for (const table of [NATIONAL, RUSSIAN_MEDIATED]) {
    const text = read(piece, table);
    const skeleton = spellingSkeleton(text);
    if (text === '' || seen.has(skeleton)) continue;
    seen.add(skeleton);
    out.push({ text, system: 'ka-national' });
  }
  return out;
}

export const GEORGIAN_PROVIDER: VariantProvider = {
  scripts: ['Geor'],
  variants(piece, latin) {
    return latin.length === 1 ? [georgianVariants(piece, latin[0]!)] : [];
  },
};
