/** What the fuzz parent gives a worker, and what the worker tells it back. */
export interface WorkerJob {
  reader: string;
  seed: number;
  start: number;
  count: number;
  /** Corpus inputs (base64) added to the reader's seeds. */
  corpus: string[];
  /** Signatures already seen (earlier in this run): only new ones are reported. */
  signatures: string[];
  slowMs: number;
  shared: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'progress'; done: number }
  | { type: 'new'; index: number; signature: string; input: string }
  | { type: 'crash'; index: number; input: string; message: string; where: string }
  | { type: 'hang'; index: number; input: string; ms: number }
  | { type: 'finished' };

/** The shared memory's layout: a header of int32s, then the bytes of the input being read. */
export const CURRENT = { index: 0, length: 1, ticks: 2, headerInts: 4, bytes: 256 * 1024 } as const;
