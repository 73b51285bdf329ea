// @ts-check
// Starts code-server (a real VS Code: server + web workbench) on a free loopback port with a
// private user-data and extensions dir, and stops it with its whole process group — also when
// this process exits on an error or a signal. Shared by the integration launcher, the e2e
// test and `npm start`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const { spawn } = require('child_process');
const { ensureCodeServer } = require('../../scripts/ensure-code-server');

/** @returns {Promise<number>} a port nobody listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when code-server answers its health check. */
async function waitForHealthy(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    const ok = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => { req.destroy(); resolve(false); });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000}s`);
}

/** Settings for a quiet, deterministic workbench: no welcome page, no trust prompt, no updates. */
function writeUserSettings(userDataDir, extra) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'notebook.confirmDeleteRunningCell': false,
    // The web workbench saves after a delay by default; tests must never write their workspace.
    'files.autoSave': 'off',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * @param {{ workspace: string, port?: number, settings?: Record<string, unknown>,
 *           installExtensions?: string[], log?: (line: string) => void, quiet?: boolean }} options
 */
async function startCodeServer(options) {
  const cs = ensureCodeServer();
  const log = options.log ?? ((l) => console.log(l));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-code-server-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, options.settings ?? {});
  const port = options.port ?? await freePort();
  const common = ['--disable-telemetry', '--disable-update-check', '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir];

  for (const vsix of options.installExtensions ?? []) {
    await runToEnd(cs.codeServerBin, [...common, '--install-extension', vsix], cs.env, log);
  }

  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common,
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver', options.workspace];
  // detached = setsid: code-server and the children it starts form one process group we can kill.
  const child = spawn(cs.codeServerBin, args, { env: cs.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const collect = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (!options.quiet) log(`[code-server] ${line}`);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let stopped = false;
  const killGroup = (signal) => {
    try { if (child.pid) process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  // Last resort if the caller never gets to stop(): 'exit' handlers must be synchronous.
  const onExit = () => {
    if (stopped) return;
    killGroup('SIGKILL');
    try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
  };
  process.on('exit', onExit);

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    killGroup('SIGTERM');
    const gone = await Promise.race([
      new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) r(true); else child.once('exit', () => r(true)); }),
      new Promise((r) => setTimeout(() => r(false), 3000)),
    ]);
    // The group may outlive its leader (the extension host, file watcher): finish it off.
    killGroup('SIGKILL');
    if (!gone) await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  try {
    await waitForHealthy(port, child, 60_000);
  } catch (e) {
    await stop();
    throw new Error(`${e instanceof Error ? e.message : e}\n${output.slice(-20).join('\n')}`);
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    port, base, pid: child.pid, userDataDir, extensionsDir, vscodeVersion: cs.vscodeVersion,
    codeServerVersion: cs.version, output, stop,
    /** The workbench URL for a folder, with an optional smoke-test payload (TESTING.md §2). */
    workbenchUrl(folder, payload) {
      let url = `${base}/?folder=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    /** A path on this machine as the workbench's remote URI. */
    remoteUri(absPath) { return `vscode-remote://127.0.0.1:${port}${absPath}`; },
  };
}

function runToEnd(cmd, args, env, log) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (d) => String(d).split('\n').filter(Boolean).forEach((l) => log(`[code-server] ${l}`)));
    p.stderr.on('data', (d) => String(d).split('\n').filter(Boolean).forEach((l) => log(`[code-server] ${l}`)));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** A fresh folder holding a copy of examples/, so that what a test runs or saves never touches the committed files. */
function copyOfExamples(prefix = 'poolnb-workspace-') {
  const root = path.resolve(__dirname, '..', '..', 'examples');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const f of fs.readdirSync(root)) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  return dir;
}

/** Turns SIGINT/SIGTERM into an orderly shutdown running `cleanup` once, then exits. */
function onSignals(cleanup) {
  let running = false;
  const handler = (signal) => {
    if (running) return;
    running = true;
    Promise.resolve(cleanup()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
  return () => { process.off('SIGINT', handler); process.off('SIGTERM', handler); process.off('SIGHUP', handler); };
}

module.exports = { startCodeServer, freePort, onSignals, copyOfExamples };
