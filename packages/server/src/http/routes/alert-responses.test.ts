import type { Role } from '@crosscheck/core';
import { alertChangesSchema, alertDetailSchema, alertHistorySchema, alertListSchema, alertFlagSchema, messageListSchema, messageViewSchema, photoInfoSchema, photoListSchema, reviewOutcomeSchema, reviewQueueSchema, storedAlertSchema } from '@crosscheck/core/api/schemas';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';
import { png } from '../../../test/png.js';

const CREDENTIALS: [string, Role][] = [
  ['FRA', 'bureau'],
  ['FRA', 'frontline'],
  ['DEU', 'bureau'],
  ['ITA', 'bureau'],
  ['IPO', 'reviewer'],
];

// Every optional field filled, so that a field the response schema forgets shows.
const PERSON = {
  kind: 'person',
  category: 'missing',
  person: {
    names: [
      { family: 'DUPONT', given: 'MARIE', full: 'Мари Дюпон', script: 'Cyrl', type: 'primary', weak: false },
      { family: 'DUPOND', type: 'alias', weak: true },
    ],
    sex: 'F',
    birthDate: '1980-04-02',
    birthDateUncertain: true,
    otherBirthDates: ['1980-02-04', '1981'],
    birthYearRange: { from: 1979, to: 1982 },
    birthPlace: 'Lyon',
    birthCountry: 'FRA',
    nationalities: ['FRA', 'BEL'],
    refugeeFrom: ['BLR'],
    documents: [{ issuingState: 'FRA', type: 'passport', number: '12AB34567' }, { type: 'identity-card', number: 'X99' }],
    walletAddresses: [{ address: '0x52908400098527886E0F7030069857D2E4169EE7', currency: 'ETH' }],
    description: { heightCm: 168, weightKg: 60, eyes: 'green', hair: 'brown', marks: 'scar on the left hand' },
    warnings: ['suicide-risk'],
    arrest: { charge: 'none: sought as missing', law: 'n/a', maximumPenalty: 'n/a', warrantReference: 'W-1' },
  },
  offence: { description: 'Disappearance', maxSentenceYears: 0, lawReference: 'Code civil' },
  visibility: { mode: 'all' },
  caseReference: 'CASE-1',
  action: 'Inform the FRA bureau',
  remarks: 'Last seen in Lyon',
  expiresAt: '2031-01-01',
  sourceRef: 'fr-case:1',
  hiddenFromFrontline: false,
  publicNotice: true,
};

const DOCUMENT = {
  kind: 'document',
  document: { issuingState: 'FRA', type: 'passport', number: '99ZZ12345', status: 'stolen-blank', eventDate: '2025-11', eventPlace: 'Marseille' },
  visibility: { mode: 'only', members: ['DEU'] },
  caseReference: 'CASE-2',
  action: 'Seize the document',
  remarks: 'Stolen with a batch of blanks',
  expiresAt: '2032-02-02',
  sourceRef: 'fr-doc:2',
  hiddenFromFrontline: true,
  publicNotice: false,
};

const VEHICLE = {
  kind: 'vehicle',
  vehicle: { vin: 'VF1AB000012345678', plate: 'AB-123-CD', plateCountry: 'FRA', make: 'Renault', model: 'Clio', colour: 'red', year: 2019 },
  visibility: { mode: 'all-except', members: ['ITA'] },
  caseReference: 'CASE-3',
  action: 'Stop and search',
  remarks: 'Used in a robbery',
  expiresAt: '2030-03-03',
  sourceRef: 'fr-veh:3',
  hiddenFromFrontline: false,
  publicNotice: false,
};

const DISCREET = {
  kind: 'person',
  category: 'discreet-check',
  person: { names: [{ family: 'MARTIN', given: 'PAUL' }], birthDate: '1975' },
  visibility: { mode: 'all' },
  action: 'Note who travels with him',
};

/** One answer of an alert route, as sent. */
interface Recorded {
  name: string;
  route: 'create' | 'get' | 'list' | 'update' | 'cancel' | 'history' | 'add photo' | 'photos' | 'flag' | 'review queue' | 'review decision' | 'send message' | 'messages' | 'message' | 'changes';
  status: number;
  body: string;
  /** What the route handed to fastify's serializer, as JSON would carry it. */
  given: unknown;
}

