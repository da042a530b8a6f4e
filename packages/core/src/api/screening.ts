import { z } from 'zod';
import { DISCREET_ACTION, DISCREET_CHECK } from '../access/alert-access.js';
import { matchReasonSchema } from '../reasons/match-reason-schema.js';
import { DATE_PROBLEMS } from '../alerts/partial-date.js';
import { WALLET_ERROR_CODES } from '../wallets/wallet-types.js';
import { ASSET_ERROR_CODES } from '../assets/asset-problems.js';
import { ALERT_KINDS } from '../constants/alerts.js';
import type { FieldProblem } from '../errors/domain-error.js';
import type { PaxlstFlight, PaxlstHeader, PaxlstTraveller, PaxlstWarning } from '../paxlst/types.js';
import type { ScreenHit } from '../screening/screen-query.js';
import { PROBE_SOURCES } from '../screening/probe-sources.js';
import type { ScreeningWarning } from '../screening/probes.js';
import type { Assert, Equal } from './same-type.js';
import { clearedBeforeSchema } from './clearances.js';

/**
 * The answers of `POST /api/v1/screen`, `/screen/batch` and `/screen/flight`, as zod schemas: the
 * server's OpenAPI response schemas are generated from them, tests parse real answers with them,
 * and the types below (z.infer) are what the server builds and the web app reads.
 */

/** A territory flag on the alert, the caller's own: the owner's action is not to be taken on its territory. */
export const territoryFlagSchema = z
  .object({
    member: z.string(),
    reason: z.string(),
    text: z.string().describe('"action not to be taken on the territory of <member>"'),
    at: z.string(),
  })
  .strict();


const hitId = z
  .string()
  .nullable()
  .describe('The hit recorded for this result: record what came of it with POST /api/v1/hits/{hitId}/outcome. Null for a result below the alerting threshold (asked for with minScore), which is not recorded');

const alertKind = z.enum(ALERT_KINDS);

/** A result the caller may see in full: the score, the reasons and the owner's instruction. */
export const fullScreenResultSchema = z
  .object({
    access: z.literal('full'),
    hitId,
    alertId: z.string(),
    kind: alertKind,
    category: z.string().nullable(),
    score: z.number().min(0).max(1),
    reasons: z.array(matchReasonSchema),
    action: z.string().nullable(),
    owner: z.string(),
    warnings: z.array(z.string()),
    sourceRef: z.string().nullable(),
    matchedBy: z
      .array(z.enum(PROBE_SOURCES))
      .describe('Which parts of the query found this alert: the person typed, the holder the MRZ names, a document typed, the MRZ’s document, the vehicle (each is screened on its own, the results merged per alert)'),
    flag: territoryFlagSchema.optional(),
    clearedBefore: clearedBeforeSchema.optional().describe('Your bureau found this traveller not the same person on this version of the alert before: the hit is recorded, the owner not told again'),
  })
  .strict();

/**
 * A discreet check as a frontline officer receives it: what to do and whom to report to, nothing
 * that could tip the person off (no score, no reasons, no warnings).
 */
export const instructionOnlyScreenResultSchema = z
  .object({
    access: z.literal('instruction-only'),
    hitId,
    alertId: z.string(),
    kind: alertKind,
    category: z.literal(DISCREET_CHECK),
    action: z.literal(DISCREET_ACTION),
    owner: z.string(),
  })
  .strict();

/** One result of a screening: `access` says (as alertAccess answers) how much of the alert the caller may see. */
export const screenResultSchema = z.discriminatedUnion('access', [fullScreenResultSchema, instructionOnlyScreenResultSchema]);

const expiryWarning = <C extends string>(code: C, what: string) =>
  z.object({ code: z.literal(code), message: z.string(), field: z.literal('expiryDate'), date: z.string().describe(what) }).strict();

/**
 * What the screening found about the query itself rather than in the alerts: the state of the
 * document the MRZ describes, and a typed person who is not the MRZ holder. Stable codes with
 * their parameters; `message` is English.
 */
