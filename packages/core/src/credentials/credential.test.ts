import { describe, expect, it } from 'vitest';
import { formatCredential, keyIdOf, parseCredential, userIdOf, type Credential } from './credential.js';

describe('credentials', () => {
  const cases: [Credential, string][] = [
    [{ kind: 'user', id: '0190-a' }, 'user:0190-a'],
    [{ kind: 'key', id: '0190-b' }, 'key:0190-b'],
    [{ kind: 'cli', osUser: 'root' }, 'cli:root'],
    [{ kind: 'system' }, 'system'],
    [{ kind: 'system', task: 'demo' }, 'system:demo'],
  ];

  it.each(cases)('%o is written %s and read back', (credential, text) => {
    expect(formatCredential(credential)).toBe(text);
    expect(parseCredential(text)).toEqual(credential);
  });

  it('reads an id that itself holds a colon whole', () => {
    expect(parseCredential('cli:DOMAIN:alice')).toEqual({ kind: 'cli', osUser: 'DOMAIN:alice' });
  });

  it('refuses what is no credential', () => {
    for (const text of ['', 'user:', ':x', 'username:bob', 'key-prefix:abc', 'session', 'User:1', 'bench']) expect(parseCredential(text)).toBeNull();
  });

  it('finds the user or key behind a credential, and nothing behind another kind', () => {
    expect(userIdOf('user:u1')).toBe('u1');
    expect(userIdOf('key:k1')).toBeNull();
    expect(keyIdOf('key:k1')).toBe('k1');
    expect(keyIdOf('cli:k1')).toBeNull();
  });
});
