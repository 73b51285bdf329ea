// Element-wise arithmetic, comparison and logic with broadcasting and PyTorch type promotion.
//
// Numerics: an op is computed on operands already cast to the common dtype, in float64,
// and the result is stored into the output's typed array (a Float32Array store rounds
// like Math.fround). For + - * / and sqrt this equals IEEE float32 arithmetic exactly,
// because float64 holds every float32 sum/product/quotient before one rounding
// (double rounding is innocuous for these ops). exp, log and general pow use libm-class
// functions in torch (SLEEF, 1 ulp) and are matched to 1 ulp, not bit for bit.

import { DType, castScalar, isFloating, isIntegral, resultType, scalarTypeName } from '../dtype';
import { CancelToken, TorchError, runtimeError, throwIfCancelled } from '../errors';
import { Tensor } from '../tensor';
import { broadcastShapes, broadcastStrides, forEachOffset, iteratorOutputStrides } from './broadcast';
import { Scalar, TensorOrScalar, asTensor, operandOf, toPyScalar } from './scalar';

type Kernel2 = (x: number, y: number) => number;
type Kernel1 = (x: number) => number;

/** torch.result_type of the operands of an element-wise op. */
export function resultTypeOf(...xs: TensorOrScalar[]): DType {
  return resultType(xs.map(operandOf));
}

function requireTensor(a: TensorOrScalar, b: TensorOrScalar): void {
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) {
    throw new TypeError('poolnb: an element-wise op needs at least one tensor operand');
  }
}

/** Applies `f` to broadcast operands (read in `compute` dtype) into a new tensor of `out` dtype. */
export function map2(
  a: TensorOrScalar, b: TensorOrScalar, compute: DType, out: DType, f: Kernel2, token?: CancelToken,
): Tensor {
  requireTensor(a, b);
  const ta = asTensor(a, compute), tb = asTensor(b, compute);
  const shape = broadcastShapes(ta.shape, tb.shape);
  const stA = broadcastStrides(ta, shape), stB = broadcastStrides(tb, shape);
  const res = emptyLike(shape, out, [stA, stB]);
  const s = res.storage, sa = ta.storage, sb = tb.storage;
  const castA = ta.dtype !== compute, castB = tb.dtype !== compute, toBool = out === 'bool';
  const toInt = !isFloating(out); // integers have no -0
  // Fast path: each operand either dense over the output shape or a single broadcast value.
  const stepA = denseStep(ta, shape), stepB = denseStep(tb, shape);
  if (stepA >= 0 && stepB >= 0 && res.isContiguous()) {
    const n = res.numel, oa = ta.offset, ob = tb.offset;
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0xffff) throwIfCancelled(token);
      const x = castA ? castScalar(sa[oa + i * stepA], compute) : sa[oa + i * stepA];
      const y = castB ? castScalar(sb[ob + i * stepB], compute) : sb[ob + i * stepB];
      const r = f(x, y);
      s[i] = toBool ? (r !== 0 ? 1 : 0) : toInt ? r + 0 : r;
    }
    return res;
  }
  forEachOffset(shape, [
    { strides: stA, offset: ta.offset },
    { strides: stB, offset: tb.offset },
    { strides: res.strides, offset: 0 },
  ], (_, o) => {
    const x = castA ? castScalar(sa[o[0]], compute) : sa[o[0]];
    const y = castB ? castScalar(sb[o[1]], compute) : sb[o[1]];
    const r = f(x, y);
    s[o[2]] = toBool ? (r !== 0 ? 1 : 0) : toInt ? r + 0 : r;
  }, token);
  return res;
}

/** A new tensor laid out as TensorIterator lays out an op's output for these input strides. */
function emptyLike(shape: number[], dtype: DType, inputStrides: number[][]): Tensor {
  const res = Tensor.empty(shape, dtype);
  const st = iteratorOutputStrides(shape, inputStrides);
  return st ? new Tensor(dtype, res.storage, shape, st) : res;
}

