// Reductions: sum, mean, max/min (global and along a dim, with indices), argmax/argmin.

import { DType, castScalar, isFloating, isIntegral, scalarTypeName } from '../dtype';
import { CancelToken, indexError, runtimeError } from '../errors';
import { Tensor, contiguousStrides } from '../tensor';
import { forEachOffset } from './broadcast';
import { cascadeSum } from './cascadeSum';
import { wrapDim, wrapDims } from './dims';

/** A dim argument: one dim, several, or null/undefined for all. */
export type DimArg = number | readonly number[] | null | undefined;

interface Plan { reduced: boolean[]; keepShape: number[]; outShape: number[] }

function plan(x: Tensor, dim: DimArg, keepdim: boolean): Plan {
  const all = dim === null || dim === undefined || (Array.isArray(dim) && dim.length === 0);
  const dims = all ? x.shape.map((_, i) => i) : wrapDims(typeof dim === 'number' ? [dim] : (dim as number[]), x.ndim);
  const reduced = x.shape.map((_, i) => dims.includes(i));
  const keepShape = x.shape.map((s, i) => (reduced[i] ? 1 : s));
  const outShape = keepdim ? keepShape : x.shape.filter((_, i) => !reduced[i]);
  return { reduced, keepShape, outShape };
}

/** Output strides over the input's dims (0 on reduced dims) for a contiguous keepdim-shaped result. */
function outStridesOf(p: Plan): number[] {
  const cs = contiguousStrides(p.keepShape);
  return p.reduced.map((r, i) => (r ? 0 : cs[i]));
}

/**
 * torch.sum(x, dim=None, keepdim=False, dtype=None). Integer and bool inputs sum to int64;
 * float sums follow PyTorch's cascade order (bit-exact up to 32768 elements).
 */
export function sum(x: Tensor, dim?: DimArg, keepdim = false, dtype?: DType | null, token?: CancelToken): Tensor {
  const p = plan(x, dim, keepdim);
  const d: DType = dtype ?? (isIntegral(x.dtype, true) ? 'int64' : x.dtype);
  const out = Tensor.full(p.outShape, 0, d);
  const os = outStridesOf(p);
  if (isFloating(d)) {
    // A cast copy keeps the storage layout, so x's offset and strides still address it.
    const src = x.dtype === d ? x.storage : Float64Array.from(x.storage, (v) => castScalar(v, d));
    cascadeSum(src, x.offset, x.shape, x.strides, out.storage as Float32Array | Float64Array, os, token);
    return out;
  }
  const dst = out.storage, src = x.storage;
  forEachOffset(x.shape, [{ strides: x.strides, offset: x.offset }, { strides: os, offset: 0 }], (_, o) => {
    dst[o[1]] = castScalar(dst[o[1]] + castScalar(src[o[0]], d), d);
  }, token);
  return out;
}

/** torch.mean: float (or complex) only; computed as sum / count, as PyTorch's CPU kernel does. */
export function mean(x: Tensor, dim?: DimArg, keepdim = false, dtype?: DType | null, token?: CancelToken): Tensor {
  const d = dtype ?? x.dtype;
  if (!isFloating(d)) {
    throw runtimeError('mean(): could not infer output dtype. Input dtype must be either a floating point or ' +
      `complex dtype. Got: ${scalarTypeName(d)}`);
  }
  const p = plan(x, dim, keepdim);
  const count = x.shape.reduce((a, s, i) => a * (p.reduced[i] ? s : 1), 1);
  const s = sum(x, dim, keepdim, d, token);
  const st = s.storage;
  for (let i = 0; i < st.length; i++) st[i] = st[i] / castScalar(count, d);
  return s;
}

type Better = (v: number, best: number) => boolean;
// `!(v <= best)`: strictly better, or NaN — so the first maximum and the first NaN win.
const greater: Better = (v, best) => !(v <= best);
const less: Better = (v, best) => !(v >= best);

function globalExtreme(name: string, x: Tensor, better: Better): Tensor {
  if (x.numel === 0) {
    throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the ` +
      "reduction dim with the 'dim' argument.");
  }
  let best = x.at(0);
  for (let i = 1; i < x.numel && best === best; i++) {
    const v = x.at(i);
    if (better(v, best)) best = v;
  }
  return Tensor.scalar(best, x.dtype);
}

export interface ValuesIndices { values: Tensor; indices: Tensor }

function extremeAlong(name: string, x: Tensor, dim: number, keepdim: boolean, better: Better, token?: CancelToken): ValuesIndices {
  const d = wrapDim(dim, x.ndim);
  const size = x.ndim === 0 ? 1 : x.shape[d];
  if (size === 0) throw indexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const p = plan(x, x.ndim === 0 ? [] : [d], keepdim);
  const values = Tensor.empty(p.outShape, x.dtype), indices = Tensor.empty(p.outShape, 'int64');
  if (x.ndim === 0) {
    values.storage[0] = x.item();
    return { values, indices };
  }
  const stride = x.strides[d];
  const outerShape = x.shape.map((s, i) => (i === d ? 1 : s));
  const src = x.storage;
  forEachOffset(outerShape, [{ strides: x.strides, offset: x.offset }], (i, o) => {
    let best = src[o[0]], at = 0;
    for (let k = 1; k < size && best === best; k++) {
      const v = src[o[0] + k * stride];
      if (better(v, best)) { best = v; at = k; }
    }
    values.storage[i] = best;
    indices.storage[i] = at;
  }, token);
  return { values, indices };
}

/** torch.max(x): the largest element as a 0-d tensor (NaN if any element is NaN). */
export const max = (x: Tensor): Tensor => globalExtreme('max', x, greater);
export const min = (x: Tensor): Tensor => globalExtreme('min', x, less);

/** torch.max(x, dim, keepdim=False) -> (values, indices); the first maximum's index. */
export function maxDim(x: Tensor, dim: number, keepdim = false, token?: CancelToken): ValuesIndices {
  return extremeAlong('max', x, dim, keepdim, greater, token);
}
export function minDim(x: Tensor, dim: number, keepdim = false, token?: CancelToken): ValuesIndices {
  return extremeAlong('min', x, dim, keepdim, less, token);
}

function argExtreme(name: string, x: Tensor, dim: number | null | undefined, keepdim: boolean, better: Better, token?: CancelToken): Tensor {
  if (x.dtype === 'bool') throw runtimeError(`"${name}_cpu" not implemented for 'Bool'`);
  if (dim === null || dim === undefined) {
    if (x.numel === 0) {
      throw indexError(`${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    }
    const flat = new Tensor(x.dtype, x.toStorage(), [x.numel]);
    const r = extremeAlong(name, flat, 0, false, better, token).indices;
    return keepdim ? new Tensor('int64', r.storage, x.shape.map(() => 1)) : r;
  }
  if (x.ndim > 0 && x.shape[wrapDim(dim, x.ndim)] === 0) {
    throw indexError(`${name}(): Expected reduction dim ${wrapDim(dim, x.ndim)} to have non-zero size.`);
  }
  return extremeAlong(name, x, dim, keepdim, better, token).indices;
}

export function argmax(x: Tensor, dim?: number | null, keepdim = false, token?: CancelToken): Tensor {
  return argExtreme('argmax', x, dim, keepdim, greater, token);
}
export function argmin(x: Tensor, dim?: number | null, keepdim = false, token?: CancelToken): Tensor {
  return argExtreme('argmin', x, dim, keepdim, less, token);
}
