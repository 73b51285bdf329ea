// End to end: a person opens an example notebook in VS Code (code-server in Chromium),
// presses Run All, and sees PyTorch's printout, the renderer's grid and an error, in the
// light and the dark theme. Screenshots go to .screenshots/ to be looked at.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Frame, Page } from 'playwright-core';
import { clickNotebookAction, framesWith, openFile, pickKernelIfAsked, waitForWorkbench } from './workbench';
/* eslint-disable @typescript-eslint/no-require-imports */
const { startCodeServer } = require('../runner/codeServer.js');
const { launchChromium } = require('../runner/browser.js') as { launchChromium(): Promise<Browser> };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, '.screenshots');
const GRID = 'table, [role="grid"]';

/** Polls until `probe` yields something, or fails naming `what`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The first frame whose text contains `text` (outputs live in nested webview iframes). */
async function frameWithText(page: Page, text: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    try {
      const body = await frame.evaluate(() => document.body?.innerText ?? '');
      if (body.includes(text)) return frame;
    } catch { /* detached */ }
  }
  return undefined;
}

describe('workbench: an example notebook, as a person uses it', function () {
  let server: { stop(): Promise<void>; workbenchUrl(f: string, p?: unknown): string; remoteUri(p: string): string; userDataDir: string; vscodeVersion: string };
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async function () {
    this.timeout(240_000);
    // A copy of examples/, so running and saving never touches the committed files.
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-e2e-'));
    for (const f of fs.readdirSync(path.join(ROOT, 'examples'))) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(workspace, f));
    server = await startCodeServer({ workspace, quiet: true, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(ROOT)]]));
    await waitForWorkbench(page);
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('opens maxpool-basics.poolnb with Ctrl+P as a notebook of PoolScript cells', async () => {
    await openFile(page, 'maxpool-basics.poolnb');
    await page.locator('.notebook-editor .code-cell-row').first().waitFor({ timeout: 60_000 });
    const codeCells = await page.locator('.notebook-editor .code-cell-row').count();
    assert.ok(codeCells >= 4, `${codeCells} code cells shown`);
  });

  it('runs all cells from the notebook toolbar and shows what PyTorch prints', async () => {
    await clickNotebookAction(page, 'Run All');
    await pickKernelIfAsked(page, /pool/i);
    await until('the printed shape torch.Size([1, 1, 5, 5])', () => frameWithText(page, 'torch.Size([1, 1, 5, 5])'), 90_000);
    await until("the printed pooled tensor", () => frameWithText(page, 'tensor([[[[2., 3.],'));
  });

  it("draws the displayed tensor with poolnb's renderer: a 2×2 grid of 2, 3, 5, 1", async () => {
    const cells = await until('a renderer grid with the pooled values', async () => {
      for (const frame of await framesWith(page, GRID)) {
        const grids = await frame.locator(GRID).evaluateAll((els) => els.map((g) =>
          Array.from(g.querySelectorAll('td, [role="gridcell"]')).map((c) => (c.textContent ?? '').trim())));
        const match = grids.find((g) => g.length === 4 && g.map((t) => Number.parseFloat(t)).join(',') === '2,3,5,1');
        if (match) return match;
      }
      return undefined;
    });
    assert.strictEqual(cells.length, 4);
  });

  it('shows the error of a window larger than its input, as PyTorch words it', async () => {
    await until('the RuntimeError output', () => frameWithText(page, 'Output size is too small'), 30_000)
      .catch(async () => {
        // Error outputs may render in the workbench itself rather than the webview.
        const inWorkbench = await page.locator('text=Output size is too small').count();
        if (inWorkbench === 0) throw new Error('no "Output size is too small" error output');
      });
  });

  it('takes screenshots in the light and the dark theme, and the renderer follows the theme', async () => {
    await page.screenshot({ path: path.join(SHOTS, 'notebook-light.png') });
    const colour = async () => {
      const frames = await framesWith(page, GRID);
      if (!frames.length) return undefined;
      return frames[0].locator(GRID).first().evaluate((g) => getComputedStyle(g.querySelector('td, [role="gridcell"]') ?? g).color);
    };
    const light = await colour();

    const settingsFile = path.join(server.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    const dark = await until('the output to restyle for the dark theme', async () => {
      const c = await colour();
      return c !== undefined && c !== light ? c : undefined;
    }, 15_000).catch(() => colour());
    await page.screenshot({ path: path.join(SHOTS, 'notebook-dark.png') });
    assert.ok(light && dark, 'the grid is visible in both themes');
    assert.notStrictEqual(dark, light, `grid text colour follows the theme (light ${light}, dark ${dark})`);
  });
});
