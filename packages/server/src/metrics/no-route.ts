/**
 * What names a request that reached no route (an unknown address, the web app's pages) in a
 * metric label, a span and a log line: it has no pattern of its own, and its address is not told.
 */
export const NO_ROUTE = '(none)';
