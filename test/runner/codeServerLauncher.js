// @ts-check
// Runs the integration suite inside code-server's extension host (TESTING.md §2): the
// workbench opens in headless Chromium with a smoke-test payload naming the extension under
// development and the compiled test entry; the page relays the extension host's console
// (mocha's report) through codeAutomationLog and its exit code through codeAutomationExit.
'use strict';
const { startCodeServer } = require('./codeServer');
const { launchChromium } = require('./browser');

const STATS_MARKER = 'POOLNB_TEST_STATS ';

/**
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, workspace: string,
 *           timeoutMs?: number, onStats?: (s: {passes:number, failures:number, pending:number}) => void }} o
 * @returns {Promise<number>} the extension host's exit code (0 = every test passed)
 */
async function runInCodeServer(o) {
  const server = await startCodeServer({ workspace: o.workspace, quiet: true });
  console.log(`code-server ${server.codeServerVersion} = VS Code ${server.vscodeVersion}, listening on ${server.base} (pid ${server.pid})`);
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    /** @type {(code: number) => void} */
    let exited = () => {};
    const exitCode = new Promise((resolve) => { exited = resolve; });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
      const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
      for (const line of text.split('\n')) {
        if (line.startsWith(STATS_MARKER)) {
          o.onStats?.(JSON.parse(line.slice(STATS_MARKER.length)));
          continue;
        }
        // The workbench logs its own chatter too; keep the test host's output and real problems.
        if (type === 'error' || type === 'warn') console.log(`  [${type}] ${line}`);
        else console.log(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => exited(code));
    page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
    const url = server.workbenchUrl(o.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(o.extensionDevelopmentPath)],
      ['extensionTestsPath', server.remoteUri(o.extensionTestsPath)],
    ]);
    await page.goto(url);
    const timeoutMs = o.timeoutMs ?? 10 * 60_000;
    let timer;
    const code = await Promise.race([
      exitCode,
      new Promise((resolve) => { timer = setTimeout(() => { console.log(`integration suite did not finish within ${timeoutMs / 1000}s`); resolve(1); }, timeoutMs); }),
    ]);
    clearTimeout(timer);
    return Number(code);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

module.exports = { runInCodeServer };
