import { DomainError } from '../errors/domain-error.js';
import { mrzDocumentWarnings, parseMrz, type MrzDocumentWarning, type MrzFields } from '../mrz/index.js';
import { normaliseNationality, prepareName, type PersonFacts } from '../names/index.js';
import { holderDifferences, type HolderDiffersWarning } from './holder-differences.js';
import type { ScreenQuery } from './screen-query.js';
import { nameText } from '../alerts/alert-subject.js';
import { parseWalletAddress, type WalletCurrency } from '../wallets/wallet-address.js';
import { assetProbesOf, type AssetProbe } from './asset-query.js';

export { PROBE_SOURCES, type ProbeSource } from './probe-sources.js';

/** A document to look up: the issuing state is '' when the query did not give one. */
export interface DocumentProbe {
  issuingState: string;
  number: string;
}

export interface VehicleProbe {
  vin?: string;
  plate?: string;
  plateCountry?: string;
}

/** A wallet address to look up exactly, in its normalised form. */
export interface WalletProbe {
  currency: WalletCurrency;
  normalised: string;
  /** The form to show (EIP-55 for Ethereum). */
  display: string;
}

export interface PersonProbeOf {
  source: 'person' | 'mrz-holder';
  facts: PersonFacts;
}

export interface DocumentProbeOf extends DocumentProbe {
  source: 'document' | 'mrz-document';
}

/**
 * A wallet address screened in one case carries no EIP-55 checksum: it was screened, but a typo
 * in it could not be caught, so "no hits" says less than for a checked address.
 */
export interface WalletNoChecksumWarning {
  code: 'wallet.no-checksum';
  message: string;
  /** The address as screened, in its EIP-55 form. */
  address: string;
}

/** What a screening tells the officer besides its results: the document's state, a holder who is not the person typed, an unchecked address. */
export type ScreeningWarning = MrzDocumentWarning | HolderDiffersWarning | WalletNoChecksumWarning;

/** What a screening query asks the index for, once names are prepared and the MRZ is read. */
export interface ScreenProbes {
  /** The person typed and the MRZ holder, each screened on its own. */
  persons: PersonProbeOf[];
  documents: DocumentProbeOf[];
  vehicle: VehicleProbe | null;
  wallets: WalletProbe[];
  /** The query's assets (asset-query.ts), each looked up on its own. */
  assets: AssetProbe[];
  warnings: ScreeningWarning[];
}

export interface ProbesOptions {
  /** YYYY-MM-DD or a Date: the reference for the MRZ's two-digit years and its expiry (default: now). */
  today?: Date | string;
}

/**
 * The person, the MRZ holder, the documents and the vehicle a query describes, each a probe of its
 * own: an MRZ beside a typed person must not hide its holder (a wanted holder would pass when the
 * officer typed someone else, or corrected the name wrongly). The results are merged per alert by
 * the caller. Alongside, the zone's own state (expired, check digits…) and where the typed person
 * and the holder disagree, as warnings.
 */
export function probesOf(query: ScreenQuery, options: ProbesOptions = {}): ScreenProbes {
  const documents: DocumentProbeOf[] = (query.documents ?? []).map((d) => ({ source: 'document', issuingState: d.issuingState ?? '', number: d.number }));
  const persons: PersonProbeOf[] = [];
  const warnings: ScreeningWarning[] = [];
  const typed = query.person ? typedPerson(query.person, documents) : null;
  if (typed) persons.push({ source: 'person', facts: typed });
  if (query.mrz) {
    const mrz = parseMrz(query.mrz.split(/\r?\n/).filter((l) => l.trim() !== ''), options.today === undefined ? {} : { today: options.today });
    // A zone that cannot be read must not pass as "no hits": the officer has to look again.
    if (mrz.format === null) {
      const why = mrz.errors.map((e) => e.message).join('; ') || 'not a machine-readable zone';
      throw new DomainError('validation', 'mrz.unreadable', `mrz: ${why}`, [{ field: 'mrz', message: why }]);
    }
    warnings.push(...mrzDocumentWarnings(mrz));
    const f = mrz.fields;
    if (f) {
      if (f.documentNumber) documents.push({ source: 'mrz-document', issuingState: f.issuingState ?? '', number: f.documentNumber });
      const holder = holderOf(f);
      if (holder) {
        persons.push({ source: 'mrz-holder', facts: holder });
        if (query.person && typed) {
          warnings.push(
            ...holderDifferences(
              { facts: typed, namesText: query.person.names.map(queryNameText).join('; '), ...(query.person.nationality ? { nationalityText: query.person.nationality } : {}) },
              { facts: holder, namesText: [f.surname, f.givenNames].filter(Boolean).join(', '), ...(f.nationality ? { nationalityText: f.nationality } : {}) },
            ),
          );
        }
      }
    }
  }
  const wallets: WalletProbe[] = [];
  if (query.walletAddress !== undefined) {
    const parsed = parseWalletAddress(query.walletAddress);
    // The query schema refused invalid addresses; a caller that skipped it gets the same refusal.
    if (!parsed.ok) throw new DomainError('validation', 'validation.invalid', `walletAddress: ${parsed.error.message}`, [{ field: 'walletAddress', message: parsed.error.message, code: parsed.error.code }]);
    const { currency, normalised, display } = parsed.address;
    wallets.push({ currency, normalised, display });
    for (const w of parsed.address.warnings) warnings.push({ code: w.code, message: w.message, address: display });
  }
  return { persons, documents, vehicle: query.vehicle ?? null, wallets, assets: assetProbesOf(query.assets), warnings };
}

function typedPerson(person: NonNullable<ScreenQuery['person']>, documents: readonly DocumentProbe[]): PersonFacts {
  const nationality = person.nationality ? normaliseNationality(person.nationality) : null;
  return {
    names: person.names.map((n) => prepareName(n)),
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
    ...(person.sex ? { sex: person.sex } : {}),
    ...(nationality ? { nationalities: [nationality] } : {}),
    // The documents typed weigh the typed person's score (a shared number is near proof).
    documents: documents.map((d) => d.number),
  };
}

function holderOf(f: MrzFields): PersonFacts | null {
  if (!f.surname && !f.givenNames) return null;
  const nationality = f.nationality ? normaliseNationality(f.nationality) : null;
  return {
    names: [prepareName({ ...(f.surname ? { family: f.surname } : {}), ...(f.givenNames ? { given: f.givenNames } : {}) })],
    ...(f.birthDate ? { birthDate: f.birthDate } : {}),
    ...(f.sex ? { sex: f.sex } : {}),
    ...(nationality ? { nationalities: [nationality] } : {}),
    ...(f.documentNumber ? { documents: [f.documentNumber] } : {}),
  };
}

function queryNameText(n: NonNullable<ScreenQuery['person']>['names'][number]): string {
  return typeof n === 'string' ? n : nameText(n);
}
