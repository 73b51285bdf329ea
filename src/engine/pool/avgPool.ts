// avg_pool1d/2d/3d (AveragePool2d.cpp, AveragePool3d.cpp, cpu/AvgPoolKernel.cpp, Pooling.cpp
// of PyTorch 1.13.1): validation in ATen's order, then one kernel summing in the input
// dtype in scan order and dividing once.

import { DType } from '../dtype';
import { CancelToken, runtimeError } from '../errors';
import { deriveAxis } from '../outputSize';
import { Tensor } from '../tensor';
import { fastAvgPool2d } from '../fast';
import {
  AXIS_NAMES, CancelTicker, Geometry3, IntArg, argLength, check1d, checkDimRange, denseData, expand,
  fitsInt32, geometry3, notImplemented, planeLayout, sizeAt,
} from './common';
import { checkLen, outputSizes, pool2dShapeCheck, pool3dShapeCheck, safeDowncast } from './kernelChecks';
import { KernelGeometry, PoolPlan } from './plan';

export interface AvgPoolArgs {
  kernelSize: IntArg;
  stride?: IntArg | null;
  padding?: IntArg;
  ceilMode?: boolean;
  /** PyTorch's default is True */
  countIncludePad?: boolean;
  divisorOverride?: number | null;
}

export interface AvgPoolPlan extends PoolPlan {
  geometry: KernelGeometry;
  countIncludePad: boolean;
  divisorOverride: number | null;
}

const AVG_DTYPES: readonly DType[] = ['float32', 'float64', 'int64'];

export function avgPoolShape(nd: 1 | 2 | 3, inputShape: readonly number[], dtype: DType, a: AvgPoolArgs): AvgPoolPlan {
  const ceilMode = a.ceilMode ?? false;
  const cip = a.countIncludePad ?? true;
  const div = a.divisorOverride ?? null;
  const padding = a.padding ?? 0;
  const stride = a.stride ?? [];
  if (nd === 1) {
    const s = argLength(stride) === 0 ? a.kernelSize : stride;
    checkDimRange('avg_pool1d', inputShape.length, 2, 4);
    check1d('avg_pool1d', 'kernel_size', a.kernelSize);
    check1d('avg_pool1d', 'stride', s);
    check1d('avg_pool1d', 'padding', padding);
    const one = (v: IntArg) => expand(v, 1)[0];
    const shape2 = [...inputShape.slice(0, -1), 1, inputShape[inputShape.length - 1]];
    const g = validate2d(shape2, dtype, [1, one(a.kernelSize)], [1, one(s)], [0, one(padding)], ceilMode, null);
    const geometry: KernelGeometry = {
      kernel: [g.kernel[1]], stride: [g.stride[1]], padding: [g.padding[1]], dilation: [1], ceilMode,
      inSpatial: [g.inSpatial[1]], outSpatial: [g.outSpatial[1]],
    };
    return makePlan('avg_pool1d', 1, [...inputShape.slice(0, -1), geometry.outSpatial[0]], dtype, geometry, cip, null);
  }
  if (nd === 2) {
    checkLen(argLength(a.kernelSize) === 1 || argLength(a.kernelSize) === 2, 'avg_pool2d: kernel_size must either be a single int, or a tuple of two ints');
    checkLen([0, 1, 2].includes(argLength(stride)), 'avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints');
    checkLen(argLength(padding) === 1 || argLength(padding) === 2, 'avg_pool2d: padding must either be a single int, or a tuple of two ints');
    const k = expand(a.kernelSize, 2);
    const s = argLength(stride) === 0 ? k.slice() : expand(stride, 2);
    const g = validate2d(inputShape, dtype, k, s, expand(padding, 2), ceilMode, div);
    const outShape = [...inputShape.slice(0, -2), ...g.outSpatial];
    return makePlan('avg_pool2d', 2, outShape, dtype, g, cip, div);
  }
  // avg_pool3d's meta narrows with safe_downcast after each length check (avg_pool2d's does not)
  checkLen(argLength(a.kernelSize) === 1 || argLength(a.kernelSize) === 3, 'avg_pool3d: kernel_size must be a single int, or a tuple of three ints');
  const k = expand(a.kernelSize, 3);
  safeDowncast(k);
  checkLen([0, 1, 3].includes(argLength(stride)), 'avg_pool3d: stride must be omitted, a single int, or a tuple of three ints');
  const s = argLength(stride) === 0 ? k.slice() : expand(stride, 3);
  safeDowncast(s);
  checkLen(argLength(padding) === 1 || argLength(padding) === 3, 'avg_pool3d: padding must be a single int, or a tuple of three ints');
  const p = expand(padding, 3), d = [1, 1, 1];
  safeDowncast(p);
  const ndim = inputShape.length;
  if (!(ndim === 4 || ndim === 5)) throw runtimeError('non-empty 4D or 5D (batch mode) tensor expected for input');
  if (div === 0) throw runtimeError('divisor must be not zero');
  const inS = inputShape.slice(-3);
  const out = outputSizes(inS, k, s, p, d, ceilMode);
  pool3dShapeCheck(inputShape, k, s, p, d, out, 'avg_pool3d()', true);
  if (!AVG_DTYPES.includes(dtype)) throw notImplemented('avg_pool3d_out_frame', dtype);
  const g: KernelGeometry = { kernel: k, stride: s, padding: p, dilation: d, ceilMode, inSpatial: inS, outSpatial: out };
  return makePlan('avg_pool3d', 3, [...inputShape.slice(0, -3), ...out], dtype, g, cip, div);
}

