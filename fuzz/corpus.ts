import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus kept in the repository: inputs that showed new behaviour, and every crash and hang found. */
const ROOT = fileURLToPath(new URL('./corpus/', import.meta.url));

export const corpusDir = (reader: string): string => join(ROOT, reader);

export function readCorpus(reader: string): { file: string; input: Buffer }[] {
  const dir = corpusDir(reader);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => ({ file, input: readFileSync(join(dir, file)) }));
}
