import { userCredential, keyCredential, type Role } from '@crosscheck/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, documentAlert, openTestDeps, type TestContext } from '../../test/engines.js';
import { LinkFollower } from '../links/link-follower.js';
import { namedAlerts } from './alert-names.js';
import { alertHistory } from './alert-history.js';
import { createAlert } from './create-alert.js';
import type { Ctx } from './deps.js';
import { getAlert } from './get-alert.js';
import { getHit } from './hits/get-hit.js';
import { decideLink } from './links/decide-link.js';
import { listLinks } from './links/list-links.js';
import { listAudit } from './list-audit.js';
import { createKey } from './manage-keys.js';
import { addUser } from './manage-users.js';
import { actorNames } from './actor-names.js';
import { decideReview } from './review/decide-review.js';
import { screen } from './screen.js';

const admin = as('IPO', 'admin');
const acting = (member: string, role: Role, credential: Ctx['actor']['credential']): Ctx => ({ actor: { member, role, credential }, requestId: `names-${credential}` });
const person = (family: string, given: string, birthDate: string, visibility: unknown = { mode: 'all' }) => ({ kind: 'person', category: 'missing', person: { names: [{ family, given }], birthDate }, visibility });

/**
 * Records and people by name: the audit trail, an alert's history and link decisions carry the
 * user's name or key's label beside the credential id, and the alert's subject beside its id —
 * only where the reader may see what is named.
 */