/** avg_pool2d's meta function after the tuple-length checks. */
function validate2d(shape: readonly number[], dtype: DType, k: number[], s: number[], p: number[], ceilMode: boolean, div: number | null): KernelGeometry {
  if (div === 0) throw runtimeError('divisor must be not zero');
  sizeAt(shape, -3);
  const inS = [sizeAt(shape, -2), sizeAt(shape, -1)];
  const d = [1, 1];
  const out = outputSizes(inS, k, s, p, d, ceilMode);
  pool2dShapeCheck(shape, k, s, p, d, out);
  if (!AVG_DTYPES.includes(dtype)) throw notImplemented('avg_pool2d', dtype);
  return { kernel: k, stride: s, padding: p, dilation: d, ceilMode, inSpatial: inS, outSpatial: out };
}

function makePlan(op: string, nd: number, outputShape: number[], dtype: DType, g: KernelGeometry, cip: boolean, div: number | null): AvgPoolPlan {
  const names = AXIS_NAMES[nd];
  const derivation = g.inSpatial.map((L, i) => deriveAxis(names[i], L, g.kernel[i], g.stride[i], g.padding[i], 1, g.ceilMode));
  return {
    op, outputShape, dtype,
    params: { kernelSize: g.kernel, stride: g.stride, padding: g.padding, ceilMode: g.ceilMode, countIncludePad: cip, divisorOverride: div },
    derivation, geometry: g, countIncludePad: cip, divisorOverride: div,
  };
}

/**
 * One plane of average pooling (AvgPoolKernel.cpp cpu_avg_pool / avg_pool3d_out_frame):
 * each axis clips the window to input + right padding for the pool size (so ceil-mode
 * overhang never counts), then to the input for the taps; the sum starts at +0 and adds
 * the in-bounds taps in scan order, rounded to float32 after every addition when
 * `f32`; integer sums divide with C++ truncation.
 */
