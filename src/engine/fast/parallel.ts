// Pooling on two threads: when the kernels' memory is shared and the host has given the engine a
// way to start a peer thread (`setKernelPeerSpawner`: a worker_thread in Node), a large call on a
// tensor in the arena is split by planes — the first half on the calling thread, the second on the
// peer, both in place in the shared memory — and the caller waits for the peer with Atomics.wait
// (allowed in Node's main thread and in workers; the browser's main thread never runs the engine).
// The job is handed over through an Int32Array control block (no message round trip), and the
// peer's loop (`servePeer`) is engine code too: the host only starts the thread.
// Cancellation: the caller checks its token after every band (and every 20 ms while it waits);
// when it throws, it raises the block's STOP flag, which the peer checks after every band, and
// waits for the peer before rethrowing, so no thread writes into memory a later allocation may own.
// A peer that fails (an exception) or stops making progress for 5 s is given up: the caller runs
// the peer's planes itself and the engine stays on one thread from then on.

import { CHUNK_FLOATS, align64, bandCapacity, forEachBand, hPassBytes } from './bands';
import { PoolKernelExports, WasmKernels, congruent, instantiateShared, webAssembly } from './wasmRuntime';

/** What both threads need to run their planes of one call (MEAN: planes of H×W, one output each). */
export interface PoolJob {
  kind: 1 | 2 | 3;
  planes: number;
  H: number; W: number; OH: number; OW: number;
  kH: number; kW: number; sH: number; sW: number; pH: number; pW: number; dH: number; dW: number;
  countIncludePad: boolean; divisorOverride: number | null;
}

export const KIND = { MAX: 1, AVG: 2, MEAN: 3 } as const;

/** Control block layout (Int32Array over a SharedArrayBuffer). */
const C = {
  SEQ: 0, DONE: 1, READY: 2, STOP: 3, KIND: 4, IN: 5, OUT: 6, IDX: 7, SCRATCH: 8, P0: 9, P1: 10,
  H: 11, W: 12, OH: 13, OW: 14, KH: 15, KW: 16, SH: 17, SW: 18, PH: 19, PW: 20, DH: 21, DW: 22,
  CIP: 23, DIV: 24, PROGRESS: 25, FAILED: 26, SIZE: 32,
} as const;

/** Below this many window reads a call stays on one thread (waking the peer costs ~20-50 µs). */
export const PARALLEL_MIN_READS = 1 << 20;
let minReads = PARALLEL_MIN_READS;
let readyTimeoutMs = 5000;

/** Tests only: split calls of at least `reads` window reads (0: every call), and how long to wait for a new peer. */
export function setParallelTestPolicy(p: { minReads?: number; readyTimeoutMs?: number }): void {
  minReads = p.minReads ?? PARALLEL_MIN_READS;
  readyTimeoutMs = p.readyTimeoutMs ?? 5000;
}

/** Bytes of one horizontal-pass buffer of a max job (0 for the others). */
function hBytesOf(j: PoolJob): number {
  if (j.kind !== KIND.MAX) return 0;
  const cap = bandCapacity(j.planes, j.H, j.W, j.OH, j.OW, j.sH, (j.kH - 1) * j.dH + 1);
  return hPassBytes(j.H, j.W, j.OW, cap.inFloats);
}

/** Bytes of per-thread scratch a job needs (the max kernel's horizontal pass, the mean's partials). */
export function threadScratchBytes(j: PoolJob): number { return 2 * hBytesOf(j) + 128; }

/**
 * Runs planes [p0, p1) of a job in place: input plane p at inBase + p·H·W·4, output at
 * outBase + p·OH·OW·4, indices (max, when idxBase > 0) at idxBase + p·OH·OW·8. `tick` is told the
 * reads of every band (and may throw to cancel); `stop` is asked after every band.
 */
export function runSlice(k: PoolKernelExports, j: PoolJob, p0: number, p1: number, inBase: number, outBase: number,
                         idxBase: number, scratch: number, tick?: (reads: number) => void, stop?: () => boolean): void {
  const inPlane = j.H * j.W;
  if (j.kind === KIND.MEAN) {
    const per = Math.max(1, Math.floor(CHUNK_FLOATS / inPlane));
    for (let p = p0; p < p1 && !stop?.(); p += per) {
      const np = Math.min(per, p1 - p);
      k.meanPlanes(inBase + p * inPlane * 4, outBase + p * 4, np, inPlane, scratch);
      tick?.(np * inPlane);
    }
    return;
  }
  const outPlane = j.OH * j.OW;
  const extH = j.kind === KIND.MAX ? (j.kH - 1) * j.dH + 1 : j.kH;
  const hv = scratch, hc = scratch + hBytesOf(j);
  let stopped = false;
  forEachBand(p1 - p0, j.H, j.W, j.OH, j.sH, j.pH, extH, (b) => {
    if (stopped) return;
    const inP = inBase + ((p0 + b.p0) * inPlane + b.r0 * j.W) * 4;
    const o = (p0 + b.p0) * outPlane + b.oh0 * j.OW;
    if (j.kind === KIND.MAX) {
      const mode = idxBase > 0 ? 2 : k.hasNaN(inP, b.np * b.rows * j.W);
      k.maxPool2d(inP, outBase + o * 4, idxBase > 0 ? idxBase + o * 8 : 0, hv, hc, b.np, b.rows, b.r0, j.H, j.W, b.oh0, b.ohN, j.OW,
        j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.dH, j.dW, mode);
    } else {
      k.avgPool2d(inP, outBase + o * 4, b.np, b.rows, b.r0, j.H, j.W, b.oh0, b.ohN, j.OW,
        j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.countIncludePad ? 1 : 0, j.divisorOverride ?? 0);
    }
    tick?.(b.np * b.ohN * j.OW * j.kH * j.kW);
    if (stop?.()) stopped = true;
  });
}

