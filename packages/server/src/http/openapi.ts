import { z } from 'zod';

/**
 * JSON Schema for OpenAPI, generated from the zod schema that validates the same input, so the
 * documentation cannot drift from the code. Refinements that JSON Schema cannot express are
 * checked by zod at run time only.
 */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * An OpenAPI response generated from the zod schema of the API contract (@crosscheck/core/api),
 * the same schema the tests parse real answers with, so the documented answer is the one sent.
 */
export function responseSchema(description: string, schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { description, ...rest };
}

export const problemResponse = {
  description: 'An RFC 9457 problem (application/problem+json) with a stable `code` and the offending `field`',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    field: { type: 'string' },
    requestId: { type: 'string' },
  },
} as const;

export const idParam = { type: 'object', properties: { id: { type: 'string', maxLength: 40 } }, required: ['id'] } as const;