export function avgPoolPlane(
  src: ArrayLike<number>, srcOff: number, dst: { [i: number]: number }, dstOff: number,
  g: Geometry3, cip: boolean, div: number | null, kind: 'f32' | 'f64' | 'i64', ticker: CancelTicker,
): void {
  const { inD, inH, inW, outD, outH, outW, kD, kH, kW, sD, sH, sW, pD, pH, pW } = g;
  const kVol = kD * kH * kW;
  let o = dstOff;
  for (let od = 0; od < outD; od++) {
    let t0 = od * sD - pD;
    let t1 = Math.min(t0 + kD, inD + pD);
    const poolT = t1 - t0;
    t0 = Math.max(t0, 0); t1 = Math.min(t1, inD);
    for (let oh = 0; oh < outH; oh++) {
      let h0 = oh * sH - pH;
      let h1 = Math.min(h0 + kH, inH + pH);
      const poolH = h1 - h0;
      h0 = Math.max(h0, 0); h1 = Math.min(h1, inH);
      for (let ow = 0; ow < outW; ow++) {
        let w0 = ow * sW - pW;
        let w1 = Math.min(w0 + kW, inW + pW);
        const poolW = w1 - w0;
        w0 = Math.max(w0, 0); w1 = Math.min(w1, inW);
        if (t0 >= t1 || h0 >= h1 || w0 >= w1) { dst[o++] = 0; continue; }
        let sum = 0;
        for (let t = t0; t < t1; t++) {
          for (let h = h0; h < h1; h++) {
            const row = srcOff + (t * inH + h) * inW;
            if (kind === 'f32') for (let w = w0; w < w1; w++) sum = Math.fround(sum + src[row + w]);
            else for (let w = w0; w < w1; w++) sum += src[row + w];
          }
        }
        const divisor = div !== null ? div : cip ? poolT * poolH * poolW : (t1 - t0) * (h1 - h0) * (w1 - w0);
        // the output starts at 0 and the quotient is added to it: a -0 (0 / negative divisor) becomes +0
        dst[o++] = kind === 'i64' ? truncQuot(sum, divisor) : 0 + sum / divisor;
        ticker.add(kVol);
      }
    }
  }
}

/** C++ int64 division (truncation toward zero), exact for |values| < 2^53. */
export function truncQuot(a: number, b: number): number {
  const q = Math.trunc(a / b) + 0; // + 0 turns -0 into the integer 0
  const r = a - q * b;
  // a/b rounded in double may land on the wrong side of an integer; fix with the remainder
  if (r !== 0 && Math.sign(r) !== Math.sign(a)) return q + (Math.sign(a) === Math.sign(b) ? -1 : 1);
  if (Math.abs(r) >= Math.abs(b)) return q + (Math.sign(a) === Math.sign(b) ? 1 : -1);
  return q;
}

export function avgPool(nd: 1 | 2 | 3, input: Tensor, a: AvgPoolArgs, token?: CancelToken): Tensor {
  const plan = avgPoolShape(nd, input.shape, input.dtype, a);
  const ticker = new CancelTicker(token);
  const output = Tensor.empty(plan.outputShape, input.dtype, 'reused');
  const g = plan.geometry;
  const { planes } = planeLayout(input.shape, nd);
  const { data, off } = denseData(input);
  const inPlane = g.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = g.outSpatial.reduce((x, y) => x * y, 1);
  const geo = geometry3(g.inSpatial, g.outSpatial, g.kernel, g.stride, g.padding, g.dilation);
  const kind = input.dtype === 'float32' ? 'f32' : input.dtype === 'float64' ? 'f64' : 'i64';
  // [fast path, src/engine/fast] float32 1-D/2-D: the bit-identical WebAssembly SIMD kernel; it
  // returns false (nothing written) when it does not apply, and the reference loop below runs.
  // (a negative divisor_override stays on the reference loop, which keeps PyTorch's +0 for 0 / -d)
  const fast = kind === 'f32' && outPlane > 0 && fitsInt32(geo) && (plan.divisorOverride === null || plan.divisorOverride > 0) && geo.inD === 1 && geo.kD === 1 && geo.pD === 0 &&
    fastAvgPool2d(data, off, planes, geo.inH, geo.inW, geo.kH, geo.kW,
      geo.sH, geo.sW, geo.pH, geo.pW, geo.outH, geo.outW, plan.countIncludePad, plan.divisorOverride, output.storage,
      (n) => ticker.add(n));
  for (let pl = 0; pl < planes && outPlane > 0 && !fast; pl++) {
    avgPoolPlane(data, off + pl * inPlane, output.storage, pl * outPlane, geo, plan.countIncludePad, plan.divisorOverride, kind, ticker);
  }
  output.provenance = { op: plan.op, params: plan.params, input };
  return output;
}
