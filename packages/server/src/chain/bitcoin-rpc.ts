import { readFile } from 'node:fs/promises';
import { MAX_BLOCK_SIZE } from '@crosscheck/core/bitcoin';

/**
 * A Bitcoin Core JSON-RPC client for the two calls a scan needs: getblockhash <height> and
 * getblock <hash> 0 (the raw block as hex). Credentials come from the URL (http://user:pass@host:8332)
 * or from Bitcoin Core's cookie file (datadir/.cookie, "__cookie__:<password>"). Every call has a
 * timeout and a bounded response: a node (or something pretending to be one) cannot make the
 * scanner wait for ever or fill its memory.
 */

export class RpcError extends Error {
  /** Worth trying again (network trouble, node warming up) rather than a refusal. */
  readonly transient: boolean;
  constructor(message: string, transient = false) {
    super(message);
    this.name = 'RpcError';
    this.transient = transient;
  }
}

export interface RpcOptions {
  url: string;
  /** Path of a cookie file holding user:password; used when the URL has no credentials. */
  cookieFile?: string;
  timeoutMs?: number;
  /** Largest response read; default: the hex of the largest block plus room for the envelope. */
  maxResponseBytes?: number;
  /** Tries of a call that failed for a transient reason; default 3. */
  tries?: number;
  /** Pause before the second try, doubled each time; default 1 s. */
  retryDelayMs?: number;
}

export class BitcoinRpc {
  private id = 0;

  private constructor(
    private readonly endpoint: string,
    private readonly authorization: string | undefined,
    private readonly options: Required<Omit<RpcOptions, 'url' | 'cookieFile'>>,
  ) {}

  /** The URL without its credentials, fit for messages and the state file. */
  get shownUrl(): string {
    return this.endpoint;
  }

  static async open(options: RpcOptions): Promise<BitcoinRpc> {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new RpcError(`--rpc ${options.url}: not a URL (expected http://user:password@host:8332)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RpcError(`--rpc ${url.protocol}: only http and https`);
    let user = decodeURIComponent(url.username);
    let password = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    if (user === '' && options.cookieFile !== undefined) {
      let cookie: string;
      try {
        cookie = (await readFile(options.cookieFile, 'utf8')).trim();
      } catch (error) {
        throw new RpcError(`cannot read the cookie file ${options.cookieFile}: ${(error as Error).message}`);
      }
      const colon = cookie.indexOf(':');
      if (colon < 0) throw new RpcError(`${options.cookieFile}: not a cookie file (expected user:password)`);
      user = cookie.slice(0, colon);
      password = cookie.slice(colon + 1);
    }
    const authorization = user !== '' ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined;
    return new BitcoinRpc(url.toString(), authorization, {
      timeoutMs: options.timeoutMs ?? 60_000,
      maxResponseBytes: options.maxResponseBytes ?? 2 * MAX_BLOCK_SIZE + 64 * 1024,
      tries: options.tries ?? 3,
      retryDelayMs: options.retryDelayMs ?? 1000,
    });
  }

  async getBlockHash(height: number): Promise<string> {
    const hash = await this.call('getblockhash', [height]);
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new RpcError(`getblockhash ${height}: the answer is not a block hash`);
    return hash;
  }

  /** The raw block as hex (getblock <hash> 0). */
  async getBlockHex(hash: string): Promise<string> {
    const hex = await this.call('getblock', [hash, 0]);
    if (typeof hex !== 'string') throw new RpcError(`getblock ${hash} 0: the answer is not hex text`);
    return hex;
  }

  async call(method: string, params: unknown[]): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, params);
      } catch (error) {
        if (!(error instanceof RpcError) || !error.transient || attempt >= this.options.tries) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async once(method: string, params: unknown[]): Promise<unknown> {
    const what = `${method} ${params.map((p) => JSON.stringify(p)).join(' ')}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.authorization ? { authorization: this.authorization } : {}) },
        body: JSON.stringify({ jsonrpc: '1.0', id: ++this.id, method, params }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : cause?.code ?? cause?.message ?? (error as Error).message;
      throw new RpcError(`${what}: ${this.shownUrl} unreachable (${why})`, true);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new RpcError(`${this.shownUrl} refused the credentials (HTTP ${response.status}): give user:password in the URL or --rpc-cookie`);
    }
    const text = await this.readBounded(response, what);
    let body: { result?: unknown; error?: { code?: number; message?: string } | null };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new RpcError(`${what}: HTTP ${response.status}, not a JSON-RPC answer`, response.status >= 500);
    }
    if (body.error) {
      // -28: the node is still loading its block index; worth waiting for.
      throw new RpcError(`${what}: ${body.error.message ?? 'error'} (code ${body.error.code ?? '?'})`, body.error.code === -28);
    }
    if (!response.ok) throw new RpcError(`${what}: HTTP ${response.status}`, response.status >= 500);
    return body.result;
  }

  private async readBounded(response: Response, what: string): Promise<string> {
    const limit = this.options.maxResponseBytes;
    const declared = Number(response.headers.get('content-length'));
    if (declared > limit) {
      await response.body?.cancel();
      throw new RpcError(`${what}: answer of ${declared} bytes, more than the limit of ${limit}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    if (!reader) return '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > limit) {
          await reader.cancel();
          throw new RpcError(`${what}: answer longer than the limit of ${limit} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof RpcError) throw error;
      throw new RpcError(`${what}: answer cut off (${(error as Error).message})`, true);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
