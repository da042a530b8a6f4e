/**
 * zod's own words for a field that is absent are about types ("Invalid input: expected object,
 * received undefined"); a person needs to read that the field is missing. This error map, given
 * to every parse of outside input (parseInput, and the web's forms), words every absent required
 * field the same way, whatever its type: the message is REQUIRED, and parseInput names the field.
 */
export const REQUIRED = 'required';

const ABSENT_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

export function requiredFieldError(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.input === undefined && ABSENT_CODES.has(issue.code ?? '') ? REQUIRED : undefined;
}

/** Whether a parse issue (made with requiredFieldError) is about a required field left out. */
export const isRequiredIssue = (issue: { message: string }): boolean => issue.message === REQUIRED;
