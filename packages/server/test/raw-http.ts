import { connect, type Socket } from 'node:net';

/** A client connection driven byte by byte, recording what the server sent and when it hung up. */
export interface RawConnection {
  socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves when the server has closed the connection, with the time since it was opened. */
  closed: Promise<number>;
  /** Resolves when `text` has been received, with the time since the connection was opened. */
  receivedText(text: string, capMs?: number): Promise<number>;
  /** Writes one byte every `everyMs` until the connection closes or `bytes` are sent. */
  trickle(bytes: number, everyMs: number): void;
}

export async function openRaw(port: number): Promise<RawConnection> {
  const socket = connect({ port, host: '127.0.0.1' });
  const opened = Date.now();
  let data = '';
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString('latin1');
    for (const w of waiters) w();
  });
  // A reset by the server counts as closing; the test looks at what was received before it.
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - opened)));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let trickler: NodeJS.Timeout | undefined;
  void closed.then(() => clearInterval(trickler));
  return {
    socket,
    received: () => data,
    closed,
    receivedText: (text, capMs = 5000) =>
      new Promise<number>((resolve, reject) => {
        const check = (): void => {
          if (!data.includes(text)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(Date.now() - opened);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`not received within ${capMs} ms: ${text}; got ${JSON.stringify(data.slice(0, 300))}`));
        }, capMs);
        waiters.add(check);
        check();
      }),
    trickle: (bytes, everyMs) => {
      let sent = 0;
      trickler = setInterval(() => {
        if (socket.destroyed || sent >= bytes) return clearInterval(trickler);
        socket.write('x');
        sent += 1;
      }, everyMs);
    },
  };
}

/** Resolves with the time it took for `promise`, or `null` if it took longer than `capMs`. */
export async function within<T>(promise: Promise<T>, capMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), capMs)));
  try {
    return await Promise.race([promise, cap]);
  } finally {
    clearTimeout(timer);
  }
}
