#!/usr/bin/env node
// `npm start`: builds the extension, makes sure code-server (a real VS Code, from npm) is
// installed, and serves VS Code on 127.0.0.1 with examples/ open and poolnb loaded. Prints
// the URL to open and stays in the foreground; Ctrl+C stops code-server's whole process
// group and leaves nothing running.
//   npm start                  load the extension from this checkout (extensionDevelopmentPath)
//   npm start -- --vsix        package poolnb.vsix and install it into a private extensions dir
//   npm start -- --port 8080   choose the port (default: POOLNB_PORT, else a free one)
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureCodeServer } = require('./ensure-code-server');
const { startCodeServer, onSignals } = require('../test/runner/codeServer');

const ROOT = path.resolve(__dirname, '..');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function step(title, cmd, args) {
  console.log(`\n${title}\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${title} failed`);
}

async function main() {
  const useVsix = process.argv.includes('--vsix');
  const port = Number(arg('--port') ?? process.env.POOLNB_PORT ?? 0) || undefined;
  const workspace = path.join(ROOT, 'examples');

  if (useVsix) step('Packaging poolnb.vsix', process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', 'poolnb.vsix']);
  else step('Building the extension', process.execPath, ['esbuild.js']);
  for (const bundle of ['dist/extension.js', 'dist/renderer.js']) {
    if (!fs.existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} was not built`);
  }
  ensureCodeServer();

  const server = await startCodeServer({
    workspace, port, quiet: true,
    installExtensions: useVsix ? [path.join(ROOT, 'poolnb.vsix')] : [],
  });
  onSignals(async () => {
    console.log('\nStopping code-server ...');
    await server.stop();
    console.log('Stopped.');
  });

  const url = useVsix
    ? server.workbenchUrl(workspace)
    : server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(ROOT)]]);
  console.log(`
VS Code ${server.vscodeVersion} (code-server ${server.codeServerVersion}) is serving poolnb ${useVsix ? '(installed from poolnb.vsix)' : 'from this checkout'}.

  Open:  ${url}

Open an example (Ctrl+P, e.g. maxpool-basics.poolnb) and press Run All.
${useVsix ? '' : 'After `npm run build` (or with `npm run watch` running), reload the window to load your changes.\n'}From a terminal, the same notebooks run headless:  npx poolnb run examples/maxpool-basics.poolnb
Press Ctrl+C to stop.`);
  // Stay in the foreground until a signal ends us (or code-server dies).
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      try { process.kill(server.pid, 0); } catch { clearInterval(timer); resolve(undefined); }
    }, 1000);
  });
  console.error('code-server exited.');
  await server.stop();
  process.exit(1);
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
