/**
 * What a list command prints: a header row naming each column, then one tab-separated row per
 * item, so the output reads as a table and still splits with `cut -f`.
 */
export interface Column {
  /** The item's field. */
  key: string;
  /** The column's name in the header row. */
  label: string;
}

export function formatTable(rows: readonly Record<string, unknown>[], columns: readonly Column[]): string {
  const line = (cells: string[]): string => `${cells.join('\t')}\n`;
  return line(columns.map((c) => c.label)) + rows.map((r) => line(columns.map((c) => cell(r[c.key])))).join('');
}

// Absent values show as "-", so every row has the same number of columns.
const cell = (value: unknown): string => (value === null || value === undefined || value === '' ? '-' : String(value));
