import type { AssetWarning } from '@crosscheck/core/assets';

/**
 * The warnings of the last save of each alert, from the editor to the page it returns to (the
 * answer carries them; the next read does not). Replaced by each save of the same alert, so a page
 * opened again after a clean save says nothing.
 */
const lastSave = new Map<string, AssetWarning[]>();

export function rememberSaveWarnings(alertId: string, warnings: AssetWarning[] | undefined): void {
  lastSave.set(alertId, warnings ?? []);
}

export function takeSaveWarnings(alertId: string): AssetWarning[] {
  return lastSave.get(alertId) ?? [];
}
