// Fast float32 2-D max pooling (1-D is H = 1) through the WebAssembly SIMD kernel, bit-identical
// to PyTorch 1.13.1 and to the TypeScript reference in src/engine/pool: first maximum in scan
// order wins, a NaN always replaces (the last NaN's index), padding is skipped, -inf start value,
// the first in-bounds tap as the initial index, indices flat within the plane (stored as float64).

import { countFastCall, tinyWork, align64, bandCapacity, forEachBand, hPassBytes } from './bands';
import { KIND, pooledOnTwoThreads } from './parallel';
import { congruent, wasmKernels } from './wasmRuntime';

/**
 * Writes max pooling of `planes` contiguous H×W planes of `src` (from element `srcOff`) into `dst` (planes×OH×OW) and,
 * when `idx` is given, the winning indices. OH/OW must be PyTorch's output sizes (ceil mode is
 * expressed through them). Returns false, writing nothing, when the fast path does not apply
 * (not float32, WebAssembly unavailable): the caller then runs the reference. `tick` is called
 * after every band with the number of window reads done, so the caller can honour cancellation.
 * `src` and `dst` in the tensor arena are read and written in place; others go through scratch.
 */
export function fastMaxPool2d(src: ArrayLike<number>, srcOff: number, planes: number, H: number, W: number,
                              kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
                              dH: number, dW: number, OH: number, OW: number,
                              dst: ArrayLike<number>, idx: Float64Array | null,
                              tick?: (reads: number) => void): boolean {
  if (!(src instanceof Float32Array) || !(dst instanceof Float32Array)) return false;
  // tiny calls: the reference loop finishes before the copies in and out would
  if (planes * OH * OW * kH * kW < tinyWork()) return false;
  const w = wasmKernels();
  if (!w) return false;
  if (planes === 0 || OH === 0 || OW === 0) return true;
  const extH = (kH - 1) * dH + 1;
  const cap = bandCapacity(planes, H, W, OH, OW, sH, extH);
  const srcAt = w.addressOf(src), dstAt = w.addressOf(dst);
  if (srcAt >= 0 && pooledOnTwoThreads(w, { kind: KIND.MAX, planes, H, W, OH, OW, kH, kW, sH, sW, pH, pW, dH, dW,
    countIncludePad: false, divisorOverride: null }, srcAt + srcOff * 4, dst, dstAt, idx, tick)) {
    countFastCall(true);
    return true;
  }
  // scratch layout: [input band][output band][horizontal pass values][their columns][indices]
  // (8 spare bytes after each band: copies sit at offsets congruent to the JS array's, see congruent())
  const inBytes = srcAt < 0 ? align64(cap.inFloats * 4 + 8) : 0;
  const outBytes = dstAt < 0 ? align64(cap.outFloats * 4 + 8) : 0;
  // one plane's horizontal pass: a value and a winning column per (buffered input row, output column)
  const hBytes = hPassBytes(H, W, OW, cap.inFloats);
  const s = w.scratch(inBytes + outBytes + 2 * hBytes + (idx ? align64(cap.outFloats * 8) : 0));
  if (s < 0) return false;
  const inScratch = s, outScratch = s + inBytes, hvP = outScratch + outBytes, hcP = hvP + hBytes, idxP = hcP + hBytes;
  countFastCall(srcAt >= 0);
  const k = w.k, f32 = w.f32, f64 = w.f64;
  const inPlane = H * W, outPlane = OH * OW;
  forEachBand(planes, H, W, OH, sH, pH, extH, (b) => {
    const n = b.np * b.rows * W;
    const s0 = srcOff + b.p0 * inPlane + b.r0 * W;
    let inP: number;
    if (srcAt >= 0) inP = srcAt + s0 * 4;
    else { inP = congruent(inScratch, src.byteOffset + s0 * 4); f32.set(src.subarray(s0, s0 + n), inP >> 2); }
    const m = b.np * b.ohN * OW;
    const d0 = b.p0 * outPlane + b.oh0 * OW;
    const outP = dstAt >= 0 ? dstAt + d0 * 4 : congruent(outScratch, dst.byteOffset + d0 * 4);
    const mode = idx ? 2 : k.hasNaN(inP, n);
    k.maxPool2d(inP, outP, idxP, hvP, hcP, b.np, b.rows, b.r0, H, W, b.oh0, b.ohN, OW, kH, kW, sH, sW, pH, pW, dH, dW, mode);
    if (dstAt < 0) dst.set(f32.subarray(outP >> 2, (outP >> 2) + m), d0);
    if (idx) idx.set(f64.subarray(idxP >> 3, (idxP >> 3) + m), d0);
    if (tick) tick(m * kH * kW);
  });
  return true;
}
