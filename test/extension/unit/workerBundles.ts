// Builds the session worker bundles for the tests from the current sources, with the
// same entry points and formats as esbuild.js (dist/sessionWorker.js, dist/web/
// sessionWorker.js, and dist/kernelPeer.js beside the Node one, so that large pooling calls in
// the worker use their second thread as in the product), into a temporary folder, so the tests
// never run a stale bundle.
// Also a Web Worker stand-in for Node: a worker thread whose global scope gets
// postMessage / addEventListener('message') / close, running the web bundle unchanged.

import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';

const ROOT = path.resolve(__dirname, '../../..');
let built: Promise<{ node: string; web: string }> | undefined;

export function workerBundles(): Promise<{ node: string; web: string }> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-worker-'));
    const node = path.join(dir, 'sessionWorker.js');
    const web = path.join(dir, 'web', 'sessionWorker.js');
    await Promise.all([
      esbuild.build({ entryPoints: [path.join(ROOT, 'src/extension/worker/nodeEntry.ts')], outfile: node,
        bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' }),
      esbuild.build({ entryPoints: [path.join(ROOT, 'src/host/kernelPeerEntry.ts')], outfile: path.join(dir, 'kernelPeer.js'),
        bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' }),
      esbuild.build({ entryPoints: [path.join(ROOT, 'src/extension/worker/webEntry.ts')], outfile: web,
        bundle: true, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'error',
        define: { global: 'globalThis' } }),
    ]);
    fs.writeFileSync(path.join(dir, 'webShim.js'), WEB_SHIM);
    return { node, web };
  })();
  return built;
}

/** Runs in the worker thread before the web bundle: the Web Worker global API over parentPort. */
const WEB_SHIM = `
const { parentPort, workerData } = require('worker_threads');
globalThis.postMessage = (m, transfer) => parentPort.postMessage(m, transfer);
globalThis.addEventListener = (type, listener) => { if (type === 'message') parentPort.on('message', (data) => listener({ data })); };
globalThis.close = () => process.exit(0);
require(workerData);
`;

type Listener = (e: { data?: unknown; message?: string }) => void;

/** `new Worker(url)` as in a browser, where `url` is a web bundle built by workerBundles(). */
export class FakeWebWorker {
  static created = 0;
  private readonly thread: Worker;
  constructor(url: string) {
    FakeWebWorker.created++;
    this.thread = new Worker(path.join(path.dirname(path.dirname(url)), 'webShim.js'), { workerData: url });
    this.thread.unref();
  }
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void { this.thread.postMessage(message, transfer); }
  addEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.thread.on('message', (data) => listener({ data }));
    if (type === 'error') this.thread.on('error', (e) => listener({ message: e.message }));
  }
  terminate(): void { void this.thread.terminate(); }
}
