import {
  DocumentIndex,
  documentKey,
  editKeys,
  informName,
  internWords,
  nameKeys,
  plateKey,
  prepareName,
  normaliseIssuingState,
  normaliseNationality,
  parseWalletAddress,
  queryKeys,
  scorePerson,
  vinKey,
  visibleTo,
  visibleToEveryMember,
  wordKey,
  type Alert,
  type DocumentProbe,
  type EvidenceWeights,
  type MatchReason,
  type PersonFacts,
  type PreparedName,
  type VehicleProbe,
  type WalletProbe,
  type WordFrequencies,
} from '@crosscheck/core';
import { AssetIndex } from './asset-index.js';
import { indexedFrom, type IndexedAlert } from './indexed-alert.js';

export interface Candidate {
  entry: IndexedAlert;
  score: number;
  reasons: MatchReason[];
}

/** A document alert in an index snapshot: its handle, what the index keeps of it, its document. */
export interface DocumentAlertRecord {
  handle: number;
  entry: IndexedAlert;
  issuingState: string;
  number: string;
}

export interface PersonProbe {
  facts: PersonFacts;
  /** The request's own weights of birth date, nationality and sex (screen-settings.ts); absent: as measured. */
  weights?: EvidenceWeights;
}


// Scores of the exact kinds of evidence. A document or VIN is an identifier: equal means the
// same object. A plate is reassigned and misread more often, so it stays below 1.
// Beyond this many candidates from rare keys, common keys are not expanded (see searchPerson).
const MAX_CANDIDATES = 2000;
// Of those, how many are scored in full, ranked by shared key weight.
const MAX_SCORED = 256;

// A name posting is handle × 64 + the name's position in the record (alerts hold at most 50 names).
const NAMES_PER_HANDLE = 64;
const posting = (handle: number, nameIndex: number): number => handle * NAMES_PER_HANDLE + Math.min(nameIndex, NAMES_PER_HANDLE - 1);

// A wallet the alert names is evidence of the person, not proof of identity (an exchange's deposit
// address may serve many), so it scores as a document the person holds does.
const SCORE = { documentExact: 1, documentOcr: 0.85, vin: 1, plate: 0.9, personDocument: 0.95, wallet: 0.95 } as const;

/**
 * The in-memory index of every active alert, which screening searches. Alerts are numbered by
 * handles (reused after removal) so that the document index can hold plain integers. It holds
 * alerts of every owner; visibility is applied per query, before scoring.
 */
export class ScreeningIndex {
  private readonly handles = new Map<string, number>();
  private readonly entries: (IndexedAlert | undefined)[] = [];
  /**
   * 1 where the alert is visible to every member: most are, and gathering candidates reads this
   * small array instead of each entry (a cache miss per candidate at a million alerts).
   */
  private readonly openToAll: number[] = [];
  /** How many names of each person are indexed (postings handle × 64 + 0 … count − 1). */
  private readonly nameCount: number[] = [];
  private readonly persons: (PersonFacts | undefined)[] = [];
  private readonly docsOf: ([string, string][] | undefined)[] = [];
  private readonly vehicleKeysOf: ([string | undefined, string | undefined] | undefined)[] = [];
  private readonly free: number[] = [];
  /** Replaced only by restoreDocumentAlerts, on an empty index. */
  private documents = new DocumentIndex();
  /** Issuing states that appear in the index, for numbers screened without a state. */
  private readonly knownStates = new Set<string>();
  private readonly nameIndex = new Map<string, Set<number>>();
  /** Typing-error keys (core `editKeys`) → name postings; see EditIndex. */
  private readonly editIndex = new EditIndex();
  private readonly vins = new Map<string, Set<number>>();
  private readonly plates = new Map<string, Set<number>>();
  /** Normalised wallet address (core `parseWalletAddress`) → the alerts naming it. */
  private readonly wallets = new Map<string, Set<number>>();
  private readonly walletKeysOf: (string[] | undefined)[] = [];
  /**
   * How many indexed persons carry each name word (core `wordKey`): a word many of them carry is
   * weaker evidence of who someone is (core word-information.ts). Kept current on every upsert
   * and removal; the bits written into the indexed names are refreshed when the persons counted
   * have doubled or halved since (see informAll).
   */
  readonly frequencies = new WordCounts();
  /** The persons counted when the indexed names' bits were last all written. */
  private informedAt = 0;
  /** The asset alerts (asset-index.ts): their identifiers and company names. */
  readonly assets = new AssetIndex();
  private scratch: Gathering = { stamp: 0, seen: new Uint32Array(0), visible: new Uint8Array(0), weight: new Float64Array(0), editWeight: new Float64Array(0), namesLow: new Int32Array(0), namesHigh: new Int32Array(0) };