// ---- the calling side -------------------------------------------------------------------------

/** Starts a peer thread with the memory and control block; returns something to stop it, or null. */
export type KernelPeerSpawner = (data: { memory: object; control: SharedArrayBuffer }) => { terminate(): unknown } | null;

let spawner: KernelPeerSpawner | null = null;
let peer: { control: Int32Array; seq: number; stop(): void } | null | undefined;
let parallelCalls = 0;

/**
 * Lets the engine start a peer thread when a call is large enough (null: one thread only). Hosts:
 * the CLI and the notebook session worker (Node). Replacing it stops a running peer.
 */
export function setKernelPeerSpawner(s: KernelPeerSpawner | null): void {
  peer?.stop();
  peer = undefined;
  spawner = s;
}

/** How many calls ran on two threads (tests and the benchmark use it to prove the path was taken). */
export function parallelKernelCalls(): number { return parallelCalls; }

/** The running peer, started on first need; null when there is none (and none will be started). */
function peerFor(w: WasmKernels): { control: Int32Array; seq: number } | null {
  if (peer !== undefined) return peer;
  peer = null;
  if (!spawner || !w.sharedMemory || typeof Atomics === 'undefined') return null;
  const control = new Int32Array(new SharedArrayBuffer(C.SIZE * 4));
  let handle: { terminate(): unknown } | null = null;
  try { handle = spawner({ memory: w.sharedMemory, control: control.buffer as SharedArrayBuffer }); } catch { handle = null; }
  if (!handle) return null;
  // the peer compiles the kernels and says READY (~10 ms); one that never does costs one call 5 s,
  // after which the engine stays on one thread
  if (Atomics.wait(control, C.READY, 0, readyTimeoutMs) === 'timed-out' && Atomics.load(control, C.READY) === 0) {
    void handle.terminate();
    return null;
  }
  const h = handle;
  peer = { control, seq: 0, stop: () => { void h.terminate(); } };
  return peer;
}

/**
 * Runs a job on two threads, in place: the input at byte `inBase` of the shared memory, the
 * output at `outBase` (and indices at `idxBase`, or 0). Returns false, having done nothing, when
 * no peer is available or the job is too small to gain; the caller then runs it on its own.
 */
export function runParallel(w: WasmKernels, j: PoolJob, inBase: number, outBase: number, idxBase: number,
                            scratch: number, peerScratch: number, tick?: (reads: number) => void): boolean {
  if (j.planes < 2) return false;
  const p = peerFor(w);
  if (!p) return false;
  const c = p.control;
  const half = Math.ceil(j.planes / 2);
  const fields: [number, number][] = [
    [C.KIND, j.kind], [C.IN, inBase], [C.OUT, outBase], [C.IDX, idxBase], [C.SCRATCH, peerScratch], [C.P0, half], [C.P1, j.planes],
    [C.H, j.H], [C.W, j.W], [C.OH, j.OH], [C.OW, j.OW], [C.KH, j.kH], [C.KW, j.kW], [C.SH, j.sH], [C.SW, j.sW],
    [C.PH, j.pH], [C.PW, j.pW], [C.DH, j.dH], [C.DW, j.dW], [C.CIP, j.countIncludePad ? 1 : 0], [C.DIV, j.divisorOverride ?? 0],
  ];
  for (const [i, v] of fields) c[i] = v;
  Atomics.store(c, C.STOP, 0);
  const seq = ++p.seq;
  Atomics.store(c, C.SEQ, seq);
  Atomics.notify(c, C.SEQ);
  parallelCalls++;
  try {
    runSlice(w.k, j, 0, half, inBase, outBase, idxBase, scratch, tick);
    // while the peer finishes, keep answering cancellation (tick with a full check's worth of reads)
    if (!waitDone(c, seq, tick && (() => tick(1 << 16))) || Atomics.load(c, C.FAILED) === seq) {
      giveUpPeer();
      runSlice(w.k, j, half, j.planes, inBase, outBase, idxBase, scratch, tick);
    }
  } catch (e) {
    Atomics.store(c, C.STOP, 1);
    if (!waitDone(c, seq)) giveUpPeer();
    throw e;
  }
  return true;
}

