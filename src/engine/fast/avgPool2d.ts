// Fast float32 2-D average pooling (1-D is H = 1) through the WebAssembly SIMD kernel, bit-identical
// to PyTorch 1.13.1's cpu_avg_pool: a float32 sum from +0 over the in-bounds taps in scan order, then
// one division by divisor_override, or the pool size (padding counted, ceil overhang not) with
// count_include_pad, or the in-bounds count.

import { countFastCall, tinyWork, align64, bandCapacity, forEachBand } from './bands';
import { KIND, pooledOnTwoThreads } from './parallel';
import { congruent, wasmKernels } from './wasmRuntime';

/**
 * Writes average pooling of `planes` contiguous H×W float32 planes of `src` (from element
 * `srcOff`) into `dst` (planes×OH×OW).
 * `divisorOverride` is null or a non-zero integer (PyTorch rejects 0). Returns false, writing
 * nothing, when the fast path does not apply; the caller then runs the reference. `tick` is
 * called after every band with the number of window reads done (cancellation checks).
 * `src` and `dst` in the tensor arena are read and written in place; others go through scratch.
 */
export function fastAvgPool2d(src: ArrayLike<number>, srcOff: number, planes: number, H: number, W: number,
                              kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
                              OH: number, OW: number, countIncludePad: boolean,
                              divisorOverride: number | null, dst: ArrayLike<number>,
                              tick?: (reads: number) => void): boolean {
  if (!(src instanceof Float32Array) || !(dst instanceof Float32Array)) return false;
  // the kernel takes a positive integer override (0 means none); others take the reference path
  if (divisorOverride != null && !(Number.isInteger(divisorOverride) && divisorOverride > 0 && divisorOverride < 2 ** 31)) return false;
  // tiny calls: the reference loop finishes before the copies in and out would
  if (planes * OH * OW * kH * kW < tinyWork()) return false;
  const w = wasmKernels();
  if (!w) return false;
  if (planes === 0 || OH === 0 || OW === 0) return true;
  const cap = bandCapacity(planes, H, W, OH, OW, sH, kH);
  const srcAt = w.addressOf(src), dstAt = w.addressOf(dst);
  if (srcAt >= 0 && pooledOnTwoThreads(w, { kind: KIND.AVG, planes, H, W, OH, OW, kH, kW, sH, sW, pH, pW, dH: 1, dW: 1,
    countIncludePad, divisorOverride }, srcAt + srcOff * 4, dst, dstAt, null, tick)) {
    countFastCall(true);
    return true;
  }
  // 8 spare bytes after each band: copies sit at offsets congruent to the JS array's (congruent())
  const inBytes = srcAt < 0 ? align64(cap.inFloats * 4 + 8) : 0;
  const s = w.scratch(inBytes + (dstAt < 0 ? align64(cap.outFloats * 4 + 8) : 0) + 64);
  if (s < 0) return false;
  const inScratch = s, outScratch = s + inBytes;
  countFastCall(srcAt >= 0);
  const k = w.k, f32 = w.f32;
  const inPlane = H * W, outPlane = OH * OW;
  const cip = countIncludePad ? 1 : 0, dov = divisorOverride ?? 0;
  forEachBand(planes, H, W, OH, sH, pH, kH, (b) => {
    const n = b.np * b.rows * W;
    const s0 = srcOff + b.p0 * inPlane + b.r0 * W;
    let inP: number;
    if (srcAt >= 0) inP = srcAt + s0 * 4;
    else { inP = congruent(inScratch, src.byteOffset + s0 * 4); f32.set(src.subarray(s0, s0 + n), inP >> 2); }
    const m = b.np * b.ohN * OW;
    const d0 = b.p0 * outPlane + b.oh0 * OW;
    const outP = dstAt >= 0 ? dstAt + d0 * 4 : congruent(outScratch, dst.byteOffset + d0 * 4);
    k.avgPool2d(inP, outP, b.np, b.rows, b.r0, H, W, b.oh0, b.ohN, OW, kH, kW, sH, sW, pH, pW, cip, dov);
    if (dstAt < 0) dst.set(f32.subarray(outP >> 2, (outP >> 2) + m), d0);
    if (tick) tick(m * kH * kW);
  });
  return true;
}
