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

/**
 * `responseSchema` for answers that give back what was stored (alerts and their versions): names
 * and types only, without the value rules of the input schema the shape is built from (lengths,
 * patterns, bounds). The serializer chooses a variant of a union by validating the value against
 * it, so a rule tightened after an alert was written would turn reading that alert into a 500.
 */
export function storedResponseSchema(description: string, schema: z.ZodType): Record<string, unknown> {
  return withoutValueRules(responseSchema(description, schema)) as Record<string, unknown>;
}

const VALUE_RULES = new Set(['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'format']);

function withoutValueRules(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutValueRules);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALUE_RULES.has(key)) continue;
    // `properties` maps names to schemas: a property may itself be called `pattern`.
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, s]) => [name, withoutValueRules(s)])) : withoutValueRules(value);
  }
  return out;
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