describe.each(ENGINES)('names beside ids on %s', (engine) => {
  let t: TestContext;
  let anna: Ctx;
  let gate: Ctx;
  beforeEach(async () => {
    t = await openTestDeps(engine);
    const user = await addUser(t.deps, admin, { username: 'fra.anna', member: 'FRA', role: 'bureau', password: 'a long passphrase 1' });
    const key = await createKey(t.deps, admin, { member: 'FRA', role: 'bureau', label: 'border gate 3' });
    anna = acting('FRA', 'bureau', userCredential(user.id));
    gate = acting('FRA', 'bureau', keyCredential(key.id));
  });
  afterEach(async () => t.close());

  it('names the actor and the alert on the audit trail, and no alert the auditor may not see', async () => {
    const meyer = await createAlert(t.deps, anna, person('MEYER', 'PAUL', '1990-02-03'));
    const secret = await createAlert(t.deps, gate, person('SECRET', 'SAM', '1981-01-01', { mode: 'only', members: ['DEU'] }));
    await getAlert(t.deps, as('ITA'), meyer.id);
    expect((await domainError(getAlert(t.deps, as('ITA'), secret.id))).kind).toBe('not-found');

    const fra = (await listAudit(t.deps, as('FRA', 'auditor'), { action: 'alert.create' })).items;
    const byAnna = fra.find((e) => e.target === `alert:${meyer.id}`)!;
    expect(byAnna).toMatchObject({ credential: anna.actor.credential, actorName: 'fra.anna', targetAlert: { id: meyer.id, owner: 'FRA', ownerName: 'France', subject: { kind: 'person', category: 'missing', name: { family: 'MEYER', given: 'PAUL' }, birthDate: '1990-02-03' } } });
    // The owner's auditor sees its own alert, whoever it is shared with.
    expect(fra.find((e) => e.target === `alert:${secret.id}`)).toMatchObject({ actorName: 'border gate 3', targetAlert: { subject: { name: { family: 'SECRET', given: 'SAM' } } } });

    // ITA tried to open an alert shared with DEU only: its auditor sees the attempt, not whom it was about.
    const ita = (await listAudit(t.deps, as('ITA', 'auditor'), { action: 'alert.read' })).items;
    expect(ita.find((e) => e.target === `alert:${meyer.id}`)?.targetAlert?.subject).toEqual({ kind: 'person', category: 'missing', name: { family: 'MEYER', given: 'PAUL' }, birthDate: '1990-02-03' });
    const refused = ita.find((e) => e.target === `alert:${secret.id}`)!;
    expect(refused).toMatchObject({ outcome: 'alert.not-found', targetAlert: null, targetName: null });
    expect(JSON.stringify(ita)).not.toContain('SECRET');
  });

  it('names a hit by its alert to the members party to it, and a credential target to its own member', async () => {
    const stolen = await createAlert(t.deps, anna, documentAlert('FRA', 'C01X00T47'));
    const [hit] = (await screen(t.deps, as('ITA', 'frontline'), { documents: [{ number: 'C01X00T47', issuingState: 'FRA' }] })).hits;
    await getHit(t.deps, as('ITA'), hit!.hitId!);
    const ita = (await listAudit(t.deps, as('ITA', 'auditor'), { action: 'hit.read' })).items;
    expect(ita[0]).toMatchObject({ target: `hit:${hit!.hitId}`, targetAlert: { id: stolen.id, ownerName: 'France', subject: { kind: 'document', documentType: 'passport', issuingState: 'FRA', number: 'C01X00T47', status: 'stolen-issued' } } });

    const created = (await listAudit(t.deps, as('FRA', 'auditor'), { action: 'user.add' })).items;
    expect(created[0]).toMatchObject({ target: anna.actor.credential, targetName: 'fra.anna (FRA)' });
    expect((await listAudit(t.deps, as('IPO', 'auditor'), { action: 'key.create' })).items[0]).toMatchObject({ target: gate.actor.credential, targetName: 'border gate 3 (FRA)' });
  });

  it('names an alert only to a reader that may read it in full: never a discreet check to the frontline', async () => {
    const discreet = await createAlert(t.deps, as('FRA'), { ...person('HIDDEN', 'HANS', '1970-01-01'), category: 'discreet-check' });
    const narrow = await createAlert(t.deps, as('FRA'), person('NARROW', 'NINA', '1971-01-01', { mode: 'only', members: ['DEU'] }));
    const ids = [discreet.id, narrow.id, 'not-an-alert'];
    expect([...(await namedAlerts(t.deps.db, { member: 'DEU', role: 'bureau' }, ids)).keys()].sort()).toEqual([discreet.id, narrow.id].sort());
    expect([...(await namedAlerts(t.deps.db, { member: 'DEU', role: 'frontline' }, ids)).keys()]).toEqual([narrow.id]);
    expect([...(await namedAlerts(t.deps.db, { member: 'ITA', role: 'auditor' }, ids)).keys()]).toEqual([discreet.id]);
  });

  it('names who changed an alert on its history, to the owner only', async () => {
    const meyer = await createAlert(t.deps, anna, person('MEYER', 'PAUL', '1990-02-03'));
    const own = await alertHistory(t.deps, as('FRA'), meyer.id);
    expect(own.items[0]).toMatchObject({ changedBy: anna.actor.credential, changedByName: 'fra.anna' });
    const other = await alertHistory(t.deps, as('DEU'), meyer.id);
    expect(other.items[0]).not.toHaveProperty('changedBy');
    expect(other.items[0]).not.toHaveProperty('changedByName');
  });

  it('names the analyst who decided a link to its own member, and the linked alerts by subject', async () => {
    await createAlert(t.deps, as('DEU'), documentAlert('DEU', 'C01X00T47'));
    await createAlert(t.deps, anna, person('MEYER', 'PAUL', '1990-02-03'));
    await createAlert(t.deps, as('FRA'), { ...person('MEYER', 'PAUL', '1990-02-03'), person: { names: [{ family: 'MEYER', given: 'PAUL' }], birthDate: '1990-02-03', documents: [{ issuingState: 'DEU', type: 'passport', number: 'C01X00T47' }] } });
    await new LinkFollower(t.deps).catchUp();
    const [link] = (await listLinks(t.deps, as('FRA', 'analyst'), { alertId: undefined })).items.filter((l) => l.basis === 'document');
    const analyst = await addUser(t.deps, admin, { username: 'fra.lea', member: 'FRA', role: 'analyst', password: 'a long passphrase 2' });
    const decided = await decideLink(t.deps, acting('FRA', 'analyst', userCredential(analyst.id)), link!.id, { color: 'green', reason: 'different people' });
    expect(decided).toMatchObject({ decidedMember: 'FRA', decidedBy: userCredential(analyst.id), decidedByName: 'fra.lea' });
    expect(decided.alerts.map((a) => a.ownerName).sort()).toEqual(['France', 'Germany']);
    const seenByEsp = (await listLinks(t.deps, as('ESP', 'analyst'), {})).items.find((l) => l.id === link!.id)!;
    expect(seenByEsp).toMatchObject({ decidedMember: 'FRA', decidedBy: null, decidedByName: null });
    expect(JSON.stringify(seenByEsp)).not.toContain('fra.lea');
  });
  it('names a user or key only to its own member and to the operator: never another member’s people', async () => {
    const deuUser = await addUser(t.deps, admin, { username: 'deu.max', member: 'DEU', role: 'bureau', password: 'a long passphrase 3' });
    const deuKey = await createKey(t.deps, admin, { member: 'DEU', role: 'bureau', label: 'deu gate 9' });
    const max = acting('DEU', 'bureau', userCredential(deuUser.id));
    const deuGate = acting('DEU', 'bureau', keyCredential(deuKey.id));
    const meyer = await createAlert(t.deps, anna, person('MEYER', 'PAUL', '1990-02-03'));
    await getAlert(t.deps, max, meyer.id);
    await getAlert(t.deps, deuGate, meyer.id);

    // FRA's auditor sees who read FRA's alert by credential id, member and role, not by name.
    const fra = (await listAudit(t.deps, as('FRA', 'auditor'), { action: 'alert.read' })).items;
    expect(fra.find((e) => e.credential === max.actor.credential)).toMatchObject({ member: 'DEU', role: 'bureau', actorName: null });
    expect(fra.find((e) => e.credential === deuGate.actor.credential)).toMatchObject({ member: 'DEU', role: 'bureau', actorName: null });
    expect(JSON.stringify(fra)).not.toMatch(/deu\.max|deu gate 9/);
    // DEU's own auditor and the operator's name them.
    for (const reader of [as('DEU', 'auditor'), as(t.deps.operator, 'auditor')]) {
      const items = (await listAudit(t.deps, reader, { action: 'alert.read' })).items;
      expect(items.find((e) => e.credential === max.actor.credential)?.actorName).toBe('deu.max');
      expect(items.find((e) => e.credential === deuGate.actor.credential)?.actorName).toBe('deu gate 9');
    }

    // The operator's reviewer who approved FRA's alert: FRA's trail and history show its member, not its name.
    const rita = await addUser(t.deps, admin, { username: 'ipo.rita', member: t.deps.operator, role: 'reviewer', password: 'a long passphrase 4' });
    const arrest = await createAlert(t.deps, anna, { ...person('LEBRUN', 'PAUL', '1965-01-02'), category: 'arrest', offence: { description: 'Armed robbery', maxSentenceYears: 10 } });
    await decideReview(t.deps, acting(t.deps.operator, 'reviewer', userCredential(rita.id)), arrest.id, { decision: 'approve', reason: 'meets the rules' });
    const reviewed = (await listAudit(t.deps, as('FRA', 'auditor'), { action: 'review.decide' })).items;
    expect(reviewed[0]).toMatchObject({ target: `alert:${arrest.id}`, credential: userCredential(rita.id), member: t.deps.operator, actorName: null });
    const history = (await alertHistory(t.deps, as('FRA'), arrest.id)).items;
    expect(history[0]).toMatchObject({ changedBy: anna.actor.credential, changedByName: 'fra.anna', changedByMember: 'FRA' });
    expect(history.at(-1)).toMatchObject({ action: expect.stringMatching(/approve/), changedBy: userCredential(rita.id), changedByName: null, changedByMember: t.deps.operator });
    expect(JSON.stringify(history)).not.toContain('ipo.rita');
    expect((await listAudit(t.deps, as(t.deps.operator, 'auditor'), { action: 'review.decide' })).items[0]?.actorName).toBe('ipo.rita');

    // The one rule, asked directly: a credential of FRA, and the command line (which belongs to no member).
    const credentials = [anna.actor.credential, gate.actor.credential, 'cli:root'];
    const names = async (member: string) => Object.fromEntries([...(await actorNames(t.deps.db, { member }, t.deps.operator, credentials))].map(([c, a]) => [c, a.name]));
    const [user, key] = [anna.actor.credential, gate.actor.credential];
    expect(await names('FRA')).toEqual({ [user]: 'fra.anna', [key]: 'border gate 3', 'cli:root': null });
    expect(await names('DEU')).toEqual({ [user]: null, [key]: null, 'cli:root': null });
    expect(await names(t.deps.operator)).toEqual({ [user]: 'fra.anna', [key]: 'border gate 3', 'cli:root': 'root' });
  });
});
