import type { Ctx, Deps } from '../app/deps.js';
import { checkDocuments } from '../app/check-documents.js';
import { createAlert } from '../app/create-alert.js';
import { recordHitOutcome } from '../app/hits/record-outcome.js';
import { screen } from '../app/screen.js';

/**
 * What a first start should show of the SIS recast categories, carrier checks, cleared travellers
 * and hits found after the fact, each with a hit in the inbox: alerts of the three recast
 * categories screened at DEU's border, a carrier's check of FRA's stolen passport, a traveller DEU's
 * desk found not to be FRA's person, and a traveller screened before FRA published its alert on him
 * (the server's lookback finds that hit after it starts). Fictitious people only.
 */
export async function seedDemoCases(deps: Deps, as: (member: string, role?: 'bureau' | 'frontline' | 'carrier') => Ctx): Promise<void> {
  const desk = as('DEU', 'frontline');
  // Screened before the alert exists: the lookback (CROSSCHECK_LOOKBACK_HOURS) turns it into a hit.
  await screen(deps, desk, { person: { names: ['Jonas Berg'], birthDate: '1990-01-09', nationality: 'NOR' } });
  for (const [member, alert] of RECAST_ALERTS) await createAlert(deps, as(member), alert);
  await createAlert(deps, as('FRA'), AFTER_THE_FACT_ALERT);
  for (const query of RECAST_SCREENINGS) await screen(deps, desk, query);

  // An airline of DEU checks its passengers' passports before boarding: one is FRA's stolen one.
  await checkDocuments(deps, as('DEU', 'carrier'), {
    documents: [
      { issuingState: 'FRA', number: '12AB34567', type: 'passport' },
      { issuingState: 'NOR', number: 'NO1234567', type: 'passport' },
    ],
  });

  // A namesake of FRA's Cyrillic person: DEU's desk checks and records "not the same person".
  const namesakeQuery = { person: { names: ['Анна Мария Эрикссон'], birthDate: '1974-08-12', nationality: 'SWE' }, documents: [{ issuingState: 'SWE', number: 'SE7765432', type: 'passport' }] };
  const namesake = await screen(deps, desk, namesakeQuery);
  const onFra = namesake.hits.find((h) => 'owner' in h && h.owner === 'FRA' && typeof h.hitId === 'string');
  if (typeof onFra?.hitId === 'string') await recordHitOutcome(deps, desk, onFra.hitId, { outcome: 'not-same-person', note: 'Different passport and photograph; the traveller is a namesake.' });
  // The namesake crosses again: the hit is recorded "previously cleared", and FRA is not told again.
  await screen(deps, desk, namesakeQuery);
}

const RECAST_ALERTS: [string, unknown][] = [
  [
    'FRA',
    {
      kind: 'person',
      category: 'inquiry-check',
      person: { names: [{ family: 'DUBOIS', given: 'KARIM' }], birthDate: '1988-05-04', sex: 'M', nationalities: ['FRA'] },
      inquiry: { questions: ['Where is the person travelling to, and for how long?', 'Who is travelling with the person?'] },
      visibility: { mode: 'all' },
    },
  ],
  [
    'ITA',
    {
      kind: 'person',
      category: 'preventive',
      person: { names: [{ family: 'ROSSI', given: 'LUCA' }], birthDate: '2016-02-11', sex: 'M', nationalities: ['ITA'] },
      preventive: { subject: 'child-abduction-risk', instruction: 'Do not let the child leave; keep the child safe and call the ITA bureau, which will reach the mother.' },
      visibility: { mode: 'all' },
    },
  ],
  [
    'FRA',
    {
      kind: 'person',
      category: 'return-decision',
      person: { names: [{ family: 'OKAFOR', given: 'DANIEL' }], birthDate: '1993-07-21', sex: 'M', nationalities: ['NGA'] },
      returnDecision: { decidedOn: '2026-10-01', leaveBy: '2026-11-30', reference: 'FR-OQTF-2026-118' },
      visibility: { mode: 'all' },
    },
  ],
];

const AFTER_THE_FACT_ALERT = {
  kind: 'person',
  category: 'missing',
  person: { names: [{ family: 'BERG', given: 'JONAS' }], birthDate: '1990-01-09', sex: 'M', nationalities: ['NOR'] },
  action: 'Tell the FRA bureau where and when the person was seen.',
  visibility: { mode: 'all' },
};

const RECAST_SCREENINGS = [
  { person: { names: ['Karim Dubois'], birthDate: '1988-05-04', nationality: 'FRA' } },
  { person: { names: ['Luca Rossi'], birthDate: '2016-02-11', nationality: 'ITA' } },
  { person: { names: ['Daniel Okafor'], birthDate: '1993-07-21', nationality: 'NGA' } },
];