function giveUpPeer(): void {
  peer?.stop();
  peer = null;
}

/**
 * A fast function's two-thread path: for a large call whose input lives in the shared arena (at
 * byte `inBase`), runs it on both threads and puts the result in `dst` (in place when `dstAt` >= 0,
 * else through a scratch copy) and the indices in `idx`. False, having done nothing, otherwise.
 */
export function pooledOnTwoThreads(w: WasmKernels, j: PoolJob, inBase: number, dst: Float32Array, dstAt: number,
                                   idx: Float64Array | null, tick?: (reads: number) => void): boolean {
  const outN = j.kind === KIND.MEAN ? j.planes : j.planes * j.OH * j.OW;
  const reads = j.kind === KIND.MEAN ? j.planes * j.H * j.W : outN * j.kH * j.kW;
  if (j.planes < 2 || reads < minReads || !w.sharedMemory || !peerFor(w)) return false;
  const ts = align64(threadScratchBytes(j));
  const outBytes = dstAt >= 0 ? 0 : align64(outN * 4 + 8);
  const s = w.scratch(2 * ts + outBytes + (idx ? align64(outN * 8) : 0));
  if (s < 0) return false;
  const outBase = dstAt >= 0 ? dstAt : congruent(s + 2 * ts, dst.byteOffset);
  const idxBase = idx ? s + 2 * ts + outBytes : 0;
  if (!runParallel(w, j, inBase, outBase, idxBase, s, s + ts, tick)) return false;
  if (dstAt < 0) dst.set(w.f32.subarray(outBase >> 2, (outBase >> 2) + outN));
  if (idx) idx.set(w.f64.subarray(idxBase >> 3, (idxBase >> 3) + outN));
  return true;
}

/**
 * Blocks until the peer has finished job `seq`, calling `poll` (which may throw) every 20 ms.
 * False when the peer made no progress for 5 s (a thread that died mid-job never answers).
 */
function waitDone(c: Int32Array, seq: number, poll?: () => void): boolean {
  if (spinUntil(c, C.DONE, seq)) return true;
  let progress = Atomics.load(c, C.PROGRESS), since = Date.now();
  for (let d = Atomics.load(c, C.DONE); d !== seq; d = Atomics.load(c, C.DONE)) {
    Atomics.wait(c, C.DONE, d, 20);
    poll?.();
    const p = Atomics.load(c, C.PROGRESS);
    if (p !== progress) { progress = p; since = Date.now(); } else if (Date.now() - since > 5000) return false;
  }
  return true;
}

/**
 * Polls `c[i]` for `value` a few tens of microseconds before a caller sleeps on it: the two halves
 * of a call usually end together, and waking a sleeping thread costs 50-200 µs on a VM (a halted
 * virtual CPU must be woken), which is most of a 0.3 ms call.
 */
function spinUntil(c: Int32Array, i: number, value: number): boolean {
  for (let n = 0; n < SPINS; n++) if (Atomics.load(c, i) === value) return true;
  return false;
}

/** About 50-100 µs of polling. */
const SPINS = 20000;

// ---- the peer side ----------------------------------------------------------------------------

/**
 * The peer thread's whole life: instantiate the kernels over the shared memory, say READY, then
 * run the second half of each job it is handed. Never returns (the host terminates the thread).
 */
export function servePeer(data: { memory: object; control: SharedArrayBuffer }): void {
  const wa = webAssembly();
  if (!wa) return;
  const k = instantiateShared(wa, data.memory);
  const c = new Int32Array(data.control);
  Atomics.store(c, C.READY, 1);
  Atomics.notify(c, C.READY);
  let last = 0;
  for (;;) {
    // a loop of calls hands the next job over within microseconds: poll briefly before sleeping
    let polled = SPINS;
    while (polled-- > 0 && Atomics.load(c, C.SEQ) === last) { /* spin */ }
    if (Atomics.load(c, C.SEQ) === last) Atomics.wait(c, C.SEQ, last);
    const seq = Atomics.load(c, C.SEQ);
    if (seq === last) continue;
    last = seq;
    const j: PoolJob = {
      kind: c[C.KIND] as 1 | 2 | 3, planes: c[C.P1], H: c[C.H], W: c[C.W], OH: c[C.OH], OW: c[C.OW],
      kH: c[C.KH], kW: c[C.KW], sH: c[C.SH], sW: c[C.SW], pH: c[C.PH], pW: c[C.PW], dH: c[C.DH], dW: c[C.DW],
      countIncludePad: c[C.CIP] === 1, divisorOverride: c[C.DIV] || null,
    };
    try {
      runSlice(k, j, c[C.P0], c[C.P1], c[C.IN], c[C.OUT], c[C.IDX], c[C.SCRATCH], () => { Atomics.add(c, C.PROGRESS, 1); },
        () => Atomics.load(c, C.STOP) === 1);
    } catch {
      Atomics.store(c, C.FAILED, seq); // the caller runs these planes itself
    }
    Atomics.store(c, C.DONE, seq);
    Atomics.notify(c, C.DONE);
  }
}
