// @ts-check
// Runs the same integration suite in desktop VS Code through @vscode/test-electron. It needs
// either a VS Code already installed (VSCODE_EXECUTABLE_PATH) or internet to download one,
// and a display (use xvfb-run on a headless Linux).
'use strict';

/**
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, workspace: string,
 *           vscodeExecutablePath?: string }} o
 * @returns {Promise<number>}
 */
async function runInElectron(o) {
  const { runTests } = require('@vscode/test-electron');
  try {
    return await runTests({
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
      vscodeExecutablePath: o.vscodeExecutablePath,
      launchArgs: [o.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { POOLNB_STATS_FILE: process.env.POOLNB_STATS_FILE ?? '' },
    });
  } catch (e) {
    console.error(`VS Code (electron) run failed: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
}

module.exports = { runInElectron };
