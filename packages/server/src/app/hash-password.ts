import { hash } from '@node-rs/argon2';

// The library's `Algorithm` is an ambient const enum, which isolated-module builds cannot read;
// 2 is its value for argon2id.
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });
