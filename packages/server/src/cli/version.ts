import { readFileSync } from 'node:fs';

/** The version of the server package, as `crosscheck --version` prints it. */
export const CROSSCHECK_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
