/**
 * What acted, as the audit trail, hits, forms and alert versions record it: one string with one
 * grammar, written and read only here.
 *
 * - `user:<id>`: a person signed in with a password (session cookie);
 * - `key:<id>`: an API key;
 * - `cli:<os user>`: local administration from the command line;
 * - `system` or `system:<task>`: the server's own work (scheduler, seeding, the demo).
 *
 * Zod-free and I/O-free, so the web app can read credentials too.
 */
export type Credential =
  | { kind: 'user'; id: string }
  | { kind: 'key'; id: string }
  | { kind: 'cli'; osUser: string }
  | { kind: 'system'; task?: string };

/** A credential as it is written. */
export type CredentialText = `user:${string}` | `key:${string}` | `cli:${string}` | 'system' | `system:${string}`;

export function formatCredential(c: Credential): CredentialText {
  switch (c.kind) {
    case 'user':
      return `user:${c.id}`;
    case 'key':
      return `key:${c.id}`;
    case 'cli':
      return `cli:${c.osUser}`;
    case 'system':
      return c.task === undefined ? 'system' : `system:${c.task}`;
  }
}

export const userCredential = (id: string): CredentialText => formatCredential({ kind: 'user', id });
export const keyCredential = (id: string): CredentialText => formatCredential({ kind: 'key', id });
export const cliCredential = (osUser: string): CredentialText => formatCredential({ kind: 'cli', osUser });
export const systemCredential = (task?: string): CredentialText => formatCredential(task === undefined ? { kind: 'system' } : { kind: 'system', task });

/** The credential a text names, or null for anything else (an unknown caller's description, a typo). */
export function parseCredential(text: string): Credential | null {
  if (text === 'system') return { kind: 'system' };
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (kind) {
    case 'user':
      return { kind: 'user', id: rest };
    case 'key':
      return { kind: 'key', id: rest };
    case 'cli':
      return { kind: 'cli', osUser: rest };
    case 'system':
      return { kind: 'system', task: rest };
    default:
      return null;
  }
}

/** The user id behind a credential, or null when it is not a signed-in user's. */
export function userIdOf(text: string): string | null {
  const c = parseCredential(text);
  return c?.kind === 'user' ? c.id : null;
}

/** The API key id behind a credential, or null when it is not a key's. */
export function keyIdOf(text: string): string | null {
  const c = parseCredential(text);
  return c?.kind === 'key' ? c.id : null;
}

/**
 * How a refused caller is described on the audit trail when no credential was established:
 * the key prefix or user name it tried, never the secret.
 */
export type UnknownCaller = `key-prefix:${string}` | `username:${string}` | 'session' | 'malformed-header';
