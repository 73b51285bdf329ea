// A kernel peer for tests: a real worker_thread running the engine's own peer loop
// (src/engine/fast/parallel.ts, TypeScript loaded through tsx as mocha loads it).
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { KernelPeerSpawner } from '../../../src/engine/fast';

const PARALLEL = path.join(__dirname, '../../../src/engine/fast/parallel.ts');

export const realPeer: KernelPeerSpawner = (data) => {
  const w = new Worker(`require('tsx/cjs'); require(${JSON.stringify(PARALLEL)}).servePeer(require('worker_threads').workerData);`,
    { eval: true, workerData: data });
  w.unref();
  return w;
};
