import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the metrics listener binds (CROSSCHECK_METRICS_ADDRESS). */
export interface MetricsAddress {
  host: string;
  port: number;
}

export interface MetricsListener {
  /** The address actually bound (the port chosen when 0 was asked). */
  address: MetricsAddress;
  close(): Promise<void>;
}

/** The exposition format prom-client writes. */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves `GET /metrics` on a listener of its own, apart from the API: the API's port is public
 * and every one of its routes needs credentials, which a Prometheus scraper does not have; this
 * one binds to loopback unless told otherwise (a management network), like other exporters.
 * `render` builds the text at each scrape (one registry, or every worker's added up).
 */
export async function listenForMetrics(address: MetricsAddress, render: () => Promise<string>, onError: (err: unknown) => void = () => {}): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    render().then(
      (text) => res.writeHead(200, { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
      (err: unknown) => {
        onError(err);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics could not be gathered\n');
      },
    );
  });
  // A scrape is one small request; a connection that lingers longer is not a scraper.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  return {
    address: { host: bound.address, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
