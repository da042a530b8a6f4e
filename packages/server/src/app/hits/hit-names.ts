import { alertSubject, type AlertAccess, type AlertSubject } from '@crosscheck/core';
import type { HitDetail, HitFormView, HitView } from '@crosscheck/core/api';
import countries from 'i18n-iso-countries';
import { parseAlertBody } from '../../store/alert-body.js';
import { alertBodiesOf, formsOfHits, type HitRow } from '../../store/hit-repo.js';
import { memberNames } from '../../store/name-repo.js';
import type { Tx } from '../../store/write-transaction.js';
import { actorNames } from '../actor-names.js';
import { toFormView, toHitView } from './present-hit.js';

/**
 * What to call the records a hit names, so that an officer reads "ERIKSSON, Anna Maria (1974)"
 * and "Germany" rather than ids: the alert's subject, the two members, and the credentials shown
 * (a user by username, a key by its label). The ids stay in the view beside the names.
 */
export interface HitNames {
  subjects: Map<string, AlertSubject>;
  members: Map<string, string>;
  credentials: Map<string, string>;
}

/**
 * Reads the names for these hits, each alert's subject only where the reader sees the alert in
 * full (`access`, from `hitAccess`: absent means full). A discreet check read as its instruction
 * gets no subject: its name is exactly what the desk must not learn. Hidden alerts' hits are
 * never passed here (they are not shown at all).
 */
export async function hitNames(tx: Tx, hits: HitRow[], access: Map<string, AlertAccess>, credentials: (string | undefined)[]): Promise<HitNames> {
  const full = [...new Set(hits.map((h) => h.alert_id))].filter((id) => (access.get(id) ?? 'full') === 'full');
  const subjects = new Map<string, AlertSubject>();
  for (const row of await alertBodiesOf(tx, full)) subjects.set(row.id, alertSubject(parseAlertBody(row.body)));
  const members = await memberNames(tx, hits.flatMap((h) => [h.owner, h.screening_member]));
  return { subjects, members, credentials: await credentialNames(tx, credentials) };
}

/**
 * What to call the credentials that acted on a hit, for the people of their own member (the only
 * ones shown them; see present-hit.ts): a user by its username, a key by its label (else its
 * public prefix), which the page calls a key in the reader's language (the credential says which
 * it is). A command-line credential (`cli:…`) and the server's own (`system`) are left as written.
 */
export async function credentialNames(tx: Tx, credentials: (string | undefined)[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const shown = credentials.filter((c): c is string => c !== undefined && (c.startsWith('user:') || c.startsWith('key:')));
  for (const [credential, actor] of await actorNames(tx, shown)) {
    const name = actor.name ?? actor.prefix;
    if (name !== undefined) names.set(credential, name);
  }
  return names;
}

/** A form with the name of the credential that sent it, when it is shown and has a name. */
export async function formWithCredentialName(tx: Tx, form: HitFormView): Promise<HitFormView> {
  return withFormName(form, await credentialNames(tx, [form.createdBy]));
}

function withFormName(f: HitFormView, names: Map<string, string>): HitFormView {
  const name = f.createdBy !== undefined ? names.get(f.createdBy) : undefined;
  return name !== undefined ? { ...f, createdByName: name } : f;
}

/** The view with the names beside the ids it shows (a name is left out when there is none, or none may be shown). */
export function named<V extends HitView>(view: V, names: HitNames): V {
  const subject = names.subjects.get(view.alertId);
  const ownerName = names.members.get(view.owner);
  const screeningMemberName = names.members.get(view.screeningMember);
  // A country's alpha-2 code lets the page name it in the reader's language; an organisation has none.
  const ownerAlpha2 = countries.alpha3ToAlpha2(view.owner);
  const screeningMemberAlpha2 = countries.alpha3ToAlpha2(view.screeningMember);
  const screenedByName = view.screenedBy !== undefined ? names.credentials.get(view.screenedBy) : undefined;
  const byName = view.outcome?.by !== undefined ? names.credentials.get(view.outcome.by) : undefined;
  return {
    ...view,
    ...(subject !== undefined ? { subject } : {}),
    ...(ownerName !== undefined ? { ownerName } : {}),
    ...(screeningMemberName !== undefined ? { screeningMemberName } : {}),
    ...(ownerAlpha2 ? { ownerAlpha2 } : {}),
    ...(screeningMemberAlpha2 ? { screeningMemberAlpha2 } : {}),
    ...(screenedByName !== undefined ? { screenedByName } : {}),
    ...(view.outcome && byName !== undefined ? { outcome: { ...view.outcome, byName } } : {}),
  };
}

/** One hit with its thread, as `viewer` may see it, named (get-hit, record-outcome). */
export async function hitDetailFor(tx: Tx, viewer: string, hit: HitRow, access: AlertAccess): Promise<HitDetail> {
  // The thread of a discreet check is the bureaus' business, not the frontline's.
  const forms = access === 'instruction-only' ? [] : (await formsOfHits(tx, [hit.id])).map((f) => toFormView(viewer, f));
  const view = toHitView(viewer, hit, access);
  const names = await hitNames(tx, [hit], new Map([[hit.alert_id, access]]), [view.screenedBy, view.outcome?.by, ...forms.map((f) => f.createdBy)]);
  return { ...named(view, names), forms: forms.map((f) => withFormName(f, names.credentials)) };
}
