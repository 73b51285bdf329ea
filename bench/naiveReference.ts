// Plain nested-loop pooling over Float32Array planes, written straight from
// shared/docs/POOLING_SEMANTICS.md §5-7 (PyTorch 1.13.1 CPU). It is the benchmark's "naive JS"
// baseline and the independent oracle the fast-kernel tests compare against.

/** Max pooling; indices (flat within the plane) are written when idx is given. */
export function naiveMaxPool2d(src: Float32Array, planes: number, H: number, W: number,
                               kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
                               dH: number, dW: number, OH: number, OW: number,
                               dst: Float32Array, idx: Float64Array | null): void {
  for (let p = 0; p < planes; p++) {
    const ib = p * H * W, ob = p * OH * OW;
    for (let oh = 0; oh < OH; oh++) {
      let hs = oh * sH - pH;
      const he = Math.min(hs + (kH - 1) * dH + 1, H);
      while (hs < 0) hs += dH;
      for (let ow = 0; ow < OW; ow++) {
        let ws = ow * sW - pW;
        const we = Math.min(ws + (kW - 1) * dW + 1, W);
        while (ws < 0) ws += dW;
        let best = -Infinity, bi = hs * W + ws;
        for (let ih = hs; ih < he; ih += dH) {
          for (let iw = ws; iw < we; iw += dW) {
            const v = src[ib + ih * W + iw];
            if (v > best || v !== v) { best = v; bi = ih * W + iw; }
          }
        }
        dst[ob + oh * OW + ow] = best;
        if (idx) idx[ob + oh * OW + ow] = bi;
      }
    }
  }
}

/** Average pooling: float32 sum from +0 in scan order, one division. */
export function naiveAvgPool2d(src: Float32Array, planes: number, H: number, W: number,
                               kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
                               OH: number, OW: number, countIncludePad: boolean, divisorOverride: number | null,
                               dst: Float32Array): void {
  const f = Math.fround;
  for (let p = 0; p < planes; p++) {
    const ib = p * H * W, ob = p * OH * OW;
    for (let oh = 0; oh < OH; oh++) {
      let hs = oh * sH - pH;
      let he = Math.min(hs + kH, H + pH);
      const poolH = he - hs;
      hs = Math.max(hs, 0); he = Math.min(he, H);
      for (let ow = 0; ow < OW; ow++) {
        let ws = ow * sW - pW;
        let we = Math.min(ws + kW, W + pW);
        const poolW = we - ws;
        ws = Math.max(ws, 0); we = Math.min(we, W);
        if (hs >= he || ws >= we) { dst[ob + oh * OW + ow] = 0; continue; }
        let sum = 0;
        for (let ih = hs; ih < he; ih++) for (let iw = ws; iw < we; iw++) sum = f(sum + src[ib + ih * W + iw]);
        const div = divisorOverride ?? (countIncludePad ? poolH * poolW : (he - hs) * (we - ws));
        dst[ob + oh * OW + ow] = f(sum / div);
      }
    }
  }
}

/** Adaptive average pooling to 1×1 computed as a sequential float32 mean (the naive baseline). */
export function naiveMeanPlanes(src: Float32Array, planes: number, n: number, dst: Float32Array): void {
  const f = Math.fround;
  for (let p = 0; p < planes; p++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum = f(sum + src[p * n + i]);
    dst[p] = f(sum / n);
  }
}

/** ATen 1.13 (AVX2) sum order for a contiguous inner reduction of n < 512 floats, then / n. */
export function atenMeanPlanes(src: Float32Array, planes: number, n: number, dst: Float32Array): void {
  const f = Math.fround;
  for (let p = 0; p < planes; p++) {
    const b = p * n;
    let result: number;
    if (n >= 8) {
      const nv = n >> 3, ilp = nv >> 2;
      const part = [new Array(8).fill(0), new Array(8).fill(0), new Array(8).fill(0), new Array(8).fill(0)];
      for (let i = 0; i < ilp; i++) {
        for (let k = 0; k < 4; k++) for (let l = 0; l < 8; l++) part[k][l] = f(part[k][l] + src[b + (i * 4 + k) * 8 + l]);
      }
      for (let k = 0; k < 4; k++) for (let l = 0; l < 8; l++) part[k][l] = f(part[k][l] + 0);
      for (let i = ilp * 4; i < nv; i++) for (let l = 0; l < 8; l++) part[0][l] = f(part[0][l] + src[b + i * 8 + l]);
      for (let k = 1; k < 4; k++) for (let l = 0; l < 8; l++) part[0][l] = f(part[0][l] + part[k][l]);
      let acc = 0;
      for (let i = nv * 8; i < n; i++) acc = f(acc + src[b + i]);
      for (let l = 0; l < 8; l++) acc = f(acc + part[0][l]);
      result = acc;
    } else {
      const a = [0, 0, 0, 0];
      const g = n >> 2;
      for (let i = 0; i < g; i++) for (let k = 0; k < 4; k++) a[k] = f(a[k] + src[b + i * 4 + k]);
      for (let i = g * 4; i < n; i++) a[0] = f(a[0] + src[b + i]);
      for (let k = 1; k < 4; k++) a[0] = f(a[0] + a[k]);
      result = a[0];
    }
    dst[p] = f(f(0 + result) / n);
  }
}
