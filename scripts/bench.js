#!/usr/bin/env node
// `npm run bench`: bundles the benchmark (bench/benchMain.ts) and the engine's second thread (src/host/kernelPeerEntry.ts)
// with esbuild into a temporary folder, then runs it; then the language benchmark (bench/lang). Arguments are passed on (`--json`).
// BENCH_RUNS=N sets the timed runs per measurement (at least 7).
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-bench-'));
esbuild.buildSync({
  entryPoints: { benchMain: path.join(root, 'bench/benchMain.ts'), kernelPeer: path.join(root, 'src/host/kernelPeerEntry.ts') },
  outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning',
});
// Each workload in a fresh process, as PyTorch's are: no workload inherits another's heap, garbage
// or arena state. POOLNB_ROOT tells the bundle where bench/torch_bench.py is.
let r = { status: 0 };
for (const only of ['--only=W1', '--only=W2', '--only=W3', '--only=W4', '--only=W5', '--summary']) {
  const s = spawnSync(process.execPath, [path.join(out, 'benchMain.js'), only, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, POOLNB_ROOT: root } });
  if (s.status !== 0) r = s;
}
fs.rmSync(out, { recursive: true, force: true });
// Then the PoolScript figures (200-cell `poolnb run`, hover check): bench/lang/benchLang.js.
const lang = spawnSync(process.execPath, [path.join(root, 'bench/lang/benchLang.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit((r.status ?? 1) || (lang.status ?? 1));
