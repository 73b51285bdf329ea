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

// Max pooling is separable without changing a single bit: PyTorch's rule (first maximum in scan
// order wins, a NaN always replaces) is an associative "keep the earlier unless the later is
// greater or NaN" operator, and scan order is row-major, so folding each input row's taps first
// (horizontal pass, into a row of H) and then the rows (vertical pass) visits the taps in the
// same order. Indices follow along: the horizontal pass records the winning column.

/** Winner over the in-bounds taps [ws, we) step dW of one row; column = ws when there are none. */
@inline function hScalar(rp: usize, ws: i32, we: i32, dW: i32, hv: usize, hc: usize, mode: i32): void {
  let best: f32 = -Infinity;
  let bc: i32 = ws;
  for (let iw = ws; iw < we; iw += dW) {
    const v = load<f32>(rp + (<usize>iw << 2));
    const take = (v > best) | (v != v);
    best = select<f32>(v, best, take);
    bc = select<i32>(iw, bc, take);
  }
  store<f32>(hv, best);
  if (mode == 2) store<i32>(hc, bc);
}

/** Combines two taps under the mode's rule (values only). */
@inline function step(mode: i32, best: v128, v: v128): v128 {
  return mode == 1 ? maxStep(best, v) : f32x4.pmax(best, v);
}

/**
 * hInterior over [lo, hi), finishing with one vector that overlaps the previous one when the
 * count is not a multiple of 4 (recomputing an output writes the same bits).
 */
@inline function hInteriorAll(rp: usize, hvRow: usize, hcRow: usize, lo: i32, hi: i32,
                              kW: i32, sW: i32, pW: i32, dW: i32, mode: i32): i32 {
  const ow = hInterior(rp, hvRow, hcRow, lo, hi, kW, sW, pW, dW, mode);
  if (ow < hi && hi - 4 >= lo) return hInterior(rp, hvRow, hcRow, hi - 4, hi, kW, sW, pW, dW, mode);
  return ow;
}

/** Horizontal pass over one input row for interior outputs [lo, hi): SIMD, 4 outputs at a time. */
@inline function hInterior(rp: usize, hvRow: usize, hcRow: usize, lo: i32, hi: i32,
                           kW: i32, sW: i32, pW: i32, dW: i32, mode: i32): i32 {
  let ow = lo;
  if (mode == 2) {
    const laneStep = i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(0), 1, sW), 2, 2 * sW), 3, 3 * sW);
    for (; ow + 4 <= hi; ow += 4) {
      const c0 = ow * sW - pW;
      let best = tapLoad(rp, c0, sW);
      let bc = i32x4.add(i32x4.splat(c0), laneStep);
      for (let kw = 1; kw < kW; kw++) {
        const col = c0 + kw * dW;
        const v = tapLoad(rp, col, sW);
        const take = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
        best = v128.bitselect(v, best, take);
        bc = v128.bitselect(i32x4.add(i32x4.splat(col), laneStep), bc, take);
      }
      v128.store(hcRow + (<usize>ow << 2), bc);
      v128.store(hvRow + (<usize>ow << 2), best);
    }
    return ow;
  }
  // values only: the common kernel widths unrolled (the loop overhead would dominate otherwise)
  if (sW == 2 && dW == 1 && (kW == 2 || kW == 3)) {
    // stride 2: one pair of loads, de-interleaved into the even (tap 0) and odd (tap 1) columns;
    // tap 2 is tap 0 moved along by one column (a byte-align with the next load)
    for (; ow + 4 <= hi; ow += 4) {
      const p = rp + (<usize>(ow * 2 - pW) << 2);
      const a = v128.load(p), b = v128.load(p, 16);
      const t0 = v128.shuffle<f32>(a, b, 0, 2, 4, 6);
      let best = step(mode, t0, v128.shuffle<f32>(a, b, 1, 3, 5, 7));
      if (kW == 3) best = step(mode, best, v128.shuffle<f32>(t0, v128.load(p, 32), 1, 2, 3, 4));
      v128.store(hvRow + (<usize>ow << 2), best);
    }
  } else if (kW == 2) {
    for (; ow + 4 <= hi; ow += 4) {
      const c0 = ow * sW - pW;
      v128.store(hvRow + (<usize>ow << 2), step(mode, tapLoad(rp, c0, sW), tapLoad(rp, c0 + dW, sW)));
    }
  } else if (kW == 3) {
    for (; ow + 4 <= hi; ow += 4) {
      const c0 = ow * sW - pW;
      const b = step(mode, tapLoad(rp, c0, sW), tapLoad(rp, c0 + dW, sW));
      v128.store(hvRow + (<usize>ow << 2), step(mode, b, tapLoad(rp, c0 + 2 * dW, sW)));
    }
  } else {
    for (; ow + 4 <= hi; ow += 4) {
      const c0 = ow * sW - pW;
      let best = tapLoad(rp, c0, sW);
      for (let kw = 1; kw < kW; kw++) best = step(mode, best, tapLoad(rp, c0 + kw * dW, sW));
      v128.store(hvRow + (<usize>ow << 2), best);
    }
  }
  return ow;
}

