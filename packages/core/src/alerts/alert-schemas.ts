import { z } from 'zod';
import { visibilitySchema } from '../access/visibility.js';
import { birthDateSchema, fullDateSchema, partialDateSchema } from './partial-date.js';
import { typedCode } from '../validation/typed-code.js';
import { MAX_ALERT_WALLETS, walletAddressEntrySchema } from '../wallets/wallet-schema.js';
import { recastFields, recastPatchFields, recastRule } from './recast-sections.js';
import { assetPersonsSchema, assetSchema } from '../assets/asset-schema.js';
import { ASSET_CATEGORIES } from '../constants/assets.js';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  NAME_TYPES,
  PERSON_CATEGORIES,
  SEXES,
  WARNING_FLAGS,
  type AlertKind,
  type AlertStatus,
} from '../constants/alerts.js';

// Field sizes are bounded everywhere: an alert is a record, not a file store.
// PostgreSQL cannot store NUL and no real field holds one: refuse it by name rather than fail later.
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const code3 = typedCode('[A-Za-z]{3}', 'a three-letter ISO 3166 / ICAO code');
/** ICAO 9303 state codes include one- and two-letter codes such as `D` for Germany. */
const icaoState = typedCode('[A-Za-z]{1,3}', 'an ICAO 9303 state code');

// The value lists live in constants/ (zod-free, so the browser shell can read them); the schemas
// below are built from them, and the barrel goes on exporting them from here.
export { ALERT_KINDS, ALERT_STATUSES, DOCUMENT_STATUSES, DOCUMENT_TYPES, NAME_TYPES, PERSON_CATEGORIES, SEXES, WARNING_FLAGS };
export type { AlertKind, AlertStatus };

/**
 * A name as written on a record. `full` keeps the original script (Cyrillic, Arabic, …)
 * beside any Latin `family`/`given` form; at least one of the three is required.
 */
export const personNameSchema = z
  .object({
    family: text(200).optional(),
    given: text(200).optional(),
    full: text(400).optional(),
    script: z.string().regex(/^[A-Z][a-z]{3}$/, 'an ISO 15924 script code such as Cyrl').optional(),
    type: z.enum(NAME_TYPES).optional(),
    /** A weak alias (the UN list's "low quality" aliases): matched, but with less weight. */
    weak: z.boolean().optional(),
  })
  .strict()
  .refine((n) => n.family !== undefined || n.given !== undefined || n.full !== undefined, {
    message: 'a name needs family, given or full',
  });

// Lists from others often give a document number without its issuing state.
const identityDocumentSchema = z
  .object({ issuingState: icaoState.optional(), type: z.enum(DOCUMENT_TYPES), number: text(40) })
  .strict();

