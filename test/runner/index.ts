// The test entry VS Code's extension host loads (`extensionTestsPath`), shared by both
// launchers: code-server (codeServerLauncher.js) and desktop VS Code (electronLauncher.js).
// esbuild compiles it to out/test/runner/index.js beside out/test/integration/*.test.js.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

/** The launchers read this line from the relayed console to count results. */
export const STATS_MARKER = 'POOLNB_TEST_STATS ';

export async function run(): Promise<void> {
  console.log(`Running the integration suite inside VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, UI kind ${vscode.UIKind[vscode.env.uiKind]})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.POOLNB_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = path.resolve(__dirname, '..', 'integration');
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({
        passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0,
      }));
    } catch (e) {
      reject(e);
    }
  });
  console.log(STATS_MARKER + JSON.stringify(stats));
  // Desktop VS Code passes the launcher's environment on: write the counts for scripts/test.js
  // directly (code-server's launcher also reads them from the relayed line above).
  const statsFile = process.env.POOLNB_STATS_FILE;
  if (statsFile) fs.writeFileSync(statsFile, JSON.stringify(stats));
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