export const screeningWarningSchema = z.discriminatedUnion('code', [
  expiryWarning('mrz.expired', 'The expiry date the zone reads (YYYY-MM-DD), before today'),
  expiryWarning('mrz.not-yet-valid', 'An expiry date further ahead than any such document is issued for: not issued yet, or misread'),
  z.object({ code: z.literal('mrz.check-digit'), message: z.string(), checks: z.array(z.string()).describe('The failing check digits: documentNumber, birthDate, expiryDate, personalNumber, composite') }).strict(),
  z.object({ code: z.literal('mrz.ocr-suggestion'), message: z.string(), field: z.string(), from: z.string(), to: z.string().describe('A likely OCR misreading (O for 0…) and the reading that would fix it; never applied') }).strict(),
  z.object({ code: z.literal('mrz.unknown-state'), message: z.string(), field: z.string(), state: z.string().describe('Not an ICAO state or organisation code') }).strict(),
  z.object({ code: z.literal('mrz.specimen-state'), message: z.string(), field: z.string(), state: z.string().describe('UTO: the Doc 9303 specimen state, printed on sample documents only') }).strict(),
  z
    .object({
      code: z.literal('mrz.holder-differs'),
      message: z.string(),
      field: z.enum(['names', 'birthDate', 'sex', 'nationality']),
      typed: z.string(),
      read: z.string().describe('What the zone reads, where the person typed says otherwise (both are screened)'),
    })
    .strict(),
  z.object({ code: z.literal('wallet.no-checksum'), message: z.string(), address: z.string().describe('An Ethereum address screened in one case, so without its EIP-55 checksum: shown in its checksum form') }).strict(),
]);

/** The threshold and evidence weights a screening applied: the request's own, or the defaults. */
export const screenSettingsSchema = z
  .object({
    threshold: z.number().min(0).max(1).describe('Results from this score up are hits (recorded, the owner told)'),
    weights: z
      .object({ birthDate: z.number(), nationality: z.number(), sex: z.number() })
      .strict()
      .describe('Multipliers of the birth date, nationality and sex evidence: 1 as measured, 0 ignored'),
  })
  .strict()
  .describe('The settings applied: the request’s own threshold and weights, within the operator’s bounds, or the defaults');

/** `POST /api/v1/screen`, and each screened traveller of a batch. */
export const screenResponseSchema = z
  .object({
    id: z.string().optional().describe('The query’s own id, echoed'),
    screeningId: z.string(),
    hits: z.array(screenResultSchema).describe('Best first; hits hidden from the caller are absent'),
    warnings: z.array(screeningWarningSchema).describe('About the query itself: the MRZ document’s state (expired, check digits, OCR suggestions, unknown or specimen state) a typed person who differs from the MRZ holder, and an Ethereum address screened without its checksum'),
    settings: screenSettingsSchema,
  })
  .strict();

const fieldProblemSchema = z
  .object({
    field: z.string(),
    message: z.string(),
    code: z.union([z.literal('required'), z.literal('out-of-bounds'), z.templateLiteral(['date.', z.enum(DATE_PROBLEMS)]), z.enum(WALLET_ERROR_CODES), z.enum(ASSET_ERROR_CODES)]).optional(),
    bounds: z.object({ min: z.number(), max: z.number() }).strict().optional(),
  })
  .strict();

/** A traveller of a batch whose data was refused: the others are screened. */
export const batchErrorItemSchema = z
  .object({
    id: z.string().optional(),
    index: z.number().int().min(0).describe('0-based position in the batch'),
    error: z.object({ code: z.string(), detail: z.string(), errors: z.array(fieldProblemSchema) }).strict(),
  })
  .strict();

export const batchItemSchema = z.union([screenResponseSchema, batchErrorItemSchema]);

/** `POST /api/v1/screen/batch`: one item per traveller, in input order. */
export const screenBatchResponseSchema = z.object({ items: z.array(batchItemSchema) }).strict();

const paxlstWarningSchema = z.object({ segment: z.number().int(), line: z.number().int().optional(), code: z.string(), message: z.string() }).strict();

const paxlstHeaderSchema = z
  .object({
    dialect: z.enum(['un', 'us-legacy']),
    syntax: z.object({ identifier: z.string(), version: z.string() }).strict().nullable(),
    sender: z.string().nullable(),
    receiver: z.string().nullable(),
    preparedAt: z.string().nullable(),
    interchangeRef: z.string().nullable(),
    groupRef: z.string().nullable(),
    messageRef: z.string().nullable(),
    version: z.string().nullable(),
    association: z.string().nullable(),
    commonAccessRef: z.string().nullable(),
    sequence: z.object({ number: z.string(), marker: z.string().nullable() }).strict().nullable(),
    documentCode: z.string().nullable(),
    reportingParty: z.string().nullable(),
    messages: z.number().int(),
  })
  .strict();

