// Loads the built renderer (dist/renderer.js) into a local page in headless Chromium and
// renders output items through its real `activate()` entry, as VS Code's output webview does.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium } = require('../runner/browser.js') as { launchChromium(): Promise<Browser> };

const ROOT = path.resolve(__dirname, '..', '..');

// The page imports the bundle and offers window.poolnbRender(id, mime, json) -> element id.
// The context is the part of vscode-notebook-renderer's RendererContext a renderer may use.
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  body { font-family: sans-serif; font-size: 13px; color: #333; background: #fff;
    --vscode-editor-background: #fff; --vscode-foreground: #333; --vscode-editor-font-family: monospace; }
</style></head><body>
<script type="module">
  import * as renderer from '/dist/renderer.js';
  const state = new Map();
  const context = {
    workspace: { isTrusted: true },
    settings: { lineLimit: 30, outputScrolling: false, outputWordWrap: false, linkifyFilePaths: false },
    getState: () => state.get('s'),
    setState: (s) => state.set('s', s),
    getRenderer: async () => undefined,
    postMessage: () => {},
    onDidReceiveMessage: () => ({ dispose() {} }),
  };
  const api = await renderer.activate(context);
  window.poolnbRender = async (id, mime, json) => {
    const element = document.createElement('div');
    element.id = id;
    element.className = 'output';
    document.body.appendChild(element);
    const bytes = new TextEncoder().encode(json);
    const item = {
      id, mime, metadata: {},
      data: () => bytes,
      text: () => json,
      json: () => JSON.parse(json),
      blob: () => new Blob([bytes], { type: mime }),
    };
    await api.renderOutputItem(item, element, new AbortController().signal);
    return id;
  };
  window.poolnbDispose = (id) => { api.disposeOutputItem?.(id); document.getElementById(id)?.remove(); };
  window.poolnbReady = true;
</script></body></html>`;

export interface Harness {
  page: Page;
  errors: string[];
  render(id: string, json: string, mime?: string): Promise<void>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const bundle = path.join(ROOT, 'dist', 'renderer.js');
  if (!fs.existsSync(bundle)) throw new Error('dist/renderer.js is missing: run `npm run build` first');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    // Serve dist/ only: the bundle and whatever it loads beside itself (a stylesheet, a map).
    const file = path.join(ROOT, path.normalize(url.pathname));
    if (!file.startsWith(path.join(ROOT, 'dist') + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => (window as unknown as { poolnbReady?: boolean }).poolnbReady === true, undefined, { timeout: 15_000 })
    .catch((e) => { throw new Error(`the renderer did not activate: ${errors.join('; ') || e.message}`); });
  return {
    page, errors,
    async render(id, json, mime = 'application/vnd.poolnb.value+json') {
      await page.evaluate(([i, m, j]) => (window as unknown as { poolnbRender(a: string, b: string, c: string): Promise<string> }).poolnbRender(i, m, j), [id, mime, json]);
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
