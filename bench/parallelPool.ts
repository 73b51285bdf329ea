// Runs the pooling kernels on both cores: the planes are split between the calling thread and one
// worker_thread (the machine has 2 cores). Both threads instantiate the same kernels
// (bench/sharedKernels.generated.ts, built from src/engine/fast/asm/poolKernels.as) over ONE shared
// WebAssembly memory that also holds the inputs and outputs, so the kernels work in place, as the
// engine's single-thread path does on tensors in its arena (which is a private memory: see
// docs/design.md for why the engine does not share it).
// Jobs are handed over through an Int32Array control block with Atomics (no message round trip).
// Node-only (worker_threads), so it lives outside src/engine, which may not use Node built-ins.
import { Worker } from 'worker_threads';
import { forEachBand } from '../src/engine/fast/bands';
import { PoolKernelExports } from '../src/engine/fast/wasmRuntime';
import { decodeBase64 } from '../src/common/base64';
import { SHARED_POOL_KERNELS_WASM_BASE64 } from './sharedKernels.generated';

/** Control block layout (Int32Array over a small SharedArrayBuffer). */
export const CTRL = {
  SEQ: 0, DONE: 1, KIND: 2, IN_OFF: 3, OUT_OFF: 4, P0: 5, P1: 6,
  H: 7, W: 8, KH: 9, KW: 10, SH: 11, SW: 12, PH: 13, PW: 14, DH: 15, DW: 16, OH: 17, OW: 18,
  CIP: 19, DIV: 20, SIZE: 24,
} as const;

export const KIND = { MAX: 1, AVG: 2, MEAN: 3 } as const;

/** Geometry of one job (MEAN: plane of H×W elements, one output per plane). */
export interface PoolJob {
  kind: 1 | 2 | 3;
  planes: number;
  H: number; W: number; OH: number; OW: number;
  kH: number; kW: number; sH: number; sW: number; pH: number; pW: number; dH: number; dW: number;
  countIncludePad: boolean; divisorOverride: number | null;
}

/** Per-thread scratch: the max kernel's horizontal-pass rows (values, columns) and mean's partials. */
const SCRATCH_BYTES = 4 << 20;

interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => { buffer: SharedArrayBuffer };
}
const WA = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

/** The kernels of one thread over the shared memory, with that thread's scratch area. */
export interface ThreadKernels { k: PoolKernelExports; scratch: number }

export function instantiate(memory: object, thread: number): ThreadKernels {
  const module = new WA.Module(decodeBase64(SHARED_POOL_KERNELS_WASM_BASE64));
  const k = new WA.Instance(module, { env: { memory } }).exports as PoolKernelExports;
  return { k, scratch: k.heapBase() + thread * SCRATCH_BYTES };
}

/** Runs planes [p0, p1) of a job in place (input at byte inOff, output at outOff of the shared memory). */
export function runSlice(t: ThreadKernels, inOff: number, outOff: number, j: PoolJob, p0: number, p1: number): void {
  const { k, scratch } = t;
  const inPlane = j.H * j.W;
  if (j.kind === KIND.MEAN) {
    k.meanPlanes(inOff + p0 * inPlane * 4, outOff + p0 * 4, p1 - p0, inPlane, scratch);
    return;
  }
  const outPlane = j.OH * j.OW;
  const hv = scratch, hc = scratch + SCRATCH_BYTES / 2;
  const extH = j.kind === KIND.MAX ? (j.kH - 1) * j.dH + 1 : j.kH;
  forEachBand(p1 - p0, j.H, j.W, j.OH, j.sH, j.pH, extH, (b) => {
    const inP = inOff + ((p0 + b.p0) * inPlane + b.r0 * j.W) * 4;
    const outP = outOff + ((p0 + b.p0) * outPlane + b.oh0 * j.OW) * 4;
    if (j.kind === KIND.MAX) {
      const mode = k.hasNaN(inP, b.np * b.rows * j.W);
      k.maxPool2d(inP, outP, 0, hv, hc, b.np, b.rows, b.r0, j.H, j.W, b.oh0, b.ohN, j.OW,
        j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.dH, j.dW, mode);
    } else {
      k.avgPool2d(inP, outP, b.np, b.rows, b.r0, j.H, j.W, b.oh0, b.ohN, j.OW,
        j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.countIncludePad ? 1 : 0, j.divisorOverride ?? 0);
    }
  });
}

