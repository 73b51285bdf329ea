// adaptive_avg_pool1d/2d/3d and adaptive_max_pool1d/2d/3d (AdaptiveAveragePooling*.cpp,
// AdaptiveMaxPooling*.cpp, cpu/Adaptive*Kernel.cpp of PyTorch 1.13.1, and the Python
// helper _list_with_default that resolves None entries).

import { DType, isFloating, scalarTypeName } from '../dtype';
import { CancelToken, indexError, runtimeError, typeError, valueError } from '../errors';
import { adaptiveEnd, adaptiveStart } from '../outputSize';
import { Tensor } from '../tensor';
import { CancelTicker, check1d, checkDimRange, denseData, fmtSizes, notImplemented, planeLayout, sizeAt } from './common';
import { atenMean } from './atenSum';
import { fastMeanPlanes } from '../fast';
import { PoolPlan } from './plan';

export type AdaptiveOutputSize = number | readonly (number | null)[];

export interface AdaptivePlan extends PoolPlan {
  /** spatial sizes the kernel pools over / produces (the 1-D ops run as 2-D with H = 1) */
  inSpatial: number[];
  outSpatial: number[];
  /** every output size is 1: torch computes input.mean(spatial dims) */
  meanPath: boolean;
}

/** torch.nn.functional._list_with_default (2-D and 3-D ops only). */
function listWithDefault(outputSize: AdaptiveOutputSize, shape: readonly number[]): number | number[] {
  if (typeof outputSize === 'number') return outputSize;
  if (shape.length <= outputSize.length) throw valueError(`Input dimension should be at least ${outputSize.length + 1}`);
  const defaults = shape.slice(shape.length - outputSize.length);
  return outputSize.map((v, i) => (v === null ? defaults[i] : v));
}

function ints(v: number | number[], nd: number): number[] {
  return typeof v === 'number' ? new Array<number>(nd).fill(v) : v;
}

/** 1-D: the ATen wrapper checks rank and length, then runs the 2-D op on (…, 1, L). */
function oneDim(op: string, shape: readonly number[], outputSize: AdaptiveOutputSize): { shape2: number[]; os: number[] } {
  if (typeof outputSize !== 'number' && outputSize.some((v) => v === null)) {
    // the engine gets the user's tuple as an array: Python names the container's type
    throw typeError(`${op}(): argument 'output_size' (position 2) must be tuple of ints, not tuple`);
  }
  checkDimRange(op, shape.length, 2, 4);
  const os = outputSize as number | readonly number[];
  check1d(op, 'output_size', os);
  const o = typeof os === 'number' ? os : os[0];
  return { shape2: [...shape.slice(0, -1), 1, shape[shape.length - 1]], os: [1, o] };
}

function plan(op: string, outputShape: number[], dtype: DType, inSpatial: number[], outSpatial: number[], meanPath: boolean, withIndices: boolean): AdaptivePlan {
  return {
    op, outputShape, dtype, indicesShape: withIndices ? outputShape.slice() : undefined,
    params: { outputSize: outSpatial.slice(), returnIndices: withIndices },
    derivation: [], inSpatial, outSpatial, meanPath,
  };
}

/**
 * input.mean(dims=(-1, -2[, -3])): each dim wrapped in that order, a 0-d tensor counting
 * as 1-d (c10 maybe_wrap_dim). Returns the reduced sizes, outermost first.
 */
function meanDims(shape: readonly number[], n: number): number[] {
  const nd = Math.max(shape.length, 1);
  const sizes: number[] = [];
  for (let d = -1; d >= -n; d--) {
    if (d < -nd) throw indexError(`Dimension out of range (expected to be in range of [${-nd}, ${nd - 1}], but got ${d})`);
    sizes.unshift(shape.length === 0 ? 1 : shape[shape.length + d]);
  }
  return sizes;
}

function meanDtypeCheck(dtype: DType): void {
  if (!isFloating(dtype)) {
    throw runtimeError(`mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(dtype)}`);
  }
}

