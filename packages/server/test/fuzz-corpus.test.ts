import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../fuzz/corpus.ts';
import { READERS } from '../../../fuzz/readers.ts';

/**
 * Replays the fuzz corpus (fuzz/corpus/<reader>/: inputs that showed new behaviour, and every
 * crash and hang `npm run fuzz` found, kept after the fix) through each reader of outside data,
 * with the seeds it starts from. A reader that throws anything but its documented refusal, or
 * returns a result breaking its invariants, fails here; one that hangs fails on the timeout.
 */
describe('fuzz corpus replay', () => {
  for (const reader of READERS) {
    it(`${reader.name}: every kept input is read or refused as documented`, async () => {
      const inputs = [...reader.seeds().map((input, i) => ({ file: `seed ${i}`, input })), ...readCorpus(reader.name)];
      const failures: string[] = [];
      for (const { file, input } of inputs) {
        try {
          const signature = await reader.read(input);
          if (typeof signature !== 'string' || !/^(ok|refused)/.test(signature)) failures.push(`${file}: no verdict (${String(signature)})`);
        } catch (e) {
          failures.push(`${file}: ${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
      // The seeds are read, not refused: a reader that refused everything would pass the rest.
      const seeded = await Promise.all(reader.seeds().map((s) => reader.read(s)));
      expect(seeded.some((s) => s.startsWith('ok'))).toBe(true);
    });
  }
});
