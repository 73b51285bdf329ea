// Builds the four bundles: the extension for Node (main) and for VS Code for the Web
// (browser), the notebook renderer (browser ESM), and the poolnb CLI.
// `--production` minifies without source maps; `--watch` rebuilds on change.
// esbuild does not type-check: `npm run check-types` (tsc --noEmit) does.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

const builds = [
  // The extension in the desktop / server extension host.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js',
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  // The same extension for VS Code for the Web (a web worker: no Node built-ins).
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/web/extension.js',
    platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'],
    define: { ...common.define, 'global': 'globalThis' } },
  // The notebook renderer: an ES module loaded into the output webview.
  { ...common, entryPoints: ['src/renderer/index.ts'], outfile: 'dist/renderer.js',
    platform: 'browser', format: 'esm', target: 'es2022' },
  // The command line.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js',
    platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } },
];

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((e) => { console.error(e); process.exit(1); });
