import { z } from 'zod';
import { visibilitySchema } from '../access/visibility.js';
import type { AlertInstruction } from '../access/alert-access.js';
import { assetAlertInputSchema, documentAlertInputSchema, personAlertInputSchema, vehicleAlertInputSchema, type Alert } from '../alerts/alert-schemas.js';
import { ALERT_KINDS, ALERT_STATUSES, DISCREET_ACTION, DISCREET_CHECK } from '../constants/alerts.js';
import { territoryFlagSchema } from './screening.js';
import { alertSubjectSchema } from './alert-subject.js';
import { ASSET_WARNING_CODES, type AssetWarning } from '../assets/asset-problems.js';
import type { Assert, Equal } from './same-type.js';

/**
 * Alerts as the API presents them (`/api/v1/alerts…`, server app/get-alert.ts, list-alerts.ts,
 * create-alert.ts…): the body as the owner wrote it (core alerts/alert-schemas.ts) with what the
 * server keeps beside it, or, for a frontline officer on a discreet check, the instruction only.
 */

/** A doubt about a valid asset identifier (core assets/asset-warnings.ts). */
export const assetWarningSchema = z.object({ field: z.string(), code: z.enum(ASSET_WARNING_CODES), message: z.string() }).strict();

/** What the server adds to an alert body. */
const storedFields = {
  id: z.string(),
  owner: z.string(),
  status: z.enum(ALERT_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusReason: z.string().optional().describe('Why it was cancelled, rejected or expired'),
  reviewDate: z.string().optional().describe('YYYY-MM-DD, server-managed: the alert expires then unless its owner extends it'),
};

/** The answer to publishing, changing and cancelling an alert: its owner's, so with the visibility list. */
export const storedAlertSchema = z.discriminatedUnion('kind', [
  personAlertInputSchema.extend(storedFields).strict(),
  documentAlertInputSchema.extend(storedFields).strict(),
  vehicleAlertInputSchema.extend(storedFields).strict(),
  assetAlertInputSchema.extend({ ...storedFields, warnings: z.array(assetWarningSchema).optional().describe('What is doubtful about a valid identifier (a BIC of another country than the IBAN, an Ethereum address without its EIP-55 checksum, a vessel without flag…): said when the alert is created or changed, never stored') }).strict(),
]);

// Only the owner sees whom it shares with (core alerts/present-alert.ts).
const viewFields = { ...storedFields, visibility: visibilitySchema.optional().describe('Whom the owner shares it with: shown to the owner only') };

const personView = personAlertInputSchema.extend(viewFields).strict();
const documentView = documentAlertInputSchema.extend(viewFields).strict();
const vehicleView = vehicleAlertInputSchema.extend(viewFields).strict();
const assetView = assetAlertInputSchema.extend(viewFields).strict();

/** An alert as a reader who may read it in full sees it (in lists). */
export const alertViewSchema = z.discriminatedUnion('kind', [personView, documentView, vehicleView, assetView]);

const flagFields = {
  flags: z.array(territoryFlagSchema).optional().describe('Every member’s territory flag on it: shown to the owner only'),
  flag: territoryFlagSchema.optional().describe('The reader’s own member’s territory flag, for a member that is not the owner'),
};

/** An alert linked to the one read (an asset and the persons it belongs to), named: only those the reader may read in full. */
export const assetLinkSchema = z.object({ id: z.string(), kind: z.enum(ALERT_KINDS), status: z.enum(ALERT_STATUSES), owner: z.string(), subject: alertSubjectSchema }).strict();
export type AssetLink = z.infer<typeof assetLinkSchema>;

const personLinkFields = {
  ...flagFields,
  assetAlerts: z.array(assetLinkSchema).optional().describe('The asset alerts that name this person (their `persons`), those the reader may read in full'),
};
const assetLinkFields = {
  ...flagFields,
  personAlerts: z.array(assetLinkSchema).optional().describe('The person alerts of `persons`, those the reader may read in full (the others are left out of `persons` too)'),
  vehicleAlert: assetLinkSchema.optional().describe('The vehicle alert of a vehicle asset’s `vehicleAlertId`, when the reader may read it in full (otherwise `vehicleAlertId` is left out too)'),
};

/** `GET /api/v1/alerts/{id}` read in full: the alert with its territory flags. */
export const flaggedAlertViewSchema = z.discriminatedUnion('kind', [personView.extend(personLinkFields).strict(), documentView.extend(flagFields).strict(), vehicleView.extend(flagFields).strict(), assetView.extend(assetLinkFields).strict()]);

/**
 * A discreet check as a frontline officer reads it: what screening would tell it (the
 * instruction, the owner, the kind) and nothing that could tip the person off.
 */
export const alertInstructionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ALERT_KINDS),
    owner: z.string(),
    category: z.literal(DISCREET_CHECK),
    action: z.literal(DISCREET_ACTION),
    access: z.literal('instruction-only'),
  })
  .strict();

