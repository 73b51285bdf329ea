// Fast float32 mean over whole planes: what adaptive_avg_pool{1,2,3}d computes when every output
// size is 1 (PyTorch 1.13.1 then calls input.mean(spatial dims), whose ATen sum kernel adds in a
// vectorised order — 8-float AVX2 vectors, 4 partial sums — not sequentially). The WebAssembly
// kernel reproduces that order bit for bit for planes of fewer than 512 elements.

import { CHUNK_FLOATS, align64, countFastCall, tinyWork } from './bands';
import { KIND, pooledOnTwoThreads } from './parallel';
import { congruent, wasmKernels } from './wasmRuntime';

/** Whether the kernel reproduces ATen's summation order for planes of n elements. */
export function meanSupported(n: number): boolean { return n >= 1 && n < 512; }

/**
 * Writes mean(plane) for each of `planes` contiguous planes of n float32 values (from element
 * `srcOff` of `src`) into dst[0..planes).
 * Returns false, writing nothing, when the fast path does not apply. `tick` is called after
 * every chunk with the number of elements read (cancellation checks). `src` and `dst` in the
 * tensor arena are read and written in place; others go through scratch.
 */
export function fastMeanPlanes(src: ArrayLike<number>, srcOff: number, planes: number, n: number, dst: ArrayLike<number>,
                               tick?: (reads: number) => void): boolean {
  if (!(src instanceof Float32Array) || !(dst instanceof Float32Array) || !meanSupported(n)) return false;
  if (planes * n < tinyWork()) return false; // the reference finishes before the copies would
  const w = wasmKernels();
  if (!w) return false;
  if (planes === 0) return true;
  const per = Math.min(planes, Math.max(1, Math.floor(CHUNK_FLOATS / n)));
  const srcAt = w.addressOf(src), dstAt = w.addressOf(dst);
  if (srcAt >= 0 && pooledOnTwoThreads(w, { kind: KIND.MEAN, planes, H: 1, W: n, OH: 1, OW: 1, kH: 1, kW: n, sH: 1, sW: 1,
    pH: 0, pW: 0, dH: 1, dW: 1, countIncludePad: true, divisorOverride: null }, srcAt + srcOff * 4, dst, dstAt, null, tick)) {
    countFastCall(true);
    return true;
  }
  // 8 spare bytes after each chunk: copies sit at offsets congruent to the JS array's (congruent())
  const inBytes = srcAt < 0 ? align64(per * n * 4 + 8) : 0;
  const outBytes = dstAt < 0 ? align64(per * 4 + 8) : 0;
  const s = w.scratch(inBytes + outBytes + 128);
  if (s < 0) return false;
  const inScratch = s, outScratch = s + inBytes, tmpP = outScratch + outBytes;
  countFastCall(srcAt >= 0);
  const k = w.k, f32 = w.f32;
  for (let p0 = 0; p0 < planes; p0 += per) {
    const np = Math.min(per, planes - p0);
    const s0 = srcOff + p0 * n;
    let inP: number;
    if (srcAt >= 0) inP = srcAt + s0 * 4;
    else { inP = congruent(inScratch, src.byteOffset + s0 * 4); f32.set(src.subarray(s0, s0 + np * n), inP >> 2); }
    const outP = dstAt >= 0 ? dstAt + p0 * 4 : congruent(outScratch, dst.byteOffset + p0 * 4);
    k.meanPlanes(inP, outP, np, n, tmpP);
    if (dstAt < 0) dst.set(f32.subarray(outP >> 2, (outP >> 2) + np), p0);
    if (tick) tick(np * n);
  }
  return true;
}