  get size(): number {
    return this.handles.size;
  }

  /**
   * The document alerts (kind `document`: nearly all alerts at SLTD scale) as an index snapshot
   * file holds them (index-snapshot-file.ts): their records in the document index as snapshot
   * bytes, and what the index keeps of each. Other alerts, persons holding documents included,
   * are left out: a start from the snapshot loads them from the store. One synchronous call, so
   * the two parts describe the same moment.
   */
  documentAlertsSnapshot(): { documents: Uint8Array; alerts: DocumentAlertRecord[] } {
    // Flags marked in handle order: the document index asks in its slot order, in which looking
    // up each entry's kind would wait on memory for every record.
    const isDocument = new Uint8Array(this.entries.length);
    const alerts: DocumentAlertRecord[] = [];
    this.entries.forEach((entry, handle) => {
      if (entry?.kind !== 'document') return;
      isDocument[handle] = 1;
      const doc = this.docsOf[handle]?.[0];
      if (doc) alerts.push({ handle, entry, issuingState: doc[0], number: doc[1] });
    });
    return { documents: this.documents.toSnapshot((handle) => isDocument[handle] === 1), alerts };
  }

  /**
   * Fills this empty index with the document alerts of a snapshot (documentAlertsSnapshot), under
   * their handles there, which `documents` holds; other alerts are then upserted as usual.
   */
  restoreDocumentAlerts(documents: DocumentIndex, alerts: Iterable<DocumentAlertRecord>): void {
    if (this.entries.length !== 0) throw new Error('document alerts are restored into an empty index only');
    this.documents = documents;
    for (const { handle, entry, issuingState, number } of alerts) {
      if (this.entries[handle] !== undefined || this.handles.has(entry.id)) throw new Error(`the snapshot holds handle ${handle} or alert ${entry.id} twice`);
      this.handles.set(entry.id, handle);
      this.entries[handle] = entry;
      this.docsOf[handle] = [[issuingState, number]];
      if (issuingState !== '') this.knownStates.add(normaliseIssuingState(issuingState));
    }
    for (let h = this.entries.length - 1; h >= 0; h--) if (this.entries[h] === undefined) this.free.push(h);
  }

  /** Adds or replaces an alert; only active alerts are screened. */
  upsert(alert: Alert): void {
    this.remove(alert.id);
    if (alert.status !== 'active') return;
    const handle = this.free.pop() ?? this.entries.length;
    this.handles.set(alert.id, handle);
    this.entries[handle] = indexedFrom(alert);
    if (alert.kind === 'asset') this.assets.upsert(alert, this.entries[handle]);
    this.openToAll[handle] = visibleToEveryMember(alert.visibility) ? 1 : 0;
    this.nameCount[handle] = 0;
    const docs: [string, string][] = [];
    if (alert.kind === 'document') docs.push([alert.document.issuingState, alert.document.number]);
    if (alert.kind === 'person') {
      for (const d of alert.person.documents ?? []) docs.push([d.issuingState ?? '', d.number]);
      const facts = personFacts(alert);
      this.persons[handle] = facts;
      this.countWords(facts, 1);
      for (const name of facts.names) informName(name, this.frequencies);
      this.nameCount[handle] = Math.min(facts.names.length, NAMES_PER_HANDLE);
      facts.names.forEach((name, i) => {
        for (const key of nameKeys(name)) addTo(this.nameIndex, key, posting(handle, i));
        for (const key of editKeys(name)) this.editIndex.add(key, posting(handle, i));
      });
      const walletKeys = walletKeysOf(alert);
      for (const key of walletKeys) addTo(this.wallets, key, handle);
      this.walletKeysOf[handle] = walletKeys;
    }
    for (const [state, number] of docs) {
      this.documents.add(handle, state, number);
      if (state !== '') this.knownStates.add(normaliseIssuingState(state));
    }
    this.docsOf[handle] = docs;
    if (alert.kind === 'vehicle') {
      const vin = alert.vehicle.vin ? vinKey(alert.vehicle.vin) : undefined;
      const plate = alert.vehicle.plate && alert.vehicle.plateCountry ? plateKey(alert.vehicle.plate, alert.vehicle.plateCountry) : undefined;
      if (vin) addTo(this.vins, vin, handle);
      if (plate) addTo(this.plates, plate, handle);
      this.vehicleKeysOf[handle] = [vin, plate];
    }
  }