/**
 * One alert of a list: in full, or its instruction only. The instruction is its own variant, told
 * apart by `access: 'instruction-only'` (an alert read in full has no `access`).
 */
export const alertListItemSchema = z.union([alertViewSchema, alertInstructionSchema]);

/** `GET /api/v1/alerts/{id}`. */
export const alertDetailSchema = z.union([flaggedAlertViewSchema, alertInstructionSchema]);

/** `GET /api/v1/alerts`. */
export const alertListSchema = z.object({ items: z.array(alertListItemSchema), next: z.string().nullable().describe('The cursor of the next page, or null') }).strict();

/** An alert body as a version kept it, without the visibility list unless the reader is the owner. */
const versionBodySchema = z.discriminatedUnion('kind', [
  personAlertInputSchema.extend({ visibility: viewFields.visibility }).strict(),
  documentAlertInputSchema.extend({ visibility: viewFields.visibility }).strict(),
  vehicleAlertInputSchema.extend({ visibility: viewFields.visibility }).strict(),
  assetAlertInputSchema.extend({ visibility: viewFields.visibility }).strict(),
]);

/** One version of an alert as `GET /api/v1/alerts/{id}/history` gives it (server app/alert-history.ts). */
export const alertVersionSchema = z
  .object({
    version: z.number().int(),
    action: z.string().describe('What made this version: created, updated, cancelled, resubmitted, approved, rejected, expired…'),
    status: z.string(),
    statusReason: z.string().nullable(),
    changedAt: z.string(),
    changedBy: z.string().optional().describe('The key or user that made the change: shown to the owner only'),
    changedByName: z.string().nullable().optional().describe('Its user’s name or key’s label, beside `changedBy` (null for an unlabelled key or the server’s own work)'),
    changedByMember: z.string().nullable().optional().describe('The member of that user or key (null for the command line or the server): what the page says when the name is not the reader’s to know'),
    alert: versionBodySchema,
  })
  .strict();

/** `GET /api/v1/alerts/{id}/history`: every version the reader may see, oldest first, on one page. */
export const alertHistorySchema = z.object({ items: z.array(alertVersionSchema), next: z.null() }).strict();

const changeFields = { seq: z.number().int(), alertId: z.string(), version: z.number().int(), action: z.string(), at: z.string() };

/**
 * One change of `GET /api/v1/changes` (server app/list-changes.ts): a version read in full, a
 * discreet check's instruction (`access: instruction-only`), or `withdrawn`: the alert was visible
 * to the reader before this change and is not any more, so followers drop their copy.
 */
export const alertChangeSchema = z.union([
  z.object({ ...changeFields, owner: z.string(), status: z.string(), statusReason: z.string().nullable(), alert: versionBodySchema }).strict(),
  z
    .object({
      ...changeFields,
      owner: z.string(),
      access: z.literal('instruction-only'),
      alert: alertInstructionSchema.pick({ kind: true, category: true, action: true }).strict(),
    })
    .strict(),
  z.object({ ...changeFields, action: z.literal('withdrawn') }).strict(),
]);

/** `GET /api/v1/changes`: the feed after `after`, in sequence order. */
export const alertChangesSchema = z.object({ items: z.array(alertChangeSchema), next: z.number().int().nullable().describe('The `after` of the next page, or null') }).strict();

export type AlertChange = z.infer<typeof alertChangeSchema>;
export type AlertChanges = z.infer<typeof alertChangesSchema>;
export type StoredAlert = z.infer<typeof storedAlertSchema>;
export type AlertViewData = z.infer<typeof alertViewSchema>;
export type AlertListItem = z.infer<typeof alertListItemSchema>;
export type AlertDetail = z.infer<typeof alertDetailSchema>;
export type AlertList = z.infer<typeof alertListSchema>;
export type AlertVersion = z.infer<typeof alertVersionSchema>;
export type AlertHistory = z.infer<typeof alertHistorySchema>;

// The instruction is the access rule's own answer, and a stored alert the core's `Alert`; these
// fail to compile when the schemas drift from them.
export type AlertContractChecks = [Assert<Equal<z.infer<typeof alertInstructionSchema>, AlertInstruction>>, Assert<Mutual<StoredAlert, Alert>>, Assert<Equal<z.infer<typeof assetWarningSchema>, AssetWarning>>];

// `Alert` is an intersection, which `Equal` never finds equal to the object type it amounts to.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
