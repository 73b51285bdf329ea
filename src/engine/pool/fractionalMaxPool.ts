// fractional_max_pool2d/3d (torch/nn/functional.py 1.13, FractionalMaxPool2d.cpp,
// FractionalMaxPool3d.cpp). With `_random_samples` the result is deterministic and
// matches PyTorch; without, samples come from a seeded generator of our own (the op is
// random in PyTorch too, so only its distribution can be expected to agree).

import { DType, isFloating } from '../dtype';
import { CancelToken, runtimeError, valueError } from '../errors';
import { Tensor } from '../tensor';
import { CancelTicker, IntArg, denseData, expand, fmtSizes, notImplemented, planeLayout, sizeAt } from './common';
import { PoolPlan } from './plan';

export interface FractionalPlan extends PoolPlan {
  kernel: number[];
  inSpatial: number[];
  outSpatial: number[];
}

const AXIS_WORD = ['time', 'height', 'width'];

export function fractionalMaxPoolShape(
  nd: 2 | 3, inputShape: readonly number[], dtype: DType, kernelSize: IntArg,
  outputSize: IntArg | null | undefined, outputRatio: number | readonly number[] | null | undefined, returnIndices: boolean,
): FractionalPlan {
  const name = `fractional_max_pool${nd}d`;
  if ((outputSize === null || outputSize === undefined) && (outputRatio === null || outputRatio === undefined)) {
    throw valueError(`${name} requires specifying either an output_size or an output_ratio`);
  }
  let os: IntArg;
  if (outputSize === null || outputSize === undefined) {
    const r = typeof outputRatio === 'number' ? new Array<number>(nd).fill(outputRatio) : (outputRatio as readonly number[]);
    os = r.map((ratio, i) => Math.trunc(sizeAt(inputShape, i - nd) * ratio));
  } else {
    os = outputSize;
  }
  const three = nd === 3 ? 'three ' : '';
  const fn = nd === 2 ? 'fractional_max_pool2d()' : 'fractional_max_pool3d_out()';
  // the Python binding turns an int into a list of nd ints
  const kLen = typeof kernelSize === 'number' ? nd : kernelSize.length;
  const oLen = typeof os === 'number' ? nd : os.length;
  if (kLen !== nd) throw runtimeError(`${name}: kernel_size must either be a single Int or tuple of ${three}Ints`);
  if (oLen !== nd) throw runtimeError(`${name}: output_size must either be a single Int or tuple of ${three}Ints`);
  const k = expand(kernelSize, nd), o = expand(os, nd);
  const ndim = inputShape.length;
  const [lo, hi] = nd === 2 ? [3, 4] : [4, 5];
  if (!(ndim === lo || ndim === hi)) throw runtimeError(`${fn}: Expected ${lo}D or ${hi}D tensor, but got: ${fmtSizes(inputShape)}`);
  for (let i = 1; i < ndim; i++) {
    if (!(inputShape[i] > 0)) {
      throw runtimeError(`${fn}: Expected input to have non-zero size for non-batch dimensions, but got${fmtSizes(inputShape)} with dimension ${i} being empty.`);
    }
  }
  const inS = inputShape.slice(-nd);
  const words = AXIS_WORD.slice(3 - nd);
  // 2-D checks height then width; 3-D checks time, width, then height
  for (const i of nd === 2 ? [0, 1] : [0, 2, 1]) {
    // 2-D allows the last window to end at the input's end; 3-D demands a strict margin
    const ok = nd === 2 ? o[i] + k[i] - 1 <= inS[i] : o[i] + k[i] - 1 < inS[i];
    if (!ok) throw runtimeError(`${fn}: pool ${words[i]} ${k[i]} too large relative to input ${words[i]} ${inS[i]}`);
  }
  const outputShape = [...inputShape.slice(0, -nd), ...o];
  const neg = outputShape.find((v) => v < 0);
  if (neg !== undefined) throw runtimeError(`Trying to create tensor with negative dimension ${neg}: ${fmtSizes(outputShape)}`);
  if (!isFloating(dtype)) throw notImplemented(`fractional_max_pool${nd}d_out_frame`, dtype);
  return {
    op: name, outputShape, dtype, indicesShape: returnIndices ? outputShape.slice() : undefined,
    params: { kernelSize: k, outputSize: o, returnIndices }, derivation: [], kernel: k, inSpatial: inS, outSpatial: o,
  };
}

/** generate_intervals: window starts for one axis from sample u, in the input's float type. */
export function fractionalIntervals(u: number, inSize: number, outSize: number, k: number, f32: boolean): number[] {
  const r = f32 ? Math.fround : (x: number) => x;
  const seq = new Array<number>(Math.max(outSize, 0)).fill(0);
  if (outSize > 1) {
    const alpha = r(r(inSize - k) / r(outSize - 1));
    const base = Math.trunc(r(u * alpha));
    for (let i = 0; i < outSize - 1; i++) seq[i] = Math.trunc(r(r(i + u) * alpha)) - base;
  }
  if (outSize > 0) seq[outSize - 1] = inSize - k;
  return seq;
}