  remove(alertId: string): void {
    this.assets.remove(alertId);
    const handle = this.handles.get(alertId);
    if (handle === undefined) return;
    for (const [state, number] of this.docsOf[handle] ?? []) this.documents.remove(handle, state, number);
    const facts = this.persons[handle];
    if (facts) this.countWords(facts, -1);
    facts?.names.forEach((name, i) => {
      for (const key of nameKeys(name)) deleteFrom(this.nameIndex, key, posting(handle, i));
      for (const key of editKeys(name)) this.editIndex.delete(key, posting(handle, i));
    });
    const [vin, plate] = this.vehicleKeysOf[handle] ?? [];
    if (vin) deleteFrom(this.vins, vin, handle);
    if (plate) deleteFrom(this.plates, plate, handle);
    for (const key of this.walletKeysOf[handle] ?? []) deleteFrom(this.wallets, key, handle);
    this.walletKeysOf[handle] = undefined;
    this.entries[handle] = undefined;
    this.openToAll[handle] = 0;
    this.nameCount[handle] = 0;
    this.persons[handle] = undefined;
    this.docsOf[handle] = undefined;
    this.vehicleKeysOf[handle] = undefined;
    this.handles.delete(alertId);
    this.free.push(handle);
  }

  /** Counts (or, with −1, uncounts) the distinct words of a person's names. */
  private countWords(facts: PersonFacts, step: 1 | -1): void {
    this.frequencies.count(facts, step);
    const persons = this.frequencies.persons;
    if (persons >= 2 * this.informedAt + 16 || persons * 2 < this.informedAt) this.informAll();
  }

  /**
   * Writes every indexed name's word bits again from the current counts. Each name gets its bits
   * when indexed, from the counts of that moment; once the index has doubled (a store load, a
   * list imported) or halved, all are brought up to date: a doubling costs one pass over the
   * names, so the passes add up to about two per name indexed.
   */
  private informAll(): void {
    this.informedAt = this.frequencies.persons;
    for (const facts of this.persons) if (facts) for (const name of facts.names) informName(name, this.frequencies);
  }

  /**
   * Persons whose names share a key with the query, scored with all the evidence given. Keys are
   * looked up rarest first, and once enough candidates are gathered the very common keys are
   * left out: a rare key (a distinctive surname) says more than a common one (Muhammad).
   */
  searchPerson(probe: PersonProbe, viewer: string, minScore: number): Candidate[] {
    for (const name of probe.facts.names) informName(name, this.frequencies);
    const { candidates, g } = this.gatherPersons(probe.facts.names, viewer);
    const out: Candidate[] = [];
    for (const h of candidates) {
      // Visibility was checked while gathering.
      const entry = this.entries[h];
      const full = this.persons[h];
      if (!entry || !full) continue;
      const best = scorePerson(probe.facts, namesOnly(full, g.namesLow[h]!, g.namesHigh[h]!), probe.weights ? { floor: minScore, weights: probe.weights } : { floor: minScore });
      if (best.score >= minScore) out.push({ entry, score: best.score, reasons: best.reasons });
    }
    return out;
  }