/** Horizontal pass: H[r][ow] for every buffered input row r of one plane. */
@inline function hPass(pBase: usize, inRows: i32, W: i32, OW: i32, kW: i32, sW: i32, pW: i32, dW: i32,
                       hv: usize, hc: usize, mode: i32): void {
  const lo = interiorLo(pW, sW);
  const hi = interiorHi(W, kW, sW, pW, dW, OW);
  for (let r = 0; r < inRows; r++) {
    const rp = pBase + (<usize>(r * W) << 2);
    const hvRow = hv + (<usize>(r * OW) << 2);
    const hcRow = hc + (<usize>(r * OW) << 2);
    let ow = 0;
    if (hi > lo) {
      for (; ow < lo; ow++) {
        let ws = ow * sW - pW;
        const weRaw = ws + (kW - 1) * dW + 1;
        const we = weRaw < W ? weRaw : W;
        while (ws < 0) ws += dW;
        hScalar(rp, ws, we, dW, hvRow + (<usize>ow << 2), hcRow + (<usize>ow << 2), mode);
      }
      if (sW == 1) ow = hInteriorAll(rp, hvRow, hcRow, lo, hi, kW, 1, pW, dW, mode);
      else if (sW == 2 && dW == 1) ow = hInteriorAll(rp, hvRow, hcRow, lo, hi, kW, 2, pW, 1, mode);
      else if (sW == 2) ow = hInteriorAll(rp, hvRow, hcRow, lo, hi, kW, 2, pW, dW, mode);
      else ow = hInteriorAll(rp, hvRow, hcRow, lo, hi, kW, sW, pW, dW, mode);
    }
    for (; ow < OW; ow++) {
      let ws = ow * sW - pW;
      const weRaw = ws + (kW - 1) * dW + 1;
      const we = weRaw < W ? weRaw : W;
      while (ws < 0) ws += dW;
      hScalar(rp, ws, we, dW, hvRow + (<usize>ow << 2), hcRow + (<usize>ow << 2), mode);
    }
  }
}

