import { PaxlstError } from './errors.js';
import { MAX_PAXLST_CHARS } from './limits.js';
import type { WarningLog } from './warnings.js';

/**
 * Bytes as text: UTF-8 when they are valid UTF-8 (UNOY/UNOW senders, and every ASCII file),
 * otherwise ISO 8859-1, byte for byte (UNOC and the odd stray byte of older systems), which
 * never fails and keeps every byte visible in warnings.
 */
export function decodePaxlst(bytes: Uint8Array, log: WarningLog): string {
  if (bytes.length > MAX_PAXLST_CHARS) {
    throw new PaxlstError('paxlst.too-large', `the input has ${bytes.length} bytes; at most ${MAX_PAXLST_CHARS} are read`, 1);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    log.add(0, undefined, 'input.not-utf8', 'the input is not valid UTF-8: read as ISO 8859-1');
    let text = '';
    const CHUNK = 8192;
    for (let k = 0; k < bytes.length; k += CHUNK) text += String.fromCharCode(...bytes.subarray(k, k + CHUNK));
    return text;
  }
}
