/**
 * Whether this tab believes it is logged in. The session cookie is HttpOnly, so the app cannot
 * see it; asking the server on every start would answer 401 to logged-out visitors, which the
 * browser reports as an error. The server stays the judge: a stale hint just costs one 401.
 */
const KEY = 'crosscheck.signedIn';

export const sessionHint = {
  get: () => sessionStorage.getItem(KEY) === '1',
  set: (on: boolean) => (on ? sessionStorage.setItem(KEY, '1') : sessionStorage.removeItem(KEY)),
};