/** Vertical pass for one plane: out[oh][ow] folds H rows hs, hs+dH, ... < he in order. */
@inline function vPass(hv: usize, hc: usize, rowBase: i32, H: i32, W: i32, oh0: i32, ohN: i32, OW: i32,
                       kH: i32, sH: i32, pH: i32, dH: i32, sW: i32, pW: i32, dW: i32,
                       outPl: usize, idxPl: usize, mode: i32): void {
  const rowStep = <usize>(dH * OW) << 2;
  for (let r = 0; r < ohN; r++) {
    const oh = oh0 + r;
    let hs = oh * sH - pH;
    const heRaw = hs + (kH - 1) * dH + 1;
    const he = heRaw < H ? heRaw : H;
    while (hs < 0) hs += dH;
    const outRow = outPl + (<usize>(r * OW) << 2);
    const idxRow = idxPl + (<usize>(r * OW) << 3);
    if (hs >= he) {
      // every row tap is padding (possible with dilation): -inf, index of the first (adjusted) tap
      for (let ow = 0; ow < OW; ow++) {
        store<f32>(outRow + (<usize>ow << 2), -Infinity);
        if (mode == 2) {
          let ws = ow * sW - pW;
          while (ws < 0) ws += dW;
          store<f64>(idxRow + (<usize>ow << 3), <f64>(hs * W + ws));
        }
      }
      continue;
    }
    const off0 = <usize>((hs - rowBase) * OW) << 2;
    const v0 = hv + off0;
    const c0 = hc + off0;
    let ow = 0;
    if (mode == 2) {
      for (; ow + 4 <= OW; ow += 4) {
        const o = <usize>ow << 2;
        let best = v128.load(v0 + o);
        let bi = i32x4.add(v128.load(c0 + o), i32x4.splat(hs * W));
        let q = o + rowStep;
        for (let ih = hs + dH; ih < he; ih += dH) {
          const v = v128.load(v0 + q);
          const take = v128.or(f32x4.gt(v, best), f32x4.ne(v, v));
          best = v128.bitselect(v, best, take);
          bi = v128.bitselect(i32x4.add(v128.load(c0 + q), i32x4.splat(ih * W)), bi, take);
          q += rowStep;
        }
        v128.store(outRow + o, best);
        const ia = idxRow + (<usize>ow << 3);
        v128.store(ia, f64x2.convert_low_i32x4_s(bi));
        v128.store(ia, f64x2.convert_low_i32x4_s(i8x16.shuffle(bi, bi,
          8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), 16);
      }
    } else if (mode == 1) {
      for (; ow + 4 <= OW; ow += 4) {
        const o = <usize>ow << 2;
        let best = v128.load(v0 + o);
        let q = o + rowStep;
        for (let ih = hs + dH; ih < he; ih += dH) { best = maxStep(best, v128.load(v0 + q)); q += rowStep; }
        v128.store(outRow + o, best);
      }
    } else {
      const taps = (he - hs + dH - 1) / dH;
      if (taps == 2 || taps == 3) {
        // the common 2- and 3-row windows without the row loop
        const v1 = v0 + rowStep, v2 = v0 + 2 * rowStep;
        for (; ow + 8 <= OW; ow += 8) {
          const o = <usize>ow << 2;
          let b0 = f32x4.pmax(v128.load(v0 + o), v128.load(v1 + o));
          let b1 = f32x4.pmax(v128.load(v0 + o, 16), v128.load(v1 + o, 16));
          if (taps == 3) { b0 = f32x4.pmax(b0, v128.load(v2 + o)); b1 = f32x4.pmax(b1, v128.load(v2 + o, 16)); }
          v128.store(outRow + o, b0); v128.store(outRow + o, b1, 16);
        }
      }
      for (; ow + 8 <= OW; ow += 8) {
        const o = <usize>ow << 2;
        let b0 = v128.load(v0 + o), b1 = v128.load(v0 + o, 16);
        let q = o + rowStep;
        for (let ih = hs + dH; ih < he; ih += dH) {
          b0 = f32x4.pmax(b0, v128.load(v0 + q)); b1 = f32x4.pmax(b1, v128.load(v0 + q, 16));
          q += rowStep;
        }
        v128.store(outRow + o, b0); v128.store(outRow + o, b1, 16);
      }
    }
    for (; ow < OW; ow++) {
      const o = <usize>ow << 2;
      let best = load<f32>(v0 + o);
      let bi: i32 = mode == 2 ? load<i32>(c0 + o) + hs * W : 0;
      let q = o + rowStep;
      for (let ih = hs + dH; ih < he; ih += dH) {
        const v = load<f32>(v0 + q);
        const take = (v > best) | (v != v);
        best = select<f32>(v, best, take);
        if (mode == 2) bi = select<i32>(load<i32>(c0 + q) + ih * W, bi, take);
        q += rowStep;
      }
      store<f32>(outRow + o, best);
      if (mode == 2) store<f64>(idxRow + (<usize>ow << 3), <f64>bi);
    }
  }
}

@inline function maxPool2dMode(inP: usize, outP: usize, idxP: usize, hv: usize, hc: usize, planes: i32,
                               inRows: i32, rowBase: i32, H: i32, W: i32, oh0: i32, ohN: i32, OW: i32,
                               kH: i32, kW: i32, sH: i32, sW: i32, pH: i32, pW: i32, dH: i32, dW: i32,
                               mode: i32): void {
  for (let pl = 0; pl < planes; pl++) {
    const pBase = inP + (<usize>(pl * inRows * W) << 2);
    hPass(pBase, inRows, W, OW, kW, sW, pW, dW, hv, hc, mode);
    const o = <usize>(pl * ohN * OW);
    vPass(hv, hc, rowBase, H, W, oh0, ohN, OW, kH, sH, pH, dH, sW, pW, dW, outP + (o << 2), idxP + (o << 3), mode);
  }
}

/**
 * Max pooling over a band. `mode`: 0 = values only, input known NaN-free (pmax alone is exact);
 * 1 = values only, exact NaN rule; 2 = values and indices (f64 flat index within the plane).
 * `hv`/`hc` are scratch for one plane's horizontal pass (inRows × OW floats / int32 columns).
 */
export function maxPool2d(inP: usize, outP: usize, idxP: usize, hv: usize, hc: usize, planes: i32,
                          inRows: i32, rowBase: i32, H: i32, W: i32, oh0: i32, ohN: i32, OW: i32,
                          kH: i32, kW: i32, sH: i32, sW: i32, pH: i32, pW: i32, dH: i32, dW: i32,
                          mode: i32): void {
  if (mode == 0) maxPool2dMode(inP, outP, idxP, hv, hc, planes, inRows, rowBase, H, W, oh0, ohN, OW, kH, kW, sH, sW, pH, pW, dH, dW, 0);
  else if (mode == 1) maxPool2dMode(inP, outP, idxP, hv, hc, planes, inRows, rowBase, H, W, oh0, ohN, OW, kH, kW, sH, sW, pH, pW, dH, dW, 1);
  else maxPool2dMode(inP, outP, idxP, hv, hc, planes, inRows, rowBase, H, W, oh0, ohN, OW, kH, kW, sH, sW, pH, pW, dH, dW, 2);
}

// ---- average pooling ---------------------------------------------------------------------------

/** Adds the kW taps of one input row to the running sum of 4 outputs whose first column is c. */
@inline function addRow(sum: v128, rp: usize, c: i32, kW: i32, sW: i32): v128 {
  if (kW == 2) return f32x4.add(f32x4.add(sum, tapLoad(rp, c, sW)), tapLoad(rp, c + 1, sW));
  if (kW == 3) return f32x4.add(f32x4.add(f32x4.add(sum, tapLoad(rp, c, sW)), tapLoad(rp, c + 1, sW)), tapLoad(rp, c + 2, sW));
  for (let kw = 0; kw < kW; kw++) sum = f32x4.add(sum, tapLoad(rp, c + kw, sW));
  return sum;
}

/** Interior outputs [lo, hi) of one output row: 16, then 4, outputs at a time, each a sequential sum. */
@inline function avgInterior(rp0: usize, outRow: usize, lo: i32, hi: i32, rows: i32, W: i32,
                             kW: i32, sW: i32, pW: i32, divI: i32): i32 {
  const div = f32x4.splat(<f32>divI);
  const rowStep = <usize>W << 2;
  const zero = f32x4.splat(0);
  let ow = lo;
  // four independent sums per iteration hide the latency of each window's serial additions
  for (; ow + 16 <= hi; ow += 16) {
    const c0 = ow * sW - pW;
    let s0 = zero, s1 = zero, s2 = zero, s3 = zero;
    let rp = rp0;
    for (let r = 0; r < rows; r++) {
      s0 = addRow(s0, rp, c0, kW, sW);
      s1 = addRow(s1, rp, c0 + 4 * sW, kW, sW);
      s2 = addRow(s2, rp, c0 + 8 * sW, kW, sW);
      s3 = addRow(s3, rp, c0 + 12 * sW, kW, sW);
      rp += rowStep;
    }
    const o = outRow + (<usize>ow << 2);
    v128.store(o, f32x4.div(s0, div)); v128.store(o, f32x4.div(s1, div), 16);
    v128.store(o, f32x4.div(s2, div), 32); v128.store(o, f32x4.div(s3, div), 48);
  }
  for (; ow + 4 <= hi; ow += 4) {
    const c0 = ow * sW - pW;
    let s0 = zero;
    let rp = rp0;
    for (let r = 0; r < rows; r++) { s0 = addRow(s0, rp, c0, kW, sW); rp += rowStep; }
    v128.store(outRow + (<usize>ow << 2), f32x4.div(s0, div));
  }
  if (ow < hi && hi - 4 >= lo) {
    // the last few outputs as one vector overlapping the previous (same bits rewritten)
    const c0 = (hi - 4) * sW - pW;
    let s0 = zero;
    let rp = rp0;
    for (let r = 0; r < rows; r++) { s0 = addRow(s0, rp, c0, kW, sW); rp += rowStep; }
    v128.store(outRow + (<usize>(hi - 4) << 2), f32x4.div(s0, div));
    ow = hi;
  }
  return ow;
}

/** avgInterior with the kernel width and stride as constants where they are common. */
@inline function avgInteriorK(rp0: usize, outRow: usize, lo: i32, hi: i32, rows: i32, W: i32,
                              kW: i32, sW: i32, pW: i32, divI: i32): i32 {
  if (kW == 3) {
    if (sW == 1) return avgInterior(rp0, outRow, lo, hi, rows, W, 3, 1, pW, divI);
    if (sW == 2) return avgInterior(rp0, outRow, lo, hi, rows, W, 3, 2, pW, divI);
  } else if (kW == 2) {
    if (sW == 1) return avgInterior(rp0, outRow, lo, hi, rows, W, 2, 1, pW, divI);
    if (sW == 2) return avgInterior(rp0, outRow, lo, hi, rows, W, 2, 2, pW, divI);
  }
  if (sW == 1) return avgInterior(rp0, outRow, lo, hi, rows, W, kW, 1, pW, divI);
  if (sW == 2) return avgInterior(rp0, outRow, lo, hi, rows, W, kW, 2, pW, divI);
  return avgInterior(rp0, outRow, lo, hi, rows, W, kW, sW, pW, divI);
}

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
      let ow = 0;
      while (ow < OW) {
        if (ow == lo && hi > lo && hs < he) {
          const divI: i32 = divisorOverride > 0 ? divisorOverride : (countIncludePad ? poolH * kW : cntH * kW);
          const rp0 = pBase + (<usize>((hs - rowBase) * W) << 2);
          ow = avgInteriorK(rp0, outRow, lo, hi, cntH, W, kW, sW, pW, divI);
          if (ow >= OW) break;
        }
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
        ow++;
      }
    }
  }
}