  /**
   * The persons sharing the most (and rarest) name keys with `names`, best first, at most
   * MAX_SCORED; with each, which of its names share a key (bit masks in the returned scratch).
   *
   * Admission is bounded: key lists are taken rarest first, and a list is read in full only while
   * all of it fits under MAX_CANDIDATES. A longer one (a common given name, a short skeleton) is
   * not walked: it credits the candidates already admitted (looked up in it), then admits new
   * ones in its own order until the bound is reached, and the longer lists after it are left
   * out. So a search touches at most a few thousand postings however large the index, and a
   * candidate sharing a rarer key is admitted before any that shares only a common one.
   *
   * Candidates sharing a typing-error key (a word within one letter of a query word) rank before
   * those sharing only skeleton keys: it is the more precise evidence, and a skeleton one
   * consonant away from a common one is shared by hundreds at a million names.
   *
   * With a viewer, alerts hidden from it are dropped before anything is counted or cut: they must
   * neither push visible alerts out of the candidates nor reveal that they exist. Without one
   * (identity links only), every alert counts.
   */
  private gatherPersons(names: PreparedName[], viewer: string | null): { candidates: number[]; g: Gathering } {
    const lists: PostingList[] = [];
    for (const name of names) {
      for (const key of queryKeys(name)) {
        const list = this.nameIndex.get(key);
        if (list) lists.push({ size: list.size, items: list, edit: false });
      }
      for (const key of editKeys(name)) {
        const list = this.editIndex.get(key);
        if (list === undefined) continue;
        if (typeof list === 'number') lists.push({ size: 1, items: [list], edit: true });
        else lists.push({ size: list instanceof Set ? list.size : list.length, items: list, edit: true });
      }
    }
    lists.sort((a, b) => a.size - b.size);
    const g = this.gathering();
    const stamp = g.stamp;
    const candidates: number[] = [];
    // Which of each candidate's names share a key with the query: only those are compared, as a
    // record's other aliases did not come near the query's spelling (most of the cost of a list
    // with many aliases per person).
    const credit = (h: number, p: number, w: number, edit: boolean): void => {
      if (edit) g.editWeight[h] = g.editWeight[h]! + w;
      else g.weight[h] = g.weight[h]! + w;
      const i = p % NAMES_PER_HANDLE;
      if (i < 32) g.namesLow[h] = g.namesLow[h]! | (1 << i);
      else g.namesHigh[h] = g.namesHigh[h]! | (1 << (i - 32));
    };
    /** Marks a handle seen; true when it is visible (and now a candidate). */
    const admit = (h: number): boolean => {
      g.seen[h] = stamp;
      g.visible[h] = viewer === null || this.openToAll[h] === 1 || this.visible(h, viewer) ? 1 : 0;
      g.weight[h] = 0;
      g.editWeight[h] = 0;
      g.namesLow[h] = 0;
      g.namesHigh[h] = 0;
      if (g.visible[h] === 0) return false;
      candidates.push(h);
      return true;
    };
    for (const list of lists) {
      // A shared rare key is worth more than a shared common one.
      const w = 1 / Math.log2(2 + list.size);
      const room = MAX_CANDIDATES - candidates.length;
      // Full: the longer lists left would only shift weights among the admitted.
      if (room <= 0) break;
      if (list.size <= room) {
        for (const p of list.items) {
          const h = Math.floor(p / NAMES_PER_HANDLE);
          if (g.seen[h] !== stamp) admit(h);
          if (g.visible[h] === 1) credit(h, p, w, list.edit);
        }
        continue;
      }
      // Too long to read: the candidates admitted so far are looked up in it instead.
      const admitted = candidates.length;
      if (list.items instanceof Set) {
        const set = list.items;
        for (let k = 0; k < admitted; k++) {
          const h = candidates[k]!;
          const count = this.nameCount[h]!;
          for (let i = 0; i < count; i++) if (set.has(posting(h, i))) credit(h, posting(h, i), w, list.edit);
        }
      } else {
        // An array is short (ARRAY_POSTINGS): read, crediting only.
        for (const p of list.items) {
          const h = Math.floor(p / NAMES_PER_HANDLE);
          if (g.seen[h] === stamp && g.visible[h] === 1) credit(h, p, w, list.edit);
        }
      }
      for (const p of list.items) {
        const h = Math.floor(p / NAMES_PER_HANDLE);
        if (g.seen[h] === stamp) continue;
        if (admit(h)) {
          credit(h, p, w, list.edit);
          if (candidates.length >= MAX_CANDIDATES) break;
        }
      }
    }
    // Only the candidates sharing the most (and rarest) keys are scored in full.
    candidates.sort((a, b) => g.editWeight[b]! - g.editWeight[a]! || g.weight[b]! - g.weight[a]!);
    if (candidates.length > MAX_SCORED) candidates.length = MAX_SCORED;
    return { candidates, g };
  }

