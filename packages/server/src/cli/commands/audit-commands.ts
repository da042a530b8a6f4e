import { readFileSync, writeFileSync } from 'node:fs';
import { checkInclusionProof, parseCheckpoint, parseInclusionProof, type SignedCheckpoint } from '@crosscheck/core';
import { InvalidArgumentError, type Command } from 'commander';
import { checkpointSignatureHolds, loadAuditKey, readPublicKey } from '../../app/audit/audit-key.js';
import { proveEntry } from '../../app/audit/prove-entry.js';
import { checkpointJson, writeCheckpoint } from '../../app/audit/write-checkpoint.js';
import { scanAuditTrail } from '../../store/audit-scan.js';
import { openDatabase } from '../../store/database.js';
import { cliCtx, configFrom, requireExistingDatabase, withDeps, type DbOption } from '../context.js';
import { DB_HELP } from '../options.js';

const seqNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('an entry number from 1');
  return n;
};

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    // The checkpoint file the server appends to holds one checkpoint a line: the last is the newest.
    const last = text.split('\n').filter((l) => l.trim() !== '').pop();
    try {
      return JSON.parse(last ?? '');
    } catch {
      throw new Error(`${what} ${path} is not JSON (nor JSON lines)`);
    }
  }
}

/**
 * The public key a verifier trusts: the one it was given (`--public-key`), else the public half
 * of this installation's own signing key. Never the key a checkpoint or proof carries: whoever
 * could rewrite the trail could sign with a key of their own.
 */