/** One plane: a k-wide window at each interval start; max as in max pooling. */
export function fractionalMaxPlane(
  src: ArrayLike<number>, srcOff: number, dst: { [i: number]: number }, dstOff: number, idx: Float64Array | null,
  inS: [number, number, number], k: [number, number, number], starts: [number[], number[], number[]], ticker: CancelTicker,
): void {
  const [, IH, IW] = inS;
  const [kT, kH, kW] = k;
  let o = dstOff;
  for (const t0 of starts[0]) {
    for (const h0 of starts[1]) {
      for (const w0 of starts[2]) {
        let best = -Infinity;
        let bestIdx = (t0 * IH + h0) * IW + w0;
        for (let t = t0; t < t0 + kT; t++) {
          for (let h = h0; h < h0 + kH; h++) {
            const row = (t * IH + h) * IW;
            for (let w = w0; w < w0 + kW; w++) {
              const v = src[srcOff + row + w];
              if (v > best || v !== v) { best = v; bestIdx = row + w; }
            }
          }
        }
        dst[o] = best;
        if (idx) idx[o] = bestIdx;
        o++;
        ticker.add(kT * kH * kW);
      }
    }
  }
}

/** A small deterministic uniform [0,1) generator (mulberry32) for missing samples. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let defaultSeed = 0x5eed;
/** Sets the seed used when `_random_samples` is not given (torch.manual_seed's stand-in). */
export function setFractionalSeed(seed: number): void { defaultSeed = seed; }

export function fractionalMaxPool(
  nd: 2 | 3, input: Tensor, kernelSize: IntArg, outputSize: IntArg | null | undefined,
  outputRatio: number | readonly number[] | null | undefined, returnIndices: boolean, randomSamples?: Tensor | null,
  token?: CancelToken,
): { output: Tensor; indices?: Tensor } {
  const plan = fractionalMaxPoolShape(nd, input.shape, input.dtype, kernelSize, outputSize, outputRatio, returnIndices);
  const ticker = new CancelTicker(token);
  const { planes } = planeLayout(input.shape, nd);
  let samples: ArrayLike<number>;
  if (randomSamples) {
    samples = denseData(randomSamples).data.subarray(randomSamples.contiguous().offset);
  } else {
    const next = seededUniform(defaultSeed++);
    const s = input.dtype === 'float32' ? new Float32Array(planes * nd) : new Float64Array(planes * nd);
    for (let i = 0; i < s.length; i++) s[i] = next();
    samples = s;
  }
  if (samples.length < planes * nd) {
    throw runtimeError(`_random_samples must hold (N, C, ${nd}) values for an input of shape ${fmtSizes(input.shape)}`);
  }
  const output = Tensor.empty(plan.outputShape, input.dtype);
  const indices = plan.indicesShape ? Tensor.empty(plan.indicesShape, 'int64') : undefined;
  const { data, off } = denseData(input);
  const f32 = input.dtype === 'float32';
  const inPlane = plan.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = plan.outSpatial.reduce((x, y) => x * y, 1);
  const inS = (nd === 2 ? [1, ...plan.inSpatial] : plan.inSpatial) as [number, number, number];
  const outS = nd === 2 ? [1, ...plan.outSpatial] : plan.outSpatial;
  const k = (nd === 2 ? [1, ...plan.kernel] : plan.kernel) as [number, number, number];
  for (let pl = 0; pl < planes; pl++) {
    const u = (j: number) => samples[pl * nd + j];
    // 2-D: sample 0 drives W and sample 1 drives H; 3-D: samples 0, 1, 2 drive T, H, W
    const starts: [number[], number[], number[]] = nd === 2
      ? [[0], fractionalIntervals(u(1), inS[1], outS[1], k[1], f32), fractionalIntervals(u(0), inS[2], outS[2], k[2], f32)]
      : [fractionalIntervals(u(0), inS[0], outS[0], k[0], f32), fractionalIntervals(u(1), inS[1], outS[1], k[1], f32),
        fractionalIntervals(u(2), inS[2], outS[2], k[2], f32)];
    // plane 0's window starts, so that windows.ts can draw the windows
    if (pl === 0) plan.params.windowStarts = nd === 2 ? [starts[1], starts[2]] : starts;
    fractionalMaxPlane(data, off + pl * inPlane, output.storage, pl * outPlane, indices ? (indices.storage as Float64Array) : null, inS, k, starts, ticker);
  }
  output.provenance = { op: plan.op, params: plan.params, input, indices };
  if (indices) indices.provenance = { op: plan.op, params: plan.params, input };
  return indices ? { output, indices } : { output };
}
