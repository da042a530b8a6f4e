import type { AlertView } from '../store/alert-repo.js';
import { alertToFtm } from './ftm/alert-to-ftm.js';

/**
 * The line formats alerts leave in, for the CLI and the API alike: crosscheck's own alert JSON
 * (what POST /api/v1/alerts and `alerts import` take) and FollowTheMoney entities
 * (docs/formats.md). Each alert becomes one or more JSON lines.
 */
export const EXPORT_FORMATS = {
  json: (a: AlertView): unknown[] => [a],
  ftm: (a: AlertView): unknown[] => alertToFtm(a),
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(v: string): v is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, v);
}

/** The JSON lines of one alert in `format`, each ending with a line break. */
export function exportLines(format: ExportFormat, a: AlertView): string {
  return EXPORT_FORMATS[format](a)
    .map((e) => `${JSON.stringify(e)}\n`)
    .join('');
}
