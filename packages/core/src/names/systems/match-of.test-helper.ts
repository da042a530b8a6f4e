import { compareNames } from '../compare-names.js';
import { prepareName } from '../prepare-name.js';
import { DEFAULT_THRESHOLD } from '../score-person.js';

/** Whether a query finds a record at the default threshold, and the systems its variant matches went through. */
export function matchOf(query: string, record: string): { hit: boolean; systems: (string | undefined)[] } {
  const c = compareNames(prepareName(query), prepareName(record));
  const systems = c.reasons.filter((r) => r.code === 'name.transliteration-variant').map((r) => (r as { system?: string }).system);
  return { hit: c.score >= DEFAULT_THRESHOLD, systems };
}