// ---- mean over whole planes (adaptive avg pooling to all-ones output) --------------------------

/**
 * ATen row_sum over the nv whole 8-float vectors of one plane (ilp = nv / 4 groups, < 16 here),
 * for one half (4 lanes) of the 8-float vectors starting at `b` (the lanes are independent):
 * partial[k] = sum of vectors 4i + k, the leftover vectors added to partial[0], then
 * partial[0] + partial[1] + partial[2] + partial[3].
 * ATen starts each partial at +0; starting at the first vector instead only changes the sign of a
 * zero partial, which cannot change the final sum: that starts at +0, and a float sum starting at
 * +0 never becomes -0 (round to nearest), so every later zero it meets leaves it unchanged.
 * (multi_row_sum's "acc[0] += acc[level]" adds of zero are identities for the same reason.)
 */
@inline function halfPartial(b: usize, nv: i32, ilp: i32): v128 {
  let p0 = f32x4.splat(0), p1 = p0, p2 = p0, p3 = p0;
  let i0 = 0;
  if (ilp > 0) {
    p0 = v128.load(b); p1 = v128.load(b, 32); p2 = v128.load(b, 64); p3 = v128.load(b, 96);
    i0 = 1;
  }
  for (let i = i0; i < ilp; i++) {
    const q = b + (<usize>(i * 32) << 2);
    p0 = f32x4.add(p0, v128.load(q));     p1 = f32x4.add(p1, v128.load(q, 32));
    p2 = f32x4.add(p2, v128.load(q, 64)); p3 = f32x4.add(p3, v128.load(q, 96));
  }
  if (ilp == 1 && nv < 8) {
    // the leftover vectors 4..nv-1 unrolled (constant-folded when nv is a constant)
    if (nv > 4) p0 = f32x4.add(p0, v128.load(b, 128));
    if (nv > 5) p0 = f32x4.add(p0, v128.load(b, 160));
    if (nv > 6) p0 = f32x4.add(p0, v128.load(b, 192));
  } else {
    for (let i = ilp * 4; i < nv; i++) p0 = f32x4.add(p0, v128.load(b + (<usize>(i * 8) << 2)));
  }
  return f32x4.add(f32x4.add(f32x4.add(p0, p1), p2), p3);
}

