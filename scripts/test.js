#!/usr/bin/env node
// `npm test`: every stage of the suite, in order, printing each stage's name, every test
// result and a closing count; exits non-zero if anything failed.
//   1. build    esbuild bundles (+ the compiled integration suite) and `tsc --noEmit`
//   2. unit     mocha: test/engine, test/lang, test/cli, ... (.mocharc.json)
//   3. renderer dist/renderer.js in headless Chromium
//   4. integration  the suite inside a real VS Code extension host (code-server, or desktop
//               VS Code via @vscode/test-electron when one is available; see test/runner/launch.js)
//   5. e2e      the workbench driven in Chromium as a person would, with screenshots
// `npm test -- unit renderer` runs only the named stages.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const REPORTER = path.join(ROOT, 'test', 'runner', 'statsReporter.js');

/** A stage is a list of steps (commands); `counts` says whether a step reports test counts;
 * a stage that `needs` what a step `provides` is not run when that step failed (a type error
 * alone does not stop the runtime stages: they test the bundles). */
const STAGES = [
  { name: 'build', steps: [
    { title: 'esbuild bundles + compiled integration tests', provides: 'bundles', cmd: [process.execPath, 'esbuild.js', '--tests'] },
    { title: 'type check (tsc --noEmit)', cmd: [process.execPath, TSC, '--noEmit', '-p', '.'] },
    // engine/, lang/, common/ without Node or DOM types: a layering break is a type error
    { title: 'type check of the portable layers (tsconfig.core.json)', cmd: [process.execPath, TSC, '--noEmit', '-p', 'tsconfig.core.json'] },
    { title: 'type check of the renderer and browser tests (tsconfig.renderer.json)', cmd: [process.execPath, TSC, '--noEmit', '-p', 'tsconfig.renderer.json'] },
  ] },
  { name: 'unit', needs: [], steps: [
    { title: 'mocha (.mocharc.json)', counts: true, cmd: [process.execPath, MOCHA, '--reporter', REPORTER] },
  ] },
  { name: 'renderer', needs: ['bundles'], steps: [
    { title: 'renderer bundle in headless Chromium', counts: true,
      cmd: [process.execPath, MOCHA, '--config', 'test/renderer/mocharc.json', '--reporter', REPORTER] },
  ] },
  { name: 'integration', needs: ['bundles'], steps: [
    // Installs code-server + Node 24 under .vscode-test/ on first use (about 2 minutes).
    { title: 'a real VS Code: code-server from npm', provides: 'vscode', cmd: [process.execPath, 'scripts/ensure-code-server.js'] },
    { title: 'integration suite inside VS Code', counts: true, needs: 'vscode', cmd: [process.execPath, 'test/runner/launch.js'] },
  ] },
  { name: 'e2e', needs: ['bundles', 'vscode'], steps: [
    { title: 'workbench UI in Chromium', counts: true,
      cmd: [process.execPath, MOCHA, '--config', 'test/e2e/mocharc.json', '--reporter', REPORTER] },
  ] },
];

let current = null;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = true;
    // The child cleans up after itself (code-server's process group, Chromium) on the signal.
    if (current && current.exitCode === null) current.kill(signal);
  });
}

function runStep(step, statsFile) {
  return new Promise((resolve) => {
    const env = { ...process.env, POOLNB_STATS_FILE: statsFile, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') };
    const child = spawn(step.cmd[0], step.cmd.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', (e) => { console.error(e.message); resolve(1); });
    child.on('exit', (code, signal) => { current = null; resolve(code ?? (signal ? 128 : 1)); });
  });
}

function fmt(ms) { return `${(ms / 1000).toFixed(1)}s`; }

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((n) => !STAGES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`unknown stage(s) ${unknown.join(', ')}; stages: ${STAGES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  // Chromium (and the Kerberos headers code-server builds against) come from apt when missing.
  try {
    require('./ensure-code-server').ensureSystemPackages();
  } catch (e) {
    console.error(`warning: ${e instanceof Error ? e.message : e}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-test-'));
  const results = [];
  const provided = new Set();
  const attempted = new Set();
  let passed = 0;
  let failed = 0;
  for (const stage of STAGES) {
    if (only.length && !only.includes(stage.name)) continue;
    if (interrupted) break;
    // Needs are checked only when the stage providing them ran (`npm test -- e2e` trusts the last build).
    const blocked = (stage.needs ?? []).filter((n) => attempted.has(n) && !provided.has(n));
    console.log(`\n━━━ stage ${results.length + 1}: ${stage.name} ━━━`);
    if (blocked.length) {
      console.log(`not run: no ${blocked.join(', ')} (a build step failed)`);
      results.push({ name: stage.name, ok: false, ms: 0, note: `not run (no ${blocked.join(', ')})` });
      continue;
    }
    const started = Date.now();
    let ok = true;
    const notes = [];
    for (const [i, step] of stage.steps.entries()) {
      console.log(`── ${step.title}`);
      if (step.needs && !provided.has(step.needs)) {
        console.log(`── ${step.title}: not run (no ${step.needs})`);
        ok = false;
        failed += 1;
        continue;
      }
      const statsFile = path.join(tmp, `${stage.name}-${i}.json`);
      const stepStart = Date.now();
      if (step.provides) attempted.add(step.provides);
      const code = await runStep(step, statsFile);
      const stats = fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')) : null;
      if (stats) {
        passed += stats.passes;
        failed += stats.failures;
        notes.push(`${stats.passes} passed, ${stats.failures} failed`);
        if (step.counts && stats.passes + stats.failures === 0) { ok = false; notes.push('no test ran'); }
      } else if (step.counts) {
        notes.push('no results');
      }
      if (code === 0 && step.provides) provided.add(step.provides);
      if (code !== 0) {
        ok = false;
        // A step that died before reporting counts as one failure, so the total cannot read green.
        if (!stats) failed += 1;
      }
      console.log(`── ${step.title}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${fmt(Date.now() - stepStart)}`);
      if (interrupted) break;
    }
    results.push({ name: stage.name, ok, ms: Date.now() - started, note: notes.join('; ') });
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  console.log('\n━━━ summary ━━━');
  for (const r of results) {
    console.log(`${r.ok ? 'ok    ' : 'FAILED'}  ${r.name.padEnd(12)} ${fmt(r.ms).padStart(7)}  ${r.note ?? ''}`);
  }
  if (interrupted) console.log('interrupted');
  const allOk = !interrupted && results.length > 0 && results.every((r) => r.ok) && failed === 0;
  console.log(`\npoolnb: ${passed} passed, ${failed} failed`);
  return allOk ? 0 : 1;
}

main().then((code) => process.exit(interrupted ? 130 : code), (e) => { console.error(e); process.exit(1); });
