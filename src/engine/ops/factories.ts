// Tensor factories: torch.tensor, arange, linspace, zeros, ones, full, eye, *_like, empty,
// and the random ones (whose stream is poolnb's own, see ../random.ts).

import { DType, castScalar, itemSize, promoteTypes, scalarTypeName } from '../dtype';
import { CancelToken, runtimeError, throwIfCancelled, typeError, valueError } from '../errors';
import { Generator, defaultGenerator } from '../random';
import { Tensor } from '../tensor';
import { fma64, fmaF32 } from './fma';
import { PyScalar, Scalar, checkedScalar, formatCppDouble, toPyScalar } from './scalar';

/** Data accepted by torch.tensor: Python scalars, tensors (one element each) and nested lists/tuples. */
export type NestedData = Scalar | Tensor | readonly NestedData[];

function checkShape(shape: readonly number[]): void {
  if (shape.some((s) => s < 0)) {
    throw runtimeError(`Trying to create tensor with negative dimension ${shape.find((s) => s < 0)}: [${shape.join(', ')}]`);
  }
}

function leafDtype(x: Scalar | Tensor): DType {
  if (x instanceof Tensor) return x.dtype;
  const k = toPyScalar(x).kind;
  return k === 'float' ? 'float32' : k === 'int' ? 'int64' : 'bool';
}

/**
 * torch.tensor(data, dtype=None). The dtype is inferred over every leaf (Python float ->
 * float32, int -> int64, bool -> bool, a tensor -> its dtype, promoted together). The shape
 * follows the first element at each depth, not descending into tensors; a tensor met where
 * a sequence is expected is iterated, one met where a number is expected must have one element.
 */
export function tensor(data: NestedData, dtype?: DType | null): Tensor {
  if (data instanceof Tensor) {
    const d = dtype ?? data.dtype;
    return Tensor.fromValues(data.toStorage(), data.shape, d);
  }
  const shape: number[] = [];
  let cur: NestedData = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  const infer = (x: NestedData): DType | undefined => {
    if (Array.isArray(x)) {
      let acc: DType | undefined;
      for (const it of x) {
        const d = infer(it);
        if (d !== undefined) acc = acc === undefined ? d : promoteTypes(acc, d);
      }
      return acc;
    }
    return leafDtype(x as Scalar | Tensor);
  };
  const d: DType = dtype ?? infer(data) ?? 'float32';
  // torch.tensor's store_scalar checks Python numbers going into integer dtypes.
  const pyName: Partial<Record<DType, string>> = { int64: 'int64', int32: 'int32', uint8: 'uint8' };
  const values: number[] = [];
  const walk = (x: NestedData, dim: number): void => {
    if (dim === shape.length) {
      if (Array.isArray(x)) throw typeError(`'list' object cannot be interpreted as an integer`);
      const leaf = x as Scalar | Tensor;
      if (leaf instanceof Tensor) {
        if (leaf.numel !== 1) {
          if (d === 'float32' || d === 'float64') throw valueError('only one element tensors can be converted to Python scalars');
          throw typeError('only integer tensors of a single element can be converted to an index');
        }
        values.push(leaf.item());
      } else {
        const name = pyName[d];
        values.push(name && toPyScalar(leaf).kind !== 'bool' ? checkedScalar(leaf, d, name) : toPyScalar(leaf).value);
      }
      return;
    }
    if (x instanceof Tensor) {
      if (x.ndim === 0) throw typeError('not a sequence');
      if (x.shape[0] !== shape[dim]) {
        throw valueError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${x.shape[0]})`);
      }
      for (let i = 0; i < x.shape[0]; i++) walk(x.view(x.shape.slice(1), x.strides.slice(1), x.offset + i * x.strides[0]), dim + 1);
      return;
    }
    if (!Array.isArray(x)) throw typeError('not a sequence');
    if (x.length !== shape[dim]) {
      throw valueError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${x.length})`);
    }
    for (const item of x) walk(item, dim + 1);
  };
  walk(data, 0);
  return Tensor.fromValues(values, shape, d);
}

export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  checkShape(shape);
  return Tensor.full(shape, 0, dtype);
}

export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  checkShape(shape);
  return Tensor.full(shape, 1, dtype);
}

/** torch.empty: poolnb fills with zeros (PyTorch leaves memory uninitialised). */
export function empty(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return zeros(shape, dtype);
}

/** torch.full(size, fill_value, dtype=None): 1.13 infers the dtype from the fill value. */
export function full(shape: readonly number[], fill: Scalar, dtype?: DType | null): Tensor {
  checkShape(shape);
  const s = toPyScalar(fill);
  const d = dtype ?? (s.kind === 'float' ? 'float32' : s.kind === 'int' ? 'int64' : 'bool');
  return Tensor.full(shape, checkedScalar(s, d), d);
}

