import { describe, expect, it } from 'vitest';
import { mrzDocumentWarnings } from './document-warnings.js';
import { generateMrz } from './generate-mrz.js';
import { parseMrz } from './parse-mrz.js';

const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const warn = (lines: string[], today = '2026-12-06') => mrzDocumentWarnings(parseMrz(lines, { today }));

describe('mrzDocumentWarnings', () => {
  it('says the specimen passport expired in 2012 and comes from the specimen state, once', () => {
    expect(warn(SPECIMEN)).toEqual([
      { code: 'mrz.expired', message: 'the document expired on 2012-04-15', field: 'expiryDate', date: '2012-04-15' },
      expect.objectContaining({ code: 'mrz.specimen-state', field: 'issuingState', state: 'UTO' }),
    ]);
  });

  it('says nothing about the expiry before it comes', () => {
    expect(warn(SPECIMEN, '2011-01-01').map((w) => w.code)).toEqual(['mrz.specimen-state']);
  });

  it('names every failing check digit', () => {
    // The composite digit (last) changed from 0 to 7.
    const lines = [SPECIMEN[0]!, `${SPECIMEN[1]!.slice(0, 43)}7`];
    expect(warn(lines, '2011-01-01').find((w) => w.code === 'mrz.check-digit')).toMatchObject({ checks: ['composite'] });
  });

  it('suggests the OCR correction the parser proposes (O read for 0 in a date)', () => {
    const lines = [SPECIMEN[0]!, SPECIMEN[1]!.replace('7408122', '74O8122')];
    expect(warn(lines, '2011-01-01')).toContainEqual(expect.objectContaining({ code: 'mrz.ocr-suggestion', field: 'birthDate', from: 'O', to: '0' }));
  });

  it('tells an expiry further ahead than any passport runs as not yet valid', () => {
    const { lines } = generateMrz({ format: 'TD3', documentCode: 'P', issuingState: 'FRA', surname: 'MARTIN', givenNames: 'LEA', documentNumber: '12AB34567', nationality: 'FRA', birthDate: '1990-01-01', sex: 'F', expiryDate: '2044-01-01' });
    expect(warn(lines).map((w) => w.code)).toEqual(['mrz.not-yet-valid']);
    expect(warn(lines, '2034-01-01')).toEqual([]);
  });

  it('names a state code that is not ICAO’s', () => {
    const lines = [SPECIMEN[0]!.replace('UTO', 'QQQ'), SPECIMEN[1]!];
    expect(warn(lines, '2011-01-01')).toContainEqual(expect.objectContaining({ code: 'mrz.unknown-state', field: 'issuingState', state: 'QQQ' }));
  });
});
