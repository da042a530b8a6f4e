import { afterCommit } from './group-commit.js';
import type { Tx } from './write-transaction.js';

// How many writes this process has committed that can take a credential's rights away (a key
// revoked, a user disabled, a session ended, a member suspended). The credential cache
// (app/credential-cache.ts) drops what it holds when this moves, so in the process that made the
// change it takes effect as soon as the change is committed; other processes see it when their
// entries expire.
let changes = 0;

/** This process's count of committed credential-removing writes so far. */
export const credentialChangeCount = (): number => changes;

/**
 * Called by the repositories with each write that can take a credential's rights away; the
 * count moves once `tx` has committed, before the write's caller hears it is done. Not earlier:
 * until the commit a look-up on another connection still reads the old row, and would be kept
 * as if read after the change. A look-up that began before the count moved is not kept (its
 * read may predate the commit); one that began after it read the committed row.
 */
export function noteCredentialChange(tx: Tx): void {
  afterCommit(tx, () => {
    changes++;
  });
}