/** 1 when `t` is contiguous with exactly `shape`, 0 when it holds one value, -1 otherwise. */
function denseStep(t: Tensor, shape: readonly number[]): number {
  if (t.numel === 1) return 0;
  if (t.ndim !== shape.length || t.shape.some((s, i) => s !== shape[i])) return -1;
  return t.isContiguous() ? 1 : -1;
}

/** Applies `f` element-wise to `t` read in `compute` dtype, into a new tensor of `out` dtype. */
export function map1(t: Tensor, compute: DType, out: DType, f: Kernel1, token?: CancelToken): Tensor {
  const res = emptyLike(t.shape, out, [broadcastStrides(t, t.shape)]);
  const s = res.storage, st = t.storage;
  const cast = t.dtype !== compute, toBool = out === 'bool', toInt = !isFloating(out);
  if (t.isContiguous()) {
    const n = res.numel, o = t.offset;
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0xffff) throwIfCancelled(token);
      const r = f(cast ? castScalar(st[o + i], compute) : st[o + i]);
      s[i] = toBool ? (r !== 0 ? 1 : 0) : toInt ? r + 0 : r;
    }
    return res;
  }
  forEachOffset(t.shape, [{ strides: t.strides, offset: t.offset }, { strides: res.strides, offset: 0 }], (_, o) => {
    const r = f(cast ? castScalar(st[o[0]], compute) : st[o[0]]);
    s[o[1]] = toBool ? (r !== 0 ? 1 : 0) : toInt ? r + 0 : r;
  }, token);
  return res;
}

/** Integer results must wrap like C++ integers of their width (int64 as far as doubles go). */
function intKernel(d: DType, f: Kernel2): Kernel2 {
  return d === 'int64' ? f : (x, y) => castScalar(f(x, y), d);
}

const f32 = Math.fround;
/** Rounds an intermediate result to the compute dtype (float32 ops round after every step). */
function rounder(d: DType): Kernel1 {
  return d === 'float32' ? f32 : (x) => x;
}

// ---- arithmetic ------------------------------------------------------------------------

export function add(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  return map2(a, b, d, d, intKernel(d, (x, y) => x + y), token);
}

export function sub(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const da = a instanceof Tensor ? a.dtype : scalarKindDtype(a);
  const db = b instanceof Tensor ? b.dtype : scalarKindDtype(b);
  if (da === 'bool' && db === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. ' +
      'Use the `^` or `logical_xor()` operator instead.');
  }
  if (da === 'bool' || db === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with a bool tensor is not supported. ' +
      'If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  const d = resultTypeOf(a, b);
  return map2(a, b, d, d, intKernel(d, (x, y) => x - y), token);
}

function scalarKindDtype(s: Scalar): DType {
  const k = toPyScalar(s).kind;
  return k === 'bool' ? 'bool' : k === 'int' ? 'int64' : 'float64';
}

export function mul(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  return map2(a, b, d, d, intKernel(d, (x, y) => x * y), token);
}

/**
 * True division (`/`): integer operands are promoted to the default float dtype.
 * `scalar / tensor` is computed as Python's Tensor.__rtruediv__ does: reciprocal(t) * scalar.
 */
export function div(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  if (!(a instanceof Tensor) && b instanceof Tensor) return mul(reciprocal(b, token), a, token);
  let d = resultTypeOf(a, b);
  if (!isFloating(d)) d = 'float32';
  return map2(a, b, d, d, (x, y) => x / y, token);
}

function checkIntDivisor(d: DType, b: TensorOrScalar): void {
  if (isFloating(d)) return;
  const tb = asTensor(b, d);
  for (let i = 0; i < tb.numel; i++) {
    if (castScalar(tb.at(i), d) === 0) throw runtimeError('ZeroDivisionError');
  }
}

