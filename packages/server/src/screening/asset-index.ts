import {
  cadastralKey,
  companyNameKeys,
  companyQueryKeys,
  formatIban,
  internCompanyName,
  normaliseAircraftRegistration,
  normaliseIban,
  normaliseImo,
  normaliseNationality,
  parseWalletAddress,
  plateKey,
  prepareCompanyName,
  registrationNumberKey,
  scoreCompany,
  vinKey,
  visibleTo,
  type Alert,
  type AssetProbe,
  type CompanyFacts,
  type MatchReason,
  type VehicleProbe,
} from '@crosscheck/core';
import type { IndexedAlert } from './indexed-alert.js';

type AssetAlert = Extract<Alert, { kind: 'asset' }>;

export interface AssetCandidate {
  entry: IndexedAlert;
  score: number;
  reasons: MatchReason[];
}

// Identifiers name one object: the same IBAN is the same account, the same IMO number the same
// hull for its whole life. A registration mark and a plate are reassigned after a deregistration,
// and a parcel's reference is renumbered when land is divided, so they stay just below.
const SCORE = { iban: 1, imo: 1, wallet: 1, aircraft: 0.95, cadastral: 0.95, vin: 1, plate: 0.9 } as const;

/** Company candidates scored in full per query name: those sharing the most keys first. */
const MAX_COMPANY_CANDIDATES = 500;

interface AssetRecord {
  entry: IndexedAlert;
  /** Exact keys (`iban:…`, `imo:…`) this alert is indexed under. */
  keys: string[];
  /** A company asset, or the company named on another asset (`role`: a bank account's holder, an aircraft's operator). */
  company?: { facts: CompanyFacts; nameKeys: string[]; registrationKey?: string; role?: 'holder' | 'operator' };
}

/**
 * The asset alerts (kind `asset`) as screening looks them up, held by the ScreeningIndex beside its
 * persons, documents and vehicles and kept in step by the same upserts (the index follower's
 * snapshot and change feed, in every worker thread). Identifiers are found exactly in their
 * normalised forms (core assets/: IBAN without spaces in upper case, IMO without its prefix,
 * registration marks without hyphens, wallets as core wallets/ compares them); company names
 * fuzzily, across scripts, through the core's company-name keys and scoring. Visibility is applied
 * per query, before anything is scored: a hidden alert is never a candidate.
 */
export class AssetIndex {
  private readonly records = new Map<string, AssetRecord>();
  private readonly exact = new Map<string, Set<string>>();
  private readonly companyKeys = new Map<string, Set<string>>();
  private readonly registrations = new Map<string, Set<string>>();

  get size(): number {
    return this.records.size;
  }

  /** Indexes an active asset alert under `entry` (the screening index's own record of it). */
  upsert(alert: AssetAlert, entry: IndexedAlert): void {
    this.remove(alert.id);
    const record: AssetRecord = { entry, keys: exactKeysOf(alert) };
    for (const key of record.keys) addTo(this.exact, key, alert.id);
    const named = companyNamedBy(alert);
    if (named) {
      const names = named.names.map((n) => {
        const prepared = prepareCompanyName(n);
        internCompanyName(prepared);
        return prepared;
      });
      const country = named.country ? (normaliseNationality(named.country) ?? named.country) : undefined;
      const facts: CompanyFacts = { names, ...(named.registrationNumber ? { registrationNumber: named.registrationNumber } : {}), ...(country ? { country } : {}) };
      const nameKeys = [...new Set(names.flatMap(companyNameKeys))];
      for (const key of nameKeys) addTo(this.companyKeys, key, alert.id);
      const registrationKey = named.registrationNumber ? registrationNumberKey(named.registrationNumber) : undefined;
      if (registrationKey) addTo(this.registrations, registrationKey, alert.id);
      record.company = { facts, nameKeys, ...(registrationKey ? { registrationKey } : {}), ...(named.role ? { role: named.role } : {}) };
    }
    this.records.set(alert.id, record);
  }

  remove(alertId: string): void {
    const record = this.records.get(alertId);
    if (!record) return;
    for (const key of record.keys) deleteFrom(this.exact, key, alertId);
    for (const key of record.company?.nameKeys ?? []) deleteFrom(this.companyKeys, key, alertId);
    if (record.company?.registrationKey) deleteFrom(this.registrations, record.company.registrationKey, alertId);
    this.records.delete(alertId);
  }

  /** The asset alerts the viewer may see that match one asset of a query. */
  search(probe: AssetProbe, viewer: string, minScore: number): AssetCandidate[] {
    switch (probe.type) {
      case 'iban':
        // Named in its paper form (groups of four), which officers read and compare by eye.
        return this.exactly(`iban:${probe.iban}`, viewer, SCORE.iban, { code: 'asset.iban', iban: formatIban(probe.iban) });
      case 'imo':
        return this.exactly(`imo:${probe.imo}`, viewer, SCORE.imo, { code: 'asset.imo', imo: probe.imo });
      case 'aircraft':
        return this.exactly(`aircraft:${probe.registration}`, viewer, SCORE.aircraft, { code: 'asset.aircraft', registration: probe.registration });
      case 'cadastral':
        return this.exactly(`cadastral:${probe.country}|${probe.reference}`, viewer, SCORE.cadastral, { code: 'asset.cadastral', reference: probe.reference, country: probe.country });
      case 'wallet':
        return this.exactly(`wallet:${probe.normalised}`, viewer, SCORE.wallet, { code: 'wallet.exact', currency: probe.currency, address: probe.display });
      case 'company':
        return this.searchCompany(probe.facts, viewer, minScore);
    }
  }

