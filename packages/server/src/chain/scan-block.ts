import { extractPayloads, parseBlock, type ExtractedPayload } from '@crosscheck/core/bitcoin';
import type { ScannedFinding } from '@crosscheck/core/api';
import { bip34Height } from './file-sources.js';
import { SCAN_PARSE } from './native-sha256.js';
import { ChainScanner, type ScannerOptions } from './scanner.js';

/**
 * The scanner on one raw block, for the benchmark and for callers that hold blocks in memory:
 * the same code path as `crosscheck chain scan`.
 */

/**
 * Parse and extract only (no identification or decompression): the scanner's floor. With
 * `verifyMerkle: false` no transaction is hashed but those that carry data (for their txid).
 */
export function extractBlock(bytes: Uint8Array, options: { verifyMerkle?: boolean } = {}): { txid: string; payload: ExtractedPayload }[] {
  const out: { txid: string; payload: ExtractedPayload }[] = [];
  for (const tx of parseBlock(bytes, { ...SCAN_PARSE, ...options }).transactions) {
    for (const payload of extractPayloads(tx)) out.push({ txid: tx.txid, payload });
  }
  return out;
}

/** Every finding of one block, identified and merged, as the CLI writes them. */
export async function scanBlock(bytes: Uint8Array, options: ScannerOptions = {}): Promise<ScannedFinding[]> {
  const findings: ScannedFinding[] = [];
  const scanner = new ChainScanner(options, (batch) => {
    findings.push(...batch);
  });
  const block = parseBlock(bytes, SCAN_PARSE);
  await scanner.addBlock(block, bip34Height(block));
  await scanner.flush();
  return findings;
}
