// Pooling on two threads (src/engine/fast/parallel.ts) with a real worker_thread as the peer: the
// same bits as one thread for every kernel, indices included; cancellation stops both threads and
// leaves the peer usable; a peer that cannot start, fails a job or dies mid-job is given up and
// the caller finishes the work alone.
import { strict as assert } from 'assert';
import { Worker } from 'worker_threads';
import { Tensor } from '../../../src/engine/tensor';
import { adaptiveAvgPool, avgPool, maxPool } from '../../../src/engine/pool';
import { CancelledError } from '../../../src/engine/errors';
import {
  KernelPeerSpawner, inArena, parallelKernelCalls, setArenaTestPolicy, setKernelPeerSpawner, setParallelTestPolicy,
  setTinyWorkThreshold,
} from '../../../src/engine/fast';
import { realPeer } from './realPeer';

/** A peer that starts, says READY, then answers each job with FAILED (or never, when `silent`). */
function brokenPeer(silent: boolean): KernelPeerSpawner {
  return (data) => {
    const w = new Worker(`
      const { workerData } = require('worker_threads');
      const c = new Int32Array(workerData.control);
      Atomics.store(c, 2, 1); Atomics.notify(c, 2);          // READY
      for (let last = 0;;) {
        Atomics.wait(c, 0, last); const s = Atomics.load(c, 0); if (s === last) continue; last = s;
        if (${silent}) continue;                               // a peer that died: no DONE, no progress
        Atomics.store(c, 26, s); Atomics.store(c, 1, s); Atomics.notify(c, 1); // FAILED, DONE
      }`, { eval: true, workerData: data });
    w.unref();
    return w;
  };
}

function filled(shape: number[], seed: number): Tensor {
  const t = Tensor.empty(shape, 'float32');
  const s = t.storage as Float32Array;
  let x = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    s[i] = i % 101 === 0 ? NaN : i % 67 === 0 ? -Infinity : ((x >>> 9) % 4001 - 2000) / 32; // NaN, -inf, ties
  }
  assert.ok(inArena(s));
  return t;
}

type Case = [string, (x: Tensor) => Tensor[]];
const CASES: Case[] = [
  ['max k3 s2 p1', (x) => [maxPool(2, x, { kernelSize: 3, stride: 2, padding: 1 }).output]],
  ['max with indices, dilation, ceil', (x) => { const r = maxPool(2, x, { kernelSize: 2, dilation: 2, ceilMode: true, returnIndices: true }); return [r.output, r.indices!]; }],
  ['avg k3 s1 p1 no pad count', (x) => [avgPool(2, x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false })]],
  ['avg divisor_override', (x) => [avgPool(2, x, { kernelSize: 4, stride: 3, ceilMode: true, divisorOverride: 7 })]],
  ['adaptive mean', (x) => [adaptiveAvgPool(2, x, 1)]],
];

function bits(t: Tensor): number[] {
  return t.dtype === 'float32' ? Array.from(new Uint32Array(Float32Array.from(t.storage as Float32Array).buffer)) : Array.from(t.storage);
}

function runAll(x: Tensor): number[][][] { return CASES.map(([, f]) => f(x).map(bits)); }

describe('engine/fast: pooling on two threads', function () {
  this.timeout(60_000);
  // small tensors too: every float32 storage in the arena, every kernel call split
  before(() => { setTinyWorkThreshold(0); setParallelTestPolicy({ minReads: 0 }); setArenaTestPolicy({ minElements: 0 }); });
  after(() => { setTinyWorkThreshold(1024); setParallelTestPolicy({}); setKernelPeerSpawner(null); setArenaTestPolicy({}); });
  afterEach(() => setKernelPeerSpawner(null));

  for (const outputs of ['the JS heap', 'the arena']) {
    it(`gives one thread's bits for max (with indices), avg and the mean, outputs in ${outputs}`, () => {
      setArenaTestPolicy({ minElements: 0, reusedMayTakeFresh: outputs === 'the arena' });
      for (const shape of [[3, 5, 61, 47], [1, 9, 130, 33], [2, 64, 7, 7]]) {
        const x = filled(shape, shape[1]);
        const one = runAll(x);
        setKernelPeerSpawner(realPeer);
        const before = parallelKernelCalls();
        const two = runAll(x);
        setKernelPeerSpawner(null);
        // (the mean has a kernel only for planes under 512 elements: ATen's order is only reproduced there)
        const kernels = CASES.length - (shape[2] * shape[3] >= 512 ? 1 : 0);
        assert.equal(parallelKernelCalls() - before, kernels, `${shape}: not every call ran on two threads`);
        for (let k = 0; k < CASES.length; k++) assert.deepEqual(two[k], one[k], `${shape} ${CASES[k][0]}`);
      }
      setArenaTestPolicy({ minElements: 0 });
    });
  }

  it('raises the cancellation mid-call (the peer told to stop and waited for), and the peer serves the next call', () => {
    const x = filled([8, 16, 256, 256], 3);
    const want = bits(maxPool(2, x, { kernelSize: 3, stride: 1 }).output);
    setKernelPeerSpawner(realPeer);
    maxPool(2, filled([2, 1, 8, 8], 1), { kernelSize: 2 }); // starts the peer (compiling it through tsx takes a second)
    let checks = 0;
    const token = { get cancelled() { return ++checks > 3; } };
    assert.throws(() => maxPool(2, x, { kernelSize: 3, stride: 1 }, token), CancelledError);
    const before = parallelKernelCalls();
    assert.deepEqual(bits(maxPool(2, x, { kernelSize: 3, stride: 1 }).output), want);
    assert.equal(parallelKernelCalls() - before, 1, 'the peer was not used again after the cancellation');
  });

  it('stays on one thread when the host cannot start a peer (null, throws, never ready)', () => {
    const x = filled([4, 8, 40, 40], 5);
    const want = runAll(x);
    setParallelTestPolicy({ minReads: 0, readyTimeoutMs: 200 });
    let terminated = 0;
    const spawners: KernelPeerSpawner[] = [
      () => null,
      () => { throw new Error('no threads here'); },
      () => ({ terminate: () => { terminated++; } }), // "started" but never says READY
    ];
    try {
      for (const s of spawners) {
        setKernelPeerSpawner(s);
        const before = parallelKernelCalls();
        assert.deepEqual(runAll(x), want);
        assert.equal(parallelKernelCalls(), before);
      }
      assert.equal(terminated, 1, 'a peer that never got ready was not stopped');
    } finally {
      setParallelTestPolicy({ minReads: 0 });
    }
  });

  it('finishes the work alone when the peer fails a job, or stops answering mid-job (after 5 s)', () => {
    const x = filled([4, 8, 20, 20], 7);
    const want = runAll(x);
    setKernelPeerSpawner(brokenPeer(false));
    assert.deepEqual(runAll(x), want, 'a failed peer half was not redone');
    setKernelPeerSpawner(brokenPeer(true));
    assert.deepEqual(bits(adaptiveAvgPool(2, x, 1)), want[4][0], 'a dead peer half was not redone');
    const before = parallelKernelCalls();
    assert.deepEqual(runAll(x), want);
    assert.equal(parallelKernelCalls(), before, 'a dead peer must not be used again');
  });
});
