/**
 * Days for the dashboard's hits-over-time series, in UTC. The SQL groups hits by the first ten
 * characters of their ISO timestamp (`YYYY-MM-DD`), which both engines do alike; these helpers
 * choose the window and fill the days without hits with zeros, so a chart has one point a day.
 */

const DAY_MS = 86_400_000;

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The last `days` UTC days up to and including the day of `now`, oldest first. */
export function lastDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(new Date(today - i * DAY_MS).toISOString().slice(0, 10));
  return out;
}

/** The first instant of the window, as an ISO timestamp comparable as text with stored ones. */
export function windowStart(now: Date, days: number): string {
  return `${lastDays(now, days)[0]!}T00:00:00.000Z`;
}

export interface DayCount {
  day: string;
  count: number;
}

/**
 * One value per day of `days` from each named series of grouped rows; days the SQL did not
 * return (no hits) are 0 and rows outside the window are ignored.
 */
export function fillDays<S extends string>(days: readonly string[], series: Record<S, readonly DayCount[]>): ({ day: string } & Record<S, number>)[] {
  const names = Object.keys(series) as S[];
  const byName = new Map(names.map((n) => [n, new Map(series[n].map((r) => [r.day, r.count]))]));
  return days.map((day) => {
    const point = { day } as { day: string } & Record<S, number>;
    for (const n of names) (point as Record<string, number | string>)[n] = byName.get(n)!.get(day) ?? 0;
    return point;
  });
}

/** Whole minutes from `dueAt` to `now` (0 when not yet due). */
export function minutesLate(dueAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 60_000));
}
