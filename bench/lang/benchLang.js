#!/usr/bin/env node
// The language benchmark (`node bench/lang/benchLang.js`, also run by `npm run bench`), for the
// PoolScript issue's speed figures: `poolnb run` of a 200-cell notebook of typical lesson cells
// in under 300 ms, and checking one cell for a hover in under 5 ms.
//
// It builds the CLI as users get it (esbuild.js cliBuilds(production): the minified loader
// dist/cli.js and bundle dist/cliMain.js, as `vscode:prepublish` / `npm run package` build them)
// into a temporary folder, writes the notebook (bench/lang/lessonCells.js, deterministic), and
// times, interleaved, >= 7 whole fresh processes `node cli.js run nb.poolnb`:
//   - with the V8 code cache warm (every run after the first: the headline figure),
//   - with the code cache off (POOLNB_CODE_CACHE=0: what the very first run costs),
//   - `node -e 0` (Node's own startup, which no change here can remove);
// then main(['run', file]) again and again in this process (the warm figure), and the hover
// figure (bench/lang/hover.ts in a child process). Prints medians and ratios to the targets;
// `--json`: one {"workload","impl","median_ms"} object per line. `--cli PATH` times another
// bin (e.g. dist/cli.js of `npm run build`). BENCH_RUNS=N sets the runs (at least 7).
// Figures, not a test: the machine may be shared, so the minimum is shown beside the median.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { lessonNotebook } = require('./lessonCells');

const ROOT = path.resolve(__dirname, '..', '..');
const json = process.argv.includes('--json');
const cliArg = process.argv.indexOf('--cli');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 9);
const CELLS = 200;
const TARGET = { run: 300, hover: 5 };

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function buildCli(dir) {
  // esbuild.js resolves entry points against the working directory
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { cliBuilds } = require(path.join(ROOT, 'esbuild.js'));
    for (const b of cliBuilds(true, dir)) esbuild.buildSync({ ...b, plugins: [], logLevel: 'error' });
  } finally {
    process.chdir(cwd);
  }
  return path.join(dir, 'cli.js');
}

function wall(args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-bench-lang-'));
  try {
    const bin = cliArg > 0 ? path.resolve(process.argv[cliArg + 1]) : buildCli(path.join(tmp, 'dist'));
    const impl = cliArg > 0 ? `poolnb cli (${path.relative(ROOT, bin) || bin})` : 'poolnb cli (production build)';
    const nb = path.join(tmp, `lesson${CELLS}.poolnb`);
    fs.writeFileSync(nb, lessonNotebook(CELLS));
    const cache = { POOLNB_CODE_CACHE: path.join(tmp, 'code-cache') };
    const noCache = { POOLNB_CODE_CACHE: '0' };

    wall([bin, 'run', nb], cache); // the first run writes the code cache
    const cold = [], first = [], node = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(wall([bin, 'run', nb], cache));
      first.push(wall([bin, 'run', nb], noCache));
      node.push(wall(['-e', '0'], {}));
    }

    const { main: cliMain } = require(bin);
    const io = { out() {}, err() {} };
    const warm = [];
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const code = await cliMain(['run', nb], io);
      if (code !== 0) throw new Error(`in-process run exited ${code}`);
      if (i > 0) warm.push(performance.now() - t0); // the first call compiles and warms up
    }

    const hoverJs = path.join(tmp, 'hover.js');
    esbuild.buildSync({ entryPoints: [path.join(__dirname, 'hover.ts')], outfile: hoverJs, bundle: true, minify: true,
      platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' });
    const hr = spawnSync(process.execPath, [hoverJs], { encoding: 'utf8' });
    if (hr.status !== 0) throw new Error(`hover benchmark failed: ${hr.stderr}`);
    const hover = JSON.parse(hr.stdout.trim().split('\n').pop());

    const rows = [
      { workload: `run-${CELLS}-cells-cold-process`, impl, median_ms: median(cold), min: Math.min(...cold), target: TARGET.run,
        label: `poolnb run, ${CELLS} lesson cells, fresh process (code cache warm)` },
      { workload: `run-${CELLS}-cells-cold-process-no-code-cache`, impl, median_ms: median(first), min: Math.min(...first), target: TARGET.run,
        label: `poolnb run, ${CELLS} lesson cells, fresh process, no code cache (first run)` },
      { workload: 'node-startup', impl: 'node -e 0', median_ms: median(node), min: Math.min(...node),
        label: 'node -e 0 (Node startup alone, included above)' },
      { workload: `run-${CELLS}-cells-in-process-warm`, impl, median_ms: median(warm), min: Math.min(...warm),
        label: `main(['run', …]) again in one process (warm)` },
      { workload: 'hover-check-20-line-cell', impl: 'StaticProject setCells+hover', median_ms: hover.median_ms, min: null, target: TARGET.hover,
        label: `parse + check a new ${hover.lines}-line cell and answer a hover (median of ${hover.cells}, p90 ${hover.p90_ms.toFixed(2)} ms)` },
    ];
    if (json) {
      for (const r of rows) console.log(JSON.stringify({ workload: r.workload, impl: r.impl, median_ms: Number(r.median_ms.toFixed(3)) }));
      return;
    }
    console.log(`\nPoolScript speed (${RUNS} runs each, medians; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
    for (const r of rows) {
      const ms = r.median_ms >= 10 ? r.median_ms.toFixed(0) : r.median_ms.toFixed(2);
      const mn = r.min === null ? '' : `(min ${r.min >= 10 ? r.min.toFixed(0) : r.min.toFixed(2)})`;
      const vs = r.target ? `${(r.median_ms / r.target).toFixed(2)}x of the ${r.target} ms target` : '';
      console.log(`  ${r.label.padEnd(72)} ${ms.padStart(7)} ms ${mn.padEnd(11)} ${vs}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
