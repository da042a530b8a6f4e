import { z } from 'zod';
import { EXTRACTION_METHODS, FINDING_STATUSES } from '../constants/chain.js';
import { visibilitySchema } from '../access/visibility.js';

/**
 * Blockchain findings as the API presents them (server app/chain/; the web's findings page; the
 * CLI's JSON lines carry the same fields without the stored ones: id, owner, visibility, status).
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** Every integer is stored in a 32-bit column (PostgreSQL's integer): outside it is refused here, not by the database. */
const int32 = () => z.number().int().min(0).max(2_147_483_647);

/**
 * The most a finding may carry: an import is refused past these, and the scanner keeps within
 * them (it truncates and says so in a note), so what it writes can always be recorded.
 */
export const FINDING_LIMITS = {
  previewChars: 4_000,
  /** URLs, and onion addresses, each. */
  addresses: 100,
  addressChars: 2_000,
  notes: 50,
  noteChars: 500,
  fields: 50,
  fieldKeyChars: 100,
  fieldValueChars: 1_000,
  matches: 100,
  matchNameChars: 200,
  encodingChars: 40,
  languageChars: 40,
  /** A media type, found or declared: the stored columns' width (RFC 6838 allows 255; none seen comes near). */
  typeChars: 200,
  /** Locations of one scanned finding; a stored one gathers more over several imports. */
  locations: 1_000,
  /** Locations of a stored finding the list and TAXII show (its locationCount says how many it has). */
  locationsShown: 100,
} as const;
const L = FINDING_LIMITS;

export const findingPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('input'), index: int32(), item: int32().optional() }).strict(),
  z.object({ kind: z.literal('output'), index: int32() }).strict(),
  z.object({ kind: z.literal('outputs'), first: int32(), last: int32() }).strict(),
]);

export const findingLocationSchema = z
  .object({
    txid: hex64,
    height: int32().nullable().describe('Block height, when known (blk files store blocks out of height order; a lone transaction has none)'),
    blockHash: hex64.nullable(),
    place: findingPlaceSchema,
  })
  .strict();

export const findingMatchSchema = z
  .object({
    source: z.enum(['hash-list', 'yara', 'clamav']),
    /** The list file, rule or signature that matched. */
    name: z.string().max(L.matchNameChars),
    /** Which bytes matched: the payload as carried or its decompressed form. */
    on: z.enum(['payload', 'decoded']),
  })
  .strict();

export const findingTextSchema = z
  .object({
    printableRatio: z.number().min(0).max(1),
    /** A guess at the script or language of the text (e.g. "Latn", "en"), when one can be made. */
    language: z.string().max(L.languageChars).nullable(),
    urls: z.array(z.string().max(L.addressChars)).max(L.addresses),
    onions: z.array(z.string().max(L.addressChars)).max(L.addresses),
    /** First characters as text. Never HTML: every reader must escape it. */
    preview: z.string().max(L.previewChars),
  })
  .strict();

export const findingDecodedSchema = z
  .object({
    encoding: z.string().max(L.encodingChars).describe('gzip, br, base64… what was undone to get these bytes'),
    size: int32(),
    sha256: hex64,
    md5: z.string().regex(/^[0-9a-f]{32}$/),
    mediaType: z.string().max(L.typeChars).nullable(),
    /** Decompression stopped at the cap: a likely decompression bomb. size is the cap reached. */
    capped: z.boolean(),
  })
  .strict();

export const findingSchema = z
  .object({
    id: z.string(),
    method: z.enum(EXTRACTION_METHODS),
    size: int32(),
    sha256: hex64,
    md5: z.string().regex(/^[0-9a-f]{32}$/),
    mediaType: z.string().max(L.typeChars).nullable().describe('Found from the bytes, not from what the transaction declares'),
    declaredType: z.string().max(L.typeChars).nullable(),
    decoded: findingDecodedSchema.nullable(),
    text: findingTextSchema.nullable(),
    matches: z.array(findingMatchSchema).max(L.matches),
    locations: z.array(findingLocationSchema).min(1),
    /** How many locations the finding has, given only when the list and TAXII show the first of them. */
    locationCount: int32().optional(),
    fields: z
      .record(z.string().max(L.fieldKeyChars), z.union([z.string().max(L.fieldValueChars), z.number(), z.boolean()]))
      .refine((f) => Object.keys(f).length <= L.fields, `at most ${L.fields} fields`),
    notes: z.array(z.string().max(L.noteChars)).max(L.notes),
    owner: z.string(),
    status: z.enum(FINDING_STATUSES),
    firstSeenAt: z.string(),
    /** Whom the owner shares it with once it is known-bad; shown to its owner only. */
    visibility: visibilitySchema.optional(),
    /** Whether the bytes are kept for an authorised reveal (not when over the size kept). */
    contentKept: z.boolean(),
  })
  .strict();

/**
 * A finding as the scanner produces it (the CLI's JSON line), before it is stored: no id, owner,
 * status or time yet. Recording findings takes these; identical sha256 merge their locations.
 */
export const scannedFindingSchema = findingSchema
  .omit({ id: true, owner: true, status: true, firstSeenAt: true, visibility: true, contentKept: true, locationCount: true })
  .extend({ locations: z.array(findingLocationSchema).min(1).max(L.locations) })
  .strict();

export const findingListSchema = z
  .object({ items: z.array(findingSchema), next: z.string().nullable().describe('The cursor of the next page, or null') })
  .strict();

export type FindingPlace = z.infer<typeof findingPlaceSchema>;
export type FindingLocation = z.infer<typeof findingLocationSchema>;
export type FindingMatch = z.infer<typeof findingMatchSchema>;
export type FindingText = z.infer<typeof findingTextSchema>;
export type FindingDecoded = z.infer<typeof findingDecodedSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type ScannedFinding = z.infer<typeof scannedFindingSchema>;
export type FindingList = z.infer<typeof findingListSchema>;
