#!/usr/bin/env node
// Makes a real VS Code available for tests and `npm start` on a machine with no internet
// but the npm registry: code-server (VS Code's server + web workbench, published on npm)
// and the Node 24 it needs, both installed under .vscode-test/ (git-ignored) on first use.
// See TESTING.md §1. Used as a module by scripts/test.js and scripts/start.js, or run
// directly (`node scripts/ensure-code-server.js`) to warm the cache.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const CACHE = path.resolve(process.env.POOLNB_VSCODE_TEST_DIR || path.join(ROOT, '.vscode-test'));
const NODE_PREFIX = path.join(CACHE, 'node24');
const CS_PREFIX = path.join(CACHE, 'code-server');
/** npm's `node` package keeps the real distribution (bin/ and include/) here. */
const NODE_DIST = path.join(NODE_PREFIX, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
const CS_BIN = path.join(CS_PREFIX, 'node_modules', '.bin', 'code-server');
// Written last, so an interrupted install is redone rather than trusted.
const DONE_MARK = path.join(CS_PREFIX, `.installed-${CODE_SERVER_VERSION}`);

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function has(file) { return fs.existsSync(file); }

/** The system packages code-server's native modules and our browser tests need. */
function ensureSystemPackages() {
  const missing = [];
  if (!has('/usr/include/krb5.h') && !has('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  if (!has(chromiumPath())) missing.push('chromium');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('/usr/bin/apt-get')) {
    throw new Error(`missing system packages: ${missing.join(', ')} (install them, e.g. sudo apt-get install -y ${missing.join(' ')})`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function nodeEnv() {
  // Drop what an outer `npm test` / `npm start` exported: npm_config_user_agent there names
  // Node 20, and code-server's postinstall reads the Node version from it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...env,
    PATH: `${path.join(NODE_DIST, 'bin')}${path.delimiter}${process.env.PATH}`,
    // Build native modules against Node 24's headers, not the system npm's default (TESTING.md §1).
    npm_config_nodedir: NODE_DIST,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Installs what is missing and returns how to run code-server. Idempotent and quick when cached. */
function ensureCodeServer() {
  if (!has(DONE_MARK)) {
    ensureSystemPackages();
    fs.mkdirSync(CACHE, { recursive: true });
    if (!has(path.join(NODE_DIST, 'bin', 'node'))) {
      console.log(`Installing Node ${NODE_MAJOR} from npm into ${path.relative(ROOT, NODE_PREFIX)} ...`);
      run('npm', ['install', '--prefix', NODE_PREFIX, '--no-audit', '--no-fund', `node@${NODE_MAJOR}`]);
    }
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CS_PREFIX)} (about 2 minutes) ...`);
    run('npm', ['install', '--prefix', CS_PREFIX, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { env: nodeEnv() });
    fs.writeFileSync(DONE_MARK, new Date().toISOString() + '\n');
  }
  return {
    codeServerBin: CS_BIN,
    env: nodeEnv(),
    version: CODE_SERVER_VERSION,
    /** VS Code's own version, from the workbench code-server ships. */
    vscodeVersion: readVSCodeVersion(),
    cacheDir: CACHE,
  };
}

function readVSCodeVersion() {
  const pkg = path.join(CS_PREFIX, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  try { return JSON.parse(fs.readFileSync(pkg, 'utf8')).version; } catch { return 'unknown'; }
}

module.exports = { ensureCodeServer, chromiumPath, ensureSystemPackages, CACHE };

if (require.main === module) {
  try {
    const cs = ensureCodeServer();
    console.log(`code-server ${cs.version} (VS Code ${cs.vscodeVersion}) ready: ${cs.codeServerBin}`);
  } catch (e) {
    console.error(String(e && e.message || e));
    process.exit(1);
  }
}
