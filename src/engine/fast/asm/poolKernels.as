// AssemblyScript source of the WebAssembly pooling kernels (compiled by scripts/build-wasm.js into
// src/engine/fast/wasmBytes.generated.ts). The `.as` extension keeps it out of `tsc -p .`: it is
// AssemblyScript, not TypeScript (v128, f32, usize, load/store builtins).
//
// Every kernel reproduces PyTorch 1.13.1 CPU float32 results bit for bit (see
// shared/docs/POOLING_SEMANTICS.md §5-7); src/engine/pool/** holds the readable TypeScript reference.
//
// Buffers are laid out by the JS side (src/engine/fast/wasmRuntime.ts). A kernel call handles a
// "band": `planes` consecutive planes, each holding input rows [rowBase, rowBase + inRows) of an
// H×W plane, and writes output rows [oh0, oh0 + ohN) of each OH×OW output plane.
// SIMD runs across 4 neighbouring OUTPUT columns, so each output keeps PyTorch's per-window
// scan order (max: first maximum wins, a NaN always replaces; avg: sequential float32 sum).
// Border outputs (padding, ceil-mode overhang) take the scalar path; the interior is branch-free.

// ---- max pooling -------------------------------------------------------------------------------

// PyTorch's replacement rule `v > best || isnan(v)`; pmax(best, v) is `best < v ? v : best`.
@inline function maxStep(best: v128, v: v128): v128 {
  return v128.bitselect(v, f32x4.pmax(best, v), f32x4.ne(v, v));
}

// Loads the 4 inputs of one tap for outputs ow..ow+3 (column of output ow is `col`).
@inline function tapLoad(rp: usize, col: i32, sW: i32): v128 {
  if (sW == 1) return v128.load(rp + (<usize>col << 2));
  if (sW == 2) {
    const p = rp + (<usize>col << 2);
    return i8x16.shuffle(v128.load(p), v128.load(p, 16),
      0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27);
  }
  let v = f32x4.splat(load<f32>(rp + (<usize>col << 2)));
  v = f32x4.replace_lane(v, 1, load<f32>(rp + (<usize>(col + sW) << 2)));
  v = f32x4.replace_lane(v, 2, load<f32>(rp + (<usize>(col + 2 * sW) << 2)));
  v = f32x4.replace_lane(v, 3, load<f32>(rp + (<usize>(col + 3 * sW) << 2)));
  return v;
}

/** First output column whose window starts in bounds, and one past the last whose window ends in bounds. */
@inline function interiorLo(p: i32, s: i32): i32 { return (p + s - 1) / s; }
@inline function interiorHi(L: i32, k: i32, s: i32, p: i32, d: i32, O: i32): i32 {
  const num = L - 1 - (k - 1) * d + p;
  if (num < 0) return 0;
  const hi = num / s + 1;
  return hi < O ? hi : O;
}

/** 1 when any of the n float32 values at ptr is NaN. */
export function hasNaN(ptr: usize, n: i32): i32 {
  let acc = i32x4.splat(0);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const p = ptr + (<usize>i << 2);
    const a = v128.load(p); const b = v128.load(p, 16);
    const c = v128.load(p, 32); const d = v128.load(p, 48);
    acc = v128.or(acc, v128.or(v128.or(f32x4.ne(a, a), f32x4.ne(b, b)), v128.or(f32x4.ne(c, c), f32x4.ne(d, d))));
  }
  let r: i32 = v128.any_true(acc) ? 1 : 0;
  for (; i < n; i++) {
    const v = load<f32>(ptr + (<usize>i << 2));
    if (v != v) r = 1;
  }
  return r;
}

// Scalar max over one window; writes value (and index when idxP != 0).
@inline function maxScalar(pBase: usize, rowBase: i32, W: i32, hs: i32, he: i32, dH: i32,
                           ws: i32, we: i32, dW: i32, outAt: usize, idxAt: usize): void {
  let best: f32 = -Infinity;
  let bi: i32 = hs * W + ws;
  for (let ih = hs; ih < he; ih += dH) {
    const rp = pBase + (<usize>((ih - rowBase) * W) << 2);
    for (let iw = ws; iw < we; iw += dW) {
      const v = load<f32>(rp + (<usize>iw << 2));
      const take = (v > best) | (v != v);
      best = select<f32>(v, best, take);
      bi = select<i32>(ih * W + iw, bi, take);
    }
  }
  store<f32>(outAt, best);
  if (idxAt != 0) store<f64>(idxAt, <f64>bi);
}

/**
 * Max pooling over a band. `mode`: 0 = values only, input known NaN-free (pmax alone is exact);
 * 1 = values only, exact NaN rule; 2 = values and indices (f64 flat index within the plane).
 */