function trustedKey(o: { publicKey?: string }, opts: DbOption): { id: string; pem: string } {
  if (o.publicKey !== undefined) {
    let pem: string;
    try {
      pem = readFileSync(o.publicKey, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the public key ${o.publicKey}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return readPublicKey(pem, `the public key ${o.publicKey}`);
  }
  const keyFile = configFrom(opts).auditTrail.keyFile;
  if (keyFile === null) throw new Error('give --public-key FILE (from "crosscheck audit key"): a checkpoint is only as trustworthy as the key it is checked with');
  const key = loadAuditKey(keyFile, false);
  return { id: key.id, pem: key.publicKeyPem };
}

function trustedCheckpoint(value: unknown, source: string, key: { id: string; pem: string }): SignedCheckpoint {
  const c = parseCheckpoint(value, source);
  if (c.keyId !== key.id) throw new Error(`${source} is signed with key ${c.keyId}, not with the trusted key ${key.id}`);
  if (!checkpointSignatureHolds(c, c.signature, key.pem)) throw new Error(`${source}: the signature does not verify with the trusted key ${key.id}: the checkpoint was altered`);
  return c;
}

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail: verify it, sign checkpoints, prove entries');

  audit
    .command('verify')
    .description('check the hash chain (and, with --checkpoint, that the trail still holds every entry a signed checkpoint covers, unaltered); exits 0 when whole, 1 naming the first broken entry')
    .option('--checkpoint <file>', 'a checkpoint kept outside the database (a JSON file, or the checkpoint file: its last line)')
    .option('--public-key <file>', "the checkpoint signer's public key (PEM); default: the public half of CROSSCHECK_AUDIT_KEY_FILE")
    .option('--db <path>', DB_HELP)
    .action(async (o: DbOption & { checkpoint?: string; publicKey?: string }) => {
      // Verification only reads: no migration, no seeding, nothing appended to the trail it checks.
      const checkpoint = o.checkpoint === undefined ? null : trustedCheckpoint(readJsonFile(o.checkpoint, 'the checkpoint'), `the checkpoint ${o.checkpoint}`, trustedKey(o, o));
      const target = configFrom(o).storage.database;
      requireExistingDatabase(target);
      const database = await openDatabase(target);
      try {
        const result = await scanAuditTrail(database.db, checkpoint);
        if (result.problem === null) {
          const against = checkpoint ? `; it holds the ${checkpoint.size} entries of the checkpoint signed at ${checkpoint.at}, unaltered` : '';
          process.stdout.write(`audit trail intact: ${result.entries} entries${against}\n`);
        } else {
          process.stderr.write(`audit trail broken at entry ${result.problem.seq} (${result.problem.kind}): ${result.problem.message}\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });

  audit
    .command('checkpoint')
    .description('sign a checkpoint of the trail now (after checking the chain): stored in the database, appended to CROSSCHECK_AUDIT_CHECKPOINT_FILE and posted to CROSSCHECK_AUDIT_CHECKPOINT_URL when set')
    .option('--out <file>', 'also write the checkpoint to this file (JSON)')
    .option('--db <path>', DB_HELP)
    .action((o: DbOption & { out?: string }) =>
      withDeps(o, async (deps) => {
        const { checkpoint, exportProblems } = await writeCheckpoint(deps, cliCtx(deps.operator, 'admin'));
        if (o.out !== undefined) writeFileSync(o.out, `${checkpointJson(checkpoint)}\n`);
        process.stdout.write(`checkpoint signed: ${checkpoint.size} entries, root ${checkpoint.root}, key ${checkpoint.keyId}, at ${checkpoint.at}\n`);
        for (const p of exportProblems) process.stderr.write(`not kept outside the database: ${p}\n`);
        if (exportProblems.length > 0) process.exitCode = 1;
      }),
    );

  audit
    .command('key')
    .description('create the checkpoint signing key in CROSSCHECK_AUDIT_KEY_FILE if there is none (mode 0600), and print its public key (PEM) for verifiers to keep')
    .option('--out <file>', 'write the public key to this file instead')
    .action((o: DbOption & { out?: string }) => {
      const keyFile = configFrom(o).auditTrail.keyFile;
      if (keyFile === null) throw new Error('set CROSSCHECK_AUDIT_KEY_FILE to the file that holds (or is to hold) the signing key');
      const key = loadAuditKey(keyFile);
      if (o.out !== undefined) writeFileSync(o.out, key.publicKeyPem);
      else process.stdout.write(key.publicKeyPem);
      process.stderr.write(`audit key ${key.id}\n`);
    });

  audit
    .command('prove')
    .argument('<seq>', 'the entry number')
    .description('write the inclusion proof of entry <seq> against the newest checkpoint (as GET /api/v1/audit/proof gives it)')
    .option('--size <n>', 'against the checkpoint of this many entries instead', seqNumber)
    .option('--out <file>', 'write it to this file instead of standard output')
    .option('--db <path>', DB_HELP)
    .action((seq: string, o: DbOption & { size?: number; out?: string }) =>
      withDeps(o, async (deps) => {
        const proof = await proveEntry(deps, cliCtx(deps.operator, 'auditor'), { seq, ...(o.size !== undefined ? { size: o.size } : {}) });
        const text = `${JSON.stringify(proof)}\n`;
        if (o.out !== undefined) writeFileSync(o.out, text);
        else process.stdout.write(text);
      }),
    );

  audit
    .command('prove-check')
    .description('check an inclusion proof against a checkpoint, without the database: the entry hashes to itself, the proof leads to the checkpoint root, and the checkpoint is signed by the trusted key')
    .requiredOption('--proof <file>', 'the proof (from GET /api/v1/audit/proof or "crosscheck audit prove")')
    .requiredOption('--checkpoint <file>', 'the checkpoint you trust (kept outside the server)')
    .option('--public-key <file>', "the signer's public key (PEM); default: the public half of CROSSCHECK_AUDIT_KEY_FILE")
    .action((o: { proof: string; checkpoint: string; publicKey?: string }) => {
      const key = trustedKey(o, {});
      const checkpoint = trustedCheckpoint(readJsonFile(o.checkpoint, 'the checkpoint'), `the checkpoint ${o.checkpoint}`, key);
      const proof = parseInclusionProof(readJsonFile(o.proof, 'the proof'), `the proof ${o.proof}`);
      const problem = checkInclusionProof(proof, checkpoint);
      if (problem) {
        process.stderr.write(`proof does not hold: ${problem}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`entry ${proof.entry.seq} (${proof.entry.action}, ${proof.entry.at}) is in the trail of ${checkpoint.size} entries signed at ${checkpoint.at} by key ${checkpoint.keyId}\n`);
    });
}
