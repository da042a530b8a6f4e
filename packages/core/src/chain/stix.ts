import type { Finding } from '../api/chain.js';
import { base64, canonicalJson, uuidv5 } from './uuid5.js';

/**
 * Blockchain findings as STIX 2.1 objects, pure and deterministic: the same findings give the same
 * objects, ids and bundle byte for byte, so a member's tools can de-duplicate what TAXII or an
 * export hands them.
 *
 * Per finding: a `file` (the payload's hashes, size, type), an `artifact` (the bytes when asked
 * for, otherwise the address that reveals them to an authorised reader), an `observed-data` of
 * both, an `indicator` whose pattern is the file's SHA-256, and a `based-on` relationship from the
 * indicator to the observation. Where the bytes sat in the chain is a property extension
 * (`BITCOIN_LOCATION_EXTENSION`, defined by an `extension-definition`) on the artifact and the
 * observation. Not on the `file`: extensions contribute to a file's deterministic id, which would
 * then change with every location a later scan adds.
 */

/** The namespace of STIX 2.1 deterministic identifiers of SCOs (STIX 2.1, section 2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** crosscheck's own namespace for the ids of the SDOs and SROs it makes (identities, indicators…). */
export const CROSSCHECK_STIX_NAMESPACE = '6f1e1b7c-5d0a-5c3e-9a61-63726f737363';
/** Creation time of the objects that never change (identities, the extension's definition). */
export const STIX_FIXED_TIME = '2026-01-01T00:00:00.000Z';

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** What the builder needs of a finding: the API's shape and when it last changed. */
export type StixFinding = Pick<Finding, 'id' | 'owner' | 'method' | 'size' | 'sha256' | 'md5' | 'mediaType' | 'decoded' | 'locations' | 'locationCount' | 'status' | 'firstSeenAt' | 'matches'> & {
  /** When what is shared of it last changed (a location, the status): its objects' `modified`. */
  changedAt: string;
};

export interface StixOptions {
  /** The absolute address that reveals a finding's bytes to an authorised reader (the artifact's `url`). */
  contentUrl: (findingId: string) => string;
  /** The bytes of the findings whose content is to travel inside the artifact (`payload_bin`), by finding id. */
  payloads?: ReadonlyMap<string, Uint8Array>;
  /** Findings whose bytes were not kept: their artifact has neither bytes nor a working address, so it is left out. */
  contentKept?: (findingId: string) => boolean;
}

const sdoId = (type: string, name: string): string => `${type}--${uuidv5(CROSSCHECK_STIX_NAMESPACE, `${type}:${name}`)}`;

/** The SCO id the specification defines: UUIDv5 of the canonical JSON of the id contributing properties present. */
export function scoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidv5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;
}

/** A `hashes` dictionary's one hash that contributes to an id: MD5, then SHA-1, SHA-256, SHA-512 (STIX 2.1, 2.9). */
function idHash(hashes: Record<string, string>): Record<string, string> {
  for (const k of ['MD5', 'SHA-1', 'SHA-256', 'SHA-512']) if (hashes[k] !== undefined) return { [k]: hashes[k] };
  return hashes;
}

export const CROSSCHECK_IDENTITY_ID = sdoId('identity', 'crosscheck');
export const BITCOIN_LOCATION_EXTENSION = sdoId('extension-definition', 'bitcoin-location-1.0');

/** The identity of a member: every finding's object names its member as `created_by_ref`. */
export const memberIdentityId = (member: string): string => sdoId('identity', `member:${member}`);

/** The JSON schema of the Bitcoin location extension's properties, carried as the definition's text. */
export const BITCOIN_LOCATION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'crosscheck Bitcoin location',
  description: 'Where a payload was found written into the Bitcoin blockchain, and how it was carried.',
  type: 'object',
  required: ['extension_type', 'method', 'locations'],
  properties: {
    extension_type: { const: 'property-extension' },
    method: { type: 'string', description: 'How the bytes were carried (coinbase, op-return, output-data, satoshi-uploader, p2sh-input, ordinals, stamp, src-20, stamp-olga, atomicals…)' },
    locations: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['txid', 'height', 'block_hash', 'place'],
        properties: {
          txid: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          height: { type: ['integer', 'null'], minimum: 0, description: 'Block height, when known' },
          block_hash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
          place: {
            type: 'object',
            description: 'An input (index, item: witness item or envelope), an output (index), or consecutive outputs (first, last), 0-based',
            required: ['kind'],
            properties: { kind: { enum: ['input', 'output', 'outputs'] }, index: { type: 'integer' }, item: { type: 'integer' }, first: { type: 'integer' }, last: { type: 'integer' } },
          },
        },
      },
    },
  },
} as const;

/** The objects every bundle of findings refers to: crosscheck, the extension's definition, and each member's identity. */
export function stixCommonObjects(members: readonly string[]): StixObject[] {
  const fixed = { spec_version: '2.1', created: STIX_FIXED_TIME, modified: STIX_FIXED_TIME };
  return [
    { type: 'identity', id: CROSSCHECK_IDENTITY_ID, ...fixed, name: 'crosscheck', identity_class: 'system', description: 'The alert-sharing and screening system that scanned the blockchain' },
    {
      type: 'extension-definition',
      id: BITCOIN_LOCATION_EXTENSION,
      ...fixed,
      created_by_ref: CROSSCHECK_IDENTITY_ID,
      name: 'crosscheck-bitcoin-location',
      description: 'Where in the Bitcoin blockchain a payload was found (transaction, block height and hash, input or output), and the method that carried it.',
      schema: JSON.stringify(BITCOIN_LOCATION_SCHEMA),
      version: '1.0',
      extension_types: ['property-extension'],
    },
    ...[...new Set(members)].sort().map((m) => ({ type: 'identity', id: memberIdentityId(m), ...fixed, name: m, identity_class: 'organization', description: `crosscheck member ${m}` })),
  ];
}