  /**
   * Per-handle scratch arrays for gathering candidates, marked by a stamp per search instead of
   * cleared: a search touches a few hundred handles of millions.
   */
  private gathering(): Gathering {
    if (this.scratch.seen.length < this.entries.length) {
      const size = Math.max(1024, this.entries.length * 2);
      this.scratch = { stamp: 0, seen: new Uint32Array(size), visible: new Uint8Array(size), weight: new Float64Array(size), editWeight: new Float64Array(size), namesLow: new Int32Array(size), namesHigh: new Int32Array(size) };
    } else if (this.scratch.stamp === 0xffffffff) {
      this.scratch.seen.fill(0);
      this.scratch.stamp = 0;
    }
    this.scratch.stamp++;
    return this.scratch;
  }

  searchDocument(probe: DocumentProbe, viewer: string): Candidate[] {
    const out: Candidate[] = [];
    const seen = new Set<number>();
    // Without an issuing state, the number is looked up under every state (~250 lookups of a few
    // hundred nanoseconds each) and under none.
    const states = probe.issuingState === '' ? ['', ...this.knownStates] : [probe.issuingState, ''];
    for (const state of states) {
      for (const { handle, match } of this.documents.lookup(state, probe.number)) {
        const entry = this.visible(handle, viewer);
        if (!entry || seen.has(handle)) continue;
        seen.add(handle);
        const document = { number: probe.number, ...(probe.issuingState === '' ? {} : { state: probe.issuingState }) };
        if (entry.kind === 'person') {
          out.push({ entry, score: match === 'exact' ? SCORE.personDocument : SCORE.personDocument * SCORE.documentOcr, reasons: [{ code: match === 'exact' ? 'document.held' : 'document.held-ocr-variant', ...document }] });
        } else if (match === 'exact') {
          out.push({ entry, score: SCORE.documentExact, reasons: [{ code: 'document.same-number', ...document }] });
        } else {
          out.push({ entry, score: SCORE.documentOcr, reasons: [{ code: 'document.ocr-variant', ...document }] });
        }
      }
    }
    return out;
  }

  searchVehicle(probe: VehicleProbe, viewer: string): Candidate[] {
    const out: Candidate[] = [];
    const vin = probe.vin ? vinKey(probe.vin) : undefined;
    if (vin) for (const h of this.vins.get(vin) ?? []) this.push(out, h, viewer, SCORE.vin, { code: 'vehicle.vin', vin });
    // Border systems send the plate's country as alpha-2 or alpha-3; alerts store alpha-3.
    const country = probe.plateCountry ? (normaliseNationality(probe.plateCountry) ?? probe.plateCountry) : undefined;
    if (probe.plate && country) {
      for (const h of this.plates.get(plateKey(probe.plate, country)) ?? []) this.push(out, h, viewer, SCORE.plate, { code: 'vehicle.plate', country, plate: probe.plate });
    }
    return out;
  }

  /** Alerts naming this wallet address, compared in its normalised form: exact or nothing. */
  searchWallet(probe: WalletProbe, viewer: string): Candidate[] {
    const out: Candidate[] = [];
    for (const h of this.wallets.get(probe.normalised) ?? []) this.push(out, h, viewer, SCORE.wallet, { code: 'wallet.exact', currency: probe.currency, address: probe.display });
    return out;
  }

