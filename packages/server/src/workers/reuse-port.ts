import { createServer } from 'node:net';

/**
 * Whether threads of this process can listen on one port together: `reusePort` (SO_REUSEPORT,
 * the kernel spreading new connections over the listeners) came in Node 22.12 and 23.1, and only
 * some systems have it; elsewhere Node ignores or refuses the option. Linux is where this server
 * runs in production, so only there is it used.
 */
export function canShareAPort(version: string = process.versions.node, platform: string = process.platform): boolean {
  if (platform !== 'linux') return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

/**
 * Binds `port` (0: any free one) alone for a moment and says which it was. Listeners that share a
 * port with SO_REUSEPORT also share it with any other server of the same user that sets it, so a
 * second `crosscheck serve` on a port in use would quietly take half its connections; a listener
 * without the option is refused while any other holds the port, which turns that into the usual
 * EADDRINUSE before the workers bind.
 */
export function claimPort(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => {
      const bound = probe.address();
      const got = typeof bound === 'object' && bound !== null ? bound.port : port;
      probe.close(() => resolve(got));
    });
  });
}
