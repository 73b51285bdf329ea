// dtype conversion and getting values out: to(dtype), float(), ..., item(), tolist(), plus
// torch.allclose and torch.equal.

import { DType, castScalar, isFloating, promoteTypes, scalarTypeName } from '../dtype';
import { CancelToken, runtimeError, valueError } from '../errors';
import { Tensor } from '../tensor';
import { broadcastShapes, broadcastStrides, forEachOffset } from './broadcast';
import { map1 } from './elementwise';
import { PyScalar, kindOfDtype } from './scalar';

/** Tensor.to(dtype): the same tensor when the dtype already matches (as PyTorch), else a C++-cast copy. */
export function to(x: Tensor, dtype: DType, token?: CancelToken): Tensor {
  if (x.dtype === dtype) return x;
  if (dtype === 'int32' && isFloating(x.dtype)) {
    // cvttss2si: NaN and out-of-range floats become INT32_MIN (integers wrap instead).
    return map1(x, x.dtype, dtype, (v) => (v > -2147483649 && v < 2147483648 ? Math.trunc(v) : -2147483648), token);
  }
  return map1(x, dtype, dtype, (v) => v, token);
}

export const toFloat = (x: Tensor) => to(x, 'float32');
export const toDouble = (x: Tensor) => to(x, 'float64');
export const toLong = (x: Tensor) => to(x, 'int64');
export const toInt = (x: Tensor) => to(x, 'int32');
export const toBool = (x: Tensor) => to(x, 'bool');

/** Tensor.item() as a Python scalar (float for float dtypes, int for integers, bool for bool). */
export function item(x: Tensor): PyScalar {
  if (x.numel !== 1) throw valueError('only one element tensors can be converted to Python scalars');
  return { value: x.item(), kind: kindOfDtype(x.dtype) };
}

export type NestedList = number | boolean | NestedList[];

/**
 * Tensor.tolist(): nested JS arrays. Leaves are JS booleans for bool tensors and numbers
 * otherwise; whether a number is a Python int or float follows the tensor's dtype
 * (kindOfDtype). A 0-d tensor gives a bare leaf, like PyTorch.
 */
export function tolist(x: Tensor): NestedList {
  const asBool = x.dtype === 'bool';
  const flat = x.toStorage();
  let pos = 0;
  const build = (d: number): NestedList => {
    if (d === x.ndim) {
      const v = flat[pos++];
      return asBool ? v !== 0 : v;
    }
    const out: NestedList[] = [];
    for (let i = 0; i < x.shape[d]; i++) out.push(build(d + 1));
    return out;
  };
  return build(0);
}

/** torch.equal: same shape and same values (dtypes may differ; NaN != NaN). */
export function equal(a: Tensor, b: Tensor): boolean {
  if (a.ndim !== b.ndim || a.shape.some((s, i) => s !== b.shape[i])) return false;
  const d = promoteTypes(a.dtype, b.dtype);
  for (let i = 0; i < a.numel; i++) {
    if (castScalar(a.at(i), d) !== castScalar(b.at(i), d)) return false;
  }
  return true;
}

/**
 * torch.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False): |a - b| <= atol + rtol * |b|,
 * computed in the promoted dtype as torch.isclose does; both must have the same dtype in 1.13.
 */
export function allclose(a: Tensor, b: Tensor, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  if (a.dtype !== b.dtype) {
    throw runtimeError(`${scalarTypeName(a.dtype)} did not match ${scalarTypeName(b.dtype)}`);
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const d = a.dtype;
  // isclose computes in the tensors' dtype; integer tensors meet rtol as float32 (default dtype).
  const r = d === 'float64' ? (x: number) => x : Math.fround;
  let ok = true;
  forEachOffset(shape, [
    { strides: broadcastStrides(a, shape), offset: a.offset },
    { strides: broadcastStrides(b, shape), offset: b.offset },
  ], (_, o) => {
    if (!ok) return;
    const x = a.storage[o[0]], y = b.storage[o[1]];
    if (x === y) return;
    if (x !== x || y !== y) { ok = equalNan && x !== x && y !== y; return; }
    if (!Number.isFinite(x) || !Number.isFinite(y)) { ok = false; return; }
    const allowed = r(r(atol) + r(r(rtol) * r(Math.abs(y))));
    ok = r(Math.abs(r(x - y))) <= allowed;
  });
  return ok;
}
