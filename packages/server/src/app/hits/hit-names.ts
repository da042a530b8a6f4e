import { alertAccess, alertSubject, type Actor, type AlertAccess, type AlertSubject } from '@crosscheck/core';
import type { ClearedBefore, HitDetail, HitFormView, HitView } from '@crosscheck/core/api';
import countries from 'i18n-iso-countries';
import { decodeAlertBody } from '../../store/alert-body.js';
import { versionAccessFacts } from '../../store/alert-repo.js';
import { formsOfHits, type HitRow } from '../../store/hit-repo.js';
import { clearancesOfHits } from '../../store/clearance-repo.js';
import { alertVersionsByKeys, memberNames } from '../../store/name-repo.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { actorNames } from '../actor-names.js';
import { namedAlerts } from '../alert-names.js';
import { toFormView, toHitView } from './present-hit.js';

/**
 * What to call the records a hit names, so that an officer reads "ERIKSSON, Anna Maria (1974)"
 * and "Germany" rather than ids: the alert's subject (per hit: two hits on one alert may have
 * been shown different versions of it), the two members, and the credentials shown (a user by
 * username, a key by its label). The ids stay in the view beside the names.
 */
export interface HitNames {
  subjects: Map<string, AlertSubject>;
  members: Map<string, string>;
  credentials: Map<string, string>;
  /** Per hit id, the clearance it was recorded under (app/clearances): only for hits read in full. */
  cleared?: Map<string, { clearanceId: string; at: string; member: string }>;
}

/**
 * Reads the names for these hits. A hit's alert is named only where the reader sees it in full
 * (`access`, from `hitAccess`: absent means full; a discreet check read as its instruction gets
 * no subject, its name being exactly what the desk must not learn), and then by the version the
 * reader may read, weighed by core `alertAccess` like any other reader of an alert:
 * - the current alert, when `alertAccess` gives the reader all of it (the owner, always; the
 *   screening member while the alert stays published and shared with it);
 * - else the version the hit was recorded on, which the screening member was shown when it
 *   screened. So an owner's edit waiting for review, or made after it narrowed who sees the
 *   alert, never reaches the other bureau through its hit.
 * Hidden alerts' hits are never passed here (they are not shown at all).
 */
export async function hitNames(db: Kysely<DB>, reader: Actor, operator: string, hits: HitRow[], access: Map<string, AlertAccess>, credentials: (string | undefined)[]): Promise<HitNames> {
  const full = hits.filter((h) => (access.get(h.alert_id) ?? 'full') === 'full');
  const current = await namedAlerts(db, reader, full.map((h) => h.alert_id));
  const subjects = new Map<string, AlertSubject>();
  const older: HitRow[] = [];
  for (const h of full) {
    const alert = current.get(h.alert_id);
    if (alert) subjects.set(h.id, alert.subject);
    else older.push(h);
  }
  const key = (alertId: string, version: number) => `${alertId}@${version}`;
  const versions = new Map((await alertVersionsByKeys(db, older.map((h) => ({ alertId: h.alert_id, version: Number(h.alert_version) })))).map((v) => [key(v.alert_id, v.version), v]));
  for (const h of older) {
    const row = versions.get(key(h.alert_id, Number(h.alert_version)));
    if (!row) continue;
    const decoded = decodeAlertBody(row.body);
    // Weighed with the version's own facts, as the alert's history weighs each version.
    if (alertAccess(reader, versionAccessFacts(h.owner, decoded, row.status)) === 'full') subjects.set(h.id, alertSubject(decoded.body));
  }
  const members = await memberNames(db, hits.flatMap((h) => [h.owner, h.screening_member]));
  return { subjects, members, credentials: await credentialNames(db, reader, operator, credentials), cleared: await clearancesOfHits(db, full.map((h) => h.id)) };
}

/**
 * What to call the credentials that acted on a hit, for the people of their own member (the only
 * ones shown them; see present-hit.ts) as `actorNames` allows: a user by its username, a key by
 * its label (else its public prefix), which the page calls a key in the reader's language (the
 * credential says which it is). A command-line credential (`cli:…`) and the server's own
 * (`system`) are left as written.
 */
