import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Stores an attachment's bytes in `dir` under their sha256. The bytes go to a temporary name
 * first and are renamed into place, so a crash leaves either the whole file or none under the
 * final name; identical content is stored once.
 */
export async function writeAttachmentFile(dir: string, sha256: string, bytes: Buffer): Promise<void> {
  const target = join(dir, sha256);
  if (await exists(target)) return;
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readAttachmentFile(dir: string, sha256: string): Promise<Buffer> {
  return readFile(join(dir, sha256));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
