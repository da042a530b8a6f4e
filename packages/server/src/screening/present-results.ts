import { alertInstruction, type Reader } from '@crosscheck/core';
import type { ClearedBefore, ScreenResult, TerritoryFlagView } from '@crosscheck/core/api';
import { accessOf, type FoundHit } from './search.js';

/**
 * Shapes what the index found for the caller, after every result has been recorded and its owner
 * told (hidden ones included: the owner hid the alert from officers, not from its own knowledge).
 * `alertAccess` (through `accessOf`) decides each: hidden results are dropped, an instruction-only reader (the
 * frontline on a discreet check) gets the instruction, and a full reader the score, reasons and
 * its own territory flag. `hitIds[i]` is the hit recorded for `found[i]`, null below the threshold.
 */
export function presentResults(reader: Reader, found: readonly FoundHit[], hitIds: readonly (string | null)[], flagOf: (alertId: string) => TerritoryFlagView | undefined, clearedOf: (hitId: string) => ClearedBefore | undefined = () => undefined): ScreenResult[] {
  const shown: ScreenResult[] = [];
  found.forEach((hit, i) => {
    const hitId = hitIds[i] ?? null;
    const access = accessOf(reader, hit);
    if (access === 'hidden') return;
    if (access === 'instruction-only') {
      const { id, ...instruction } = alertInstruction({ id: hit.alertId, kind: hit.kind, owner: hit.owner });
      shown.push({ ...instruction, hitId, alertId: id });
      return;
    }
    const { hiddenFromFrontline: _hidden, visibility: _visibility, ...full } = hit;
    const flag = flagOf(hit.alertId);
    // A traveller the caller's bureau cleared on this alert version (app/clearances): said in full results only.
    const clearedBefore = hitId !== null ? clearedOf(hitId) : undefined;
    shown.push({ access, hitId, ...full, ...(flag ? { flag } : {}), ...(clearedBefore ? { clearedBefore } : {}) });
  });
  return shown;
}
