// One error for everything the chain readers refuse. It names where the problem is (file offset,
// block, transaction) so a scan can report it and go on with the next block. Internal to the core
// for now: it is not an HTTP problem.
export type ChainReadErrorCode =
  | 'truncated' // a read goes past the end of the data
  | 'length-too-large' // a count or length claims more than is left (a lying length)
  | 'non-canonical-varint' // a CompactSize encoded longer than needed
  | 'bad-segwit-flag' // marker 0x00 followed by a flag other than 0x01
  | 'empty-witness' // segwit marker but every witness empty (forbidden by BIP 144)
  | 'trailing-bytes' // bytes left after the last transaction of a block
  | 'merkle-mismatch' // the recomputed merkle root differs from the header's
  | 'bad-hex' // the hex text of a raw block or transaction is not hex
  | 'bad-magic' // blk file: bytes that are neither a network magic nor zero padding
  | 'bad-block-length'; // blk file: a record length larger than the limit or than what is left

export interface ChainErrorPlace {
  /** Byte offset in the data being read (a file offset for blk files). */
  offset?: number;
  /** Block hash (display hex) when known. */
  blockHash?: string;
  /** Index of the block in its file when its hash is unknown. */
  blockIndex?: number;
  /** Index of the transaction within its block. */
  txIndex?: number;
}

export class ChainReadError extends Error {
  readonly code: ChainReadErrorCode;
  /** What is wrong, without the place. */
  readonly detail: string;
  offset?: number;
  blockHash?: string;
  blockIndex?: number;
  txIndex?: number;

  constructor(code: ChainReadErrorCode, detail: string, place: ChainErrorPlace = {}) {
    super(detail);
    this.name = 'ChainReadError';
    this.code = code;
    this.detail = detail;
    Object.assign(this, place);
    this.message = describe(code, detail, place);
  }

  /** The same error with more of its place filled in (an outer reader knows the block). */
  at(place: ChainErrorPlace): ChainReadError {
    const merged: ChainErrorPlace = {
      offset: this.offset, blockHash: this.blockHash, blockIndex: this.blockIndex, txIndex: this.txIndex,
    };
    for (const [k, v] of Object.entries(place)) {
      if (v !== undefined && merged[k as keyof ChainErrorPlace] === undefined) (merged as Record<string, unknown>)[k] = v;
    }
    return new ChainReadError(this.code, this.detail, merged);
  }
}

function describe(code: string, detail: string, p: ChainErrorPlace): string {
  const where = [
    p.blockHash !== undefined ? `block ${p.blockHash}` : p.blockIndex !== undefined ? `block #${p.blockIndex}` : undefined,
    p.txIndex !== undefined ? `tx ${p.txIndex}` : undefined,
    p.offset !== undefined ? `offset ${p.offset}` : undefined,
  ].filter(Boolean);
  return `${code}: ${detail}${where.length ? ` (${where.join(', ')})` : ''}`;
}