export async function credentialNames(db: Kysely<DB>, reader: Actor, operator: string, credentials: (string | undefined)[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const shown = credentials.filter((c): c is string => c !== undefined && (c.startsWith('user:') || c.startsWith('key:')));
  for (const [credential, actor] of await actorNames(db, reader, operator, shown)) {
    const name = actor.name ?? actor.prefix;
    if (name !== undefined) names.set(credential, name);
  }
  return names;
}

/** A form with the name of the credential that sent it, when it is shown and has a name. */
export async function formWithCredentialName(db: Kysely<DB>, reader: Actor, operator: string, form: HitFormView): Promise<HitFormView> {
  return withFormName(form, await credentialNames(db, reader, operator, [form.createdBy]));
}

function withFormName(f: HitFormView, names: Map<string, string>): HitFormView {
  const name = f.createdBy !== undefined ? names.get(f.createdBy) : undefined;
  return name !== undefined ? { ...f, createdByName: name } : f;
}

/** The view with the names beside the ids it shows (a name is left out when there is none, or none may be shown). */
export function named<V extends HitView>(view: V, names: HitNames): V {
  const subject = names.subjects.get(view.id);
  const ownerName = names.members.get(view.owner);
  const screeningMemberName = names.members.get(view.screeningMember);
  // A country's alpha-2 code lets the page name it in the reader's language; an organisation has none.
  const ownerAlpha2 = countries.alpha3ToAlpha2(view.owner);
  const screeningMemberAlpha2 = countries.alpha3ToAlpha2(view.screeningMember);
  const screenedByName = view.screenedBy !== undefined ? names.credentials.get(view.screenedBy) : undefined;
  const byName = view.outcome?.by !== undefined ? names.credentials.get(view.outcome.by) : undefined;
  const cleared = names.cleared?.get(view.id);
  return {
    ...view,
    ...(subject !== undefined ? { subject } : {}),
    ...(ownerName !== undefined ? { ownerName } : {}),
    ...(screeningMemberName !== undefined ? { screeningMemberName } : {}),
    ...(ownerAlpha2 ? { ownerAlpha2 } : {}),
    ...(screeningMemberAlpha2 ? { screeningMemberAlpha2 } : {}),
    ...(screenedByName !== undefined ? { screenedByName } : {}),
    ...(view.outcome && byName !== undefined ? { outcome: { ...view.outcome, byName } } : {}),
    ...(cleared !== undefined ? { clearedBefore: clearedBeforeView(cleared, names.members) } : {}),
  };
}

/** One hit with its thread, as `viewer` may see it, named (get-hit, record-outcome). */
export async function hitDetailFor(db: Kysely<DB>, reader: Actor, operator: string, hit: HitRow, access: AlertAccess): Promise<HitDetail> {
  const viewer = reader.member;
  // The thread of a discreet check is the bureaus' business, not the frontline's.
  const forms = access === 'instruction-only' ? [] : (await formsOfHits(db, [hit.id])).map((f) => toFormView(viewer, f));
  const view = toHitView(viewer, hit, access);
  const names = await hitNames(db, reader, operator, [hit], new Map([[hit.alert_id, access]]), [view.screenedBy, view.outcome?.by, ...forms.map((f) => f.createdBy)]);
  return { ...named(view, names), forms: forms.map((f) => withFormName(f, names.credentials)) };
}

/** "Previously cleared on DATE by MEMBER", with the member's names as a hit's members are named. */
export function clearedBeforeView(c: { clearanceId: string; at: string; member: string }, members: Map<string, string>): ClearedBefore {
  const memberName = members.get(c.member);
  const memberAlpha2 = countries.alpha3ToAlpha2(c.member);
  return { clearanceId: c.clearanceId, at: c.at, member: c.member, ...(memberName !== undefined ? { memberName } : {}), ...(memberAlpha2 ? { memberAlpha2 } : {}) };
}
