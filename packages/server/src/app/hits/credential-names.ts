import type { HitDetail, HitFormView } from '@crosscheck/core/api';
import { keyLabelsOf, usernamesOf } from '../../store/credential-repo.js';
import type { Tx } from '../../store/write-transaction.js';

/**
 * What to call the credentials that acted on a hit, for the people of their own member (the only
 * ones shown them): a user by its username, a key by its label (else its public prefix). Other
 * credentials (`cli:…`, `system`) are already readable.
 */
async function credentialNames(tx: Tx, credentials: (string | undefined)[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = (prefix: string) => [...new Set(credentials.filter((c): c is string => c?.startsWith(prefix) === true).map((c) => c.slice(prefix.length)))];
  const users = ids('user:');
  const keys = ids('key:');
  for (const [id, username] of await usernamesOf(tx, users)) names.set(`user:${id}`, username);
  for (const [id, k] of await keyLabelsOf(tx, keys)) names.set(`key:${id}`, `key ${k.label ?? k.prefix}`);
  return names;
}

/** The same detail with `…Name` beside each credential it shows that has a name. */
export async function withCredentialNames(tx: Tx, detail: HitDetail): Promise<HitDetail> {
  const names = await credentialNames(tx, [detail.screenedBy, detail.outcome?.by, ...detail.forms.map((f) => f.createdBy)]);
  const screened = detail.screenedBy !== undefined ? names.get(detail.screenedBy) : undefined;
  const recorded = detail.outcome?.by !== undefined ? names.get(detail.outcome.by) : undefined;
  return {
    ...detail,
    ...(screened !== undefined ? { screenedByName: screened } : {}),
    outcome: detail.outcome && recorded !== undefined ? { ...detail.outcome, byName: recorded } : detail.outcome,
    forms: detail.forms.map((f) => withFormName(f, names)),
  };
}

/** A form with the name of the credential that sent it, when it is shown and has a name. */
export async function formWithCredentialName(tx: Tx, form: HitFormView): Promise<HitFormView> {
  return withFormName(form, await credentialNames(tx, [form.createdBy]));
}

function withFormName(f: HitFormView, names: Map<string, string>): HitFormView {
  const name = f.createdBy !== undefined ? names.get(f.createdBy) : undefined;
  return name !== undefined ? { ...f, createdByName: name } : f;
}