/** Both halves of one plane's partials stored as 8 floats at `dst` (the one-plane tail path). */
@inline function planePartials(base: usize, nv: i32, ilp: i32, dst: usize): void {
  v128.store(dst, halfPartial(base, nv, ilp));
  v128.store(dst, halfPartial(base + 16, nv, ilp), 16);
}

/** Lane `l` of four 4-lane vectors at a, b, c, d gathered into one: a 4×4 transpose. */
@inline function transposeAdd(acc: v128, A: v128, B: v128, C: v128, D: v128): v128 {
  const t0 = v128.shuffle<f32>(A, B, 0, 4, 1, 5), t1 = v128.shuffle<f32>(C, D, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(A, B, 2, 6, 3, 7), t3 = v128.shuffle<f32>(C, D, 2, 6, 3, 7);
  acc = f32x4.add(acc, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  acc = f32x4.add(acc, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  acc = f32x4.add(acc, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  return f32x4.add(acc, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/** The scalar-path (n < 8) ATen sum of one plane: row_sum with 4 partial sums of single floats. */
@inline function smallSum(base: usize, n: i32): f32 {
  let a0: f32 = 0, a1: f32 = 0, a2: f32 = 0, a3: f32 = 0;
  const g = n >> 2;
  if (g >= 1) {
    a0 += load<f32>(base); a1 += load<f32>(base, 4); a2 += load<f32>(base, 8); a3 += load<f32>(base, 12);
  }
  for (let k = g * 4; k < n; k++) a0 += load<f32>(base + (<usize>k << 2));
  a0 += a1; a0 += a2; a0 += a3;
  return a0;
}

/** The 4-planes-at-a-time part of meanPlanes; returns the number of planes done (a multiple of 4). */
@inline function meanFours(inP: usize, outP: usize, planes: i32, n: i32, nv: i32, ilp: i32): i32 {
  const planeBytes = <usize>n << 2;
  const divV = f32x4.splat(<f32>n);
  let pl = 0;
  for (; pl + 4 <= planes; pl += 4) {
    const base = inP + <usize>pl * planeBytes;
    let acc = f32x4.splat(0);
    for (let k = nv * 8; k < n; k++) {
      const q = base + (<usize>k << 2);
      let t = f32x4.splat(load<f32>(q));
      t = f32x4.replace_lane(t, 1, load<f32>(q + planeBytes));
      t = f32x4.replace_lane(t, 2, load<f32>(q + 2 * planeBytes));
      t = f32x4.replace_lane(t, 3, load<f32>(q + 3 * planeBytes));
      acc = f32x4.add(acc, t);
    }
    const b1 = base + planeBytes, b2 = base + 2 * planeBytes, b3 = base + 3 * planeBytes;
    acc = transposeAdd(acc, halfPartial(base, nv, ilp), halfPartial(b1, nv, ilp),
                       halfPartial(b2, nv, ilp), halfPartial(b3, nv, ilp));
    acc = transposeAdd(acc, halfPartial(base + 16, nv, ilp), halfPartial(b1 + 16, nv, ilp),
                       halfPartial(b2 + 16, nv, ilp), halfPartial(b3 + 16, nv, ilp));
    // the output starts at 0 and the sum is accumulated into it (CastStoreAccumulate), then mean divides
    v128.store(outP + (<usize>pl << 2), f32x4.div(f32x4.add(f32x4.splat(0), acc), divV));
  }
  return pl;
}

/**
 * For each of `planes` consecutive planes of n floats: ATen 1.13 `sum` (cascade_sum ->
 * vectorized_inner_sum with 8-float AVX2 vectors when n >= 8, else scalar row_sum) then `/ n`,
 * which is what adaptive_avg_pool with an all-ones output size computes (input.mean(dims)).
 * vectorized_inner_sum ends with a scalar: 0, + the n % 8 tail floats, + the 8 lanes in order;
 * four planes run at once with planes in lanes. Only the level-free case of multi_row_sum (fewer
 * than 16 groups of 4 vectors: n < 512) is implemented; the caller checks `meanSupported(n)`.
 * `tmp`: 128 bytes of scratch (caller-owned, so that threads sharing one memory do not collide).
 */
export function meanPlanes(inP: usize, outP: usize, planes: i32, n: i32, tmp: usize): void {
  const PARTIALS = tmp; // 128 bytes of caller scratch: the 8-lane partial sums of 4 planes
  const divisor = <f32>n;
  const nv = n >> 3;
  const ilp = nv >> 2;
  const planeBytes = <usize>n << 2;
  let pl = 0;
  if (n == 49) pl = meanFours(inP, outP, planes, 49, 6, 1);        // 7×7 (ResNet's global pool): constants unroll
  else if (n >= 8) pl = meanFours(inP, outP, planes, n, nv, ilp);
  for (; pl < planes; pl++) {
    const base = inP + <usize>pl * planeBytes;
    let result: f32;
    if (n >= 8) {
      planePartials(base, nv, ilp, PARTIALS);
      let acc: f32 = 0;
      for (let k = nv * 8; k < n; k++) acc += load<f32>(base + (<usize>k << 2));
      for (let l = 0; l < 8; l++) acc += load<f32>(PARTIALS + (<usize>l << 2));
      result = acc;
    } else {
      result = smallSum(base, n);
    }
    store<f32>(outP + (<usize>pl << 2), (<f32>0 + result) / divisor);
  }
}

export function heapBase(): usize { return (__heap_base + 63) & ~<usize>63; }
