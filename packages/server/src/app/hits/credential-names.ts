import { keyCredential, parseCredential, userCredential } from '@crosscheck/core';
import type { HitFormView } from '@crosscheck/core/api';
import { keyLabelsOf, usernamesOf } from '../../store/credential-repo.js';
import type { Tx } from '../../store/write-transaction.js';

/**
 * What to call the credentials that acted on a hit, for the people of their own member (the only
 * ones shown them): a user by its username, a key by its label (else its public prefix), which the
 * page calls a key in the reader's language (the credential says which it is). Other credentials
 * (`cli:…`, `system`) are already readable.
 */
export async function credentialNames(tx: Tx, credentials: (string | undefined)[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const users = new Set<string>();
  const keys = new Set<string>();
  for (const text of credentials) {
    const c = text === undefined ? null : parseCredential(text);
    if (c?.kind === 'user') users.add(c.id);
    if (c?.kind === 'key') keys.add(c.id);
  }
  for (const [id, username] of await usernamesOf(tx, [...users])) names.set(userCredential(id), username);
  for (const [id, k] of await keyLabelsOf(tx, [...keys])) names.set(keyCredential(id), k.label ?? k.prefix);
  return names;
}

/** A form with the name of the credential that sent it, when it is shown and has a name. */
export async function formWithCredentialName(tx: Tx, form: HitFormView): Promise<HitFormView> {
  return withFormName(form, await credentialNames(tx, [form.createdBy]));
}

export function withFormName(f: HitFormView, names: Map<string, string>): HitFormView {
  const name = f.createdBy !== undefined ? names.get(f.createdBy) : undefined;
  return name !== undefined ? { ...f, createdByName: name } : f;
}
