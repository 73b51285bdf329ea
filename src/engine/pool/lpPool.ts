// lp_pool1d / lp_pool2d, as torch/nn/functional.py 1.13 composes them:
//   out = avg_pool(x.pow(p), kernel, stride, 0, ceil_mode)
//   (sign(out) * relu(abs(out))).mul(K).pow(1.0 / p)
// with every dtype consequence of those tensor ops (see POOLING_SEMANTICS §4, §8).

import { DType, isFloating } from '../dtype';
import { CancelToken, TorchError, runtimeError, typeError, valueError } from '../errors';
import { Tensor } from '../tensor';
import { avgPoolPlane, avgPoolShape, AvgPoolPlan } from './avgPool';
import { CancelTicker, IntArg, denseData, geometry3, planeLayout } from './common';
import { exactPow } from './exactPow';
import { PoolPlan } from './plan';

export interface LpPoolOptions {
  /** p was a Python int (F.lp_pool* called with an int): integer inputs stay integer */
  normIsInt: boolean;
  /** called through nn.LPPool*d, which passes float(p) */
  fromModule: boolean;
}

export interface LpPoolPlan extends PoolPlan {
  avg: AvgPoolPlan;
  /** dtype of x.pow(p), which the inner avg_pool runs in */
  powDtype: DType;
  /** the full kernel volume K */
  kernelVolume: number;
}

/** Result dtype of `x.pow(p)` for a Python scalar p. */
function powResultDtype(dtype: DType, pIsInt: boolean): DType {
  if (isFloating(dtype)) return dtype;
  if (!pIsInt) return 'float32';
  return dtype === 'bool' ? 'int64' : dtype;
}

export function lpPoolShape(
  nd: 1 | 2, inputShape: readonly number[], dtype: DType, normType: number, kernelSize: IntArg,
  stride: IntArg | null | undefined, ceilMode: boolean, opts: LpPoolOptions,
): LpPoolPlan {
  const pIsInt = opts.normIsInt && !opts.fromModule;
  let K: number;
  if (nd === 2) {
    // kw, kh = _pair(kernel_size)
    if (typeof kernelSize === 'number') K = kernelSize * kernelSize;
    else if (kernelSize.length < 2) throw valueError(`not enough values to unpack (expected 2, got ${kernelSize.length})`);
    else if (kernelSize.length > 2) throw valueError('too many values to unpack (expected 2)');
    else K = kernelSize[0] * kernelSize[1];
  } else {
    K = typeof kernelSize === 'number' ? kernelSize : NaN;
  }
  const powDtype = powResultDtype(dtype, pIsInt);
  if (!isFloating(powDtype) && normType < 0) throw runtimeError('Integers to negative integer powers are not allowed.');
  const avg = avgPoolShape(nd, inputShape, powDtype, { kernelSize, stride: stride ?? null, padding: 0, ceilMode, countIncludePad: true });
  if (nd === 1 && typeof kernelSize !== 'number') {
    throw typeError("mul(): argument 'other' (position 1) must be Tensor, not tuple");
  }
  if (normType === 0) throw new TorchError('ZeroDivisionError', 'float division by zero');
  return {
    op: `lp_pool${nd}d`, outputShape: avg.outputShape, dtype: isFloating(powDtype) ? powDtype : 'float32',
    params: { normType, kernelSize: avg.geometry.kernel, stride: avg.geometry.stride, ceilMode },
    derivation: avg.derivation, avg, powDtype, kernelVolume: K,
  };
}

/**
 * torch's pow(tensor, python scalar) on a float tensor (PowKernel.cpp): exponents 0.5,
 * -0.5, -1, 2, 3, -2 have exact special kernels; anything else is std::pow. The
 * vectorised loop (blocks of 16 float32 / 8 float64) passes the exponent as the tensor's
 * type; the scalar tail passes it as a double. The vectorised loop uses Sleef (within one
 * ulp); we use the correctly rounded value there too, so rare one-ulp differences remain.
 */