export function zerosLike(t: Tensor, dtype?: DType | null): Tensor { return zeros(t.shape, dtype ?? t.dtype); }
export function onesLike(t: Tensor, dtype?: DType | null): Tensor { return ones(t.shape, dtype ?? t.dtype); }
export function fullLike(t: Tensor, fill: Scalar, dtype?: DType | null): Tensor {
  const d = dtype ?? t.dtype;
  return Tensor.full(t.shape, checkedScalar(fill, d), d);
}

export function eye(n: number, m?: number | null, dtype: DType = 'float32'): Tensor {
  const cols = m ?? n;
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  if (cols < 0) throw runtimeError(`m must be greater or equal to 0, got ${cols}`);
  const t = Tensor.full([n, cols], 0, dtype);
  for (let i = 0; i < Math.min(n, cols); i++) t.storage[i * cols + i] = 1;
  return t;
}

const isFloatKind = (s: PyScalar) => s.kind === 'float';

/**
 * torch.arange(end) / arange(start, end, step=1, dtype=None). Any float argument gives
 * float32, otherwise int64. The length is ceil((end - start) / step) computed in double
 * (in int64 for an int64 result), and float32 values are made as torch's AVX2 kernel
 * makes them: in pairs of 8-wide vectors, each lane base + k*step from a rounded base.
 */
export function arange(
  startOrEnd: Scalar, end?: Scalar | null, step?: Scalar | null, dtype?: DType | null,
): Tensor {
  const a = toPyScalar(startOrEnd);
  const s0 = end === undefined || end === null ? toPyScalar(0) : a;
  const e0 = end === undefined || end === null ? a : toPyScalar(end);
  const st0 = step === undefined || step === null ? toPyScalar(1) : toPyScalar(step);
  const d: DType = dtype ?? ([s0, e0, st0].some(isFloatKind) ? 'float32' : 'int64');
  if (d === 'bool') throw runtimeError(`"arange_cpu" not implemented for 'Bool'`);
  const isInt = d !== 'float32' && d !== 'float64';
  // accscalar_t: double for floats, int64 for integers (Scalar::to truncates, checked).
  const acc = (v: PyScalar) => (isInt ? checkedScalar(v, 'int64') : v.value);
  const xs = acc(s0), xe = acc(e0), xst = acc(st0);
  if (!(xst > 0 || xst < 0)) throw runtimeError('step must be nonzero');
  if (!Number.isFinite(xs) || !Number.isFinite(xe)) {
    const fmt = (v: number) => (isInt ? String(v) : formatCppDouble(v));
    throw runtimeError(`unsupported range: ${fmt(xs)} -> ${fmt(xe)}`);
  }
  if (!((xst > 0 && xe >= xs) || (xst < 0 && xe <= xs))) {
    throw runtimeError('upper bound and larger bound inconsistent with step sign');
  }
  const sizeD = isInt ? Math.ceil((xe - xs) / xst) : Math.ceil((e0.value - s0.value) / st0.value);
  if (!(sizeD >= 0 && sizeD <= 9223372036854775807)) throw runtimeError('invalid size, possible overflow?');
  const n = sizeD;
  const t = Tensor.empty([n], d);
  const out = t.storage;
  if (d === 'float32' || d === 'float64') {
    // cpu_serial_kernel_vec: pairs of AVX2 vectors (8 floats / 4 doubles), scalar tail;
    // `start + step * idx` is computed in double and fused (FMA) by the compiler.
    const vec = d === 'float32' ? 8 : 4, vecEnd = Math.floor(n / (2 * vec)) * 2 * vec;
    const r = d === 'float32' ? Math.fround : (x: number) => x;
    for (let i = 0; i < n; i++) {
      if (i < vecEnd) {
        const base = r(fma64(xst, i - (i % vec), xs));
        out[i] = fma64(i % vec, xst, base);
      } else {
        out[i] = fma64(xst, i, xs);
      }
    }
  } else {
    for (let i = 0; i < n; i++) out[i] = castScalar(xs + xst * i, d);
  }
  return t;
}

