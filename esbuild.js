// Builds the bundles: the extension for Node (main) and for VS Code for the Web
// (browser), each with its session worker, the notebook renderer (browser ESM), and the poolnb CLI.
// `--production` minifies without source maps; `--watch` rebuilds on change.
// `--tests` also compiles the in-VS-Code test entry and the integration suite to out/test/
// (mocha stays external: the extension host resolves it from node_modules).
// esbuild does not type-check: `npm run check-types` (tsc --noEmit) does.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Prints errors as `file:line:col: error: text` so VS Code's problem matcher finds them. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

function commonOptions(prod) {
  return {
    bundle: true,
    minify: prod,
    sourcemap: !prod,
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [problemMatcherPlugin],
    define: { 'process.env.NODE_ENV': prod ? '"production"' : '"development"' },
  };
}
const common = commonOptions(production);

/** The command line: dist/cli.js (the bin) is a small loader that compiles the CLI bundle
 * dist/cliMain.js through V8's code cache (src/cli/bin.ts says why). bench/lang builds the
 * production pair into a temporary folder with this function, to time what users run. */
function cliBuilds(prod, outdir = 'dist') {
  const o = commonOptions(prod);
  return [
    { ...o, entryPoints: ['src/cli/bin.ts'], outfile: path.join(outdir, 'cli.js'),
      platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } },
    { ...o, entryPoints: ['src/cli/main.ts'], outfile: path.join(outdir, 'cliMain.js'),
      platform: 'node', format: 'cjs', target: 'node18' },
  ];
}

const productBuilds = [
  // The extension in the desktop / server extension host.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js',
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  // The same extension for VS Code for the Web (a web worker: no Node built-ins).
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/web/extension.js',
    platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'],
    // POOLNB_WEB drops the Node-only worker_threads branch of src/extension/langHost.ts
    define: { ...common.define, 'global': 'globalThis', 'POOLNB_WEB': 'true' } },
  // Each notebook's PoolScript session runs in a worker (src/extension/worker/): a worker
  // thread in the Node extension host, a Web Worker in VS Code for the Web.
  { ...common, entryPoints: ['src/extension/worker/nodeEntry.ts'], outfile: 'dist/sessionWorker.js',
    platform: 'node', format: 'cjs', target: 'node18' },
  // The second thread large pooling calls use, in the session worker and in the CLI
  // (src/engine/fast/parallel.ts).
  { ...common, entryPoints: ['src/host/kernelPeerEntry.ts'], outfile: 'dist/kernelPeer.js',
    platform: 'node', format: 'cjs', target: 'node18' },
  { ...common, entryPoints: ['src/extension/worker/webEntry.ts'], outfile: 'dist/web/sessionWorker.js',
    platform: 'browser', format: 'iife', target: 'es2022', define: { ...common.define, 'global': 'globalThis' } },
  // The notebook renderer: an ES module loaded into the output webview.
  { ...common, entryPoints: ['src/renderer/index.ts'], outfile: 'dist/renderer.js',
    platform: 'browser', format: 'esm', target: 'es2022' },
  // The command line.
  ...cliBuilds(production),
];

/** Test bundles: one file per suite, so mocha reports and isolates them as in the sources. */
function testBuilds() {
  const files = ['test/runner/index.ts', ...listTests('test/integration')];
  fs.rmSync('out/test', { recursive: true, force: true });
  return [{ ...common, minify: false, entryPoints: files, outbase: 'test', outdir: 'out/test',
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', 'mocha'] }];
}

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String)
    .filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(dir, f));
}

/** Bundles whose entry point is not written yet are skipped with a warning (others build meanwhile). */
function present(list) {
  return list.filter((b) => {
    const missing = b.entryPoints.filter((e) => !fs.existsSync(e));
    if (missing.length) console.warn(`esbuild.js: skipping ${b.outfile ?? b.outdir}: ${missing.join(', ')} does not exist yet`);
    return missing.length === 0;
  });
}

async function main() {
  const builds = present(tests ? [...productBuilds, ...testBuilds()] : productBuilds);
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

module.exports = { cliBuilds };

// Build errors were already printed by the problem matcher; anything else is a crash to show.
if (require.main === module) main().catch((e) => { if (!Array.isArray(e?.errors)) console.error(e); process.exit(1); });