const paxlstPointSchema = z.object({ airport: z.string(), time: z.string().nullable() }).strict();

const paxlstFlightSchema = z
  .object({
    segment: z.number().int(),
    designator: z.string(),
    carrier: z.string().nullable(),
    number: z.string(),
    legs: z.array(z.object({ departure: paxlstPointSchema, arrival: paxlstPointSchema }).strict()),
    finalDestination: z.string().nullable(),
  })
  .strict();

const paxlstDocumentSchema = z
  .object({
    segment: z.number().int(),
    type: z.string().nullable(),
    number: z.string(),
    issuingState: z.string().nullable(),
    expiry: z.string().nullable(),
    issued: z.string().nullable(),
  })
  .strict();

/** A traveller as the message gives them (without the booking references), with their screening. */
export const flightTravellerSchema = z
  .object({
    segment: z.number().int(),
    line: z.number().int().optional(),
    role: z.enum(['passenger', 'crew']),
    inTransit: z.boolean(),
    partyCode: z.string(),
    name: z.object({ family: z.string(), given: z.string() }).strict(),
    sex: z.enum(['M', 'F', 'X', 'U']).nullable(),
    birthDate: z.string().nullable(),
    nationality: z.string().nullable(),
    residence: z.string().nullable(),
    birthPlace: z.string().nullable(),
    embarkation: z.string().nullable(),
    debarkation: z.string().nullable(),
    clearance: z.string().nullable(),
    documents: z.array(paxlstDocumentSchema),
    position: z.number().int().min(1).describe('1-based position in the message'),
    screeningId: z.string().nullable(),
    hits: z.array(screenResultSchema),
    notScreened: z.string().optional().describe('Why this traveller was not screened: no name and no document, or data screening refused'),
  })
  .strict();

/** `POST /api/v1/screen/flight` (and `crosscheck screen --paxlst`). */
export const flightReportSchema = z
  .object({
    header: paxlstHeaderSchema,
    flights: z.array(paxlstFlightSchema),
    travellers: z.array(flightTravellerSchema),
    warnings: z.array(paxlstWarningSchema).describe('What the reader found wrong: a dirty message is screened, not refused'),
    summary: z
      .object({
        travellers: z.number().int(),
        passengers: z.number().int(),
        crew: z.number().int(),
        screened: z.number().int(),
        notScreened: z.number().int(),
        travellersWithHits: z.number().int(),
        hits: z.number().int(),
      })
      .strict(),
  })
  .strict();

export type TerritoryFlagView = z.infer<typeof territoryFlagSchema>;
export type FullScreenResult = z.infer<typeof fullScreenResultSchema>;
export type InstructionOnlyScreenResult = z.infer<typeof instructionOnlyScreenResultSchema>;
export type ScreenResult = z.infer<typeof screenResultSchema>;
export type ScreenResultAccess = ScreenResult['access'];
export type ScreenResponse = z.infer<typeof screenResponseSchema>;
export type ScreeningWarningView = z.infer<typeof screeningWarningSchema>;
export type BatchErrorItem = z.infer<typeof batchErrorItemSchema>;
export type BatchItem = z.infer<typeof batchItemSchema>;
export type ScreenBatchResponse = z.infer<typeof screenBatchResponseSchema>;
export type FlightTraveller = z.infer<typeof flightTravellerSchema>;
export type FlightReport = z.infer<typeof flightReportSchema>;

// The contract restates the domain's own types; this fails to compile when the two drift apart.
export type ScreeningContractChecks = [
  Assert<Equal<z.infer<typeof paxlstHeaderSchema>, PaxlstHeader>>,
  Assert<Equal<z.infer<typeof paxlstFlightSchema>, PaxlstFlight>>,
  Assert<Equal<z.infer<typeof paxlstWarningSchema>, PaxlstWarning>>,
  Assert<Equal<Omit<FlightTraveller, 'position' | 'screeningId' | 'hits' | 'notScreened'>, Omit<PaxlstTraveller, 'references'>>>,
  Assert<Equal<z.infer<typeof fieldProblemSchema>, FieldProblem>>,
  Assert<Equal<Omit<FullScreenResult, 'access' | 'hitId' | 'flag' | 'matchedBy' | 'clearedBefore'>, ScreenHit>>,
  Assert<Equal<z.infer<typeof screeningWarningSchema>, ScreeningWarning>>,
];
