import './zod-jitless.ts';
import { alertInputSchema, cancelInputSchema, isRequiredIssue, requiredFieldError, type AlertInput } from '@crosscheck/core';
import type { MessageKey } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { fieldProblem } from '../../i18n/labels.ts';

/** Messages by field path (`person.names.0.family`), as the form shows them beside each field. */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The same check as the API's (`POST /alerts` parses with this schema), before anything is sent. */
export function checkAlert(t: Translate, input: unknown): Checked<AlertInput> {
  // The API's own wording of a missing field (core's requiredFieldError), then words for each rule.
  const result = alertInputSchema.safeParse(input, { error: requiredFieldError });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(t, result.error.issues) };
}

export function checkCancel(t: Translate, reason: string): Checked<string> {
  const result = cancelInputSchema.safeParse({ reason }, { error: requiredFieldError });
  return result.success ? { ok: true, value: result.data.reason } : { ok: false, errors: fieldErrors(t, result.error.issues) };
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  /** A date's problem, from core's date rule (partial-date.ts): `{ date: 'future' }`. */
  params?: { date?: string; wallet?: string; asset?: string };
}

/** The first problem of each field, in the user's language where we know the rule. */
export function fieldErrors(t: Translate, issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= messageOf(t, issue);
  }
  return out;
}

// Fields whose format rule is one of the core's code patterns, by their name in the schema.
const FORMAT_KEYS: Record<string, MessageKey> = {
  birthCountry: 'alertEditor.error.code3',
  nationalities: 'alertEditor.error.code3',
  refugeeFrom: 'alertEditor.error.code3',
  plateCountry: 'alertEditor.error.code3',
  country: 'alertEditor.error.code3',
  flag: 'alertEditor.error.code3',
  members: 'alertEditor.error.code3',
  issuingState: 'alertEditor.error.state',
  vin: 'alertEditor.error.vin',
  script: 'alertEditor.error.script',
  sourceRef: 'alertEditor.error.format',
};
const DATE_KEYS = new Set(['birthDate', 'otherBirthDates', 'eventDate']);

function messageOf(t: Translate, issue: Issue): string {
  // The field's own name: the last part of the path that is not a list position.
  const names = issue.path.filter((p): p is string => typeof p === 'string');
  const field = names[names.length - 1] ?? '';
  const lastIsIndex = typeof issue.path[issue.path.length - 1] === 'number';
  const limit = (v: unknown) => String(typeof v === 'bigint' ? Number(v) : v);
  if (isRequiredIssue(issue)) return t('alertEditor.error.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('alertEditor.error.required');
      if (issue.origin === 'array') return t('alertEditor.error.atLeast', { min: limit(issue.minimum) });
      return t('alertEditor.error.min', { min: limit(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('alertEditor.error.maxLength', { max: limit(issue.maximum) });
      if (issue.origin === 'array') return t('alertEditor.error.tooMany', { max: limit(issue.maximum) });
      return t('alertEditor.error.max', { max: limit(issue.maximum) });
    case 'invalid_format': {
      const key = FORMAT_KEYS[field];
      return key ? t(key) : issue.message;
    }
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('alertEditor.error.number') : issue.message;
    case 'invalid_value':
      return t('alertEditor.error.choose');
    case 'custom': {
      // A wrong format, an impossible day and a future birth date each have their own words.
      // (An end date must be written in full: its format has its own words.)
      const date = field === 'expiresAt' && issue.params?.date === 'format' ? undefined : issue.params?.date;
      const dateText = date ? fieldProblem(t, `date.${date}`) : null;
      if (dateText) return dateText;
      // A wallet address's checksum and format problems, by the core rule's code.
      const walletText = fieldProblem(t, issue.params?.wallet);
      if (walletText) return walletText;
      // An asset identifier's check (IBAN, BIC, IMO, registration mark), by the core rule's code.
      const assetText = fieldProblem(t, issue.params?.asset);
      if (assetText) return assetText;
      if (DATE_KEYS.has(field)) return t('alertEditor.error.date');
      if (field === 'expiresAt') return t('alertEditor.error.fullDate');
      if (field === 'names' && lastIsIndex) return t('alertEditor.error.nameNeeded');
      if (field === 'plateCountry') return t('alertEditor.error.plateCountry');
      if (field === 'vehicle' || (field === 'asset' && issue.path.length === 1)) return t('alertEditor.error.vehicleId');
      if (field === 'birthYearRange') return t('alertEditor.error.yearRange');
      return issue.message;
    }
    default:
      return issue.message;
  }
}
