// How a Node host (the notebook session worker, the `poolnb` CLI) starts the engine's second
// pooling thread (src/engine/fast/parallel.ts): a worker_thread running dist/kernelPeer.js, started
// only when the engine first meets a call large enough, and only on a machine with two cores or more.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { KernelPeerSpawner } from '../engine/fast';

/** A spawner for the kernel peer next to the bundles in `dir`, or null (one core, or no bundle). */
export function nodeKernelPeerSpawner(dir: string): KernelPeerSpawner | null {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const file = path.join(dir, 'kernelPeer.js');
  if (cores < 2 || !fs.existsSync(file)) return null;
  return (data) => {
    const w = new Worker(file, { workerData: data });
    w.unref(); // an idle peer must not keep the process alive
    w.on('error', () => { /* the engine notices a peer that stops answering and goes on alone */ });
    return w;
  };
}