export function maxPool2d(inP: usize, outP: usize, idxP: usize, planes: i32, inRows: i32, rowBase: i32,
                          H: i32, W: i32, oh0: i32, ohN: i32, OW: i32,
                          kH: i32, kW: i32, sH: i32, sW: i32, pH: i32, pW: i32, dH: i32, dW: i32,
                          mode: i32): void {
  const lo = interiorLo(pW, sW);
  const hi = interiorHi(W, kW, sW, pW, dW, OW);
  const laneStep = i32x4(0, sW, 2 * sW, 3 * sW);
  for (let pl = 0; pl < planes; pl++) {
    const pBase = inP + (<usize>(pl * inRows * W) << 2);
    for (let r = 0; r < ohN; r++) {
      const oh = oh0 + r;
      let hs = oh * sH - pH;
      const heRaw = hs + (kH - 1) * dH + 1;
      const he = heRaw < H ? heRaw : H;
      while (hs < 0) hs += dH;
      const oRow = <usize>((pl * ohN + r) * OW);
      const outRow = outP + (oRow << 2);
      const idxRow = idxP + (oRow << 3);
      // scalar borders
      for (let ow = 0; ow < OW; ow++) {
        if (ow == lo && hi > lo) { ow = hi - 1; continue; }
        let ws = ow * sW - pW;
        const weRaw = ws + (kW - 1) * dW + 1;
        const we = weRaw < W ? weRaw : W;
        while (ws < 0) ws += dW;
        maxScalar(pBase, rowBase, W, hs, he, dH, ws, we, dW, outRow + (<usize>ow << 2),
                  mode == 2 ? idxRow + (<usize>ow << 3) : 0);
      }
      if (hi <= lo) continue;
      let ow = lo;
      if (hs >= he) {
        // every row tap is padding (dilation): -inf with index of the (out-of-range) first tap
        for (; ow < hi; ow++) {
          store<f32>(outRow + (<usize>ow << 2), -Infinity);
          if (mode == 2) store<f64>(idxRow + (<usize>ow << 3), <f64>(hs * W + ow * sW - pW));
        }
        continue;
      }
      const rp0 = pBase + (<usize>((hs - rowBase) * W) << 2);
      const rowStep = <usize>(dH * W) << 2;
      if (mode == 0) {
        for (; ow + 4 <= hi; ow += 4) {
          const c0 = ow * sW - pW;
          let best = tapLoad(rp0, c0, sW);
          for (let kw = 1; kw < kW; kw++) best = f32x4.pmax(best, tapLoad(rp0, c0 + kw * dW, sW));
          let rp = rp0 + rowStep;
          for (let ih = hs + dH; ih < he; ih += dH) {
            for (let kw = 0; kw < kW; kw++) best = f32x4.pmax(best, tapLoad(rp, c0 + kw * dW, sW));
            rp += rowStep;
          }
          v128.store(outRow + (<usize>ow << 2), best);
        }
      } else if (mode == 1) {
        for (; ow + 4 <= hi; ow += 4) {
          const c0 = ow * sW - pW;
          let best = tapLoad(rp0, c0, sW);
          for (let kw = 1; kw < kW; kw++) best = maxStep(best, tapLoad(rp0, c0 + kw * dW, sW));
          let rp = rp0 + rowStep;
          for (let ih = hs + dH; ih < he; ih += dH) {
            for (let kw = 0; kw < kW; kw++) best = maxStep(best, tapLoad(rp, c0 + kw * dW, sW));
            rp += rowStep;
          }
          v128.store(outRow + (<usize>ow << 2), best);
        }
      } else {
        for (; ow + 4 <= hi; ow += 4) {
          const c0 = ow * sW - pW;
          let best = f32x4.splat(-Infinity);
          let bi = i32x4.add(i32x4.splat(hs * W + c0), laneStep);
          let rp = rp0;
          for (let ih = hs; ih < he; ih += dH) {
            for (let kw = 0; kw < kW; kw++) {
              const col = c0 + kw * dW;
              const v = tapLoad(rp, col, sW);
              const take = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
              best = v128.bitselect(v, best, take);
              bi = v128.bitselect(i32x4.add(i32x4.splat(ih * W + col), laneStep), bi, take);
            }
            rp += rowStep;
          }
          v128.store(outRow + (<usize>ow << 2), best);
          const ia = idxRow + (<usize>ow << 3);
          v128.store(ia, f64x2.convert_low_i32x4_s(bi));
          v128.store(ia, f64x2.convert_low_i32x4_s(i8x16.shuffle(bi, bi,
            8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), 16);
        }
      }
      // interior remainder (fewer than 4 outputs)
      for (; ow < hi; ow++) {
        let ws = ow * sW - pW;
        maxScalar(pBase, rowBase, W, hs, he, dH, ws, ws + (kW - 1) * dW + 1, dW, outRow + (<usize>ow << 2),
                  mode == 2 ? idxRow + (<usize>ow << 3) : 0);
      }
    }
  }
}

// ---- average pooling ---------------------------------------------------------------------------

/**
 * Average pooling over a band (PyTorch cpu_avg_pool): float32 sum from +0 in scan order over the
 * in-bounds taps, one division by the divisor (divisorOverride when > 0, else pool size incl.
 * padding but not ceil overhang when countIncludePad, else the in-bounds count).
 */
export function avgPool2d(inP: usize, outP: usize, planes: i32, inRows: i32, rowBase: i32,
                          H: i32, W: i32, oh0: i32, ohN: i32, OW: i32,
                          kH: i32, kW: i32, sH: i32, sW: i32, pH: i32, pW: i32,
                          countIncludePad: i32, divisorOverride: i32): void {
  const lo = interiorLo(pW, sW);
  const hi = interiorHi(W, kW, sW, pW, 1, OW);
  for (let pl = 0; pl < planes; pl++) {
    const pBase = inP + (<usize>(pl * inRows * W) << 2);
    for (let r = 0; r < ohN; r++) {
      const oh = oh0 + r;
      let hs = oh * sH - pH;
      let he = hs + kH; if (he > H + pH) he = H + pH;
      const poolH = he - hs;
      if (hs < 0) hs = 0;
      if (he > H) he = H;
      const cntH = he - hs;
      const outRow = outP + (<usize>((pl * ohN + r) * OW) << 2);
      for (let ow = 0; ow < OW; ow++) {
        if (ow == lo && hi > lo) { ow = hi - 1; continue; }
        let ws = ow * sW - pW;
        let we = ws + kW; if (we > W + pW) we = W + pW;
        const poolW = we - ws;
        if (ws < 0) ws = 0;
        if (we > W) we = W;
        let sum: f32 = 0;
        for (let ih = hs; ih < he; ih++) {
          const rp = pBase + (<usize>((ih - rowBase) * W) << 2);
          for (let iw = ws; iw < we; iw++) sum += load<f32>(rp + (<usize>iw << 2));
        }
        const div: i32 = divisorOverride > 0 ? divisorOverride
          : (countIncludePad ? poolH * poolW : cntH * (we - ws));
        store<f32>(outRow + (<usize>ow << 2), (hs >= he || ws >= we) ? 0 : sum / <f32>div);
      }
      if (hi <= lo) continue;
      let ow = lo;
      if (hs >= he) {
        for (; ow < hi; ow++) store<f32>(outRow + (<usize>ow << 2), 0);
        continue;
      }
      const divI: i32 = divisorOverride > 0 ? divisorOverride : (countIncludePad ? poolH * kW : cntH * kW);
      const div = f32x4.splat(<f32>divI);
      const rp0 = pBase + (<usize>((hs - rowBase) * W) << 2);
      const rowStep = <usize>W << 2;
      for (; ow + 4 <= hi; ow += 4) {
        const c0 = ow * sW - pW;
        let sum = f32x4.splat(0);
        let rp = rp0;
        for (let ih = hs; ih < he; ih++) {
          for (let kw = 0; kw < kW; kw++) sum = f32x4.add(sum, tapLoad(rp, c0 + kw, sW));
          rp += rowStep;
        }
        v128.store(outRow + (<usize>ow << 2), f32x4.div(sum, div));
      }
      const divS = <f32>divI;
      for (; ow < hi; ow++) {
        const c0 = ow * sW - pW;
        let sum: f32 = 0;
        let rp = rp0;
        for (let ih = hs; ih < he; ih++) {
          for (let kw = 0; kw < kW; kw++) sum += load<f32>(rp + (<usize>(c0 + kw) << 2));
          rp += rowStep;
        }
        store<f32>(outRow + (<usize>ow << 2), sum / divS);
      }
    }
  }
}

// ---- mean over whole planes (adaptive avg pooling to all-ones output) --------------------------

/**
 * For each of `planes` consecutive planes of n floats: ATen 1.13 `sum` (cascade_sum ->
 * vectorized_inner_sum with 8-float AVX2 vectors when n >= 8, else scalar row_sum) then `/ n`,
 * which is what adaptive_avg_pool with an all-ones output size computes (input.mean(dims)).
 * Only the level-free case of multi_row_sum (fewer than 16 groups of 4 vectors: n < 512, or
 * n < 64 for the scalar path) is implemented here; the caller checks `meanSupported(n)`.
 */
export function meanPlanes(inP: usize, outP: usize, planes: i32, n: i32): void {
  const divisor = <f32>n;
  const nv = n >> 3;          // whole 8-float vectors
  const ilp = nv >> 2;        // groups of 4 vectors (multi_row_sum rows), < 16 here
  const zero = f32x4.splat(0);
  for (let pl = 0; pl < planes; pl++) {
    const base = inP + (<usize>(pl * n) << 2);
    let result: f32;
    if (n >= 8) {
      // partial[k] for k = 0..3 (each 8 lanes = lo, hi)
      let p0l = zero, p0h = zero, p1l = zero, p1h = zero, p2l = zero, p2h = zero, p3l = zero, p3h = zero;
      for (let i = 0; i < ilp; i++) {
        const q = base + (<usize>(i * 32) << 2);
        p0l = f32x4.add(p0l, v128.load(q));       p0h = f32x4.add(p0h, v128.load(q, 16));
        p1l = f32x4.add(p1l, v128.load(q, 32));   p1h = f32x4.add(p1h, v128.load(q, 48));
        p2l = f32x4.add(p2l, v128.load(q, 64));   p2h = f32x4.add(p2h, v128.load(q, 80));
        p3l = f32x4.add(p3l, v128.load(q, 96));   p3h = f32x4.add(p3h, v128.load(q, 112));
      }
      // multi_row_sum folds its (zero) higher levels into level 0: acc0 += 0, three times
      p0l = f32x4.add(f32x4.add(f32x4.add(p0l, zero), zero), zero); p0h = f32x4.add(f32x4.add(f32x4.add(p0h, zero), zero), zero);
      p1l = f32x4.add(f32x4.add(f32x4.add(p1l, zero), zero), zero); p1h = f32x4.add(f32x4.add(f32x4.add(p1h, zero), zero), zero);
      p2l = f32x4.add(f32x4.add(f32x4.add(p2l, zero), zero), zero); p2h = f32x4.add(f32x4.add(f32x4.add(p2h, zero), zero), zero);
      p3l = f32x4.add(f32x4.add(f32x4.add(p3l, zero), zero), zero); p3h = f32x4.add(f32x4.add(f32x4.add(p3h, zero), zero), zero);
      // row_sum tail: the remaining vectors go into partial[0]
      for (let i = ilp * 4; i < nv; i++) {
        const q = base + (<usize>(i * 8) << 2);
        p0l = f32x4.add(p0l, v128.load(q)); p0h = f32x4.add(p0h, v128.load(q, 16));
      }
      p0l = f32x4.add(f32x4.add(f32x4.add(p0l, p1l), p2l), p3l);
      p0h = f32x4.add(f32x4.add(f32x4.add(p0h, p1h), p2h), p3h);
      // vectorized_inner_sum: scalar tail first, then the 8 lanes in order
      let acc: f32 = 0;
      for (let k = nv * 8; k < n; k++) acc += load<f32>(base + (<usize>k << 2));
      acc += f32x4.extract_lane(p0l, 0); acc += f32x4.extract_lane(p0l, 1);
      acc += f32x4.extract_lane(p0l, 2); acc += f32x4.extract_lane(p0l, 3);
      acc += f32x4.extract_lane(p0h, 0); acc += f32x4.extract_lane(p0h, 1);
      acc += f32x4.extract_lane(p0h, 2); acc += f32x4.extract_lane(p0h, 3);
      result = acc;
    } else {
      // scalar_inner_sum -> row_sum with ilp 4: n < 8 means no full group of 4 rows past n >= 4
      let a0: f32 = 0, a1: f32 = 0, a2: f32 = 0, a3: f32 = 0;
      const g = n >> 2;
      if (g >= 1) {
        a0 += load<f32>(base); a1 += load<f32>(base, 4); a2 += load<f32>(base, 8); a3 += load<f32>(base, 12);
      }
      a0 = a0 + 0 + 0 + 0; a1 = a1 + 0 + 0 + 0; a2 = a2 + 0 + 0 + 0; a3 = a3 + 0 + 0 + 0;
      for (let k = g * 4; k < n; k++) a0 += load<f32>(base + (<usize>k << 2));
      a0 += a1; a0 += a2; a0 += a3;
      result = a0;
    }
    // the output starts at 0 and the sum is accumulated into it (CastStoreAccumulate), then mean divides
    store<f32>(outP + (<usize>pl << 2), (<f32>0 + result) / divisor);
  }
}

export function heapBase(): usize { return (__heap_base + 63) & ~<usize>63; }
