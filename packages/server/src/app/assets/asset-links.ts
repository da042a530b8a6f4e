import { alertAccess, alertSubject, DomainError, type AlertInput, type Reader } from '@crosscheck/core';
import type { AssetLink } from '@crosscheck/core/api';
import type { Kysely } from 'kysely';
import { accessFactsOf, type AlertRow } from '../../store/alert-repo.js';
import { parseAlertBody } from '../../store/alert-body.js';
import { assetRowsNaming } from '../../store/asset-link-repo.js';
import { alertsByIds } from '../../store/name-repo.js';
import type { DB } from '../../store/schema.js';
import type { Tx } from '../../store/write-transaction.js';

type Db = Kysely<DB> | Tx;
type AccessRow = Awaited<ReturnType<typeof alertsByIds>>[number];

/** At most this many asset alerts are listed on a person alert: a page, not an export. */
export const MAX_LISTED_ASSETS = 100;

const fullyReadable = (reader: Reader, row: AccessRow | AlertRow) => alertAccess(reader, accessFactsOf(row)) === 'full';

/**
 * The alerts an asset alert refers to must be of the right kind and readable in full by its
 * creator: `persons[i]` person alerts, `asset.vehicleAlertId` a vehicle alert. Absent, hidden, of
 * another kind, or a discreet check read as an instruction: one same refusal, so that the answer
 * says nothing of whether an id the creator may not see exists.
 */
export async function checkAssetReferences(db: Db, reader: Reader, input: AlertInput, previous?: AlertInput): Promise<void> {
  if (input.kind !== 'asset') return;
  // A change checks only what it adds: a person alert named before and since hidden from the
  // owner (its owner narrowed the list) stays named, and does not block every later change.
  const before = previous?.kind === 'asset' ? previous : undefined;
  const kept = new Set(before?.persons ?? []);
  const persons = input.persons ?? [];
  const beforeVehicle = before?.asset.type === 'vehicle' ? before.asset.vehicleAlertId : undefined;
  const vehicle = input.asset.type === 'vehicle' && input.asset.vehicleAlertId !== beforeVehicle ? input.asset.vehicleAlertId : undefined;
  const rows = new Map((await alertsByIds(db, [...persons, ...(vehicle !== undefined ? [vehicle] : [])])).map((r) => [r.id, r]));
  const usable = (id: string, kind: string) => {
    const row = rows.get(id);
    return row !== undefined && row.kind === kind && fullyReadable(reader, row);
  };
  persons.forEach((id, i) => {
    if (!kept.has(id) && !usable(id, 'person')) throw unreadable(`persons.${i}`, 'person');
  });
  if (vehicle !== undefined && !usable(vehicle, 'vehicle')) throw unreadable('asset.vehicleAlertId', 'vehicle');
}

const unreadable = (field: string, kind: string): DomainError => {
  const message = `not a ${kind} alert you may read`;
  return new DomainError('validation', 'validation.invalid', `${field}: ${message}`, [{ field, message, code: 'asset.reference' }]);
};

function linkOf(row: AccessRow | AlertRow): AssetLink {
  return { id: row.id, kind: row.kind as AssetLink['kind'], status: row.status as AssetLink['status'], owner: row.owner, subject: alertSubject(parseAlertBody(row.body)) };
}

/** The person alerts an asset alert names that `reader` may read in full, in the order it names them. */
export async function personLinks(db: Db, reader: Reader, persons: readonly string[]): Promise<AssetLink[]> {
  const rows = new Map((await alertsByIds(db, persons)).map((r) => [r.id, r]));
  return persons.flatMap((id) => {
    const row = rows.get(id);
    return row && row.kind === 'person' && fullyReadable(reader, row) ? [linkOf(row)] : [];
  });
}

/** The asset alerts naming a person alert that `reader` may read in full, newest first. */
export async function assetLinks(db: Db, reader: Reader, personAlertId: string): Promise<AssetLink[]> {
  // Hidden ones are dropped after the read: ask for more than a page so that they rarely shorten it.
  const rows = await assetRowsNaming(db, personAlertId, MAX_LISTED_ASSETS * 4);
  return rows.filter((r) => fullyReadable(reader, r)).slice(0, MAX_LISTED_ASSETS).map(linkOf);
}

type Referring = { kind: string; persons?: string[] | undefined; asset?: unknown };
const vehicleIdOf = (a: Referring): string | undefined => (a.kind === 'asset' ? (a.asset as { vehicleAlertId?: string } | undefined)?.vehicleAlertId : undefined);

/**
 * An asset alert body as `reader` is shown it: `persons` keeps only the person alerts the reader
 * may read in full, and `asset.vehicleAlertId` is left out unless the reader may read that vehicle
 * alert in full (an id the reader may not see is not the reader's to learn, nor how many there
 * are). Other kinds, and bodies that name no alert, are returned as they are.
 */
export async function withVisiblePersons<A extends Referring>(db: Db, reader: Reader, alerts: A[]): Promise<A[]> {
  const named = alerts.flatMap((a) => (a.kind === 'asset' ? [...(a.persons ?? []), ...(vehicleIdOf(a) !== undefined ? [vehicleIdOf(a)!] : [])] : []));
  if (named.length === 0) return alerts;
  const rows = await alertsByIds(db, named);
  const readable = (kind: string) => new Set(rows.filter((r) => r.kind === kind && fullyReadable(reader, r)).map((r) => r.id));
  const persons = readable('person');
  const vehicles = readable('vehicle');
  return alerts.map((a) => {
    if (a.kind !== 'asset') return a;
    const { persons: named, ...rest } = a;
    const kept = (named ?? []).filter((id) => persons.has(id));
    const shown = (kept.length > 0 ? { ...rest, persons: kept } : rest) as A;
    const vehicle = vehicleIdOf(a);
    if (vehicle === undefined || vehicles.has(vehicle)) return shown;
    const { vehicleAlertId: _hidden, ...asset } = a.asset as Record<string, unknown>;
    return { ...shown, asset };
  });
}

/**
 * An alert read in full, with its links to the other side: an asset alert's `personAlerts` (and
 * its `persons` cut to them), a person alert's `assetAlerts`. Each only what the reader may read in
 * full; an empty list is left out.
 */
export async function withAssetLinks<A extends { id: string } & Referring>(db: Db, reader: Reader, view: A): Promise<A & { personAlerts?: AssetLink[]; assetAlerts?: AssetLink[]; vehicleAlert?: AssetLink }> {
  if (view.kind === 'asset') {
    const [shown] = await withVisiblePersons(db, reader, [view]);
    const links = await personLinks(db, reader, shown!.persons ?? []);
    const vehicleId = vehicleIdOf(shown!);
    // Cut above to one the reader may read in full: named as a link, like the persons.
    const vehicle = vehicleId !== undefined ? (await alertsByIds(db, [vehicleId]))[0] : undefined;
    return { ...shown!, ...(links.length > 0 ? { personAlerts: links } : {}), ...(vehicle ? { vehicleAlert: linkOf(vehicle) } : {}) };
  }
  if (view.kind === 'person') {
    const links = await assetLinks(db, reader, view.id);
    return links.length > 0 ? { ...view, assetAlerts: links } : view;
  }
  return view;
}
