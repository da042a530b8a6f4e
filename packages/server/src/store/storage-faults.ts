/**
 * A failure of the database itself rather than of the request: it cannot be reached (restarting,
 * connections cut, overloaded) or it has no space left. Both engines' codes are read here, so
 * that the HTTP layer can answer 503 or 507 instead of an internal error.
 */
export type StorageFault = 'unavailable' | 'full';

// PostgreSQL SQLSTATEs: class 08 is "connection exception"; 57P01-57P03 an administrator's or a
// crash shutdown, or a server still starting; 53300 too many connections; 53100 a full disk;
// 57014 a statement ended by statement_timeout, 25P03 a session ended by
// idle_in_transaction_session_timeout (store/database.ts): a database stuck, not a bad request.
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '53200', '57014', '25P03']);
// Work refused before it started because the writes queued ahead of it were stuck
// (store/group-commit.ts).
const WRITE_QUEUE_TIMEOUT = 'WRITE_QUEUE_TIMEOUT';
// Node socket errors met when the server is down or the connection is cut.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres reports a connection that died under it with these messages and no code.
const PG_CLIENT_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/, /^timeout exceeded when trying to connect/, /^Client was closed and is not queryable/];

export function storageFaultOf(error: unknown): StorageFault | null {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code === 'SQLITE_FULL' || code === '53100') return 'full';
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) return 'unavailable';
      if (code.startsWith('08') && code.length === 5) return 'unavailable';
      if (PG_UNAVAILABLE.has(code) || SOCKET_ERRORS.has(code) || code === WRITE_QUEUE_TIMEOUT) return 'unavailable';
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_CLIENT_MESSAGES.some((m) => m.test(message))) return 'unavailable';
  }
  return null;
}
