// Session workers in VS Code for the Web: a Web Worker started from the extension's own
// URI (dist/web/sessionWorker.js). VS Code's web extension host runs in a Web Worker
// itself and provides nested workers, but not everywhere (e.g. not for extensions served
// by a remote server as vscode-remote: URIs): the constructor throws or the worker fails
// to load, and the caller then runs the session in-process instead.

import type { WorkerPort, WorkerSpawner } from './port';

interface WebWorker {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: { message?: string }) => void): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string) => WebWorker;

/** A spawner for the worker script at `url`, or undefined where this host has no Worker. */
export function webWorkerSpawner(url: string): WorkerSpawner | undefined {
  const Ctor = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
  if (typeof Ctor !== 'function') return undefined;
  return () => {
    const worker = new Ctor(url);
    let terminated = false;
    const port: WorkerPort = {
      sharedMemory: typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen(onMessage, onFailure) {
        worker.addEventListener('message', (e) => onMessage(e.data as never));
        const fail = (e: { message?: string }) => { if (!terminated) onFailure(new Error(e.message || 'the worker failed')); };
        worker.addEventListener('error', fail);
        worker.addEventListener('messageerror', fail);
      },
      terminate() {
        terminated = true;
        worker.terminate();
      },
    };
    return port;
  };
}
