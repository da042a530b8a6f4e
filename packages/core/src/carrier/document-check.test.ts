import { describe, expect, it } from 'vitest';
import type { AlertAccess } from '../access/alert-access.js';
import { DomainError } from '../errors/domain-error.js';
import { parseInput } from '../validation/parse-input.js';
import { carrierHit, carrierResult, documentCheckSchema, MAX_CHECK_DOCUMENTS, type CheckCandidate } from './document-check.js';

// `hiddenFromFrontline`: what alertAccess answers the carrier of such an alert (hidden).
const found = (kind: CheckCandidate['kind'], code: string, hiddenFromFrontline = false): CheckCandidate & { access: AlertAccess } => ({ kind, reasons: [{ code, number: '12AB34567', state: 'FRA' } as never], access: hiddenFromFrontline ? 'hidden' : 'full' });

describe('which results a carrier check counts', () => {
  it.each([
    ['a document alert on the same number', found('document', 'document.same-number'), true],
    ['a document alert on an OCR look-alike', found('document', 'document.ocr-variant'), false],
    ['a person alert holding the document', found('person', 'document.held'), false],
    ['a person alert holding a look-alike', found('person', 'document.held-ocr-variant'), false],
    ['a reason stored as an old sentence', { kind: 'document', reasons: ['document FRA 12AB34567: same number'] } as CheckCandidate, false],
  ])('%s: hit %s', (_, candidate, hit) => {
    expect(carrierHit(candidate)).toBe(hit);
  });

  it('refers when one counted alert is not hidden from the frontline, and only then', () => {
    expect(carrierResult([])).toBe('no-hit');
    expect(carrierResult([found('document', 'document.same-number')])).toBe('refer');
    expect(carrierResult([found('document', 'document.same-number', true)])).toBe('no-hit');
    expect(carrierResult([found('document', 'document.same-number', true), found('document', 'document.same-number')])).toBe('refer');
    expect(carrierResult([found('document', 'document.ocr-variant'), found('person', 'document.held')])).toBe('no-hit');
  });
});

describe('the check’s request', () => {
  const doc = { issuingState: 'fra ', number: '12AB34567', type: 'passport' };
  const problem = (input: unknown) => {
    try {
      parseInput(documentCheckSchema, input);
    } catch (e) {
      return (e as DomainError).problems?.[0]?.field;
    }
    return null;
  };

  it('takes 1 to MAX_CHECK_DOCUMENTS documents, the state upper-cased', () => {
    expect(parseInput(documentCheckSchema, { documents: [doc] }).documents[0]!.issuingState).toBe('FRA');
    expect(parseInput(documentCheckSchema, { documents: Array(MAX_CHECK_DOCUMENTS).fill(doc) }).documents).toHaveLength(MAX_CHECK_DOCUMENTS);
  });

  it.each([
    [{ documents: Array(MAX_CHECK_DOCUMENTS + 1).fill(doc) }, 'documents'],
    [{ documents: [] }, 'documents'],
    [{}, 'documents'],
    [{ documents: [doc], limit: 5 }, 'limit'],
    [{ documents: [doc, { ...doc, number: '' }] }, 'documents.1.number'],
    [{ documents: [doc, doc, { ...doc, number: 'x'.repeat(41) }] }, 'documents.2.number'],
    [{ documents: [{ ...doc, type: 'ticket' }] }, 'documents.0.type'],
    [{ documents: [{ number: '1', type: 'passport' }] }, 'documents.0.issuingState'],
    [{ documents: [{ ...doc, issuingState: 'F1' }] }, 'documents.0.issuingState'],
    [{ documents: [{ ...doc, name: 'ANNA' }] }, 'documents.0.name'],
  ])('refuses %j naming %s', (input, field) => {
    expect(problem(input)).toBe(field);
  });
});
