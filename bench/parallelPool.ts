// Runs the fast pooling kernels on both cores: the planes are split between the calling thread
// and one worker_thread (the machine has 2 cores), both reading and writing Float32Array views of
// one SharedArrayBuffer arena, synchronised with Atomics (no message round trip per call).
// Node-only (worker_threads), so it lives outside src/engine, which may not use Node built-ins.
import { Worker } from 'worker_threads';
import { fastAvgPool2d, fastMaxPool2d, fastMeanPlanes } from '../src/engine/fast';

/** Control block layout (Int32Array over a small SharedArrayBuffer). */
export const CTRL = {
  SEQ: 0, DONE: 1, KIND: 2, IN_OFF: 3, OUT_OFF: 4, P0: 5, P1: 6,
  H: 7, W: 8, KH: 9, KW: 10, SH: 11, SW: 12, PH: 13, PW: 14, DH: 15, DW: 16, OH: 17, OW: 18,
  CIP: 19, DIV: 20, OK: 21, SIZE: 24,
} as const;

export const KIND = { MAX: 1, AVG: 2, MEAN: 3 } as const;

/** Geometry of one job; `n` is the plane size for MEAN. */
export interface PoolJob {
  kind: 1 | 2 | 3;
  planes: number;
  H: number; W: number; OH: number; OW: number;
  kH: number; kW: number; sH: number; sW: number; pH: number; pW: number; dH: number; dW: number;
  countIncludePad: boolean; divisorOverride: number | null;
}

/** Runs one job's planes [p0, p1) on this thread (the same code the worker runs). */
export function runSlice(arena: SharedArrayBuffer, inOff: number, outOff: number, j: PoolJob, p0: number, p1: number): boolean {
  const inPlane = j.H * j.W, outPlane = j.kind === KIND.MEAN ? 1 : j.OH * j.OW;
  const src = new Float32Array(arena, inOff + p0 * inPlane * 4, (p1 - p0) * inPlane);
  const dst = new Float32Array(arena, outOff + p0 * outPlane * 4, (p1 - p0) * outPlane);
  const n = p1 - p0;
  if (j.kind === KIND.MAX) return fastMaxPool2d(src, n, j.H, j.W, j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.dH, j.dW, j.OH, j.OW, dst, null);
  if (j.kind === KIND.AVG) return fastAvgPool2d(src, n, j.H, j.W, j.kH, j.kW, j.sH, j.sW, j.pH, j.pW, j.OH, j.OW, j.countIncludePad, j.divisorOverride, dst);
  return fastMeanPlanes(src, n, inPlane, dst);
}

export class ParallelPool {
  readonly arena: SharedArrayBuffer;
  private readonly ctrl: Int32Array;
  private readonly worker: Worker;
  private top = 0;
  private seq = 0;

  /** `workerFile`: the bundled bench/poolWorker.ts; `arenaBytes`: room for inputs and outputs. */
  constructor(workerFile: string, arenaBytes: number) {
    this.arena = new SharedArrayBuffer(arenaBytes);
    const ctrlBuf = new SharedArrayBuffer(CTRL.SIZE * 4);
    this.ctrl = new Int32Array(ctrlBuf);
    this.worker = new Worker(workerFile, { workerData: { arena: this.arena, ctrl: ctrlBuf } });
    this.worker.unref();
  }

  /** A Float32Array of n elements inside the shared arena (64-byte aligned). */
  alloc(n: number): Float32Array {
    const off = (this.top + 63) & ~63;
    if (off + n * 4 > this.arena.byteLength) throw new Error('parallel pool arena too small');
    this.top = off + n * 4;
    return new Float32Array(this.arena, off, n);
  }

  /** Forgets every allocation (the views handed out must no longer be used). */
  reset(): void { this.top = 0; }

  /**
   * Runs the job over all planes: planes [0, half) here, [half, planes) in the worker, then waits
   * for the worker. `input`/`output` must come from alloc().
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
    const ok = runSlice(this.arena, input.byteOffset, output.byteOffset, job, 0, half);
    for (let d = Atomics.load(c, CTRL.DONE); d !== seq; d = Atomics.load(c, CTRL.DONE)) Atomics.wait(c, CTRL.DONE, d);
    if (!ok || c[CTRL.OK] !== 1) throw new Error('fast kernels unavailable');
  }

  async close(): Promise<void> { await this.worker.terminate(); }
}
