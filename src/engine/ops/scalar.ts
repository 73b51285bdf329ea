// Python scalars as the engine sees them. PyTorch promotes `x + 1` and `x + 1.0`
// differently for integer tensors, so a bare JS number is not enough: the kind of the
// Python literal travels with its value.

import { DType, Operand, castScalar } from '../dtype';
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

/** Formats a Python scalar the way PyTorch's messages print c10::Scalar values. */
export function scalarText(s: PyScalar): string {
  if (s.kind === 'bool') return s.value ? 'true' : 'false';
  return String(s.value);
}
