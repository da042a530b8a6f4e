import type { RetroactiveView } from '@crosscheck/core/api';
import { decodeScreeningPlace } from '../../store/retroactive-repo.js';
import type { HitRow } from '../../store/hit-repo.js';

/** A hit found after the fact carries its screening's time and place; any other hit nothing. */
export function retroactiveOf(h: Pick<HitRow, 'retroactive' | 'screened_at' | 'screening_place'>): { retroactive?: RetroactiveView } {
  if (Number(h.retroactive) !== 1) return {};
  return { retroactive: { screenedAt: h.screened_at ?? '', place: decodeScreeningPlace(h.screening_place) } };
}
