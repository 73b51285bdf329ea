// The second core of bench/parallelPool.ts: waits on the control block, runs its planes of each
// job in place in the shared memory, and signals completion through the same block.
import { workerData } from 'worker_threads';
import { CTRL, PoolJob, instantiate, runSlice } from './parallelPool';

const kernels = instantiate(workerData.memory as object, 1);
const c = new Int32Array(workerData.ctrl as SharedArrayBuffer);
let last = 0;
for (;;) {
  Atomics.wait(c, CTRL.SEQ, last);
  const seq = Atomics.load(c, CTRL.SEQ);
  if (seq === last) continue;
  last = seq;
  const job: PoolJob = {
    kind: c[CTRL.KIND] as 1 | 2 | 3, planes: c[CTRL.P1], H: c[CTRL.H], W: c[CTRL.W], OH: c[CTRL.OH], OW: c[CTRL.OW],
    kH: c[CTRL.KH], kW: c[CTRL.KW], sH: c[CTRL.SH], sW: c[CTRL.SW], pH: c[CTRL.PH], pW: c[CTRL.PW],
    dH: c[CTRL.DH], dW: c[CTRL.DW], countIncludePad: c[CTRL.CIP] === 1, divisorOverride: c[CTRL.DIV] || null,
  };
  runSlice(kernels, c[CTRL.IN_OFF], c[CTRL.OUT_OFF], job, c[CTRL.P0], c[CTRL.P1]);
  Atomics.store(c, CTRL.DONE, seq);
  Atomics.notify(c, CTRL.DONE);
}
