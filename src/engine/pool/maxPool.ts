// max_pool1d/2d/3d (DilatedMaxPool2d.cpp, DilatedMaxPool3d.cpp, MaxPooling.cpp, Pooling.cpp,
// cpu/MaxPoolKernel.cpp of PyTorch 1.13.1): validation in ATen's order, then one kernel.

import { DType, isFloating } from '../dtype';
import { CancelToken, runtimeError } from '../errors';
import { deriveAxis, pooledSize, truncDiv } from '../outputSize';
import { Tensor } from '../tensor';
import { fastMaxPool2d, fastMaxPool3d } from '../fast';
import {
  AXIS_NAMES, CancelTicker, Geometry3, IntArg, argLength, check1d, checkDimRange, denseData, expand, fmtSizes,
  fitsInt32, geometry3, notImplemented, planeLayout,
} from './common';
import { checkLen, outputSizes, pool2dShapeCheck, pool3dShapeCheck, safeDowncast } from './kernelChecks';
import { KernelGeometry, PoolPlan } from './plan';

export interface MaxPoolArgs {
  kernelSize: IntArg;
  /** null, undefined or [] mean "same as kernel" */
  stride?: IntArg | null;
  padding?: IntArg;
  dilation?: IntArg;
  ceilMode?: boolean;
  returnIndices?: boolean;
}

export interface MaxPoolPlan extends PoolPlan {
  geometry: KernelGeometry;
  /** the max_pool1d fast path (no indices): size 0 gives an empty result */
  fastPath1d: boolean;
}

/** The shape-only half of max pooling: every check PyTorch makes before touching data. */
export function maxPoolShape(nd: 1 | 2 | 3, inputShape: readonly number[], dtype: DType, a: MaxPoolArgs): MaxPoolPlan {
  const ceilMode = a.ceilMode ?? false;
  const padding = a.padding ?? 0;
  const dilation = a.dilation ?? 1;
  const stride = a.stride ?? [];
  if (nd === 1 && !a.returnIndices) return fast1dPlan(inputShape, dtype, a.kernelSize, stride, padding, dilation, ceilMode);
  if (nd === 1) {
    // max_pool1d_with_indices: checks, then the 2-D op on a (…, 1, L) view
    const s = argLength(stride) === 0 ? a.kernelSize : stride;
    checkDimRange('max_pool1d', inputShape.length, 2, 4);
    check1d('max_pool1d', 'kernel_size', a.kernelSize);
    check1d('max_pool1d', 'stride', s);
    check1d('max_pool1d', 'padding', padding);
    check1d('max_pool1d', 'dilation', dilation);
    const one = (v: IntArg) => expand(v, 1)[0];
    const shape2 = [...inputShape.slice(0, -1), 1, inputShape[inputShape.length - 1]];
    safeDowncast([one(a.kernelSize), one(s), one(padding), one(dilation)]); // max_pool2d_with_indices' meta
    const g = validate2d(shape2, dtype, [1, one(a.kernelSize)], [1, one(s)], [0, one(padding)], [1, one(dilation)], ceilMode);
    const outputShape = [...shape2.slice(0, -2), g.outSpatial[1]];
    const geometry: KernelGeometry = {
      kernel: [g.kernel[1]], stride: [g.stride[1]], padding: [g.padding[1]], dilation: [g.dilation[1]], ceilMode,
      inSpatial: [g.inSpatial[1]], outSpatial: [g.outSpatial[1]],
    };
    return makePlan('max_pool1d', 1, outputShape, dtype, geometry, true, false);
  }
  if (nd === 2) {
    // each length check is followed by the safe_downcast of that argument's values, as in the meta function
    checkLen(argLength(a.kernelSize) === 1 || argLength(a.kernelSize) === 2, 'max_pool2d: kernel_size must either be a single int, or a tuple of two ints');
    const k = expand(a.kernelSize, 2);
    safeDowncast(k);
    checkLen([0, 1, 2].includes(argLength(stride)), 'max_pool2d: stride must either be omitted, a single int, or a tuple of two ints');
    const s = argLength(stride) === 0 ? k.slice() : expand(stride, 2);
    safeDowncast(s);
    checkLen(argLength(padding) === 1 || argLength(padding) === 2, 'max_pool2d: padding must be either be a single int, or a tuple of two ints');
    safeDowncast(expand(padding, 2));
    checkLen(argLength(dilation) === 1 || argLength(dilation) === 2, 'max_pool2d: dilation must be either a single int, or a tuple of two ints');
    safeDowncast(expand(dilation, 2));
    const g = validate2d(inputShape, dtype, k, s, expand(padding, 2), expand(dilation, 2), ceilMode);
    const outputShape = [...inputShape.slice(0, -2), ...g.outSpatial];
    return makePlan('max_pool2d', 2, outputShape, dtype, g, !!a.returnIndices, false);
  }
  const w = 'three';
  checkLen(argLength(a.kernelSize) === 1 || argLength(a.kernelSize) === 3, `max_pool3d: kernel_size must either be a single int, or a tuple of ${w} ints`);
  const k = expand(a.kernelSize, 3);
  safeDowncast(k);
  checkLen([0, 1, 3].includes(argLength(stride)), `max_pool3d: stride must either be omitted, a single int, or a tuple of ${w} ints`);
  const s = argLength(stride) === 0 ? k.slice() : expand(stride, 3);
  safeDowncast(s);
  checkLen(argLength(padding) === 1 || argLength(padding) === 3, `max_pool3d: padding must be either be a single int, or a tuple of ${w} ints`);
  const p = expand(padding, 3);
  safeDowncast(p);
  checkLen(argLength(dilation) === 1 || argLength(dilation) === 3, `max_pool3d: dilation must be either a single int, or a tuple of ${w} ints`);
  const d = expand(dilation, 3);
  safeDowncast(d);
  const ndim = inputShape.length;
  if (!(ndim === 4 || ndim === 5)) throw runtimeError('non-empty 4D or 5D (batch mode) tensor expected for input');
  const inS = inputShape.slice(-3);
  const out = outputSizes(inS, k, s, p, d, ceilMode);
  pool3dShapeCheck(inputShape, k, s, p, d, out, 'max_pool3d_with_indices_out_cpu_template()', false);
  if (!isFloating(dtype)) throw notImplemented('max_pool3d_with_indices_cpu', dtype);
  const g: KernelGeometry = { kernel: k, stride: s, padding: p, dilation: d, ceilMode, inSpatial: inS, outSpatial: out };
  return makePlan('max_pool3d', 3, [...inputShape.slice(0, -3), ...out], dtype, g, !!a.returnIndices, false);
}