  private push(out: Candidate[], handle: number, viewer: string, score: number, reason: MatchReason): void {
    const entry = this.visible(handle, viewer);
    if (entry) out.push({ entry, score, reasons: [reason] });
  }

  /** The indexed form of an active alert, by id. */
  entryOf(alertId: string): IndexedAlert | undefined {
    const handle = this.handles.get(alertId);
    return handle === undefined ? undefined : this.entries[handle];
  }

  /**
   * Every indexed alert holding this document (same issuing state and number, exactly), whoever
   * may see it: for identity-link detection only, never for a member's screening.
   */
  documentHolders(issuingState: string, number: string): IndexedAlert[] {
    const key = documentKey(issuingState, number);
    const out: IndexedAlert[] = [];
    for (const { handle, match } of this.documents.lookup(issuingState, number)) {
      const entry = this.entries[handle];
      // The document index compares hashes: the stored documents confirm the key.
      if (!entry || match !== 'exact' || out.includes(entry)) continue;
      if ((this.docsOf[handle] ?? []).some(([s, n]) => s !== '' && documentKey(s, n) === key)) out.push(entry);
    }
    return out;
  }

  /**
   * Persons whose names score at least `minScore` against `names` (names alone), with their full
   * birth dates, whoever may see them: for identity-link detection only. Candidates come from the
   * same name keys as a screening, the ones sharing the most (and rarest) keys first.
   */
  personsNamedLike(names: PreparedName[], minScore: number): { entry: IndexedAlert; score: number; birthDates: string[] }[] {
    const { candidates } = this.gatherPersons(names, null);
    const out: { entry: IndexedAlert; score: number; birthDates: string[] }[] = [];
    for (const h of candidates) {
      const entry = this.entries[h];
      const full = this.persons[h];
      if (!entry || !full) continue;
      // Names by likeness alone: a link's own rule asks for the same full birth date besides.
      const { score } = scorePerson({ names }, { names: full.names }, { floor: minScore, weighNames: false });
      if (score < minScore) continue;
      const birthDates = [full.birthDate, ...(full.otherBirthDates ?? [])].filter((d): d is string => d !== undefined && d.length === 10);
      out.push({ entry, score, birthDates });
    }
    return out;
  }

  /** The entry, if the viewer may know it exists. */
  private visible(handle: number, viewer: string): IndexedAlert | undefined {
    const entry = this.entries[handle];
    return entry && visibleTo(entry.owner, entry.visibility, viewer) ? entry : undefined;
  }
}

/** How many indexed persons carry each name word (core `wordKey`), for word-information.ts. */
class WordCounts implements WordFrequencies {
  private readonly counts = new Map<string, number>();
  persons = 0;

  personsWith(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Counts (or, with −1, uncounts) a person and the distinct words of its names. */
  count(facts: PersonFacts, step: 1 | -1): void {
    const keys = new Set<string>();
    for (const name of facts.names) for (const part of name.parts) keys.add(wordKey(part));
    keys.delete('');
    for (const key of keys) {
      const n = (this.counts.get(key) ?? 0) + step;
      if (n > 0) this.counts.set(key, n);
      else this.counts.delete(key);
    }
    this.persons += step;
  }
}

/** The postings of one key a query shares, with their count. */
interface PostingList {
  size: number;
  items: Set<number> | number[];
  /** A typing-error key (EditIndex), not a skeleton key. */
  edit: boolean;
}

/**
 * Typing-error key → name postings. Most keys belong to one name, so a single posting is held as
 * the number itself, a few as an array, and only a common key's (a frequent word or one letter
 * off it) as a set, which a search looks candidates up in instead of reading it: a million persons
 * give some ten million keys. Split over a few maps, as one V8 Map holds at most about 16 million
 * entries.
 */
class EditIndex {
  private readonly shards = [new Map<number, Posted>(), new Map<number, Posted>(), new Map<number, Posted>(), new Map<number, Posted>()];

  get(key: number): Posted | undefined {
    return this.shards[key & 3]!.get(key);
  }

