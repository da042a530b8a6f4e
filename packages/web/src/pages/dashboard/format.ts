import type { Translate } from '../../i18n/i18n.tsx';

/** A UTC day (YYYY-MM-DD) in the reader's language, e.g. "10 Mar". */
export function dayLabel(language: string, day: string, withYear = false): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** How late a reply is, in the largest units that matter: "45 min", "3 h 20 min", "2 d 4 h". */
export function lateness(t: Translate, minutes: number): string {
  if (minutes < 60) return t('dashboard.overdue.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('dashboard.overdue.hours', { hours, minutes: minutes % 60 });
  return t('dashboard.overdue.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** A country's name in the reader's language from its ISO alpha-2 code, else the registered name, else the code. */
export function countryName(language: string, c: { member: string; alpha2: string | null; name: string | null }): string {
  if (c.alpha2) {
    try {
      const name = new Intl.DisplayNames([language], { type: 'region' }).of(c.alpha2);
      if (name && name !== c.alpha2) return name;
    } catch {
      // An engine without region names falls back to the registered name.
    }
  }
  return c.name ?? c.member;
}