/** max_pool2d_with_indices' meta function after its tuple-length checks. */
function validate2d(shape: readonly number[], dtype: DType, k: number[], s: number[], p: number[], d: number[], ceilMode: boolean): KernelGeometry {
  const ndim = shape.length;
  if (!(ndim === 3 || ndim === 4)) throw runtimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const inS = shape.slice(-2);
  const out = outputSizes(inS, k, s, p, d, ceilMode);
  pool2dShapeCheck(shape, k, s, p, d, out);
  if (!isFloating(dtype)) throw notImplemented('max_pool2d', dtype);
  return { kernel: k, stride: s, padding: p, dilation: d, ceilMode, inSpatial: inS, outSpatial: out };
}

/** MaxPooling.cpp max_pool1d + check_max_pool1d: its own messages and an empty result for size 0. */
function fast1dPlan(shape: readonly number[], dtype: DType, kernel: IntArg, stride: IntArg, padding: IntArg, dilation: IntArg, ceilMode: boolean): MaxPoolPlan {
  const ndim = shape.length;
  if (!((ndim === 2 && shape[0] !== 0 && shape[1] !== 0) || (ndim === 3 && shape[1] !== 0 && shape[2] !== 0))) {
    throw runtimeError(`max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmtSizes(shape)}`);
  }
  const n = (v: IntArg) => argLength(v);
  if (n(kernel) !== 1) throw runtimeError(`max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size ${n(kernel)}`);
  if (n(stride) > 1) throw runtimeError(`max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size ${n(stride)}`);
  if (n(padding) !== 1) throw runtimeError(`max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size ${n(padding)}`);
  if (n(dilation) !== 1) throw runtimeError(`max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size ${n(dilation)}`);
  const k = expand(kernel, 1)[0];
  const s = n(stride) === 0 ? k : expand(stride, 1)[0];
  const p = expand(padding, 1)[0], d = expand(dilation, 1)[0];
  if (!(k > 0)) throw runtimeError(`max_pool1d() kernel_size must be greater than zero, but got ${k}`);
  if (!(s > 0)) throw runtimeError(`max_pool1d() stride must be greater than zero, but got ${s}`);
  if (!(p >= 0)) throw runtimeError(`max_pool1d() padding must be non-negative, but got ${p}`);
  if (!(p <= truncDiv(k, 2))) throw runtimeError(`max_pool1d() padding should be at most half of kernel size, but got padding=${p} and kernel_size=${k}`);
  if (!(d > 0)) throw runtimeError(`max_pool1d() dilation must be greater than zero, but got ${d}`);
  const L = shape[ndim - 1];
  const ow = pooledSize(L, k, s, p, d, ceilMode);
  if (!(ow >= 0)) throw runtimeError(`max_pool1d() Invalid computed output size: ${ow}`);
  if (!isFloating(dtype)) throw notImplemented('max_pool1d_impl', dtype);
  const g: KernelGeometry = { kernel: [k], stride: [s], padding: [p], dilation: [d], ceilMode, inSpatial: [L], outSpatial: [ow] };
  return makePlan('max_pool1d', 1, [...shape.slice(0, -1), ow], dtype, g, false, true);
}