  add(key: number, posting: number): void {
    const shard = this.shards[key & 3]!;
    const list = shard.get(key);
    // A name gives each key once (editKeys), and a posting is one name: no duplicate is added.
    if (list === undefined) shard.set(key, posting);
    else if (typeof list === 'number') shard.set(key, [list, posting]);
    else if (list instanceof Set) list.add(posting);
    else if (list.length < ARRAY_POSTINGS) list.push(posting);
    else shard.set(key, new Set([...list, posting]));
  }

  delete(key: number, posting: number): void {
    const shard = this.shards[key & 3]!;
    const list = shard.get(key);
    if (list === undefined) return;
    if (typeof list === 'number') {
      if (list === posting) shard.delete(key);
    } else if (list instanceof Set) {
      if (list.delete(posting) && list.size === 0) shard.delete(key);
    } else {
      const at = list.indexOf(posting);
      if (at < 0) return;
      list[at] = list[list.length - 1]!;
      list.pop();
      if (list.length === 1) shard.set(key, list[0]!);
    }
  }
}

/** Postings of one typing-error key: one, a few, or many. */
type Posted = number | number[] | Set<number>;
/** Beyond this many postings a key's list becomes a set. */
const ARRAY_POSTINGS = 64;

interface Gathering {
  stamp: number;
  seen: Uint32Array;
  visible: Uint8Array;
  /** Sum of the weights of the skeleton keys shared with the query. */
  weight: Float64Array;
  /** The same for typing-error keys, which rank first. */
  editWeight: Float64Array;
  /** Bit i: the record's name i shares a key (names 0–31 in namesLow, 32–63 in namesHigh). */
  namesLow: Int32Array;
  namesHigh: Int32Array;
}

/** The record with only the names whose bits are set. */
function namesOnly(full: PersonFacts, low: number, high: number): PersonFacts {
  const names: PersonFacts['names'] = [];
  for (let i = 0; i < full.names.length && i < NAMES_PER_HANDLE; i++) {
    if (((i < 32 ? low >>> i : high >>> (i - 32)) & 1) === 1) names.push(full.names[i]!);
  }
  return names.length === full.names.length ? full : { ...full, names };
}

type PersonAlert = Extract<Alert, { kind: 'person' }>;

// Ranges wider than this say little about a birth date; they are not expanded.
const MAX_RANGE_YEARS = 15;

function birthDates(p: PersonAlert['person']): string[] {
  const dates = [...(p.birthDate ? [p.birthDate] : []), ...(p.otherBirthDates ?? [])];
  const r = p.birthYearRange;
  if (r && r.to - r.from <= MAX_RANGE_YEARS) for (let y = r.from; y <= r.to; y++) dates.push(String(y));
  return dates;
}

function personFacts(alert: PersonAlert): PersonFacts {
  const p = alert.person;
  const dates = birthDates(p);
  const weakNames = new Set<PreparedName>();
  return {
    names: p.names.map((n) => {
      const name = prepareName(n);
      internWords(name);
      if (n.weak === true) weakNames.add(name);
      return name;
    }),
    ...(weakNames.size > 0 ? { weakNames } : {}),
    ...(dates[0] ? { birthDate: dates[0] } : {}),
    ...(dates.length > 1 ? { otherBirthDates: dates.slice(1) } : {}),
    ...(p.sex ? { sex: p.sex } : {}),
    ...(p.nationalities ? { nationalities: p.nationalities } : {}),
    ...(p.documents ? { documents: p.documents.map((d) => d.number) } : {}),
  };
}

/**
 * The normalised addresses a person alert names. Its schema refused invalid ones when it was
 * written; one that no longer reads (a body from an older version) is left out rather than indexed raw.
 */
function walletKeysOf(alert: PersonAlert): string[] {
  const keys = new Set<string>();
  for (const w of alert.person.walletAddresses ?? []) {
    const parsed = parseWalletAddress(w.address);
    if (parsed.ok) keys.add(parsed.address.normalised);
  }
  return [...keys];
}

function addTo(map: Map<string, Set<number>>, key: string, handle: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(handle);
}

function deleteFrom(map: Map<string, Set<number>>, key: string, handle: number): void {
  const set = map.get(key);
  if (set?.delete(handle) && set.size === 0) map.delete(key);
}
