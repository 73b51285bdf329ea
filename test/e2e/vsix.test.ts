// What a user installs: `npm run package` makes poolnb.vsix, code-server installs it with
// --install-extension into an empty extensions dir, and a notebook opened with Ctrl+P
// activates it and runs — with no development path anywhere.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { clickNotebookAction, frameWithText, openFile, pickKernelIfAsked, until, waitForWorkbench } from './workbench';
/* eslint-disable @typescript-eslint/no-require-imports */
const { startCodeServer, copyOfExamples } = require('../runner/codeServer.js');
const { launchChromium } = require('../runner/browser.js') as { launchChromium(): Promise<Browser> };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '..', '..');

/** Every *.log under a folder, concatenated (the extension host logs what it activates). */
function logs(dir: string): string {
  let text = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.log')) text += fs.readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  }
  return text;
}

describe('the packaged extension (.vsix) installed into VS Code', function () {
  let tmp: string;
  let workspace: string;
  let vsix: string;
  let server: { stop(): Promise<void>; workbenchUrl(f: string): string; extensionsDir: string; userDataDir: string };
  let browser: Browser;
  let page: Page;

  before(async function () {
    this.timeout(300_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-vsix-'));
    vsix = path.join(tmp, 'poolnb.vsix');
    const vsce = require.resolve('@vscode/vsce/vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    workspace = copyOfExamples('poolnb-vsix-workspace-');
    server = await startCodeServer({ workspace, quiet: true, installExtensions: [vsix] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.workbenchUrl(workspace));
    await waitForWorkbench(page);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    for (const dir of [tmp, workspace]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    // vsce's prepublish left production bundles in dist/: put the development build back.
    spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'ignore' });
  });

  it('is a small package holding only the bundles and the files the manifest names', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < 2 * 1024 * 1024, `poolnb.vsix is ${(size / 1024).toFixed(0)} KB (limit 2 MB)`);
    const listing = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    const files = listing.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/sessionWorker.js', 'dist/web/sessionWorker.js', 'dist/kernelPeer.js',
      'dist/renderer.js', 'media/icon.png', 'syntaxes/poolscript.tmLanguage.json']) {
      assert.ok(files.includes(f), `${f} is packaged`);
    }
    const leaked = files.filter((f) => /^(src|test|scripts|node_modules|out|corpus|bench)\/|\.map$|\.ts$/.test(f));
    assert.deepStrictEqual(leaked, [], 'no sources, tests, maps or dependencies in the package');
  });

  it('installs with --install-extension', () => {
    const installed = fs.readdirSync(server.extensionsDir);
    assert.ok(installed.some((d) => d.startsWith('poolnb.poolnb-')), `extensions dir holds ${installed.join(', ')}`);
  });

  it('activates when a .poolnb opens and runs its cells', async () => {
    await openFile(page, 'maxpool-basics.poolnb');
    await page.locator('.notebook-editor .code-cell-row').first().waitFor({ timeout: 60_000 });
    await until('the extension host to activate poolnb.poolnb', async () =>
      (/_doActivateExtension poolnb\.poolnb\b/.test(logs(server.userDataDir)) ? true : undefined), 30_000);
    await clickNotebookAction(page, 'Run All');
    await pickKernelIfAsked(page, /pool/i);
    await until('the printed shape torch.Size([1, 1, 5, 5])', () => frameWithText(page, 'torch.Size([1, 1, 5, 5])'), 90_000);
    fs.mkdirSync(path.join(ROOT, '.screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, '.screenshots', 'vsix-installed.png') });
  });
});
