// Fast float32 mean over whole planes: what adaptive_avg_pool{1,2,3}d computes when every output
// size is 1 (PyTorch 1.13.1 then calls input.mean(spatial dims), whose ATen sum kernel adds in a
// vectorised order — 8-float AVX2 vectors, 4 partial sums — not sequentially). The WebAssembly
// kernel reproduces that order bit for bit for planes of fewer than 512 elements.

import { CHUNK_FLOATS, countFastCall, tinyWork } from './bands';
import { wasmKernels } from './wasmRuntime';

/** Whether the kernel reproduces ATen's summation order for planes of n elements. */
export function meanSupported(n: number): boolean { return n >= 1 && n < 512; }

/**
 * Writes mean(plane) for each of `planes` contiguous planes of n float32 values (from element
 * `srcOff` of `src`) into dst[0..planes).
 * Returns false, writing nothing, when the fast path does not apply. `tick` is called after
 * every chunk with the number of elements read (cancellation checks).
 */
export function fastMeanPlanes(src: ArrayLike<number>, srcOff: number, planes: number, n: number, dst: ArrayLike<number>,
                               tick?: (reads: number) => void): boolean {
  if (!(src instanceof Float32Array) || !(dst instanceof Float32Array) || !meanSupported(n)) return false;
  if (planes * n < tinyWork()) return false; // the reference finishes before the copies would
  const w = wasmKernels();
  if (!w) return false;
  if (planes === 0) return true;
  const per = Math.min(planes, Math.max(1, Math.floor(CHUNK_FLOATS / n)));
  const inP = w.base;
  const outP = inP + ((per * n * 4 + 64 + 63) & ~63);
  const tmpP = outP + ((per * 4 + 64 + 63) & ~63);
  if (!w.ensure(tmpP - w.base + 128)) return false;
  countFastCall();
  const k = w.k, f32 = w.f32;
  for (let p0 = 0; p0 < planes; p0 += per) {
    const np = Math.min(per, planes - p0);
    f32.set(src.subarray(srcOff + p0 * n, srcOff + (p0 + np) * n), inP >> 2);
    k.meanPlanes(inP, outP, np, n, tmpP);
    dst.set(f32.subarray(outP >> 2, (outP >> 2) + np), p0);
    if (tick) tick(np * n);
  }
  return true;
}
