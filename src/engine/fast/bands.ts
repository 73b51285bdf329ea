// How a pooling call is cut into kernel calls: whole planes when several fit in the scratch
// budget (one copy in, one kernel call, one copy out per group), else bands of output rows of one
// plane with just the input rows those rows read. Keeping each band's input and output in the L2
// cache makes the copies into and out of WebAssembly memory nearly free next to the DRAM traffic.

/** Input floats per kernel call (256 KB): with the output it stays within a 512 KB L2. */
export const CHUNK_FLOATS = 1 << 16;

/**
 * Below this many window reads a call is left to the TypeScript reference (the fast functions
 * return false): for a 5×5 input the copies into and out of WebAssembly memory and the call
 * itself cost more than the reference's few dozen comparisons.
 */
let tinyReads = 1024;

/** Current tiny-call threshold (window reads). */
export function tinyWork(): number { return tinyReads; }

/** Sets the tiny-call threshold; tests set 0 so that even small cases run the WebAssembly kernels. */
export function setTinyWorkThreshold(reads: number): void { tinyReads = reads; }

let calls = 0, inPlace = 0;

/** How many fast calls have run the WebAssembly kernels (tests use it to prove the path was taken). */
export function fastKernelCalls(): number { return calls; }

/** How many of them read their input in place, from the tensor arena (no copy in). */
export function inPlaceKernelCalls(): number { return inPlace; }

/** Counts one fast call (called by each dispatcher once it has committed to the kernels). */
export function countFastCall(srcInPlace: boolean): void { calls++; if (srcInPlace) inPlace++; }

/** One kernel call's worth of work. */
export interface Band {
  /** first plane and number of planes */
  p0: number; np: number;
  /** input rows [r0, r0 + rows) of each plane are copied */
  r0: number; rows: number;
  /** output rows [oh0, oh0 + ohN) of each plane are produced */
  oh0: number; ohN: number;
}

/**
 * Calls `run` for each band covering `planes` planes of H×W input and OH output rows, where output
 * row oh reads input rows [oh*sH - pH, oh*sH - pH + extH) clipped to [0, H).
 */
export function forEachBand(planes: number, H: number, W: number, OH: number, sH: number, pH: number,
                            extH: number, run: (b: Band) => void): void {
  const inPlane = H * W;
  if (inPlane <= CHUNK_FLOATS) {
    const per = Math.max(1, Math.floor(CHUNK_FLOATS / Math.max(inPlane, 1)));
    for (let p0 = 0; p0 < planes; p0 += per) {
      run({ p0, np: Math.min(per, planes - p0), r0: 0, rows: H, oh0: 0, ohN: OH });
    }
    return;
  }
  const rowsBudget = Math.max(extH, Math.floor(CHUNK_FLOATS / W));
  const ohPer = Math.max(1, Math.floor((rowsBudget - extH) / sH) + 1);
  for (let p = 0; p < planes; p++) {
    for (let oh0 = 0; oh0 < OH; oh0 += ohPer) {
      const ohN = Math.min(ohPer, OH - oh0);
      const r0 = Math.min(H, Math.max(0, oh0 * sH - pH));
      const r1 = Math.max(r0, Math.min(H, (oh0 + ohN - 1) * sH - pH + extH));
      run({ p0: p, np: 1, r0, rows: r1 - r0, oh0, ohN });
    }
  }
}

/** Largest input / output element counts of any band (to size the scratch memory once per call). */
export function bandCapacity(planes: number, H: number, W: number, OH: number, OW: number, sH: number,
                             extH: number): { inFloats: number; outFloats: number } {
  const inPlane = H * W;
  if (inPlane <= CHUNK_FLOATS) {
    const per = Math.min(planes, Math.max(1, Math.floor(CHUNK_FLOATS / Math.max(inPlane, 1))));
    return { inFloats: per * inPlane, outFloats: per * OH * OW };
  }
  const rowsBudget = Math.max(extH, Math.floor(CHUNK_FLOATS / W));
  const ohPer = Math.min(OH, Math.max(1, Math.floor((rowsBudget - extH) / sH) + 1));
  const rows = Math.min(H, (ohPer - 1) * sH + extH);
  return { inFloats: rows * W, outFloats: ohPer * OW };
}

/**
 * Bytes of one of the max kernel's horizontal-pass buffers (values, or winning columns): one
 * entry per buffered input row (at most a band's worth) and output column.
 */
export function hPassBytes(H: number, W: number, OW: number, inFloats: number): number {
  return align64(Math.min(H, Math.ceil(inFloats / W)) * OW * 4);
}

/** Rounds a byte offset up to a multiple of 64 (cache line), leaving room for SIMD over-reads. */
export function align64(bytes: number): number { return (bytes + 64 + 63) & ~63; }
