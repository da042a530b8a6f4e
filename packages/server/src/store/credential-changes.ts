// How many writes this process has made that can take a credential's rights away (a key
// revoked, a user disabled, a session ended, a member suspended). The credential cache
// (app/credential-cache.ts) drops what it holds when this moves, so in the process that made the
// change it takes effect at once; other processes see it when their entries expire.
let changes = 0;

/** This process's count of credential-removing writes so far. */
export const credentialChangeCount = (): number => changes;

/** Called by the repositories before each write that can take a credential's rights away. */
export function noteCredentialChange(): void {
  changes++;
}
