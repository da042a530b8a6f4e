import { z } from 'zod';
import type { AlertSubject } from '../alerts/alert-subject.js';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, PERSON_CATEGORIES } from '../constants/alerts.js';
import { ASSET_CATEGORIES, ASSET_TYPES } from '../constants/assets.js';
import type { Assert, Equal } from './same-type.js';
import { inquirySchema, preventiveSchema, returnDecisionSchema } from '../alerts/recast-sections.js';

// A recast category's section, as its alert holds it (a return decision's deadline, an inquiry's questions, a preventive alert's subject and instruction).
const recastSubjectFields = {
  returnDecision: returnDecisionSchema.optional(),
  inquiry: inquirySchema.optional(),
  preventive: preventiveSchema.optional(),
};

/**
 * What an alert is about, named as an officer names it (core alerts/alert-subject.ts), in hits,
 * links and the audit trail alike; given only to a reader that may read the alert in full.
 */
export const alertSubjectSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('person'),
        category: z.enum(PERSON_CATEGORIES),
        name: z.object({ family: z.string().optional(), given: z.string().optional(), full: z.string().optional(), script: z.string().optional() }).strict(),
        birthDate: z.string().optional().describe('YYYY, YYYY-MM or YYYY-MM-DD'),
        ...recastSubjectFields,
      })
      .strict(),
    z.object({ kind: z.literal('document'), documentType: z.enum(DOCUMENT_TYPES), number: z.string(), issuingState: z.string(), status: z.enum(DOCUMENT_STATUSES) }).strict(),
    z.object({ kind: z.literal('vehicle'), plate: z.string().optional(), plateCountry: z.string().optional(), make: z.string().optional(), model: z.string().optional(), vin: z.string().optional() }).strict(),
    z
      .object({
        kind: z.literal('asset'),
        category: z.enum(ASSET_CATEGORIES),
        assetType: z.enum(ASSET_TYPES),
        identifier: z.string().optional().describe('The IBAN (grouped by four), IMO number, registration mark, wallet address, VIN or plate, registration number, cadastral reference'),
        name: z.string().optional().describe('The holder, company, vessel or operator name, as written'),
        country: z.string().optional(),
      })
      .strict(),
  ])
  .describe('Who or what the alert is about: a person by name, birth date and category, a document by type, state, number and status, a vehicle by plate, make, model and VIN');

// The schema is the core's own type; this fails to compile when the two drift apart.
export type AlertSubjectContractCheck = Assert<Equal<z.infer<typeof alertSubjectSchema>, AlertSubject>>;