export function powScalarInto(
  src: ArrayLike<number>, dst: { [i: number]: number; length: number }, n: number, e: number, f32: boolean, ticker: CancelTicker,
): void {
  const r = f32 ? Math.fround : (x: number) => x;
  const vecEnd = n - (n % (f32 ? 16 : 8));
  // float32: a double Math.pow rounded to float is correctly rounded but for ~2^-28 of
  // inputs; float64 needs the correctly rounded (slow) pow: it agrees with glibc (the
  // scalar tail) and measurably more often with Sleef (the vector blocks) than Math.pow
  const general = f32 ? cPow : exactPow;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 1023) ticker.add(1024 * (f32 ? 1 : 64));
    const x = src[i];
    let y: number;
    if (e === 0.5) y = Math.sqrt(x);
    else if (e === -0.5) y = 1 / r(Math.sqrt(x));
    else if (e === -1) y = 1 / x;
    else if (e === 2) y = x * x;
    else if (e === 3) y = r(x * x) * x;
    else if (e === -2) y = 1 / r(x * x);
    else y = general(x, i < vecEnd ? r(e) : e);
    dst[i] = r(y);
  }
}

/** C's pow where it differs from Math.pow: pow(±1, ±inf) = 1, pow(1, y) = 1. */
function cPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if ((x === -1) && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** Integer x.pow(p) (int64 / int32 / uint8 tensors with a Python int p >= 0). */
function intPow(x: number, p: number, dtype: DType): number {
  let r = 1;
  for (let i = 0; i < p; i++) r = r * x;
  if (dtype === 'int32') return r | 0;
  if (dtype === 'uint8') return r & 0xff;
  return r;
}

export function lpPool(
  nd: 1 | 2, input: Tensor, normType: number, kernelSize: IntArg, stride: IntArg | null | undefined,
  ceilMode: boolean, opts: LpPoolOptions, token?: CancelToken,
): Tensor {
  const plan = lpPoolShape(nd, input.shape, input.dtype, normType, kernelSize, stride, ceilMode, opts);
  const ticker = new CancelTicker(token);
  const n = input.numel;
  const { data, off } = denseData(input);
  // x.pow(p)
  const powered = Tensor.empty(input.shape, plan.powDtype);
  const src = data.subarray(off, off + n);
  if (isFloating(plan.powDtype)) {
    const asFloat = isFloating(input.dtype) ? src : Float32Array.from(src);
    powScalarInto(asFloat, powered.storage, n, normType, plan.powDtype === 'float32', ticker);
  } else {
    for (let i = 0; i < n; i++) powered.storage[i] = intPow(src[i], normType, plan.powDtype);
  }
  ticker.add(n);
  // avg_pool(…, padding 0, count_include_pad)
  const avg = Tensor.empty(plan.outputShape, plan.powDtype);
  const g = plan.avg.geometry;
  const { planes } = planeLayout(input.shape, nd);
  const inPlane = g.inSpatial.reduce((x, y) => x * y, 1);
  const outPlane = g.outSpatial.reduce((x, y) => x * y, 1);
  const geo = geometry3(g.inSpatial, g.outSpatial, g.kernel, g.stride, g.padding, g.dilation);
  const kind = plan.powDtype === 'float32' ? 'f32' : plan.powDtype === 'float64' ? 'f64' : 'i64';
  for (let pl = 0; pl < planes && outPlane > 0; pl++) {
    avgPoolPlane(powered.storage, pl * inPlane, avg.storage, pl * outPlane, geo, true, null, kind, ticker);
  }
  // (sign(a) * relu(|a|)).mul(K): sign(NaN) is 0 and 0 * NaN stays NaN, so this is `a * K`
  const m = avg.numel;
  const scaled = plan.powDtype === 'float32' ? new Float32Array(m) : new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const a = avg.storage[i];
    const s = a > 0 ? 1 : a < 0 ? -1 : 0;
    scaled[i] = s * Math.max(Math.abs(a), 0) * plan.kernelVolume;
    if (a !== a) scaled[i] = NaN;
  }
  // .pow(1.0 / p): integer results become float32 first
  const output = Tensor.empty(plan.outputShape, plan.dtype);
  const base = isFloating(plan.powDtype) ? scaled : Float32Array.from(scaled);
  powScalarInto(base, output.storage, m, 1 / normType, plan.dtype === 'float32', ticker);
  output.provenance = { op: plan.op, params: plan.params, input };
  return output;
}
