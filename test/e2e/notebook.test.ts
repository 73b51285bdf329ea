// End to end: a person opens an example notebook in VS Code (code-server in Chromium),
// presses Run All, and sees PyTorch's printout, the renderer's grid and an error, in the
// light and the dark theme. Screenshots go to .screenshots/ to be looked at.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { clickNotebookAction, frameWithText, framesWith, openFile, pickKernelIfAsked, runCommand, setColorTheme, until, waitForWorkbench } from './workbench';
/* eslint-disable @typescript-eslint/no-require-imports */
const { startCodeServer, copyOfExamples } = require('../runner/codeServer.js');
const { launchChromium } = require('../runner/browser.js') as { launchChromium(): Promise<Browser> };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, '.screenshots');
const GRID = 'table, [role="grid"]';

describe('workbench: an example notebook, as a person uses it', function () {
  let server: { stop(): Promise<void>; workbenchUrl(f: string, p?: unknown): string; remoteUri(p: string): string; userDataDir: string; vscodeVersion: string };
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async function () {
    this.timeout(240_000);
    // A copy of examples/, so running and saving never touches the committed files.
    workspace = copyOfExamples('poolnb-e2e-');
    server = await startCodeServer({ workspace, quiet: true, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
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
    // Outputs render lazily as they scroll into view: go to the failed cell as a person would.
    await runCommand(page, 'Go to Most Recently Failed Cell');
    await until('the RuntimeError output', () => frameWithText(page, 'Output size is too small'), 30_000);
    await page.screenshot({ path: path.join(SHOTS, 'notebook-error.png') });
  });

  it('takes screenshots in the light, dark and high-contrast themes, and the renderer follows the theme', async () => {
    await page.keyboard.press('Escape');
    // Back to the top (the focused cell is in command mode), where the pooled tensor's output is in view.
    await page.keyboard.press('Control+Home');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'notebook-light.png') });
    /** The text colour of the renderer's first grid cell: it must come from the theme. */
    const colour = async () => {
      const frames = await framesWith(page, GRID);
      if (!frames.length) return undefined;
      return frames[0].locator(GRID).first().evaluate((g) => getComputedStyle(g.querySelector('td, [role="gridcell"]') ?? g).color);
    };
    const light = await colour();
    const restyled = (before: string | undefined) => until('the output to restyle', async () => {
      const c = await colour();
      return c !== undefined && c !== before ? c : undefined;
    }, 15_000).catch(() => colour());

    await setColorTheme(page, 'Dark Modern', 'vs-dark');
    const dark = await restyled(light);
    await page.screenshot({ path: path.join(SHOTS, 'notebook-dark.png') });

    await setColorTheme(page, 'Dark High Contrast', 'hc-black');
    await restyled(dark);
    await page.screenshot({ path: path.join(SHOTS, 'notebook-high-contrast.png') });

    assert.ok(light && dark, 'the grid is visible in both themes');
    assert.notStrictEqual(dark, light, `grid text colour follows the theme (light ${light}, dark ${dark})`);
  });
});
