/** The answer of `GET /api/v1/stats` (server app/stats/dashboard-stats.ts; the web's dashboard). */

export interface KindStatusCount {
  kind: string;
  status: string;
  count: number;
}

export interface DayHits {
  /** A UTC day, YYYY-MM-DD. */
  day: string;
  onOurAlerts: number;
  byOurScreening: number;
}

export interface CountryHits {
  /** The screening member: ISO 3166 alpha-3 for a country, else an organisation's code. */
  member: string;
  /** The member's name as registered (English). */
  name: string | null;
  /** ISO 3166 numeric code: the id of the country's shape in world-atlas; null for organisations and fictitious states. */
  numeric: string | null;
  /** ISO 3166 alpha-2, for the country's name in the reader's language (Intl.DisplayNames). */
  alpha2: string | null;
  count: number;
}

export interface OverdueReplyItem {
  hitId: string;
  alertId: string;
  form: string;
  dueAt: string;
  /** `by-us`: the member owes the reply; `to-us`: the other member does. */
  owed: 'by-us' | 'to-us';
  otherMember: string;
  minutesLate: number;
}

export interface DashboardStats {
  member: string;
  at: string;
  days: number;
  alerts: {
    /** Alerts the member may see (its own included), by kind and status. */
    visible: KindStatusCount[];
    /** The member's own alerts, by kind and status. */
    own: KindStatusCount[];
  };
  hits: {
    from: string;
    perDay: DayHits[];
    totals: { onOurAlerts: number; byOurScreening: number };
    /** Hits on the member's alerts in the window, by screening member, most first. */
    byCountry: CountryHits[];
  };
  overdue: { total: number; items: OverdueReplyItem[] };
}
