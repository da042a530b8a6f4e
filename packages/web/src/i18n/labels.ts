import { ApiError } from '../api/client.ts';
import { isMessageKey } from './dictionary.ts';
import type { Translate } from './i18n.tsx';

/** A translated label for a server value (`category.arrest`), or the value itself when no text exists for it. */
export function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/**
 * What to tell a person about a failed request, in their language: the text of the problem's code
 * (messages/problem.*), with the field or the role it names; the server's own (English) detail
 * only for a code the app has no text for; or that the server could not be reached.
 */
export function failure(t: Translate, e: unknown): string {
  if (!(e instanceof ApiError) || e.status === 0) return t('common.networkError');
  const role = e.facts.role;
  const action = `problem.permission.${e.facts.permission ?? ''}`;
  if (e.code === 'access.forbidden' && role && isMessageKey(action)) return t('problem.role', { role: label(t, 'role', role), action: t(action) });
  const field = e.facts.errors?.[0];
  const fieldText = field && fieldProblem(t, field.code);
  if (field && fieldText) return t('problem.fieldError', { field: field.field, message: fieldText });
  const key = `problem.${e.code}`;
  return isMessageKey(key) ? t(key, { detail: e.message }) : e.message;
}

/**
 * The words for a field problem the app knows by code (`required`, `date.future`…), shared by the
 * forms' own checks and the API's refusals; null for any other.
 */
export function fieldProblem(t: Translate, code: string | undefined): string | null {
  const key = `problem.field.${code ?? ''}`;
  return code && isMessageKey(key) ? t(key) : null;
}

/**
 * The fields an API refusal names, each with its words, for a form to show beside the field
 * (`{ 'person.birthDate': 'A birth date cannot be in the future.' }`): the app's own text for the
 * problems it knows by code (the field's, else the refusal's own when it is more than "invalid":
 * `member.unknown`, `document.not-issuer`…), the server's message for the others. Empty for any
 * other failure. Bounds (`out-of-bounds`) are written with `formatNumber`, in the reader's digits.
 */
export function refusalFieldErrors(t: Translate, e: unknown, formatNumber: (n: number) => string = String): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  const own = `problem.${e.code}`;
  const refusalText = e.code !== 'validation.invalid' && isMessageKey(own) ? t(own, { detail: e.message }) : null;
  for (const p of e.facts.errors ?? []) out[p.field] ??= (p.code === 'out-of-bounds' && p.bounds ? t('problem.field.out-of-bounds', { min: formatNumber(p.bounds.min), max: formatNumber(p.bounds.max) }) : null) ?? fieldProblem(t, p.code) ?? refusalText ?? p.message;
  return out;
}
