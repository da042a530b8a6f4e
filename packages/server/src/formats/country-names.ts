import countries from 'i18n-iso-countries';

// Official UN names that the ISO list spells differently.
const UN_NAMES: Record<string, string> = {
  'iran (islamic republic of)': 'IRN',
  "democratic people's republic of korea": 'PRK',
  'united kingdom of great britain and northern ireland': 'GBR',
  'republic of korea': 'KOR',
  'syrian arab republic': 'SYR',
  'russian federation': 'RUS',
  'united republic of tanzania': 'TZA',
  'bolivia (plurinational state of)': 'BOL',
  'venezuela (bolivarian republic of)': 'VEN',
  "lao people's democratic republic": 'LAO',
  'state of palestine': 'PSE',
};

/** An English country name (ISO or UN spelling) to its alpha-3 code, or undefined. */
export function countryCode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const clean = name.trim();
  if (clean === '' || clean.toLowerCase() === 'na') return undefined;
  if (/^[A-Za-z]{3}$/.test(clean) && countries.isValid(clean.toUpperCase())) return clean.toUpperCase();
  return UN_NAMES[clean.toLowerCase()] ?? countries.getAlpha3Code(clean, 'en') ?? countries.getAlpha3Code(clean.replace(/\s*\(.*\)\s*$/, ''), 'en') ?? undefined;
}