export function adaptiveAvgPoolShape(nd: 1 | 2 | 3, inputShape: readonly number[], dtype: DType, outputSize: AdaptiveOutputSize): AdaptivePlan {
  if (nd === 1) {
    const { shape2, os } = oneDim('adaptive_avg_pool1d', inputShape, outputSize);
    const p = avg2d(shape2, dtype, os);
    const outputShape = [...inputShape.slice(0, -1), p.outSpatial[1]];
    return { ...p, op: 'adaptive_avg_pool1d', outputShape, params: { outputSize: [p.outSpatial[1]] } };
  }
  const os = ints(listWithDefault(outputSize, inputShape), nd);
  return nd === 2 ? avg2d(inputShape, dtype, os) : avg3d(inputShape, dtype, os);
}

function avg2d(shape: readonly number[], dtype: DType, os: number[]): AdaptivePlan {
  if (os.length !== 2) throw runtimeError('adaptive_avg_pool2d: output_size must be 2');
  if (!(os[0] >= 0 && os[1] >= 0)) {
    throw runtimeError(`adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {${os[0]}, ${os[1]}}`);
  }
  if (os[0] === 1 && os[1] === 1) {
    meanDtypeCheck(dtype);
    const inS = meanDims(shape, 2);
    return plan('adaptive_avg_pool2d', [...shape.slice(0, -2), 1, 1], dtype, inS, [1, 1], true, false);
  }
  const ndim = shape.length;
  if (!(ndim === 3 || ndim === 4)) throw runtimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${fmtSizes(shape)}`);
  for (const i of [-2, -1]) {
    if (!(shape[ndim + i] > 0)) {
      throw runtimeError(`adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${fmtSizes(shape)} with dimension ${i + ndim} being empty`);
    }
  }
  const outputShape = [...shape.slice(0, -2), ...os];
  // the 2-D op returns before its dtype dispatch when the output is empty
  if (!isFloating(dtype) && outputShape.every((v) => v > 0)) throw notImplemented('adaptive_avg_pool2d', dtype);
  return plan('adaptive_avg_pool2d', outputShape, dtype, shape.slice(-2), os, false, false);
}

function avg3d(shape: readonly number[], dtype: DType, os: number[]): AdaptivePlan {
  if (os.length !== 3) throw runtimeError('adaptive_avg_pool3d: output_size must be 3');
  if (!(os[0] >= 0 && os[1] >= 0 && os[2] >= 0)) {
    // (sic) 1.13 prints the 2-D name and no space before the last value
    throw runtimeError(`adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {${os[0]}, ${os[1]},${os[2]}}`);
  }
  if (os[0] === 1 && os[1] === 1 && os[2] === 1) {
    meanDtypeCheck(dtype);
    const inS = meanDims(shape, 3);
    return plan('adaptive_avg_pool3d', [...shape.slice(0, -3), 1, 1, 1], dtype, inS, [1, 1, 1], true, false);
  }
  const ndim = shape.length;
  for (let i = 1; i < ndim; i++) {
    if (!(shape[i] > 0)) {
      throw runtimeError(`adaptive_avg_pool3d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${fmtSizes(shape)} with dimension ${i} being empty`);
    }
  }
  if (!(ndim === 4 || ndim === 5)) throw runtimeError(`adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got ${fmtSizes(shape)}`);
  if (!isFloating(dtype)) throw notImplemented('adaptive_avg_pool3d_cpu', dtype);
  return plan('adaptive_avg_pool3d', [...shape.slice(0, -3), ...os], dtype, shape.slice(-3), os, false, false);
}

export function adaptiveMaxPoolShape(nd: 1 | 2 | 3, inputShape: readonly number[], dtype: DType, outputSize: AdaptiveOutputSize, returnIndices: boolean): AdaptivePlan {
  if (nd === 1) {
    const { shape2, os } = oneDim('adaptive_max_pool1d', inputShape, outputSize);
    const p = max23(2, shape2, dtype, os, returnIndices);
    const outputShape = [...inputShape.slice(0, -1), p.outSpatial[1]];
    return {
      ...p, op: 'adaptive_max_pool1d', outputShape, indicesShape: returnIndices ? outputShape.slice() : undefined,
      params: { outputSize: [p.outSpatial[1]], returnIndices },
    };
  }
  return max23(nd, inputShape, dtype, ints(listWithDefault(outputSize, inputShape), nd), returnIndices);
}

function max23(nd: 2 | 3, shape: readonly number[], dtype: DType, os: number[], returnIndices: boolean): AdaptivePlan {
  const name = `adaptive_max_pool${nd}d`;
  const ndim = shape.length;
  const [lo, hi] = nd === 2 ? [3, 4] : [4, 5];
  if (!(ndim === lo || ndim === hi)) throw runtimeError(`${name}(): Expected ${lo}D or ${hi}D tensor, but got: ${fmtSizes(shape)}`);
  for (let i = 1; i < ndim; i++) {
    if (!(shape[i] > 0)) {
      throw runtimeError(`${name}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${fmtSizes(shape)} with dimension ${i} being empty`);
    }
  }
  if (os.length !== nd) throw runtimeError(`${name}(): internal error: output_size.size() must be ${nd}`);
  const outputShape = [...shape.slice(0, -nd), ...os];
  const neg = outputShape.find((v) => v < 0);
  if (neg !== undefined) throw runtimeError(`Trying to create tensor with negative dimension ${neg}: ${fmtSizes(outputShape)}`);
  if (!isFloating(dtype)) throw notImplemented(nd === 2 ? 'adaptive_max_pool2d' : 'adaptive_max_pool3d_cpu', dtype);
  return plan(name, outputShape, dtype, shape.slice(-nd), os, false, returnIndices);
}

/** Pads spatial lists to [D, H, W]. */
function pad3(a: number[]): [number, number, number] {
  const r = [...new Array<number>(3 - a.length).fill(1), ...a];
  return [r[0], r[1], r[2]];
}

/**
 * One plane of adaptive average pooling: sum the bin in scan order (in float32 when
 * `f32`), then divide once per axis (sum / kd / kh / kw), as ATen does.
 */
export function adaptiveAvgPlane(
  src: ArrayLike<number>, srcOff: number, dst: { [i: number]: number }, dstOff: number,
  inS: [number, number, number], outS: [number, number, number], f32: boolean, ticker: CancelTicker,
): void {
  const [ID, IH, IW] = inS, [OD, OH, OW] = outS;
  const r = f32 ? Math.fround : (x: number) => x;
  let o = dstOff;
  for (let od = 0; od < OD; od++) {
    const t0 = adaptiveStart(od, OD, ID), t1 = adaptiveEnd(od, OD, ID);
    for (let oh = 0; oh < OH; oh++) {
      const h0 = adaptiveStart(oh, OH, IH), h1 = adaptiveEnd(oh, OH, IH);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = adaptiveStart(ow, OW, IW), w1 = adaptiveEnd(ow, OW, IW);
        let sum = 0;
        for (let t = t0; t < t1; t++) {
          for (let h = h0; h < h1; h++) {
            const row = srcOff + (t * IH + h) * IW;
            if (f32) for (let w = w0; w < w1; w++) sum = Math.fround(sum + src[row + w]);
            else for (let w = w0; w < w1; w++) sum += src[row + w];
          }
        }
        dst[o++] = r(r(r(sum / (t1 - t0)) / (h1 - h0)) / (w1 - w0));
        ticker.add((t1 - t0) * (h1 - h0) * (w1 - w0));
      }
    }
  }
}

/** One plane of adaptive max pooling: the comparison of max pooling over each bin. */
export function adaptiveMaxPlane(
  src: ArrayLike<number>, srcOff: number, dst: { [i: number]: number }, dstOff: number, idx: Float64Array | null,
  inS: [number, number, number], outS: [number, number, number], ticker: CancelTicker,
): void {
  const [ID, IH, IW] = inS, [OD, OH, OW] = outS;
  let o = dstOff;
  for (let od = 0; od < OD; od++) {
    const t0 = adaptiveStart(od, OD, ID), t1 = adaptiveEnd(od, OD, ID);
    for (let oh = 0; oh < OH; oh++) {
      const h0 = adaptiveStart(oh, OH, IH), h1 = adaptiveEnd(oh, OH, IH);
      for (let ow = 0; ow < OW; ow++) {
        const w0 = adaptiveStart(ow, OW, IW), w1 = adaptiveEnd(ow, OW, IW);
        let best = -Infinity;
        let bestIdx = (t0 * IH + h0) * IW + w0;
        for (let t = t0; t < t1; t++) {
          for (let h = h0; h < h1; h++) {
            const row = (t * IH + h) * IW;
            for (let w = w0; w < w1; w++) {
              const v = src[srcOff + row + w];
              if (v > best || v !== v) { best = v; bestIdx = row + w; }
            }
          }
        }
        dst[o] = best;
        if (idx) idx[o] = bestIdx;
        o++;
        ticker.add((t1 - t0) * (h1 - h0) * (w1 - w0));
      }
    }
  }
}

export function adaptiveAvgPool(nd: 1 | 2 | 3, input: Tensor, outputSize: AdaptiveOutputSize, token?: CancelToken): Tensor {
  const p = adaptiveAvgPoolShape(nd, input.shape, input.dtype, outputSize);
  const ticker = new CancelTicker(token);
  const output = Tensor.empty(p.outputShape, input.dtype, 'reused');
  const { data, off } = denseData(input);
  const f32 = input.dtype === 'float32';
  const inPlane = p.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = p.outSpatial.reduce((x, y) => x * y, 1);
  const planes = outPlane === 0 ? 0 : output.numel / outPlane;
  // [fast path, src/engine/fast] float32 mean path: the WebAssembly kernel in ATen's summation
  // order; it returns false (nothing written) when it does not apply, and the loop below runs.
  const fast = p.meanPath && f32 && planes > 0 &&
    fastMeanPlanes(data, off, planes, inPlane, output.storage, (n) => ticker.add(n));
  for (let pl = 0; pl < planes && !fast; pl++) {
    if (p.meanPath) {
      output.storage[pl] = atenMean(data, off + pl * inPlane, inPlane, f32);
      ticker.add(inPlane);
    } else {
      adaptiveAvgPlane(data, off + pl * inPlane, output.storage, pl * outPlane, pad3(p.inSpatial), pad3(p.outSpatial), f32, ticker);
    }
  }
  output.provenance = { op: p.op, params: p.params, input };
  return output;
}

export function adaptiveMaxPool(
  nd: 1 | 2 | 3, input: Tensor, outputSize: AdaptiveOutputSize, returnIndices: boolean, token?: CancelToken,
): { output: Tensor; indices?: Tensor } {
  const p = adaptiveMaxPoolShape(nd, input.shape, input.dtype, outputSize, returnIndices);
  const ticker = new CancelTicker(token);
  const output = Tensor.empty(p.outputShape, input.dtype, 'reused');
  const indices = p.indicesShape ? Tensor.empty(p.indicesShape, 'int64') : undefined;
  const { data, off } = denseData(input);
  const { planes } = planeLayout(input.shape, nd);
  const inPlane = p.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = p.outSpatial.reduce((x, y) => x * y, 1);
  for (let pl = 0; pl < planes && outPlane > 0; pl++) {
    adaptiveMaxPlane(data, off + pl * inPlane, output.storage, pl * outPlane, indices ? (indices.storage as Float64Array) : null,
      pad3(p.inSpatial), pad3(p.outSpatial), ticker);
  }
  output.provenance = { op: p.op, params: p.params, input, indices };
  if (indices) indices.provenance = { op: p.op, params: p.params, input };
  return indices ? { output, indices } : { output };
}
