import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { checkpointSignedText, conflict, type CheckpointBody } from '@crosscheck/core';
import type { Deps } from '../deps.js';

/** The key that signs checkpoints. The private half never leaves this object: not logged, not returned. */
export interface AuditKey {
  id: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

/** The first 16 bytes (hex) of the SHA-256 of the public key's SPKI DER. */
export function auditKeyIdOf(publicKey: KeyObject | string): string {
  const der = (typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/**
 * Reads the signing key from `path`, creating it there on first use (mode 0600, and never over
 * an existing file). A key file others may read is refused: whoever reads it can sign a
 * checkpoint for a rewritten trail.
 */
export function loadAuditKey(path: string, create = true): AuditKey {
  if (!existsSync(path)) {
    if (!create) throw new Error(`no audit signing key at ${path}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // 'wx': fails if another process created the file meanwhile, rather than replacing its key.
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, pem);
    } finally {
      closeSync(fd);
    }
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`the audit signing key ${path} may be read by others (mode ${mode.toString(8)}): make it readable by its owner only (chmod 600)`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch {
    throw new Error(`the audit signing key ${path} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key ${path} is a ${privateKey.asymmetricKeyType} key; an Ed25519 key is needed`);
  const publicKey = createPublicKey(privateKey);
  return { id: auditKeyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** Reads a public key given to a verifier (PEM), refusing anything but Ed25519. */
export function readPublicKey(pem: string, source: string): { id: string; pem: string } {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${source} is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} is a ${key.asymmetricKeyType} key; checkpoints are signed with Ed25519`);
  return { id: auditKeyIdOf(key), pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

export function signCheckpoint(body: CheckpointBody, key: AuditKey): string {
  return sign(null, Buffer.from(checkpointSignedText(body)), key.privateKey).toString('base64');
}

export function checkpointSignatureHolds(body: CheckpointBody, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(checkpointSignedText(body)), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The signing key, or a clear refusal when the operator has not named one. It is created only
 * before the first checkpoint: once checkpoints exist, a missing key file (an unmounted volume, a
 * wrong path) is an error, not a reason to sign on with a new key no verifier has pinned.
 */
export function requireAuditKey(deps: Deps, create: boolean): AuditKey {
  const file = deps.auditTrail.keyFile;
  if (file === null) throw conflict('audit.no-key', 'no audit signing key is set: name a file in CROSSCHECK_AUDIT_KEY_FILE (it is created on first use)');
  if (!create && !existsSync(file)) throw conflict('audit.key-missing', `the audit signing key ${file} is missing, but checkpoints signed with it exist: restore the key file (a new key would not be the one verifiers pinned)`);
  return loadAuditKey(file, create);
}
