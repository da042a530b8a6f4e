// Bitcoin block and transaction reader: pure, bounded, every error naming its place.
export { ChainReadError, type ChainReadErrorCode, type ChainErrorPlace } from './errors.js';
export { ByteCursor } from './cursor.js';
export { sha256d, displayHex, hexToBytesChecked, pureSha256, type Sha256 } from './hash.js';
export { merkleRoot } from './merkle.js';
export { readTransaction, parseTransaction, type Transaction, type TxInput, type TxOutput } from './transaction.js';
export { readHeader, parseBlock, HEADER_SIZE, type Block, type BlockHeader, type ParseBlockOptions } from './block.js';
export { readBlkFile, BlkReader, NETWORK_MAGIC, MAX_BLOCK_SIZE, type BlkEntry, type BlkOptions, type Network } from './blk-file.js';
export { extractPayloads, EXTRACTION_METHODS, type ExtractionMethod, type ExtractedPayload, type Extractor, type PayloadPlace } from './extract/index.js';
export { readJsonTransaction, readJsonTransactions, TxJsonError, MAX_TX_JSON_TEXT, MAX_TX_SIZE, type JsonTransaction, type JsonTransactionEntry, type TxJsonErrorCode, type TxJsonFormat } from './json-tx.js';
export { extractCoinbase } from './extract/coinbase.js';
export { extractOpReturn, readOpReturn, MAX_OP_RETURN } from './extract/op-return.js';
export { extractOutputPayloads, readUploaderRecord } from './extract/output-data.js';
export { extractP2shInputs } from './extract/p2sh-input.js';
export { FILE_SIGNATURES, findFile, type FileSignature, type Carved } from './extract/carve.js';
export { isValidPublicKey } from './extract/pubkey.js';
export { parseScript, readOp, type ScriptOp, type ParsedScript } from './extract/script.js';