/** c10::div_floor_floating: floor division as PyTorch 1.13 computes it for floats. */
function divFloorFloating(r: Kernel1): Kernel2 {
  return (a, b) => {
    if (b === 0) return a / b;
    const mod = r(a % b);
    let q = r(r(a - mod) / b);
    if (mod !== 0 && (b < 0) !== (mod < 0)) q = r(q - 1);
    if (q !== 0) {
      let fq = Math.floor(q);
      if (r(q - fq) > 0.5) fq = r(fq + 1);
      return fq;
    }
    const q0 = a / b; // copysign(0, a / b)
    return q0 < 0 || Object.is(q0, -0) ? -0 : 0;
  };
}

/** `//` (torch.floor_divide, which floors since 1.13). */
export function floorDivide(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  if (isFloating(d)) return map2(a, b, d, d, divFloorFloating(rounder(d)), token);
  checkIntDivisor(d, b);
  return map2(a, b, d, d, intKernel(d, (x, y) => Math.floor(x / y)), token);
}

/** `%` (torch.remainder: the result takes the sign of the divisor, like Python). */
export function remainder(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  if (isFloating(d)) {
    const r = rounder(d);
    return map2(a, b, d, d, (x, y) => {
      let m = x % y;
      if (m !== 0 && (y < 0) !== (m < 0)) m = r(m + y);
      return m;
    }, token);
  }
  checkIntDivisor(d, b);
  return map2(a, b, d, d, intKernel(d, (x, y) => {
    const m = x % y;
    return m !== 0 && (y < 0) !== (m < 0) ? m + y : m;
  }), token);
}

/** Integer power by squaring, with C++'s answers for negative exponents (native::powi). */
function powi(base: number, exp: number, d: DType): number {
  if (exp < 0) {
    if (base === 1) return 1;
    if (base === -1) return (exp % 2 === 0) ? 1 : -1;
    return 0;
  }
  let result = 1, b = base, e = exp;
  while (e > 0) {
    if (e & 1) result = castScalar(result * b, d);
    b = castScalar(b * b, d);
    e = Math.floor(e / 2);
  }
  return result;
}

/**
 * `**` (torch.pow). A float tensor to a Python-scalar power uses PyTorch's special cases
 * (2 -> x*x, 3 -> x*x*x, -2 -> 1/(x*x), 0.5 -> sqrt, -1 -> 1/x) which are exact; other
 * exponents go through pow and match torch to 1 ulp.
 */
export function pow(a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  if (a instanceof Tensor && !(b instanceof Tensor)) {
    const e = toPyScalar(b);
    if (!isFloating(d) && e.kind !== 'float' && e.value < 0) {
      throw runtimeError('Integers to negative integer powers are not allowed.');
    }
    if (e.value === 0) return map1(a, d, d, () => 1, token);
    if (e.value === 1) return map1(a, d, d, (x) => x, token);
    if (isFloating(d)) {
      const r = rounder(d), v = e.value;
      const k: Kernel1 =
        v === 2 ? (x) => x * x :
        v === 3 ? (x) => r(x * x) * x :
        v === -2 ? (x) => 1 / r(x * x) :
        v === 0.5 ? Math.sqrt :
        v === -0.5 ? (x) => 1 / r(Math.sqrt(x)) :
        v === -1 ? (x) => 1 / x :
        (x) => Math.pow(x, v);
      return map1(a, d, d, k, token);
    }
  }
  if (isFloating(d)) return map2(a, b, d, d, Math.pow, token);
  return map2(a, b, d, d, (x, y) => powi(x, y, d), token);
}

// ---- unary -----------------------------------------------------------------------------

