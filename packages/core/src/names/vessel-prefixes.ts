import { legalFormKey } from './legal-forms.js';

/**
 * Prefixes of ships' names: they say what kind of ship, as a legal form says what kind of company,
 * and lists write them or not (MV HELLENIC SPIRIT, HELLENIC SPIRIT). Source: the usual ship
 * prefixes of merchant and naval registers (Lloyd's Register usage; IMO vessel type names).
 */
const VESSEL_PREFIXES: readonly string[] = [
  'MV', 'M/V', 'M.V.', // motor vessel
  'MT', 'M/T', 'M.T.', // motor tanker
  'MS', 'M/S', 'M.S.', 'MY', 'M/Y', // motor ship, motor yacht
  'SS', 'S/S', 'S.S.', // steamship
  'SV', 'S/V', // sailing vessel
  'FV', 'F/V', // fishing vessel
  'RV', 'R/V', // research vessel
  'LPG', 'LNG', 'LPG/C', 'LNG/C', // gas carriers
  'HMS', 'USS', 'INS', // naval ships
];

const KEYS: readonly (readonly string[])[] = VESSEL_PREFIXES.map(legalFormKey).sort((a, b) => b.length - a.length);

/** How many of the first words (as legalFormKey writes them) are a ship's prefix; never all of them. */
export function vesselPrefixLength(words: readonly string[]): number {
  for (const key of KEYS) {
    if (words.length > key.length && key.every((w, i) => words[i] === w)) return key.length;
  }
  return 0;
}
