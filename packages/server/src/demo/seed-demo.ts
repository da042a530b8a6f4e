import { systemCredential, type Actor } from '@crosscheck/core';
import { createAlert } from '../app/create-alert.js';
import type { Ctx, Deps } from '../app/deps.js';
import { createKey } from '../app/manage-keys.js';
import { decideReview } from '../app/review/decide-review.js';
import { addUser } from '../app/manage-users.js';
import { randomToken } from '../app/secrets.js';
import { screen } from '../app/screen.js';
import { seedDemoAssets } from './seed-demo-assets.js';
import { seedDemoCases } from './seed-demo-cases.js';

export interface DemoCredentials {
  keys: { member: string; role: string; key: string }[];
  users: { username: string; member: string; role: string; password: string }[];
}

const DEMO_KEYS = [
  ['FRA', 'bureau'],
  ['DEU', 'bureau'],
  ['ITA', 'bureau'],
  ['FRA', 'frontline'],
  ['DEU', 'frontline'],
  ['IPO', 'reviewer'],
  ['IPO', 'auditor'],
  ['IPO', 'admin'],
  // An airline of DEU: it may only check travel documents (POST /api/v1/check/documents).
  ['DEU', 'carrier'],
] as const;

/**
 * Demo data for a first start: keys and users for a few members, and alerts of each kind.
 * Keys and passwords are random; the database stores only their hashes, and `serve --demo`
 * prints them and keeps them in the operator's file (cli/demo-credentials.ts).
 */
// The demo's seeding acts as the system, so the trail tells it from anyone's work.
const DEMO = systemCredential('demo');

export async function seedDemo(deps: Deps): Promise<DemoCredentials> {
  const admin: Ctx = { actor: { member: deps.operator, role: 'admin', credential: DEMO }, requestId: 'system/demo-seed' };
  const creds: DemoCredentials = { keys: [], users: [] };
  for (const [member, role] of DEMO_KEYS) {
    const k = await createKey(deps, admin, { member, role, label: 'demo' });
    creds.keys.push({ member, role, key: k.key });
  }
  for (const [member, role] of [['FRA', 'bureau'], ['DEU', 'bureau'], ['ITA', 'bureau'], ['DEU', 'frontline'], ['IPO', 'reviewer'], ['IPO', 'analyst'], ['IPO', 'auditor']] as const) {
    const username = `${member.toLowerCase()}.${role}`;
    const password = randomToken(12);
    await addUser(deps, admin, { username, member, role, password });
    creds.users.push({ username, member, role, password });
  }
  const as = (member: string, role: 'bureau' | 'frontline' | 'carrier' = 'bureau'): Ctx => ({ actor: { member, role, credential: DEMO } satisfies Actor, requestId: 'system/demo-seed' });
  const reviewer: Ctx = { actor: { member: deps.operator, role: 'reviewer', credential: DEMO }, requestId: 'system/demo-seed' };
  const ids: string[] = [];
  for (const [member, alert] of DEMO_ALERTS) {
    const created = await createAlert(deps, as(member), alert);
    ids.push(created.id);
    // The demo's wanted person has been through review, as a real one would before anyone screens it.
    if (created.status === 'pending-review') await decideReview(deps, reviewer, created.id, { decision: 'approve', reason: 'demo data: ordinary criminal offence' });
  }
  // The wanted person's assets (DEMO_ALERTS[3], DEU's arrest alert), linked to it.
  await seedDemoAssets(deps, as('DEU'), ids[3]!);
  // Left waiting, so the reviewer's queue has something to decide (its wording raises a pre-check flag).
  await createAlert(deps, as('FRA'), PENDING_ALERT);
  // Screenings at DEU's border, so the hits inbox, the dashboard and the links page have data.
  const desk: Ctx = { actor: { member: 'DEU', role: 'frontline', credential: DEMO }, requestId: 'system/demo-seed' };
  for (const query of DEMO_SCREENINGS) await screen(deps, desk, query);
  // The SIS recast categories, a carrier's check, a cleared traveller and a hit after the fact.
  await seedDemoCases(deps, as);
  return creds;
}

// Fictitious people and the ICAO 9303 specimen documents; nothing here describes a real person.
const DEMO_ALERTS: [string, unknown][] = [
  ['FRA', { kind: 'document', document: { issuingState: 'FRA', type: 'passport', number: '12AB34567', status: 'stolen-issued', eventDate: '2026-03' }, visibility: { mode: 'all-except', members: ['ITA'] } }],
  ['FRA', { kind: 'document', document: { issuingState: 'FRA', type: 'identity-card', number: 'X4RTBPFW4', status: 'lost' }, visibility: { mode: 'all' } }],
  ['DEU', { kind: 'document', document: { issuingState: 'D', type: 'passport', number: 'C01X00T47', status: 'stolen-blank' }, visibility: { mode: 'all' } }],
  [
    'DEU',
    {
      kind: 'person',
      category: 'arrest',
      person: {
        names: [{ family: 'ERIKSSON', given: 'ANNA MARIA' }, { full: 'Анна Мария Эрикссон', script: 'Cyrl', type: 'alias' }],
        birthDate: '1974-08-12',
        sex: 'F',
        nationalities: ['SWE'],
        warnings: ['escape-risk'],
        arrest: { charge: 'Armed robbery', law: 'StGB § 250', maximumPenalty: '15 years', warrantReference: 'DE-2026-0042' },
      },
      action: 'Arrest for extradition; inform the DEU bureau at once.',
      visibility: { mode: 'all' },
      publicNotice: true,
    },
  ],
  ['ITA', { kind: 'person', category: 'missing', person: { names: [{ family: 'ROSSI', given: 'GIULIA' }], birthDate: '2009', sex: 'F', nationalities: ['ITA'] }, visibility: { mode: 'all' }, publicNotice: true }],
  // The same person as DEU's wanted one, written in Cyrillic with the same birth date: the link follower proposes a yellow link.
  ['FRA', { kind: 'person', category: 'locate', person: { names: [{ full: 'Анна Мария Эрикссон', script: 'Cyrl' }], birthDate: '1974-08-12', sex: 'F' }, action: 'Locate and report the address to the FRA bureau.', visibility: { mode: 'all' } }],
  ['ITA', { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Fiat', model: 'Ducato', colour: 'white' }, visibility: { mode: 'only', members: ['DEU', 'FRA'] } }],
];

const PENDING_ALERT = {
  kind: 'person',
  category: 'arrest',
  person: { names: [{ family: 'LEFEVRE', given: 'MARC' }], birthDate: '1981-02-17', sex: 'M', nationalities: ['FRA'] },
  offence: { description: 'Insulting the head of state during a political demonstration', maxSentenceYears: 1 },
  action: 'Arrest and inform the FRA bureau.',
  visibility: { mode: 'all' },
};

const DEMO_SCREENINGS = [
  { documents: [{ number: '12AB34567', issuingState: 'FRA' }] },
  { person: { names: ['Anna Maria Eriksson'], birthDate: '1974-08-12' } },
];
