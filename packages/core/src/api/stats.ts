import { z } from 'zod';

/** The answer of `GET /api/v1/stats` (server app/stats/dashboard-stats.ts; the web's dashboard). */

export const kindStatusCountSchema = z.object({ kind: z.string(), status: z.string(), count: z.number().int() }).strict();

export const dayHitsSchema = z
  .object({
    day: z.string().describe('A UTC day, YYYY-MM-DD'),
    onOurAlerts: z.number().int(),
    byOurScreening: z.number().int(),
  })
  .strict();

export const countryHitsSchema = z
  .object({
    member: z.string().describe('The screening member: ISO 3166 alpha-3 for a country, else an organisation’s code'),
    name: z.string().nullable().describe('The member’s name as registered (English)'),
    numeric: z.string().nullable().describe('ISO 3166 numeric code: the id of the country’s shape in world-atlas; null for organisations and fictitious states'),
    alpha2: z.string().nullable().describe('ISO 3166 alpha-2, for the country’s name in the reader’s language (Intl.DisplayNames)'),
    count: z.number().int(),
  })
  .strict();

export const overdueReplyItemSchema = z
  .object({
    hitId: z.string(),
    alertId: z.string(),
    form: z.string(),
    dueAt: z.string(),
    owed: z.enum(['by-us', 'to-us']).describe('by-us: the member owes the reply; to-us: the other member does'),
    otherMember: z.string(),
    minutesLate: z.number().int(),
  })
  .strict();

export const dashboardStatsSchema = z
  .object({
    member: z.string(),
    at: z.string(),
    days: z.number().int(),
    alerts: z
      .object({
        visible: z.array(kindStatusCountSchema).describe('Alerts the member may see (its own included), by kind and status'),
        own: z.array(kindStatusCountSchema).describe('The member’s own alerts, by kind and status'),
      })
      .strict(),
    hits: z
      .object({
        from: z.string(),
        perDay: z.array(dayHitsSchema),
        totals: z.object({ onOurAlerts: z.number().int(), byOurScreening: z.number().int() }).strict(),
        byCountry: z.array(countryHitsSchema).describe('Hits on the member’s alerts in the window, by screening member, most first'),
      })
      .strict(),
    overdue: z.object({ total: z.number().int(), items: z.array(overdueReplyItemSchema) }).strict(),
  })
  .strict();

export type KindStatusCount = z.infer<typeof kindStatusCountSchema>;
export type DayHits = z.infer<typeof dayHitsSchema>;
export type CountryHits = z.infer<typeof countryHitsSchema>;
export type OverdueReplyItem = z.infer<typeof overdueReplyItemSchema>;
export type DashboardStats = z.infer<typeof dashboardStatsSchema>;
