import { z } from 'zod';
import type { AlertSubjectLine } from '../alerts/alert-subject-line.js';

/** What an alert is about (core alerts/alert-subject.ts), given only to a reader that may read the alert in full. */
export const alertSubjectLineSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), name: z.string(), birthYear: z.string().nullable() }).strict(),
    z.object({ kind: z.literal('document'), documentType: z.string(), issuingState: z.string().nullable(), number: z.string() }).strict(),
    z
      .object({ kind: z.literal('vehicle'), plate: z.string().nullable(), plateCountry: z.string().nullable(), vin: z.string().nullable(), make: z.string().nullable(), model: z.string().nullable() })
      .strict(),
  ])
  .describe('Who or what the alert is about: a person by name and birth year, a document by type and number, a vehicle by plate and VIN') satisfies z.ZodType<AlertSubjectLine>;