function makePlan(op: string, nd: number, outputShape: number[], dtype: DType, g: KernelGeometry, withIndices: boolean, fastPath1d: boolean): MaxPoolPlan {
  const names = AXIS_NAMES[nd];
  const derivation = g.inSpatial.map((L, i) => deriveAxis(names[i], L, g.kernel[i], g.stride[i], g.padding[i], g.dilation[i], g.ceilMode));
  return {
    op, outputShape, dtype, indicesShape: withIndices ? outputShape.slice() : undefined,
    params: { kernelSize: g.kernel, stride: g.stride, padding: g.padding, dilation: g.dilation, ceilMode: g.ceilMode, returnIndices: withIndices },
    derivation, geometry: g, fastPath1d,
  };
}

/**
 * One plane of max pooling (MaxPoolKernel.cpp cpu_max_pool): taps in scan order,
 * replace when `v > best` or v is NaN (first max wins; the last NaN wins); padding is
 * skipped; the initial index is the first in-bounds tap (or past the end for a window
 * made only of padding).
 */
export function maxPoolPlane(
  src: ArrayLike<number>, srcOff: number, dst: { [i: number]: number }, dstOff: number,
  /** int64 indices, laid out like dst (same offset) */
  idx: Float64Array | null, g: Geometry3, ticker: CancelTicker,
): void {
  const { inD, inH, inW, outD, outH, outW, kD, kH, kW, sD, sH, sW, pD, pH, pW, dD, dH, dW } = g;
  const kVol = kD * kH * kW;
  let o = dstOff;
  for (let od = 0; od < outD; od++) {
    let t0 = od * sD - pD;
    const t1 = Math.min(t0 + (kD - 1) * dD + 1, inD);
    while (t0 < 0) t0 += dD;
    for (let oh = 0; oh < outH; oh++) {
      let h0 = oh * sH - pH;
      const h1 = Math.min(h0 + (kH - 1) * dH + 1, inH);
      while (h0 < 0) h0 += dH;
      for (let ow = 0; ow < outW; ow++) {
        let w0 = ow * sW - pW;
        const w1 = Math.min(w0 + (kW - 1) * dW + 1, inW);
        while (w0 < 0) w0 += dW;
        let best = -Infinity;
        let bestIdx = (t0 * inH + h0) * inW + w0;
        for (let t = t0; t < t1; t += dD) {
          for (let h = h0; h < h1; h += dH) {
            const row = (t * inH + h) * inW;
            for (let w = w0; w < w1; w += dW) {
              const v = src[srcOff + row + w];
              if (v > best || v !== v) {
                best = v;
                bestIdx = row + w;
              }
            }
          }
        }
        dst[o] = best;
        if (idx) idx[o] = bestIdx;
        o++;
        ticker.add(kVol);
      }
    }
  }
}

export function maxPool(nd: 1 | 2 | 3, input: Tensor, a: MaxPoolArgs, token?: CancelToken): { output: Tensor; indices?: Tensor } {
  const plan = maxPoolShape(nd, input.shape, input.dtype, a);
  const ticker = new CancelTicker(token);
  const output = Tensor.empty(plan.outputShape, input.dtype, 'reused');
  const indices = plan.indicesShape ? Tensor.empty(plan.indicesShape, 'int64') : undefined;
  const g = plan.geometry;
  const { planes } = planeLayout(input.shape, nd);
  const { data, off } = denseData(input);
  const inPlane = g.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = g.outSpatial.reduce((x, y) => x * y, 1);
  const geo = geometry3(g.inSpatial, g.outSpatial, g.kernel, g.stride, g.padding, g.dilation);
  // [fast path, src/engine/fast] float32: the bit-identical WebAssembly SIMD kernel (1-D/2-D; 3-D
  // as the 2-D kernel per depth slice and a fold across depth); it returns false (nothing
  // written) when it does not apply, and the reference loop below runs.
  const idxStorage = indices ? (indices.storage as Float64Array) : null;
  const tick = (n: number) => ticker.add(n);
  const fast = outPlane > 0 && fitsInt32(geo) && (geo.inD === 1 && geo.kD === 1 && geo.pD === 0
    ? fastMaxPool2d(data, off, planes, geo.inH, geo.inW, geo.kH, geo.kW,
      geo.sH, geo.sW, geo.pH, geo.pW, geo.dH, geo.dW, geo.outH, geo.outW, output.storage, idxStorage, tick)
    : fastMaxPool3d(data, off, planes, geo.inD, geo.inH, geo.inW, geo.kD, geo.kH, geo.kW, geo.sD, geo.sH, geo.sW,
      geo.pD, geo.pH, geo.pW, geo.dD, geo.dH, geo.dW, geo.outD, geo.outH, geo.outW, output.storage, idxStorage, tick));
  if (outPlane > 0 && !fast) {
    for (let pl = 0; pl < planes; pl++) {
      maxPoolPlane(data, off + pl * inPlane, output.storage, pl * outPlane,
        indices ? (indices.storage as Float64Array) : null, geo, ticker);
    }
  }
  const params = plan.params;
  output.provenance = { op: plan.op, params, input, indices };
  if (indices) indices.provenance = { op: plan.op, params, input };
  return indices ? { output, indices } : { output };
}
