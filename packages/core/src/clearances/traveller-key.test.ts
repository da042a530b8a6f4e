import { describe, expect, it } from 'vitest';
import { probesOf } from '../screening/probes.js';
import { screenQuerySchema, type ScreenQueryInput } from '../screening/screen-query.js';
import { clearanceKeysOf, travellerIdentities } from './traveller-key.js';
import { travellerLabel } from './traveller-label.js';

const TODAY = '2010-01-01';
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const identities = (q: ScreenQueryInput) => travellerIdentities(probesOf(screenQuerySchema.parse(q), { today: TODAY }));

describe('a traveller’s identity for clearances', () => {
  it('is the document, normalised as the document index does: typed any way or read from the MRZ', () => {
    const forms: ScreenQueryInput[] = [
      { documents: [{ number: 'L898902C3', issuingState: 'UTO' }] },
      { documents: [{ number: 'l898 902-c3', issuingState: ' uto' }] },
      { documents: [{ number: 'L898902C3<', issuingState: 'UTO' }], person: { names: ['Someone Else'] } },
      { mrz: TD3 },
      // The MRZ and the same document typed beside it are one identity.
      { mrz: TD3, documents: [{ number: 'L898902C3', issuingState: 'UTO' }] },
    ];
    for (const q of forms) expect(identities(q)).toEqual(['document|UTO:L898902C3']);
    // ICAO's D is DEU, as in the index.
    expect(identities({ documents: [{ number: 'C01X00T47', issuingState: 'D' }] })).toEqual(identities({ documents: [{ number: 'C01X00T47', issuingState: 'DEU' }] }));
  });

  it('tells apart documents the index would only call OCR variants, and other states', () => {
    expect(identities({ documents: [{ number: 'L898902C3', issuingState: 'UTO' }] })).not.toEqual(identities({ documents: [{ number: 'L898902CE', issuingState: 'UTO' }] }));
    expect(identities({ documents: [{ number: 'L8989O2C3', issuingState: 'UTO' }] })).not.toEqual(identities({ documents: [{ number: 'L898902C3', issuingState: 'UTO' }] }));
    expect(identities({ documents: [{ number: 'L898902C3', issuingState: 'FRA' }] })).not.toEqual(identities({ documents: [{ number: 'L898902C3', issuingState: 'UTO' }] }));
  });

  it('is a full name with a full birth date and nationality when no document with its state is given', () => {
    const key = ['person|ANNA ERIKSSON|1974-08-12|SWE'];
    expect(identities({ person: { names: [{ family: 'Eriksson', given: 'Anna' }], birthDate: '1974-08-12', nationality: 'SE' } })).toEqual(key);
    expect(identities({ person: { names: ['  eriksson   ANNA'], birthDate: '1974-8-12', nationality: 'swe' } })).toEqual(key);
    expect(identities({ person: { names: ['Anna Eriksson'], birthDate: '1974-08-12', nationality: 'SWE' }, documents: [{ number: '123' }] })).toEqual(key);
    // Another script, read by the names pipeline.
    expect(identities({ person: { names: ['Анна Эрикссон'], birthDate: '1974-08-12', nationality: 'SWE' } })).toEqual(identities({ person: { names: ['Anna Eriksson'], birthDate: '1974-08-12', nationality: 'SWE' } }));
  });

  it('is nothing when the screening identifies nobody', () => {
    for (const q of [
      { person: { names: ['Anna Eriksson'], birthDate: '1974-08', nationality: 'SWE' } },
      { person: { names: ['Anna Eriksson'], birthDate: '1974-08-12' } },
      { person: { names: ['Eriksson'], birthDate: '1974-08-12', nationality: 'SWE' } },
      { person: { names: ['A. Eriksson'], birthDate: '1974-08-12', nationality: 'SWE' } },
      { documents: [{ number: 'L898902C3' }] },
      { documents: [{ number: '---', issuingState: 'UTO' }] },
      { vehicle: { vin: 'WVWZZZ1JZXW000001' } },
    ] satisfies ScreenQueryInput[]) {
      expect(identities(q)).toEqual([]);
    }
  });

  it('is stored as a hash bound to the alert, never as itself', () => {
    const probes = probesOf(screenQuerySchema.parse({ documents: [{ number: 'L898902C3', issuingState: 'UTO' }] }));
    const [a] = clearanceKeysOf(probes, 'alert-a');
    const [b] = clearanceKeysOf(probes, 'alert-b');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('L898902C3');
  });

  it('is shown as the screening gave it', () => {
    expect(travellerLabel(screenQuerySchema.parse({ person: { names: [{ family: 'Eriksson', given: 'Anna' }], birthDate: '1974-08-12', nationality: 'se' }, documents: [{ number: 'P 123', issuingState: 'swe' }] }))).toBe('Eriksson, Anna · 1974-08-12 · SE · SWE P 123');
    expect(travellerLabel(screenQuerySchema.parse({ mrz: TD3 }))).toBe('ERIKSSON, ANNA MARIA · 1974-08-12 · UTO L898902C3');
  });
});
