import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { generateMrz } from '../mrz/index.js';
import { screenQuerySchema } from './screen-query.js';
import { probesOf } from './probes.js';

// The Doc 9303 specimen passport: issued by UTO (the specimen state), expired on 2012-04-15.
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TODAY = '2026-12-06';
const probes = (q: unknown) => probesOf(screenQuerySchema.parse(q), { today: TODAY });

describe('probesOf', () => {
  it('reads the holder and the document from an MRZ', () => {
    const p = probes({ mrz: TD3 });
    expect(p.documents).toEqual([{ source: 'mrz-document', issuingState: 'UTO', number: 'L898902C3' }]);
    expect(p.persons).toHaveLength(1);
    expect(p.persons[0]).toMatchObject({ source: 'mrz-holder', facts: { birthDate: '1974-08-12', sex: 'F', documents: ['L898902C3'] } });
    expect(p.vehicle).toBeNull();
  });

  it('screens the person typed and the MRZ holder each on its own, and every document', () => {
    const p = probes({ mrz: TD3, person: { names: ['Anna Erikson'], nationality: 'se' }, documents: [{ number: 'X1' }] });
    expect(p.persons.map((x) => x.source)).toEqual(['person', 'mrz-holder']);
    expect(p.persons[0]!.facts).toMatchObject({ nationalities: ['SWE'], documents: ['X1'] });
    expect(p.persons[1]!.facts).toMatchObject({ birthDate: '1974-08-12', documents: ['L898902C3'] });
    expect(p.documents).toEqual([
      { source: 'document', issuingState: '', number: 'X1' },
      { source: 'mrz-document', issuingState: 'UTO', number: 'L898902C3' },
    ]);
  });

  it('warns when the person typed is not the MRZ holder, naming each fact that differs', () => {
    const p = probes({ mrz: TD3, person: { names: ['Muammar Gaddafi'], birthDate: '1942', sex: 'M', nationality: 'ly' } });
    const differs = p.warnings.filter((w) => w.code === 'mrz.holder-differs');
    expect(differs.map((w) => w.field)).toEqual(['names', 'birthDate', 'sex']);
    expect(differs[0]).toMatchObject({ typed: 'Muammar Gaddafi', read: 'ERIKSSON, ANNA MARIA' });
    expect(differs[1]).toMatchObject({ typed: '1942', read: '1974-08-12' });
  });

  it('does not warn when the person typed agrees with the holder, if less precisely', () => {
    const p = probes({ mrz: TD3, person: { names: ['Anna Maria Eriksson'], birthDate: '1974', sex: 'F' } });
    expect(p.warnings.filter((w) => w.code === 'mrz.holder-differs')).toEqual([]);
  });

  it('compares nationalities as codes, alpha-2 or alpha-3, and only where both sides name a real state', () => {
    const { lines } = generateMrz({ format: 'TD3', documentCode: 'P', issuingState: 'SWE', documentNumber: 'AA0000001', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nationality: 'SWE', birthDate: '1974-08-12', sex: 'F', expiryDate: '2030-01-01' });
    const differs = (nationality: string) => probes({ mrz: lines.join('\n'), person: { names: ['Anna Maria Eriksson'], nationality } }).warnings.filter((w) => w.code === 'mrz.holder-differs');
    expect(differs('se')).toEqual([]);
    expect(differs('SWE')).toEqual([]);
    expect(differs('de')).toEqual([expect.objectContaining({ field: 'nationality', typed: 'DE', read: 'SWE' })]);
    // The specimen's UTO is no state: nothing to disagree with.
    expect(probes({ mrz: TD3, person: { names: ['Anna Maria Eriksson'], nationality: 'de' } }).warnings.filter((w) => w.code === 'mrz.holder-differs')).toEqual([]);
  });

  it('tells the document’s own state: expired, specimen state', () => {
    const codes = probes({ mrz: TD3 }).warnings.map((w) => w.code);
    expect(codes).toEqual(['mrz.expired', 'mrz.specimen-state']);
    expect(probes({ mrz: TD3 }).warnings[0]).toMatchObject({ date: '2012-04-15' });
  });

  it('refuses a zone it cannot read rather than screening nothing', () => {
    expect(() => probes({ mrz: 'HELLO WORLD' })).toThrow(DomainError);
  });
});