export function neg(t: Tensor, token?: CancelToken): Tensor {
  if (t.dtype === 'bool') {
    throw runtimeError('Negation, the `-` operator, on a bool tensor is not supported. ' +
      'If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  return map1(t, t.dtype, t.dtype, (x) => castScalar(-x, t.dtype), token);
}

export function abs(t: Tensor, token?: CancelToken): Tensor {
  if (t.dtype === 'bool') throw runtimeError(`"abs_cpu" not implemented for 'Bool'`);
  return map1(t, t.dtype, t.dtype, (x) => castScalar(Math.abs(x), t.dtype), token);
}

/** Float functions promote integer inputs to the default float dtype. */
function floatUnary(t: Tensor, f: Kernel1, token?: CancelToken): Tensor {
  const d = isFloating(t.dtype) ? t.dtype : 'float32';
  return map1(t, d, d, f, token);
}

export const sqrt = (t: Tensor, token?: CancelToken): Tensor => floatUnary(t, Math.sqrt, token);
/** Matched to torch (SLEEF expf/exp) to 1 ulp. */
export const exp = (t: Tensor, token?: CancelToken): Tensor => floatUnary(t, Math.exp, token);
/** Matched to torch (SLEEF logf/log) to 1 ulp. */
export const log = (t: Tensor, token?: CancelToken): Tensor => floatUnary(t, Math.log, token);

/** torch.reciprocal: 1 / x, integers promoted to float32. */
export const reciprocal = (t: Tensor, token?: CancelToken): Tensor => floatUnary(t, (x) => 1 / x, token);

export function sign(t: Tensor, token?: CancelToken): Tensor {
  if (t.dtype === 'bool') return map1(t, 'bool', 'bool', (x) => x, token);
  return map1(t, t.dtype, t.dtype, (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), token);
}

export function relu(t: Tensor, token?: CancelToken): Tensor {
  if (t.dtype === 'bool') throw runtimeError('Boolean inputs not supported for relu');
  // x < 0 ? 0 : x keeps NaN and -0, as PyTorch's clamp_min does.
  return map1(t, t.dtype, t.dtype, (x) => (x < 0 ? 0 : x), token);
}

/** torch.clamp(x, min, max): the result type includes the bounds (1.13 promotes). */
export function clamp(
  t: Tensor, min?: TensorOrScalar | null, max?: TensorOrScalar | null, token?: CancelToken,
): Tensor {
  const hasMin = min !== undefined && min !== null, hasMax = max !== undefined && max !== null;
  if (!hasMin && !hasMax) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const ops: TensorOrScalar[] = [t];
  if (hasMin) ops.push(min);
  if (hasMax) ops.push(max);
  const d = resultTypeOf(...ops);
  if (d === 'bool') throw runtimeError(`"clamp_scalar_cpu" not implemented for 'Bool'`);
  let r: Tensor = t;
  if (hasMin) r = map2(r, min, d, d, (x, lo) => (x !== x ? x : lo !== lo ? lo : x < lo ? lo : x), token);
  if (hasMax) r = map2(r, max, d, d, (x, hi) => (x !== x ? x : hi !== hi ? hi : x > hi ? hi : x), token);
  return hasMin || hasMax ? r : t;
}

/** torch.floor / ceil / trunc: identity (a copy) on integer tensors. */
function rounding(name: string, f: Kernel1) {
  return (t: Tensor, token?: CancelToken): Tensor => {
    if (t.dtype === 'bool') throw runtimeError(`"${name}_vml_cpu" not implemented for 'Bool'`);
    return map1(t, t.dtype, t.dtype, isFloating(t.dtype) ? f : (x) => x, token);
  };
}
export const floor = rounding('floor', Math.floor);
export const ceil = rounding('ceil', Math.ceil);
export const trunc = rounding('trunc', Math.trunc);
/** torch.round: half to even (std::nearbyint), like Python's round. */
export const round = rounding('round', (x) => {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
});

/** torch.maximum / torch.max(a, b): element-wise, NaN propagating; both must be tensors. */
export function maximum(a: Tensor, b: Tensor, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  return map2(a, b, d, d, (x, y) => (x !== x || y !== y ? NaN : x > y ? x : y), token);
}
export function minimum(a: Tensor, b: Tensor, token?: CancelToken): Tensor {
  const d = resultTypeOf(a, b);
  return map2(a, b, d, d, (x, y) => (x !== x || y !== y ? NaN : x < y ? x : y), token);
}

// ---- comparisons and logic -----------------------------------------------------------

function compare(f: Kernel2) {
  return (a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor =>
    map2(a, b, resultTypeOf(a, b), 'bool', f, token);
}

export const eq = compare((x, y) => (x === y ? 1 : 0));
export const ne = compare((x, y) => (x !== y ? 1 : 0));
export const lt = compare((x, y) => (x < y ? 1 : 0));
export const le = compare((x, y) => (x <= y ? 1 : 0));
export const gt = compare((x, y) => (x > y ? 1 : 0));
export const ge = compare((x, y) => (x >= y ? 1 : 0));

export function logicalAnd(a: Tensor, b: Tensor, token?: CancelToken): Tensor {
  return map2(a, b, resultTypeOf(a, b), 'bool', (x, y) => (x !== 0 && y !== 0 ? 1 : 0), token);
}
export function logicalOr(a: Tensor, b: Tensor, token?: CancelToken): Tensor {
  return map2(a, b, resultTypeOf(a, b), 'bool', (x, y) => (x !== 0 || y !== 0 ? 1 : 0), token);
}
export function logicalXor(a: Tensor, b: Tensor, token?: CancelToken): Tensor {
  return map2(a, b, resultTypeOf(a, b), 'bool', (x, y) => ((x !== 0) !== (y !== 0) ? 1 : 0), token);
}
export function logicalNot(t: Tensor, token?: CancelToken): Tensor {
  return map1(t, t.dtype, 'bool', (x) => (x === 0 ? 1 : 0), token);
}

function bitwise(name: string, f: Kernel2) {
  return (a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor => {
    const d = resultTypeOf(a, b);
    if (isFloating(d)) throw runtimeError(`"${name}_cpu" not implemented for '${scalarTypeName(d)}'`);
    return map2(a, b, d, d, intKernel(d, f), token);
  };
}
// Python's & | ^ on tensors. int64 values beyond 2^31 are combined through BigInt.
const big = (f: (x: bigint, y: bigint) => bigint): Kernel2 => (x, y) => Number(f(BigInt(x), BigInt(y)));
export const bitwiseAnd = bitwise('bitwise_and', big((x, y) => x & y));
export const bitwiseOr = bitwise('bitwise_or', big((x, y) => x | y));
export const bitwiseXor = bitwise('bitwise_xor', big((x, y) => x ^ y));

/** `~x`: logical not for bool, bitwise not for integers. */
export function bitwiseNot(t: Tensor, token?: CancelToken): Tensor {
  if (t.dtype === 'bool') return logicalNot(t, token);
  if (!isIntegral(t.dtype)) {
    throw new TorchError('TypeError', '~ (operator.invert) is only implemented on integer and Boolean-type tensors');
  }
  return map1(t, t.dtype, t.dtype, (x) => castScalar(-x - 1, t.dtype), token);
}

/** torch.where(condition, a, b): the condition must be bool; a and b promote together. */
export function where(cond: Tensor, a: TensorOrScalar, b: TensorOrScalar, token?: CancelToken): Tensor {
  if (cond.dtype !== 'bool' && cond.dtype !== 'uint8') {
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${scalarTypeName(cond.dtype)}`);
  }
  const d = resultTypeOf(a, b);
  const ta = asTensor(a, d), tb = asTensor(b, d);
  const shape = broadcastShapes(broadcastShapes(cond.shape, ta.shape), tb.shape);
  const stC = broadcastStrides(cond, shape), stA = broadcastStrides(ta, shape), stB = broadcastStrides(tb, shape);
  // where's TensorIterator lists the output, then condition, self, other
  const res = emptyLike(shape, d, [stC, stA, stB]);
  const s = res.storage, sc = cond.storage, sa = ta.storage, sb = tb.storage;
  forEachOffset(shape, [
    { strides: stC, offset: cond.offset },
    { strides: stA, offset: ta.offset },
    { strides: stB, offset: tb.offset },
    { strides: res.strides, offset: 0 },
  ], (_, o) => {
    s[o[3]] = sc[o[0]] !== 0 ? castScalar(sa[o[1]], d) : castScalar(sb[o[2]], d);
  }, token);
  return res;
}
