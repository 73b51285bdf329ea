// @ts-check
// Runs the integration suite inside code-server's extension host (TESTING.md §2): the
// workbench opens in headless Chromium with a smoke-test payload naming the extension under
// development and the compiled test entry; the page relays the extension host's console
// (mocha's report) through codeAutomationLog and its exit code through codeAutomationExit.
'use strict';
const util = require('util');
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
    // The workbench logs its own start-up chatter through the same channel: hold it back
    // until the suite starts (and show it only if the suite never starts), then relay
    // everything but the failed gallery look-ups an offline machine always has.
    const SUITE_START = 'Running the integration suite';
    let started = false;
    /** @type {string[]} */
    const before = [];
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
      // console.log's arguments arrive unformatted (mocha passes printf-style formats).
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      if (text.startsWith(STATS_MARKER)) {
        o.onStats?.(JSON.parse(text.slice(STATS_MARKER.length)));
        return;
      }
      if (text.startsWith(SUITE_START)) started = true;
      const prefix = type === 'error' || type === 'warn' ? `  [${type}] ` : '';
      const lines = text.split('\n').map((l) => prefix + l);
      if (!started) { before.push(...lines); return; }
      if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(text) && /gallery|open-vsx|marketplace/i.test(text)) return;
      for (const line of lines) console.log(line);
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
    if (!started) {
      console.log('The test entry never started; the workbench said:');
      for (const line of before) console.log(`  ${line}`);
    }
    return Number(code);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

module.exports = { runInCodeServer };
