// Fast float32 3-D max pooling: the 2-D kernel over every depth slice, then a fold across depth.
// Bit-identical to PyTorch 1.13.1 and the reference (src/engine/pool/maxPool.ts) for the same
// reason the 2-D kernel is separable: "keep the earlier value unless the later is greater or NaN"
// is associative, and PyTorch scans a window depth-major (t, then h, then w), so folding each
// slice's (h, w) window first and then the slices in order of t visits the taps in the same
// order, and the winner's index is t·H·W plus its index within the slice.

import { fastMaxPool2d } from './maxPool2d';

/**
 * Writes max pooling of `planes` contiguous D×H×W volumes of `src` (from element `srcOff`) into
 * `dst` (planes×OD×OH×OW) and, when `idx` is given, the winning flat indices within each volume.
 * Returns false, writing nothing, when the fast path does not apply (not float32, WebAssembly
 * unavailable, a depth window entirely in padding — the reference gives those their index).
 */
export function fastMaxPool3d(src: ArrayLike<number>, srcOff: number, planes: number, D: number, H: number, W: number,
                              kD: number, kH: number, kW: number, sD: number, sH: number, sW: number,
                              pD: number, pH: number, pW: number, dD: number, dH: number, dW: number,
                              OD: number, OH: number, OW: number, dst: ArrayLike<number>, idx: Float64Array | null,
                              tick?: (reads: number) => void): boolean {
  if (!(src instanceof Float32Array) || !(dst instanceof Float32Array)) return false;
  // every depth window must hold an input slice (the reference handles windows in depth padding)
  for (let od = 0; od < OD; od++) {
    let t0 = od * sD - pD;
    while (t0 < 0) t0 += dD;
    if (t0 >= D || t0 >= od * sD - pD + (kD - 1) * dD + 1) return false;
  }
  const slice = OH * OW;
  const vals = new Float32Array(planes * D * slice);
  const where = new Float64Array(planes * D * slice);
  // the 2-D pass always records indices: the fold needs them whenever `idx` is asked for, and
  // a separate values-only pass would not be cheaper than this one
  if (!fastMaxPool2d(src, srcOff, planes * D, H, W, kH, kW, sH, sW, pH, pW, dH, dW, OH, OW, vals, idx ? where : null, tick)) {
    return false;
  }
  const HW = H * W;
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * D * slice;
    for (let od = 0; od < OD; od++) {
      let t0 = od * sD - pD;
      const tEndRaw = t0 + (kD - 1) * dD + 1;
      const t1 = tEndRaw < D ? tEndRaw : D;
      while (t0 < 0) t0 += dD;
      for (let i = 0; i < slice; i++, o++) {
        let q = base + t0 * slice + i;
        let best = vals[q];
        let bestT = t0;
        for (let t = t0 + dD; t < t1; t += dD) {
          q += dD * slice;
          const v = vals[q];
          if (v > best || v !== v) { best = v; bestT = t; }
        }
        dst[o] = best;
        if (idx) idx[o] = bestT * HW + where[base + bestT * slice + i];
      }
      if (tick) tick(slice * kD);
    }
  }
  return true;
}