export const personSchema = z
  .object({
    names: z.array(personNameSchema).min(1).max(50),
    sex: z.enum(SEXES).optional(),
    birthDate: birthDateSchema.optional(),
    birthDateUncertain: z.boolean().optional(),
    /** Other possible birth dates (lists often give several). */
    otherBirthDates: z.array(birthDateSchema).max(20).optional(),
    /** Born in one of these years, when only a range is known. */
    birthYearRange: z
      .object({ from: z.number().int().min(1800).max(2200), to: z.number().int().min(1800).max(2200) })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'from must not be after to' })
      .optional(),
    birthPlace: text(200).optional(),
    birthCountry: code3.optional(),
    nationalities: z.array(code3).max(10).optional(),
    /** States the person is recorded as a refugee from; review flags an alert requested by one of them. */
    refugeeFrom: z.array(code3).max(10).optional(),
    documents: z.array(identityDocumentSchema).max(20).optional(),
    /** Wallets the person is known to use (Bitcoin, Ethereum): screening finds them exactly. */
    walletAddresses: z.array(walletAddressEntrySchema).max(MAX_ALERT_WALLETS).optional(),
    description: z
      .object({
        heightCm: z.number().int().min(30).max(260).optional(),
        weightKg: z.number().int().min(1).max(400).optional(),
        eyes: text(50).optional(),
        hair: text(50).optional(),
        marks: text(1000).optional(),
      })
      .strict()
      .optional(),
    warnings: z.array(z.enum(WARNING_FLAGS)).max(WARNING_FLAGS.length).optional(),
    arrest: z
      .object({
        charge: text(1000),
        law: text(500).optional(),
        maximumPenalty: text(200).optional(),
        warrantReference: text(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const documentSchema = z
  .object({
    issuingState: icaoState,
    type: z.enum(DOCUMENT_TYPES),
    number: text(40),
    status: z.enum(DOCUMENT_STATUSES),
    eventDate: partialDateSchema.optional(),
    eventPlace: text(200).optional(),
  })
  .strict();

export const vehicleSchema = z
  .object({
    vin: typedCode('[A-Za-z0-9]{5,17}', 'a VIN of up to 17 letters and digits').optional(),
    plate: text(20).optional(),
    plateCountry: code3.optional(),
    make: text(100).optional(),
    model: text(100).optional(),
    colour: text(50).optional(),
    year: z.number().int().min(1886).max(2200).optional(),
  })
  .strict()
  .refine((v) => v.vin !== undefined || v.plate !== undefined, { message: 'a vehicle needs a vin or a plate' })
  .refine((v) => v.plate === undefined || v.plateCountry !== undefined, {
    message: 'a plate needs its plateCountry',
    path: ['plateCountry'],
  });

/** Fields every kind may carry. */
const common = {
  visibility: visibilitySchema,
  caseReference: text(100).optional(),
  action: text(1000).optional(),
  remarks: text(4000).optional(),
  expiresAt: fullDateSchema.optional(),
  /** Where the record comes from when it was imported, e.g. `un-sc:6907995`; shown with every hit. */
  sourceRef: z.string().regex(/^\s*[a-z0-9-]{1,20}:[A-Za-z0-9._-]{1,100}\s*$/, 'a reference such as un-sc:6907995').trim().optional(),
  /** The owner keeps the alert from frontline users of every member, its own included; bureaus still see it. */
  hiddenFromFrontline: z.boolean().optional(),
  /**
   * The owner publishes the alert to everyone, unauthenticated, as an INTERPOL-style public
   * notice (arrest: red, missing: yellow) at /public/notices/v1/… (see publicNoticeRule).
   */
  publicNotice: z.boolean().optional(),
};

/** What the person is sought for; review pre-checks read it. */
export const offenceSchema = z
  .object({
    description: text(2000),
    /** The longest sentence the law allows, in years; absent when unknown. */
    maxSentenceYears: z.number().min(0).max(200).optional(),
    lawReference: text(500).optional(),
  })
  .strict();

export const personAlertInputSchema = z
  .object({ kind: z.literal('person'), category: z.enum(PERSON_CATEGORIES), person: personSchema, offence: offenceSchema.optional(), ...recastFields, ...common })
  .strict();
export const documentAlertInputSchema = z
  .object({ kind: z.literal('document'), document: documentSchema, ...common })
  .strict();
export const vehicleAlertInputSchema = z
  .object({ kind: z.literal('vehicle'), vehicle: vehicleSchema, ...common })
  .strict();
/** An asset (issue 16, INTERPOL's Silver Notice): a bank account, company, vessel…, and the person alerts it belongs to. */
export const assetAlertInputSchema = z
  .object({ kind: z.literal('asset'), category: z.enum(ASSET_CATEGORIES), asset: assetSchema, persons: assetPersonsSchema.optional(), ...common })
  .strict();

/** Public notices exist for wanted (red) and missing (yellow) persons only. */
export const PUBLIC_NOTICE_COLOURS = { arrest: 'red', missing: 'yellow' } as const;
export type NoticeColour = (typeof PUBLIC_NOTICE_COLOURS)[keyof typeof PUBLIC_NOTICE_COLOURS];

/**
 * What the whole world may read must be meant for the whole world: a public notice is a person
 * alert of a category with a notice colour, visible to every member and not hidden from the
 * frontline. Checked on create, patch and import alike, since all of them parse this schema.
 */
function publicNoticeRule(a: { kind: string; publicNotice?: boolean | undefined; category?: string; visibility: { mode: string }; hiddenFromFrontline?: boolean | undefined }, ctx: z.RefinementCtx): void {
  if (a.publicNotice !== true) return;
  if (a.kind !== 'person' || !(a.category! in PUBLIC_NOTICE_COLOURS)) ctx.addIssue({ code: 'custom', path: ['publicNotice'], message: 'only person alerts of category arrest (red notice) or missing (yellow notice) can be public' });
  else if (a.visibility.mode !== 'all') ctx.addIssue({ code: 'custom', path: ['publicNotice'], message: 'a public notice must be visible to all members' });
  else if (a.hiddenFromFrontline === true) ctx.addIssue({ code: 'custom', path: ['publicNotice'], message: 'a public notice cannot be hidden from the frontline' });
}

/** The body of `POST /api/v1/alerts` and of each line of `crosscheck alerts import`. */
export const alertInputSchema = z
  .discriminatedUnion('kind', [personAlertInputSchema, documentAlertInputSchema, vehicleAlertInputSchema, assetAlertInputSchema])
  .superRefine((a, ctx) => publicNoticeRule(a as Parameters<typeof publicNoticeRule>[0], ctx))
  .superRefine((a, ctx) => recastRule(a as Parameters<typeof recastRule>[0], ctx));

/** The notice colour under which an alert is public, or null when it is not public. */
export function publicNoticeColour(a: AlertInput): NoticeColour | null {
  if (a.publicNotice !== true || a.kind !== 'person') return null;
  return (PUBLIC_NOTICE_COLOURS as Record<string, NoticeColour>)[a.category] ?? null;
}
export type AlertInput = z.infer<typeof alertInputSchema>;

/**
 * The body of `PATCH /api/v1/alerts/{id}`: top-level keys replace the stored ones (JSON merge
 * patch at one level); `null` removes an optional key. The kind never changes.
 */
export const alertPatchSchema = z
  .object({
    // A person's or an asset's category: the merged alert is validated as its kind.
    category: z.enum([...PERSON_CATEGORIES, ...ASSET_CATEGORIES.filter((c) => !(PERSON_CATEGORIES as readonly string[]).includes(c))] as [string, ...string[]]).optional(),
    person: personSchema.optional(),
    document: documentSchema.optional(),
    vehicle: vehicleSchema.optional(),
    asset: assetSchema.optional(),
    persons: assetPersonsSchema.nullable().optional(),
    visibility: visibilitySchema.optional(),
    caseReference: text(100).nullable().optional(),
    action: text(1000).nullable().optional(),
    remarks: text(4000).nullable().optional(),
    expiresAt: fullDateSchema.nullable().optional(),
    sourceRef: z.string().regex(/^\s*[a-z0-9-]{1,20}:[A-Za-z0-9._-]{1,100}\s*$/, 'a reference such as un-sc:6907995').trim().nullable().optional(),
    offence: offenceSchema.nullable().optional(),
    hiddenFromFrontline: z.boolean().nullable().optional(),
    publicNotice: z.boolean().nullable().optional(),
    ...recastPatchFields,
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'a patch needs at least one field' });
export type AlertPatch = z.infer<typeof alertPatchSchema>;

export const cancelInputSchema = z.object({ reason: text(1000) }).strict();

/** An alert as the API returns it. */
export type Alert = AlertInput & {
  id: string;
  owner: string;
  status: AlertStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  statusReason?: string;
  /** YYYY-MM-DD, server-managed: the alert expires then unless its owner extends it (retention). */
  reviewDate?: string;
};
