import { z } from 'zod';
import { dateMessage, dateProblem } from '../alerts/partial-date.js';
import type { MatchReason } from '../reasons/match-reason.js';
import type { AlertKind } from '../constants/alerts.js';
import { typedCode } from '../validation/typed-code.js';
import { walletAddressTextSchema } from '../wallets/wallet-schema.js';
import { assetsQuerySchema } from './asset-query.js';

const noNul = (v: string) => !v.includes('\u0000');
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, 'must not contain a NUL character');

/** A name as a border system sends it: a plain string, or parts as in alerts. */
export const queryNameSchema = z.union([
  text(300),
  z
    .object({ family: text(200).optional(), given: text(200).optional(), full: text(300).optional() })
    .strict()
    .refine((n) => n.family !== undefined || n.given !== undefined || n.full !== undefined, { message: 'a name needs family, given or full' }),
]);

/**
 * Birth dates as travellers' data arrive: `1965`, `1965-07`, `1965-07-16`, and the sloppy
 * `1965-7-16`. Normalised to zero-padded form, then held to the birth-date rule of alerts
 * (partial-date.ts): a wrong format, an impossible day and a future date are told apart.
 */
export const queryBirthDateSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
    const padded = m ? [m[1], m[2], m[3]].filter((p) => p !== undefined).map((p, i) => (i === 0 ? p : p!.padStart(2, '0'))).join('-') : v;
    const problem = dateProblem(padded, { birth: true });
    if (problem === null) return padded;
    ctx.addIssue({ code: 'custom', message: dateMessage(problem, { birth: true }), params: { date: problem } });
    return z.NEVER;
  });

/**
 * A country or state code as border systems send it, in any case and with stray spaces: the
 * pattern is on what is sent (so the OpenAPI document says `ly` is accepted), the value upper-cased.
 */
const codeOf = (letters: string, message: string) => typedCode(`[A-Za-z]{${letters}}`, message);

export const screenQuerySchema = z
  .object({
    /** Echoed back in batch and CLI results, to tie answers to travellers. */
    id: z.string().max(100).optional(),
    person: z
      .object({
        names: z.array(queryNameSchema).min(1).max(20),
        birthDate: queryBirthDateSchema.optional(),
        sex: z
          .string()
          .trim()
          .toUpperCase()
          .pipe(z.enum(['M', 'F', 'X', 'U']))
          .optional(),
        /** ISO 3166 alpha-2 or alpha-3, any case. */
        nationality: codeOf('2,3', 'an ISO 3166 alpha-2 or alpha-3 code').optional(),
      })
      .strict()
      .optional(),
    documents: z
      .array(
        z
          .object({
            number: text(40),
            issuingState: codeOf('1,3', 'an ICAO state code').optional(),
            type: z.string().max(40).optional(),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    /** A machine-readable zone, its lines separated by line breaks. */
    mrz: z.string().max(300).refine(noNul, 'must not contain a NUL character').optional(),
    vehicle: z
      .object({
        vin: z.string().trim().max(40).optional(),
        plate: z.string().trim().max(20).optional(),
        plateCountry: codeOf('2,3', 'a country code').optional(),
      })
      .strict()
      .refine((v) => v.vin !== undefined || v.plate !== undefined, { message: 'a vehicle needs a vin or a plate' })
      .optional(),
    /** A Bitcoin or Ethereum address, found exactly (in any case where its format allows). */
    walletAddress: walletAddressTextSchema.optional(),
    /** Bank accounts, vessels, wallets, aircraft, parcels and companies (asset-query.ts), each item exactly one. */
    assets: assetsQuerySchema.optional(),
    /** Return results from this score up (default: the hit threshold). */
    minScore: z.number().min(0).max(1).optional(),
    /**
     * This request's hit threshold (default DEFAULT_THRESHOLD), within the operator's bounds
     * (screen-settings.ts): results from it up are hits, recorded and told to the owner.
     */
    threshold: z.number().min(0).max(1).optional(),
    /** How much birth date, nationality and sex count: 1 as measured (the default), 0 not at all, 2 double; within the operator's bounds. */
    weights: z
      .object({ birthDate: z.number().min(0).max(10).optional(), nationality: z.number().min(0).max(10).optional(), sex: z.number().min(0).max(10).optional() })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine((q) => q.person !== undefined || (q.documents?.length ?? 0) > 0 || q.mrz !== undefined || q.vehicle !== undefined || q.walletAddress !== undefined || (q.assets?.length ?? 0) > 0, {
    message: 'a screening needs a person, documents, an mrz, a vehicle, a wallet address or assets',
  });

export type ScreenQuery = z.infer<typeof screenQuerySchema>;
export type ScreenQueryInput = z.input<typeof screenQuerySchema>;

/** One result of a screening, as officers and border systems receive it. */
export interface ScreenHit {
  alertId: string;
  kind: AlertKind;
  category: string | null;
  score: number;
  reasons: MatchReason[];
  action: string | null;
  owner: string;
  warnings: string[];
  sourceRef: string | null;
}
