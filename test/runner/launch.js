#!/usr/bin/env node
// @ts-check
// `node test/runner/launch.js`: runs the integration suite (out/test/) inside a real VS Code,
// choosing the launcher that can run here:
//   - desktop VS Code via @vscode/test-electron when VSCODE_EXECUTABLE_PATH names one, or when
//     POOLNB_TEST_LAUNCHER=electron says a download is possible (it needs internet);
//   - otherwise code-server from npm (works offline: only the npm registry is needed).
// Exits with the suite's exit code. Writes {passes, failures, pending} to POOLNB_STATS_FILE.
'use strict';
const fs = require('fs');
const path = require('path');
const { onSignals, copyOfExamples } = require('./codeServer');

const ROOT = path.resolve(__dirname, '..', '..');

function pickLauncher() {
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    return { name: 'electron', reason: `VSCODE_EXECUTABLE_PATH=${process.env.VSCODE_EXECUTABLE_PATH}` };
  }
  if (process.env.POOLNB_TEST_LAUNCHER === 'electron') {
    return { name: 'electron', reason: 'POOLNB_TEST_LAUNCHER=electron (downloads VS Code: needs internet)' };
  }
  return { name: 'code-server', reason: 'no desktop VS Code given (VSCODE_EXECUTABLE_PATH unset) and no internet assumed; code-server comes from the npm registry' };
}

async function main() {
  const launcher = pickLauncher();
  console.log(`launcher: ${launcher.name} — ${launcher.reason}`);
  // A copy of examples/: whatever the suite runs or saves never touches the committed files.
  const workspace = copyOfExamples('poolnb-integration-');
  process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'runner'),
    workspace,
  };
  if (!fs.existsSync(path.join(options.extensionTestsPath, 'index.js'))) {
    console.error('out/test/runner/index.js is missing: run `node esbuild.js --tests` first');
    return 1;
  }
  let stats;
  const onStats = (s) => { stats = s; };
  let code;
  if (launcher.name === 'electron') {
    const { runInElectron } = require('./electronLauncher');
    code = await runInElectron({ ...options, vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH });
  } else {
    const { runInCodeServer } = require('./codeServerLauncher');
    code = await runInCodeServer({ ...options, onStats });
  }
  if (process.env.POOLNB_STATS_FILE && stats) fs.writeFileSync(process.env.POOLNB_STATS_FILE, JSON.stringify(stats));
  return code;
}

// code-server cleans up in its own 'exit' handler; signals just have to end us through exit().
onSignals(() => undefined);
main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
