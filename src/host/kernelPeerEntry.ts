// The second thread of a notebook session and of the `poolnb` CLI (bundled to dist/kernelPeer.js):
// it pools half of the planes of a large tensor in place, in the kernels' shared memory, while the
// calling thread does the other half (src/engine/fast/parallel.ts). All the logic is engine code.

import { workerData } from 'worker_threads';
import { servePeer } from '../engine/fast';

servePeer(workerData as { memory: object; control: SharedArrayBuffer });
