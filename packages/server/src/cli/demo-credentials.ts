import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DemoCredentials } from '../demo/seed-demo.js';

/** The demo's keys and passwords as the operator reads them, one per line. */
export function demoCredentialLines(demo: DemoCredentials): string[] {
  return [
    ...demo.keys.map((k) => `  key   ${k.member} ${k.role.padEnd(9)} ${k.key}`),
    ...demo.users.map((u) => `  login ${u.username.padEnd(14)} password ${u.password}`),
  ];
}

/**
 * Writes the credentials to a file only the operator may read or write (0600), so that they are
 * still at hand once the terminal has scrolled. The mode is set on the open file too, since a
 * file left by an earlier start keeps the mode it was created with.
 */
export function writeDemoCredentials(path: string, lines: readonly string[], startedAt: Date): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, `# crosscheck demo credentials, created ${startedAt.toISOString()} (stored in the database only as hashes)\n${lines.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}
