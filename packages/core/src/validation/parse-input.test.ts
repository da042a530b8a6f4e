import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from './parse-input.js';

const schema = z.object({ name: z.string().min(1), tags: z.array(z.string().max(3)).optional() }).strict();

function rejection(input: unknown, root?: string): DomainError {
  try {
    parseInput(schema, input, root);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('the input was accepted');
}

describe('parseInput', () => {
  it('returns the parsed value for good input', () => {
    expect(parseInput(schema, { name: 'x', tags: ['a'] })).toEqual({ name: 'x', tags: ['a'] });
  });

  it('throws a validation error naming the dotted path of the bad field', () => {
    const error = rejection({ name: 'x', tags: ['ok', 'toolong'] });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('validation.invalid');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.field).toBe('tags.1');
    expect(error.message).toBe(`tags.1: ${error.problems[0]?.message}`);
  });

  it('prefixes paths with the root it is given', () => {
    expect(rejection({ name: '' }, 'alert').problems[0]?.field).toBe('alert.name');
    expect(rejection(42, 'alert').problems[0]?.field).toBe('alert');
  });

  it('names the whole body when the input is not an object at all', () => {
    expect(rejection(42).problems[0]?.field).toBe('(body)');
  });

  it('reports every bad field', () => {
    const error = rejection({ name: '', tags: ['long1', 'ok', 'long2'] });
    expect(error.problems.map((p) => p.field)).toEqual(['name', 'tags.0', 'tags.2']);
  });
});

describe('a missing required field', () => {
  const shape = z.object({ visibility: z.object({ mode: z.string() }), kind: z.enum(['person', 'vehicle']), name: z.string(), note: z.string().optional() }).strict();
  const refusal = (input: unknown) => {
    try {
      parseInput(shape, input, 'alert');
    } catch (e) {
      if (e instanceof DomainError) return e;
    }
    throw new Error('accepted');
  };

  it('is named as missing, whatever its type, not in zod’s words about types', () => {
    const error = refusal({});
    expect(error.problems).toEqual([
      { field: 'alert.visibility', message: 'alert.visibility is required', code: 'required' },
      { field: 'alert.kind', message: 'alert.kind is required', code: 'required' },
      { field: 'alert.name', message: 'alert.name is required', code: 'required' },
    ]);
    expect(error.message).toBe('alert.visibility is required');
    expect(JSON.stringify(error.problems)).not.toMatch(/received undefined|expected/);
  });

  it('keeps the type message for a field that is there with the wrong type', () => {
    const error = refusal({ visibility: 'all', kind: 'person', name: 'x' });
    expect(error.problems[0]?.field).toBe('alert.visibility');
    expect(error.problems[0]?.message).not.toContain('required');
  });
});
