// Session workers in the Node extension host: worker_threads running dist/sessionWorker.js.
// Only langHost's Node branch (and tests) load this file; the web bundle never contains it.

import { Worker, ResourceLimits } from 'worker_threads';
import type { WorkerPort, WorkerSpawner } from './port';

export interface NodeWorkerOptions {
  /** e.g. a small heap in tests, to make a worker run out of memory */
  resourceLimits?: ResourceLimits;
}

export function nodeWorkerSpawner(script: string, options: NodeWorkerOptions = {}): WorkerSpawner {
  return () => {
    const worker = new Worker(script, { resourceLimits: options.resourceLimits });
    // a notebook's worker must not keep a CLI or a test process alive
    worker.unref();
    let terminated = false;
    const port: WorkerPort = {
      sharedMemory: true,
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen(onMessage, onFailure) {
        worker.on('message', onMessage);
        worker.on('error', (e) => { if (!terminated) onFailure(e); });
        worker.on('exit', (code) => {
          if (!terminated) onFailure(new Error(`the worker exited with code ${code}`));
        });
      },
      terminate() {
        terminated = true;
        void worker.terminate();
      },
    };
    return port;
  };
}
