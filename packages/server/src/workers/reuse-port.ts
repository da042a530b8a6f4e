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
