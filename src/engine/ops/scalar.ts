// Python scalars as the engine sees them. PyTorch promotes `x + 1` and `x + 1.0`
// differently for integer tensors, so a bare JS number is not enough: the kind of the
// Python literal travels with its value.

import { DType, Operand, castScalar, isFloating } from '../dtype';
import { runtimeError } from '../errors';
import { Tensor } from '../tensor';

export interface PyScalar {
  readonly value: number;
  readonly kind: 'int' | 'float' | 'bool';
}

/**
 * A Python scalar argument. A `PyScalar` says its kind explicitly; a JS `boolean` is a
 * Python bool; a bare JS `number` is a Python int when it is an integer and a Python
 * float otherwise — so a Python float such as `2.0` must be passed as `pyFloat(2)`.
 */
export type Scalar = number | boolean | PyScalar;

export const pyInt = (value: number): PyScalar => ({ value, kind: 'int' });
export const pyFloat = (value: number): PyScalar => ({ value, kind: 'float' });
export const pyBool = (value: boolean): PyScalar => ({ value: value ? 1 : 0, kind: 'bool' });

export function isScalar(x: unknown): x is Scalar {
  return typeof x === 'number' || typeof x === 'boolean' ||
    (typeof x === 'object' && x !== null && !(x instanceof Tensor) && 'kind' in x && 'value' in x);
}

export function toPyScalar(s: Scalar): PyScalar {
  if (typeof s === 'boolean') return pyBool(s);
  if (typeof s === 'number') return Number.isInteger(s) ? pyInt(s) : pyFloat(s);
  return s;
}

/** The dtype PyTorch wraps a Python scalar in (float -> double, int -> long). */
export function scalarDtype(s: PyScalar): DType {
  return s.kind === 'float' ? 'float64' : s.kind === 'int' ? 'int64' : 'bool';
}

/** The kind of Python number `item()` / `tolist()` gives for a dtype. */
export function kindOfDtype(d: DType): PyScalar['kind'] {
  return d === 'bool' ? 'bool' : d === 'float32' || d === 'float64' ? 'float' : 'int';
}

/** A tensor operand or a Python scalar operand of an element-wise op. */
export type TensorOrScalar = Tensor | Scalar;

/** How an operand takes part in torch.result_type. */
export function operandOf(x: TensorOrScalar): Operand {
  if (x instanceof Tensor) return { dtype: x.dtype, kind: x.ndim === 0 ? 'zerodim' : 'tensor' };
  return { dtype: scalarDtype(toPyScalar(x)), kind: 'scalar' };
}

/** A tensor operand as a tensor of `dtype` (a scalar becomes a 0-d tensor holding its cast value). */
export function asTensor(x: TensorOrScalar, dtype: DType): Tensor {
  if (x instanceof Tensor) return x;
  return Tensor.scalar(castScalar(toPyScalar(x).value, dtype), dtype);
}

const LIMITS: Record<DType, [number, number]> = {
  float32: [-3.4028234663852886e38, 3.4028234663852886e38], float64: [-Infinity, Infinity],
  int64: [-9223372036854775808, 9223372036854775807], int32: [-2147483648, 2147483647], uint8: [0, 255], bool: [0, 1],
};
const CPP_NAMES: Record<DType, string> = {
  float32: 'float', float64: 'double', int64: 'int64_t', int32: 'int', uint8: 'uint8_t', bool: 'bool',
};

/**
 * c10::checked_convert: a Python scalar stored into `dtype` through c10::Scalar (fill_, full,
 * x[i] = v), raising `value cannot be converted to type uint8_t without overflow` where
 * c10 does. Negative ints may wrap into unsigned types (uint8 accepts -255..255).
 * `name` overrides the C++ type name (torch.tensor's own checks say 'uint8', 'int64').
 */
export function checkedScalar(s: Scalar, dtype: DType, name = CPP_NAMES[dtype]): number {
  const p = toPyScalar(s);
  const v = p.value;
  const [lo, hi] = LIMITS[dtype];
  let overflow = false;
  if (dtype === 'bool') {
    // converting to bool never overflows (anything non-zero is True)
  } else if (p.kind === 'float') {
    if (isFloating(dtype)) overflow = Number.isFinite(v) && (v < lo || v > hi);
    else overflow = v !== v || v < lo || v > hi;
  } else if (p.kind === 'int') {
    if (lo === 0) overflow = v > hi || (v < 0 && -v > hi);
    else overflow = v < lo || v > hi;
  }
  if (overflow) throw runtimeError(`value cannot be converted to type ${name} without overflow`);
  return castScalar(v, dtype);
}

/** A double as C++'s ostream prints it by default (%g, 6 significant digits): 1e+10, inf, 0.1. */
export function formatCppDouble(v: number): string {
  if (v !== v) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = v.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = v.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