/**
 * Walks every alert route with every field of every kind filled: created, read by its owner and
 * another member (with territory flags), changed, cancelled, listed, and its history read; and a
 * discreet check read and listed by a frontline officer (its instruction only).
 */
async function recordAlertAnswers(h: Harness): Promise<Recorded[]> {
  const out: Recorded[] = [];
  // What the use case answered, before the response schema shaped it: a field the schema does not
  // name would be dropped from the body silently.
  let given: unknown;
  h.app.addHook('preSerialization', async (_req, _reply, payload) => {
    given = JSON.parse(JSON.stringify(payload));
    return payload;
  });
  const call = async (name: string, route: Recorded['route'], method: 'GET' | 'POST' | 'PATCH', url: string, member: string, role: Role = 'bureau', payload?: unknown) => {
    given = undefined;
    const image = Buffer.isBuffer(payload);
    const headers = { ...bearer(h.key(member, role)), ...(image ? { 'content-type': 'image/png' } : {}) };
    const res = await h.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    out.push({ name, route, status: res.statusCode, body: res.body, given });
    return res;
  };
  const ids: Record<string, string> = {};
  for (const [name, body] of Object.entries({ person: PERSON, document: DOCUMENT, vehicle: VEHICLE, discreet: DISCREET })) {
    const res = await call(`create ${name}`, 'create', 'POST', '/api/v1/alerts', 'FRA', 'bureau', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = (res.json() as { id: string }).id;
  }
  for (const name of ['person', 'document', 'vehicle']) {
    await call(`flag ${name}`, 'flag', 'POST', `/api/v1/alerts/${ids[name]}/flags`, 'DEU', 'bureau', { reason: 'not on our territory' });
  }
  for (const name of ['person', 'document', 'vehicle']) {
    await call(`get ${name} by its owner`, 'get', 'GET', `/api/v1/alerts/${ids[name]}`, 'FRA');
    await call(`get ${name} by a flagging member`, 'get', 'GET', `/api/v1/alerts/${ids[name]}`, 'DEU');
  }
  // An arrest is reviewed before it is published: once refused and resubmitted, so that the queue shows the refusal.
  const arrest = { ...PERSON, category: 'arrest', publicNotice: false, sourceRef: 'fr-case:4' };
  const submitted = await call('create an arrest', 'create', 'POST', '/api/v1/alerts', 'FRA', 'bureau', arrest);
  const arrestId = (submitted.json() as { id: string }).id;
  await call('refuse the arrest', 'review decision', 'POST', `/api/v1/review/${arrestId}/decision`, 'IPO', 'reviewer', { decision: 'reject', reason: 'The warrant is missing' });
  await call('resubmit the arrest', 'update', 'PATCH', `/api/v1/alerts/${arrestId}`, 'FRA', 'bureau', { offence: { description: 'Robbery, warrant W-2', maxSentenceYears: 12 } });
  await call('the review queue', 'review queue', 'GET', '/api/v1/review', 'IPO', 'reviewer');
  await call('approve the arrest', 'review decision', 'POST', `/api/v1/review/${arrestId}/decision`, 'IPO', 'reviewer', { decision: 'approve', reason: 'Warrant W-2 checked' });
  const sent = await call('send a message', 'send message', 'POST', '/api/v1/messages', 'FRA', 'bureau', { to: ['DEU', 'ITA'], subject: 'The Clio', body: 'Seen at the border.', handlingCode: 'H2', attachments: [{ filename: 'plate.jpg', contentType: 'image/jpeg', dataBase64: Buffer.from('not really a jpeg').toString('base64') }] });
  const messageId = (sent.json() as { id: string }).id;
  await call('read a message as a recipient', 'message', 'GET', `/api/v1/messages/${messageId}`, 'DEU');
  await call('read a message as its sender', 'message', 'GET', `/api/v1/messages/${messageId}`, 'FRA');
  await call('the inbox', 'messages', 'GET', '/api/v1/messages?box=inbox', 'DEU');
  await call('the sent box', 'messages', 'GET', '/api/v1/messages?box=sent', 'FRA');
  await call('add a photo', 'add photo', 'POST', `/api/v1/alerts/${ids.person}/photos`, 'FRA', 'bureau', png(3, 2));
  await call('photos by the owner', 'photos', 'GET', `/api/v1/alerts/${ids.person}/photos`, 'FRA');
  await call('photos by another member', 'photos', 'GET', `/api/v1/alerts/${ids.person}/photos`, 'DEU');
  await call('update person', 'update', 'PATCH', `/api/v1/alerts/${ids.person}`, 'FRA', 'bureau', { remarks: 'Seen again in Lyon' });
  await call('update document', 'update', 'PATCH', `/api/v1/alerts/${ids.document}`, 'FRA', 'bureau', { remarks: 'Batch of 20 blanks' });
  await call('update vehicle', 'update', 'PATCH', `/api/v1/alerts/${ids.vehicle}`, 'FRA', 'bureau', { caseReference: null });
  await call('cancel vehicle', 'cancel', 'POST', `/api/v1/alerts/${ids.vehicle}/cancel`, 'FRA', 'bureau', { reason: 'Found burnt out' });
  await call('list by the owner', 'list', 'GET', '/api/v1/alerts?limit=2', 'FRA');
  await call('list by the owner, next page', 'list', 'GET', `/api/v1/alerts?limit=500&cursor=${JSON.parse(out.at(-1)!.body).next}`, 'FRA');
  await call('list by another member', 'list', 'GET', '/api/v1/alerts', 'DEU');
  await call('list by a frontline officer', 'list', 'GET', '/api/v1/alerts', 'FRA', 'frontline');
  await call('get a discreet check by a frontline officer', 'get', 'GET', `/api/v1/alerts/${ids.discreet}`, 'FRA', 'frontline');
  await call('get a person by a frontline officer', 'get', 'GET', `/api/v1/alerts/${ids.person}`, 'FRA', 'frontline');
  // Narrowed after ITA read it: ITA's feed says `withdrawn`.
  await call('narrow the discreet check', 'update', 'PATCH', `/api/v1/alerts/${ids.discreet}`, 'FRA', 'bureau', { visibility: { mode: 'all-except', members: ['ITA'] } });
  await call('changes for the owner', 'changes', 'GET', '/api/v1/changes', 'FRA');
  await call('changes for another member', 'changes', 'GET', '/api/v1/changes', 'ITA');
  await call('changes for a frontline officer', 'changes', 'GET', '/api/v1/changes', 'FRA', 'frontline');
  for (const name of ['person', 'document', 'vehicle']) {
    await call(`history of ${name} by its owner`, 'history', 'GET', `/api/v1/alerts/${ids[name]}/history`, 'FRA');
    await call(`history of ${name} by another member`, 'history', 'GET', `/api/v1/alerts/${ids[name]}/history`, 'DEU');
  }
  return out;
}

describe.each(ENGINES)('alert answers (%s)', (engine) => {
  let h: Harness;
  let answers: Recorded[];
  beforeAll(async () => {
    h = await httpHarness(engine, CREDENTIALS);
    let n = 0;
    h.t.deps.newId = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
    let t = Date.parse('2026-06-01T08:00:00.000Z');
    h.t.deps.clock = () => new Date((t += 1000));
    answers = await recordAlertAnswers(h);
  });
  afterAll(async () => h.close());

  const CONTRACT: Record<Recorded['route'], z.ZodType> = { create: storedAlertSchema, update: storedAlertSchema, cancel: storedAlertSchema, get: alertDetailSchema, list: alertListSchema, history: alertHistorySchema, 'add photo': photoInfoSchema, photos: photoListSchema, flag: alertFlagSchema, 'review queue': reviewQueueSchema, 'review decision': reviewOutcomeSchema, 'send message': messageViewSchema, messages: messageListSchema, message: messageViewSchema, changes: alertChangesSchema };

  it('answers every route', () => {
    for (const a of answers) expect(a.status, `${a.name}: ${a.body}`).toBeLessThan(300);
    expect(new Set(answers.map((a) => a.route)).size).toBe(Object.keys(CONTRACT).length);
  });

  it('answers what the contract of @crosscheck/core/api describes, field by field', () => {
    // Strict: a field the use case sends and the schema does not name fails here, before the
    // serializer could drop it from the body.
    for (const a of answers) {
      const parsed = CONTRACT[a.route].safeParse(a.given);
      expect(parsed.success, `${a.name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('sends every field the use case answered, with its value unchanged', () => {
    for (const a of answers) expect(JSON.parse(a.body), a.name).toEqual(a.given);
  });

  it('gives a frontline officer the instruction of a discreet check and nothing else', () => {
    const one = JSON.parse(answers.find((a) => a.name === 'get a discreet check by a frontline officer')!.body) as Record<string, unknown>;
    expect(Object.keys(one).sort()).toEqual(['access', 'action', 'category', 'id', 'kind', 'owner']);
    expect(one.access).toBe('instruction-only');
    const listed = (JSON.parse(answers.find((a) => a.name === 'list by a frontline officer')!.body) as { items: Record<string, unknown>[] }).items;
    expect(listed.filter((i) => i.access === 'instruction-only').map((i) => i.id)).toEqual([one.id]);
    // The document is hidden from the frontline; the missing person and the approved arrest are read in full.
    expect(listed.filter((i) => i.access === undefined).map((i) => i.kind).sort()).toEqual(['person', 'person', 'vehicle']);
  });

  it('shows the visibility list, the flags and who changed it to the owner only', () => {
    const body = (name: string) => JSON.parse(answers.find((a) => a.name === name)!.body) as Record<string, unknown>;
    for (const kind of ['person', 'document', 'vehicle']) {
      const own = body(`get ${kind} by its owner`);
      expect(own.visibility, kind).toBeDefined();
      expect(own.flags, kind).toEqual([expect.objectContaining({ member: 'DEU', reason: 'not on our territory' })]);
      const other = body(`get ${kind} by a flagging member`);
      expect(other.visibility, kind).toBeUndefined();
      expect(other.flag, kind).toEqual(expect.objectContaining({ member: 'DEU' }));
      const ownHistory = (body(`history of ${kind} by its owner`) as { items: Record<string, unknown>[] }).items;
      expect(ownHistory[0]!.changedBy, kind).toMatch(/^key:/);
      const otherHistory = (body(`history of ${kind} by another member`) as { items: Record<string, unknown>[] }).items;
      expect(otherHistory.every((v) => v.changedBy === undefined && (v.alert as Record<string, unknown>).visibility === undefined), kind).toBe(true);
    }
    const queue = (body('the review queue') as { items: Record<string, unknown>[] }).items;
    expect(queue).toHaveLength(1);
    expect(queue[0]!.previousRejection).toEqual(expect.objectContaining({ reason: 'The warrant is missing' }));
    expect(body('approve the arrest')).toEqual(expect.objectContaining({ review: expect.objectContaining({ decision: 'approved' }) }));
    const sender = body('read a message as its sender');
    expect(sender.recipients).toEqual([expect.objectContaining({ member: 'DEU', readAt: expect.any(String) }), expect.objectContaining({ member: 'ITA', readAt: null })]);
    expect(body('read a message as a recipient').recipients).toBeUndefined();
    const changes = (name: string) => (body(name) as { items: Record<string, unknown>[] }).items;
    expect(changes('changes for another member').some((c) => c.action === 'withdrawn')).toBe(true);
    expect(changes('changes for a frontline officer').filter((c) => c.access === 'instruction-only')).toHaveLength(1);
    const photos = (name: string) => (body(name) as { items: Record<string, unknown>[] }).items;
    expect(photos('photos by the owner')[0]!.createdBy).toMatch(/^key:/);
    expect(photos('photos by another member')[0]!.createdBy).toBeUndefined();
    expect(body('cancel vehicle')).toEqual(expect.objectContaining({ status: 'cancelled', statusReason: 'Found burnt out' }));
  });
});
