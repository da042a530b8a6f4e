import type { Transaction } from '../transaction.js';

/**
 * Every way of writing data into a Bitcoin transaction that the scanner knows. A finding names
 * the method that carried it, so an investigator can tell an OP_RETURN note from a file hidden in
 * fake public keys.
 */
export const EXTRACTION_METHODS = [
  /** The coinbase input's scriptSig (miners' free text since the genesis block). */
  'coinbase',
  /** The pushes of an OP_RETURN output, concatenated (one or many pushes, up to 100,000 bytes). */
  'op-return',
  /** Fake public keys and hashes of P2PK, P2PKH, P2SH, P2WSH and bare multisig outputs, concatenated across the transaction's outputs in order. */
  'output-data',
  /** output-data in the "Satoshi uploader" format: uint32le length + uint32le CRC32 + data, verified. */
  'satoshi-uploader',
  /** Data pushed in a P2SH input's scriptSig (the redeem script and the pushes before it). */
  'p2sh-input',
  /** An Ordinals inscription envelope (OP_FALSE OP_IF "ord" … OP_ENDIF) in a taproot witness. */
  'ordinals',
  /** A classic Stamp: Counterparty "stamp:" base64 in ARC4-encrypted bare multisig keys. */
  'stamp',
  /** An SRC-20 Stamp (JSON "p": "src-20"), in ARC4 multisig or OLGA P2WSH. */
  'src-20',
  /** An OLGA Stamp: P2WSH outputs carrying data after a 2-byte big-endian length prefix. */
  'stamp-olga',
  /** An Atomicals "atom" envelope in a taproot witness, CBOR payload. */
  'atomicals',
] as const;
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];

/** Where in the transaction the bytes were read. Indexes are 0-based. */
export type PayloadPlace =
  | { kind: 'input'; index: number; /** Witness item or envelope number within the input, when there are several. */ item?: number }
  | { kind: 'output'; index: number }
  /** Consecutive outputs whose data was concatenated (first and last index, inclusive). */
  | { kind: 'outputs'; first: number; last: number };

/**
 * The bytes one method found in one transaction, before identification. The scanner (server)
 * hashes, decompresses with caps, identifies the media type and de-duplicates identical payloads
 * into one finding with several locations.
 */
export interface ExtractedPayload {
  method: ExtractionMethod;
  place: PayloadPlace;
  /** The payload as carried (for ordinals: the body, before any declared content encoding). */
  bytes: Uint8Array;
  /** Media type declared by the protocol (ordinals tag 1, Atomicals, stamps' data URI); never trusted, only reported. */
  declaredType?: string;
  /** Content encoding declared by the protocol (ordinals tag 9: "gzip", "br"). */
  contentEncoding?: string;
  /** Protocol fields worth showing (pointer, parent, metaprotocol, delegate, metadata as hex, atomicals operation…). */
  fields?: Record<string, string | number | boolean>;
  /** Facts an investigator should know: "cursed: …", "uploader CRC32 verified", "truncated at 100,000 bytes"… */
  notes?: string[];
}

/** One extraction method: pure, bounded by the size of the transaction, never throws on odd scripts. */
export type Extractor = (tx: Transaction) => ExtractedPayload[];