  /** Vehicle assets on the VIN or plate of a screened vehicle, as vehicle alerts are found. */
  searchVehicle(probe: VehicleProbe, viewer: string): AssetCandidate[] {
    const out: AssetCandidate[] = [];
    const vin = probe.vin ? vinKey(probe.vin) : undefined;
    if (vin) out.push(...this.exactly(`vin:${vin}`, viewer, SCORE.vin, { code: 'vehicle.vin', vin }));
    const country = probe.plateCountry ? (normaliseNationality(probe.plateCountry) ?? probe.plateCountry) : undefined;
    if (probe.plate && country) out.push(...this.exactly(`plate:${plateKey(probe.plate, country)}`, viewer, SCORE.plate, { code: 'vehicle.plate', country, plate: probe.plate }));
    return out;
  }

  private exactly(key: string, viewer: string, score: number, reason: MatchReason): AssetCandidate[] {
    const out: AssetCandidate[] = [];
    for (const id of this.exact.get(key) ?? []) {
      const entry = this.visible(id, viewer);
      if (entry) out.push({ entry, score, reasons: [reason] });
    }
    return out;
  }

  /**
   * Companies sharing a name key with the query (its distinctive words' skeletons, in any script)
   * or its registration number, scored with everything given. Hidden ones are dropped before
   * they are counted, so they neither crowd out visible ones nor cost time.
   */
  private searchCompany(query: CompanyFacts, viewer: string, minScore: number): AssetCandidate[] {
    const shared = new Map<string, number>();
    const credit = (ids: Set<string> | undefined, weight: number) => {
      for (const id of ids ?? []) if (this.visible(id, viewer)) shared.set(id, (shared.get(id) ?? 0) + weight);
    };
    for (const name of query.names) for (const key of companyQueryKeys(name)) credit(this.companyKeys.get(key), 1);
    if (query.registrationNumber) credit(this.registrations.get(registrationNumberKey(query.registrationNumber)), 100);
    const ranked = [...shared].sort((a, b) => b[1] - a[1]).slice(0, MAX_COMPANY_CANDIDATES);
    const out: AssetCandidate[] = [];
    for (const [id] of ranked) {
      const record = this.records.get(id)!;
      const { facts, role } = record.company!;
      const { score, reasons } = scoreCompany(query, facts, { floor: minScore });
      if (score >= minScore) out.push({ entry: record.entry, score, reasons: role ? [{ code: 'asset.party', role }, ...reasons] : reasons });
    }
    return out;
  }

  private visible(id: string, viewer: string): IndexedAlert | undefined {
    const entry = this.records.get(id)?.entry;
    return entry && visibleTo(entry.owner, entry.visibility, viewer) ? entry : undefined;
  }
}

/**
 * The company an asset alert lets a company screening find: a company asset itself, and the company
 * (or person) a bank account is held by or an aircraft operated by, since tracing a company's
 * assets starts from its name.
 */
function companyNamedBy(alert: AssetAlert): { names: string[]; registrationNumber?: string; country?: string; role?: 'holder' | 'operator' } | null {
  const a = alert.asset;
  if (a.type === 'company') return { names: [a.name, ...(a.otherNames ?? [])], ...(a.registrationNumber ? { registrationNumber: a.registrationNumber } : {}), ...(a.country ? { country: a.country } : {}) };
  if (a.type === 'bank-account' && a.holder) return { names: [a.holder], role: 'holder' };
  if (a.type === 'aircraft' && a.operator) return { names: [a.operator], role: 'operator' };
  return null;
}

/** The exact keys an asset alert is found under. Its schema refused invalid identifiers when it was written. */
function exactKeysOf(alert: AssetAlert): string[] {
  const a = alert.asset;
  switch (a.type) {
    case 'bank-account':
      return [`iban:${normaliseIban(a.iban)}`];
    case 'vessel':
      return [`imo:${normaliseImo(a.imo)}`];
    case 'aircraft':
      return [`aircraft:${normaliseAircraftRegistration(a.registration)}`];
    case 'real-estate':
      return a.cadastralReference ? [`cadastral:${normaliseNationality(a.country) ?? a.country}|${cadastralKey(a.cadastralReference)}`] : [];
    case 'wallet': {
      // An address that no longer reads (a body from an older version) is left out rather than indexed raw.
      const parsed = parseWalletAddress(a.address);
      return parsed.ok ? [`wallet:${parsed.address.normalised}`] : [];
    }
    case 'vehicle': {
      const keys: string[] = [];
      if (a.vin) keys.push(`vin:${vinKey(a.vin)}`);
      if (a.plate && a.plateCountry) keys.push(`plate:${plateKey(a.plate, normaliseNationality(a.plateCountry) ?? a.plateCountry)}`);
      return keys;
    }
    case 'company':
      return [];
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function deleteFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set?.delete(id) && set.size === 0) map.delete(key);
}
