import type { z } from 'zod';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';

/** Validates outside input with a zod schema and turns failures into one DomainError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { field: path === '' ? '(body)' : path, message: issue.message };
  });
  const first = problems[0];
  const summary = first ? `${first.field}: ${first.message}` : 'invalid input';
  return throwValidation(summary, problems);
}

function throwValidation(summary: string, problems: FieldProblem[]): never {
  throw new DomainError('validation', 'validation.invalid', summary, problems);
}