/** torch.linspace(start, end, steps, dtype=None): the first half counts up from start, the rest down from end. */
export function linspace(start: Scalar, end: Scalar, steps: number, dtype?: DType | null): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const d = dtype ?? 'float32';
  if (d === 'bool') throw runtimeError(`"linspace_cpu" not implemented for 'Bool'`);
  const t = Tensor.empty([steps], d);
  if (steps === 0) return t;
  const out = t.storage;
  const isInt = d !== 'float32' && d !== 'float64';
  // step_t is float for float32, double otherwise; GCC fuses start + step * idx into an FMA.
  const r = d === 'float32' ? Math.fround : (x: number) => x;
  const fma = d === 'float32' ? fmaF32 : fma64;
  // Scalar::to<scalar_t>: checked against the dtype's range
  const xs = checkedScalar(start, d), xe = checkedScalar(end, d);
  if (steps === 1) {
    out[0] = xs;
    return t;
  }
  const step = r(r(xe - xs) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  // The vectorized path covers pairs of 32-byte AVX2 vectors: each vector starts from start
  // (or from end, past halfway) at its first index, as a scalar_t (so truncated for
  // integers), and adds k * step per lane, unfused.
  const vec = 32 / itemSize(d);
  const vecEnd = vec ? Math.floor(steps / (2 * vec)) * 2 * vec : 0;
  for (let i = 0; i < steps; i++) {
    let v: number;
    if (i < vecEnd) {
      const i0 = i - (i % vec);
      const b = i0 < halfway ? fma(step, i0, xs) : fma(-step, steps - i0 - 1, xe);
      const base = isInt ? castScalar(b, d) : b;
      v = r(base + r((i % vec) * step));
    } else {
      v = i < halfway ? fma(step, i, xs) : fma(-step, steps - i - 1, xe);
    }
    out[i] = isInt ? castScalar(v, d) : v;
  }
  return t;
}

// ---- random ---------------------------------------------------------------------------

/** Fills t with next() in chunks, checking for cancellation between chunks: a 64M-element
 * torch.rand takes seconds, and an interrupt must stop it within a fraction of one. */
function fillRandom(t: Tensor, next: () => number, token?: CancelToken): Tensor {
  const n = t.numel;
  const s = t.storage;
  for (let start = 0; start < n; start += 1 << 16) {
    throwIfCancelled(token);
    const end = Math.min(n, start + (1 << 16));
    for (let i = start; i < end; i++) s[i] = next();
  }
  return t;
}

/** torch.rand(*size): uniform [0, 1). */
export function rand(shape: readonly number[], dtype: DType = 'float32', gen: Generator = defaultGenerator, token?: CancelToken): Tensor {
  checkShape(shape);
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw runtimeError(`"check_uniform_bounds" not implemented for '${scalarTypeName(dtype)}'`);
  }
  const t = Tensor.empty(shape, dtype);
  return fillRandom(t, dtype === 'float32' ? () => gen.uniform24() : () => gen.uniform53(), token);
}

/** torch.randn(*size): standard normal. */
export function randn(shape: readonly number[], dtype: DType = 'float32', gen: Generator = defaultGenerator, token?: CancelToken): Tensor {
  checkShape(shape);
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw runtimeError(`"normal_kernel_cpu" not implemented for '${scalarTypeName(dtype)}'`);
  }
  return fillRandom(Tensor.empty(shape, dtype), () => gen.normal(), token);
}

/** torch.randint(low=0, high, size): uniform integers in [low, high), int64 by default. */
export function randint(
  low: number, high: number, shape: readonly number[], dtype: DType = 'int64', gen: Generator = defaultGenerator,
  token?: CancelToken,
): Tensor {
  checkShape(shape);
  if (!(low < high)) {
    throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  }
  if (dtype === 'bool' && (low < 0 || high - 1 > 1)) {
    throw runtimeError(`${low < 0 ? 'from' : 'to - 1'} is out of bounds for bool`);
  }
  return fillRandom(Tensor.empty(shape, dtype), () => castScalar(gen.integer(low, high), dtype), token);
}


export function randLike(t: Tensor, dtype?: DType | null, gen: Generator = defaultGenerator): Tensor {
  return rand(t.shape, dtype ?? t.dtype, gen);
}

export function randnLike(t: Tensor, dtype?: DType | null, gen: Generator = defaultGenerator): Tensor {
  return randn(t.shape, dtype ?? t.dtype, gen);
}

/** torch.randperm(n): a random permutation of 0..n-1 (int64), Fisher–Yates. */
export function randperm(n: number, dtype: DType = 'int64', gen: Generator = defaultGenerator): Tensor {
  checkShape([n]);
  const t = Tensor.empty([n], dtype);
  const s = t.storage;
  for (let i = 0; i < n; i++) s[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = gen.integer(0, i + 1);
    const tmp = s[i];
    s[i] = s[j];
    s[j] = tmp;
  }
  return t;
}
