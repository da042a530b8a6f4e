import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { base64DecodedSize, messageSchema } from './message-schemas.js';

function fieldsRejected(input: unknown): string[] {
  try {
    parseInput(messageSchema, input);
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((p) => p.field);
    throw e;
  }
  throw new Error('the input was accepted');
}

const base = { to: ['FRA'], subject: 'Stolen passports', body: 'See the list attached.', handlingCode: 'H1' };
const file = { filename: 'list.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.7').toString('base64') };

describe('message input', () => {
  it('upper-cases recipients and tells each member once', () => {
    expect(parseInput(messageSchema, { ...base, to: ['fra', 'FRA', 'ita'] }).to).toEqual(['FRA', 'ITA']);
  });

  it('refuses no recipient, more than 50, and codes that are not three letters', () => {
    expect(fieldsRejected({ ...base, to: [] })).toEqual(['to']);
    expect(fieldsRejected({ ...base, to: Array.from({ length: 51 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`) })).toEqual(['to']);
    expect(fieldsRejected({ ...base, to: ['FR'] })).toEqual(['to.0']);
  });

  it('accepts up to five attachments and refuses a sixth', () => {
    expect(parseInput(messageSchema, { ...base, attachments: [file] }).attachments).toEqual([file]);
    expect(fieldsRejected({ ...base, attachments: Array(6).fill(file) })).toEqual(['attachments']);
  });

  it('refuses file names with a path, a bad media type and data that is not base64', () => {
    expect(fieldsRejected({ ...base, attachments: [{ ...file, filename: '../etc/passwd' }] })).toEqual(['attachments.0.filename']);
    expect(fieldsRejected({ ...base, attachments: [{ ...file, filename: 'a\\b.pdf' }] })).toEqual(['attachments.0.filename']);
    expect(fieldsRejected({ ...base, attachments: [{ ...file, contentType: 'pdf' }] })).toEqual(['attachments.0.contentType']);
    expect(fieldsRejected({ ...base, attachments: [{ ...file, dataBase64: 'not base64!' }] })).toEqual(['attachments.0.dataBase64']);
  });

  it('computes the decoded size of base64 without decoding', () => {
    for (const n of [0, 1, 2, 3, 4, 1000]) expect(base64DecodedSize(Buffer.alloc(n).toString('base64'))).toBe(n);
  });
});
