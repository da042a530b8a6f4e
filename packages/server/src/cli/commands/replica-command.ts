import { existsSync, readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { serve } from '../../main.js';
import { isLoopback, ReplicaNode } from '../../replica/replica-node.js';
import { replicaHttp } from '../../http/routes/replica-copy.js';
import { MAX_BATCH_ITEMS } from '../../app/replica/signed-batch.js';
import { configFrom, stopOnSignals } from '../context.js';

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
};

const batchLimit = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_ITEMS) throw new InvalidArgumentError(`a number of changes from 1 to ${MAX_BATCH_ITEMS}`);
  return n;
};

const centreUrl = (value: string): string => {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new InvalidArgumentError("the centre's base URL, e.g. https://crosscheck.example.org");
  }
  // The replica key and travellers' queries go there: plain http only to this machine.
  if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u))) return value;
  throw new InvalidArgumentError("the centre's base URL over https, e.g. https://crosscheck.example.org (plain http only for localhost)");
};

/** A PEM given inline, or the name of a file holding it. */
const pem = (value: string): string => {
  const text = value.includes('BEGIN PUBLIC KEY') ? value : existsSync(value) ? readFileSync(value, 'utf8') : '';
  if (!text.includes('BEGIN PUBLIC KEY')) throw new InvalidArgumentError("the centre's public key as PEM, or a file holding it (GET /api/v1/replica/key on the centre)");
  return text;
};

interface ReplicaOpts {
  from: string;
  key: string;
  db?: string;
  port?: number;
  centralKey?: string;
  trustOnFirstUse?: boolean;
  batchLimit?: number;
}

export function replicaCommand(program: Command): void {
  program
    .command('replica')
    .description("run a national copy: follow the centre's signed change feed into a local database, screen locally (also when the centre cannot be reached), forward hits and audit entries to the centre exactly once")
    .requiredOption('--from <url>', "the centre's base URL", centreUrl)
    .requiredOption('--key <key>', "this copy's API key on the centre (role replica)")
    .option('--db <path>', 'the local database: a SQLite file path or a postgres:// URL (default: ./data/replica.db; never DATABASE_URL, which is the centre’s)')
    .option('--port <n>', 'local port for the API and web app (default: PORT or 8080)', port)
    .option('--central-key <pem>', "the centre's public key (PEM or a file), pinned before first contact", pem)
    .option('--trust-on-first-use', "without --central-key: pin the key the centre shows at first contact")
    .option('--batch-limit <n>', `changes per batch (1–${MAX_BATCH_ITEMS}, default ${MAX_BATCH_ITEMS})`, batchLimit)
    .action(async (o: ReplicaOpts) => {
      const config = configFrom({ db: o.db ?? './data/replica.db', ...(o.port !== undefined ? { port: o.port } : {}) });
      const log = (m: string): void => void process.stderr.write(`${new Date().toISOString()} ${m}\n`);
      const running = await serve(config, {
        demo: false,
        extend: async (app, deps) => {
          const node = new ReplicaNode(deps, {
            from: o.from,
            key: o.key,
            ...(o.centralKey !== undefined ? { centralKey: o.centralKey } : {}),
            ...(o.trustOnFirstUse === true ? { trustOnFirstUse: true } : {}),
            ...(o.batchLimit !== undefined ? { batchLimit: o.batchLimit } : {}),
            log,
          });
          await node.prepare();
          replicaHttp(app, deps, node);
          node.start();
          return () => node.stop();
        },
      });
      process.stdout.write(`crosscheck national copy of ${o.from} listening on ${running.url}\n`);
      stopOnSignals(running);
    });
}
