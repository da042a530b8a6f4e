import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { screenQuerySchema } from './screen-query.js';
import { probesOf } from './probes.js';

const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const probes = (q: unknown) => probesOf(screenQuerySchema.parse(q));

describe('probesOf', () => {
  it('reads the holder and the document from an MRZ', () => {
    const p = probes({ mrz: TD3 });
    expect(p.documents).toEqual([{ issuingState: 'UTO', number: 'L898902C3' }]);
    expect(p.person).toMatchObject({ birthDate: '1974-08-12', sex: 'F', documents: ['L898902C3'] });
    expect(p.person!.names).toHaveLength(1);
    expect(p.vehicle).toBeNull();
  });

  it('keeps the person the officer typed over the MRZ holder, and still screens the MRZ document', () => {
    const p = probes({ mrz: TD3, person: { names: ['Anna Erikson'], nationality: 'se' }, documents: [{ number: 'X1' }] });
    expect(p.person).toMatchObject({ nationalities: ['SWE'], documents: ['X1'] });
    expect(p.documents).toEqual([
      { issuingState: '', number: 'X1' },
      { issuingState: 'UTO', number: 'L898902C3' },
    ]);
  });

  it('refuses a zone it cannot read rather than screening nothing', () => {
    expect(() => probes({ mrz: 'HELLO WORLD' })).toThrow(DomainError);
  });
});