// The artifact's mime_type must be an IANA type (the schema holds it to this form); anything else is left out.
const IANA_TYPE = /^(application|audio|font|image|message|model|multipart|text|video)\/[a-zA-Z0-9.+_-]+$/;

/** A STIX identifier: `type--UUID`. The source, for patterns that hold it (a list of ids). */
export const STIX_ID_SOURCE = '[a-z0-9-]+--[0-9a-f-]{36}';
export const STIX_ID = new RegExp(`^${STIX_ID_SOURCE}$`);

/** The types of the objects a finding gives (findingStixObjects): a filter on none of them needs no finding. */
export const FINDING_STIX_TYPES: readonly string[] = ['file', 'artifact', 'observed-data', 'indicator', 'relationship'];

/** The STIX objects of one finding, in an order where each refers only to objects before it or shared. */
export function findingStixObjects(f: StixFinding, options: StixOptions): StixObject[] {
  const created = f.firstSeenAt;
  const modified = f.changedAt < created ? created : f.changedAt;
  const hashes = { 'SHA-256': f.sha256, MD5: f.md5 };
  const location = {
    [BITCOIN_LOCATION_EXTENSION]: {
      extension_type: 'property-extension',
      method: f.method,
      locations: f.locations.map((l) => ({ txid: l.txid, height: l.height, block_hash: l.blockHash, place: l.place })),
    },
  };

  const file: StixObject = { type: 'file', spec_version: '2.1', id: scoId('file', { hashes: idHash(hashes) }), hashes, size: f.size, ...(f.mediaType ? { mime_type: f.mediaType } : {}) };
  const objects: StixObject[] = [file];

  const payload = options.payloads?.get(f.id);
  const kept = options.contentKept?.(f.id) ?? true;
  let artifact: StixObject | undefined;
  if (payload !== undefined || kept) {
    const content = payload !== undefined ? { payload_bin: base64(payload) } : { url: options.contentUrl(f.id) };
    const contributing = payload !== undefined ? { hashes: idHash(hashes), payload_bin: content.payload_bin } : { hashes: idHash(hashes) };
    artifact = {
      type: 'artifact',
      spec_version: '2.1',
      id: scoId('artifact', contributing),
      ...(f.mediaType && IANA_TYPE.test(f.mediaType) ? { mime_type: f.mediaType } : {}),
      ...content,
      hashes,
      extensions: location,
    };
    objects.push(artifact);
  }

  const owner = memberIdentityId(f.owner);
  const key = `${f.owner}:${f.sha256}`;
  const observed: StixObject = {
    type: 'observed-data',
    spec_version: '2.1',
    id: sdoId('observed-data', key),
    created_by_ref: owner,
    created,
    modified,
    first_observed: created,
    last_observed: modified,
    // The locations given may be the first of more (locationCount): each was one observation.
    number_observed: Math.max(1, f.locationCount ?? f.locations.length),
    object_refs: [file.id, ...(artifact ? [artifact.id] : [])],
    extensions: location,
  };
  const knownBad = f.status === 'known-bad';
  const patterns = [f.sha256, ...(f.decoded && !f.decoded.capped && f.decoded.sha256 !== f.sha256 ? [f.decoded.sha256] : [])].map((h) => `[file:hashes.'SHA-256' = '${h}']`);
  const txids = [...new Set(f.locations.map((l) => l.txid))];
  const indicator: StixObject = {
    type: 'indicator',
    spec_version: '2.1',
    id: sdoId('indicator', key),
    created_by_ref: owner,
    created,
    modified,
    name: `${f.mediaType ?? 'Data'} written into Bitcoin (${f.method}), SHA-256 ${f.sha256.slice(0, 16)}…`,
    description: `${f.size} bytes carried by ${f.method} in ${f.locationCount !== undefined && f.locationCount > f.locations.length ? `${f.locationCount} places, first transaction ${txids[0]}` : txids.length === 1 ? `transaction ${txids[0]}` : `${txids.length} transactions, first ${txids[0]}`}.${f.matches.length > 0 ? ` Matched: ${f.matches.map((m) => `${m.source} ${m.name}`).join(', ')}.` : ''}`,
    indicator_types: [knownBad ? 'malicious-activity' : 'unknown'],
    pattern: patterns.join(' OR '),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: created,
    // A finding the owner has not confirmed is an observation, not a verdict.
    confidence: knownBad ? 85 : f.status === 'benign' ? 0 : 15,
  };
  const relationship: StixObject = {
    type: 'relationship',
    spec_version: '2.1',
    id: sdoId('relationship', `${key}:based-on`),
    created_by_ref: owner,
    created,
    modified,
    relationship_type: 'based-on',
    source_ref: indicator.id,
    target_ref: observed.id,
  };
  objects.push(observed, indicator, relationship);
  return objects;
}

/** A bundle of findings and the objects they refer to; its id follows from its content. */
export function stixBundle(findings: readonly StixFinding[], options: StixOptions): StixBundle {
  const objects = [...stixCommonObjects(findings.map((f) => f.owner)), ...findings.flatMap((f) => findingStixObjects(f, options))];
  const id = `bundle--${uuidv5(CROSSCHECK_STIX_NAMESPACE, `bundle:${objects.map((o) => `${o.id}@${String(o.modified ?? '')}`).join(',')}`)}`;
  return { type: 'bundle', id, objects };
}