export class ParallelPool {
  readonly memory: { buffer: SharedArrayBuffer };
  private readonly ctrl: Int32Array;
  private readonly worker: Worker;
  private readonly mine: ThreadKernels;
  private readonly base: number;
  private top: number;
  private seq = 0;

  /** `workerFile`: the bundled bench/poolWorker.ts; `arenaBytes`: room for inputs and outputs. */
  constructor(workerFile: string, arenaBytes: number) {
    const pages = Math.ceil((arenaBytes + 3 * SCRATCH_BYTES) / 65536);
    this.memory = new WA.Memory({ initial: pages, maximum: 16384, shared: true });
    this.mine = instantiate(this.memory, 0);
    this.base = this.top = this.mine.k.heapBase() + 2 * SCRATCH_BYTES;
    const ctrlBuf = new SharedArrayBuffer(CTRL.SIZE * 4);
    this.ctrl = new Int32Array(ctrlBuf);
    this.worker = new Worker(workerFile, { workerData: { memory: this.memory, ctrl: ctrlBuf } });
    this.worker.unref();
  }

  /** A Float32Array of n elements inside the shared memory (64-byte aligned). */
  alloc(n: number): Float32Array {
    const off = (this.top + 63) & ~63;
    if (off + n * 4 > this.memory.buffer.byteLength) throw new Error('parallel pool arena too small');
    this.top = off + n * 4;
    return new Float32Array(this.memory.buffer, off, n);
  }

  /** Forgets every allocation (the views handed out must no longer be used). */
  reset(): void { this.top = this.base; }

  /**
   * Runs the job over all planes: planes [0, half) on this thread, [half, planes) in the worker,
   * then waits for the worker. `input`/`output` must come from alloc().
   */
  run(job: PoolJob, input: Float32Array, output: Float32Array): void {
    const c = this.ctrl;
    const half = Math.ceil(job.planes / 2);
    const fields: [number, number][] = [
      [CTRL.KIND, job.kind], [CTRL.IN_OFF, input.byteOffset], [CTRL.OUT_OFF, output.byteOffset],
      [CTRL.P0, half], [CTRL.P1, job.planes], [CTRL.H, job.H], [CTRL.W, job.W], [CTRL.KH, job.kH], [CTRL.KW, job.kW],
      [CTRL.SH, job.sH], [CTRL.SW, job.sW], [CTRL.PH, job.pH], [CTRL.PW, job.pW], [CTRL.DH, job.dH], [CTRL.DW, job.dW],
      [CTRL.OH, job.OH], [CTRL.OW, job.OW], [CTRL.CIP, job.countIncludePad ? 1 : 0], [CTRL.DIV, job.divisorOverride ?? 0],
    ];
    for (const [i, v] of fields) c[i] = v;
    const seq = ++this.seq;
    Atomics.store(c, CTRL.SEQ, seq);
    Atomics.notify(c, CTRL.SEQ);
    runSlice(this.mine, input.byteOffset, output.byteOffset, job, 0, half);
    for (let d = Atomics.load(c, CTRL.DONE); d !== seq; d = Atomics.load(c, CTRL.DONE)) Atomics.wait(c, CTRL.DONE, d);
  }

  /** The same kernels in place on this thread only (to separate kernel time from the engine path's copies). */
  runHere(job: PoolJob, input: Float32Array, output: Float32Array): void {
    runSlice(this.mine, input.byteOffset, output.byteOffset, job, 0, job.planes);
  }

  async close(): Promise<void> { await this.worker.terminate(); }
}
