import '../alert-editor/zod-jitless.ts';
import { screenQuerySchema, type ScreenQueryInput } from '@crosscheck/core';
import type { Translate } from '../../i18n/i18n.tsx';
import { fieldErrors, type FieldErrors } from '../alert-editor/validation.ts';

// Code fields whose rule differs from the alert form's (a traveller's nationality may be alpha-2).
const OWN_MESSAGES: Record<string, 'screening.error.nationality' | 'screening.error.issuingState'> = {
  'person.nationality': 'screening.error.nationality',
  'documents.0.issuingState': 'screening.error.issuingState',
};

/**
 * The same check as the API's (`POST /screen` parses with this schema), before anything is sent,
 * so a bad birth date is told beside its field. Messages by field path (`person.birthDate`).
 */
export function checkScreenQuery(t: Translate, query: ScreenQueryInput): FieldErrors {
  const result = screenQuerySchema.safeParse(query);
  if (result.success) return {};
  const errors = fieldErrors(t, result.error.issues);
  for (const [path, key] of Object.entries(OWN_MESSAGES)) if (errors[path] !== undefined) errors[path] = t(key);
  return errors;
}
