/**
 * The request ids a caller may choose (a border system's `X-Request-Id`, a national copy's
 * forwarded entry): no `/`, so ids of the server's own work (`system/startup`, `cli/…`) can never
 * be imitated by anyone outside it.
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function isClientRequestId(value: string): boolean {
  return CLIENT_REQUEST_ID.test(value);
}
