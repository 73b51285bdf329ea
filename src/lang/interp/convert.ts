// Conversions between Python values and the engine's arguments (scalars, nested data,
// shapes, dims, dtypes), with PyTorch's argument-type messages.

import { Tensor } from '../../engine/tensor';
import type { DType } from '../../engine/dtype';
import type { NestedData } from '../../engine/ops/factories';
import { NestedList } from '../../engine/ops/convert';
import { Scalar } from '../../engine/ops/scalar';
import { PyDType, PyFloat, PyList, PyTuple, Value, pyError, typeName } from './values';
import { toScalar } from './operators';

/** torch.tensor's data: nested lists/tuples of numbers/bools/one-element tensors, with torch's errors for the rest. */
export function toNested(v: Value): NestedData {
  // torch infers the dtype first (any non-number, non-sequence leaf fails there), then the
  // shape from the first element at each depth (a str there is one dimension too many).
  const infer = (x: Value): void => {
    if (x instanceof PyList || x instanceof PyTuple) { x.items.forEach(infer); return; }
    if (x instanceof Tensor || typeof x === 'string' || toScalar(x) !== undefined) return;
    throw pyError('RuntimeError', `Could not infer dtype of ${typeName(x)}`);
  };
  infer(v);
  let first: Value = v;
  for (let depth = 0; first instanceof PyList || first instanceof PyTuple; depth++) {
    if (first.items.length === 0) break;
    first = first.items[0];
    if (typeof first === 'string') throw pyError('ValueError', "too many dimensions 'str'");
  }
  const conv = (x: Value): NestedData => {
    if (x instanceof PyList || x instanceof PyTuple) return x.items.map(conv);
    if (x instanceof Tensor) return x;
    const s = toScalar(x);
    if (s === undefined) throw pyError('TypeError', `new(): invalid data type '${typeName(x)}'`);
    return s;
  };
  return conv(v);
}

/** A Python number as an engine Scalar, or TypeError naming the argument. */
export function scalarArg(fn: string, name: string, v: Value, pos?: number): Scalar {
  const s = toScalar(v);
  if (s !== undefined) return s;
  if (v instanceof Tensor && v.numel === 1) return toScalar(tensorItem(v))!;
  throw pyError('TypeError', `${fn}(): argument '${name}'${pos ? ` (position ${pos})` : ''} must be Number, not ${typeName(v)}`);
}

export function intArg(fn: string, name: string, v: Value, pos?: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor && v.numel === 1 && v.dtype !== 'float32' && v.dtype !== 'float64') return v.item();
  throw pyError('TypeError', `${fn}(): argument '${name}'${pos ? ` (position ${pos})` : ''} must be int, not ${typeName(v)}`);
}

/** The ops whose size arguments PyTorch 1.13 parses as SymInts (its messages say so). */
const SYMINT_OPS = new Set(['zeros', 'ones', 'empty', 'full', 'view', 'reshape', 'expand', 'new_zeros', 'new_ones']);

/** `*size` arguments: `f(2, 3)`, `f((2, 3))`, `f([2, 3])`, `f(torch.Size([2, 3]))`, with torch's TypeErrors. */
export function shapeArgs(fn: string, args: Value[], name = 'size'): number[] {
  const kind = SYMINT_OPS.has(fn) ? 'SymInts' : 'ints';
  const isSeq = args.length === 1 && (args[0] instanceof PyList || args[0] instanceof PyTuple);
  if (args.length === 1 && !isSeq && typeof args[0] !== 'number' && !(args[0] instanceof Tensor)) {
    throw pyError('TypeError', `${fn}(): argument '${name}' (position 1) must be tuple of ${kind}, not ${typeName(args[0])}`);
  }
  const list = isSeq ? (args[0] as PyList).items : args;
  return list.map((v, i) => {
    if (typeof v === 'number') return v;
    if (v instanceof Tensor && v.numel === 1 && v.dtype !== 'float32' && v.dtype !== 'float64') return v.item();
    throw pyError('TypeError', `${fn}(): argument '${name}' must be tuple of ${kind}, but found element of type ${typeName(v)} at pos ${i + 1}`);
  });
}

/** An int or a tuple/list of ints (pooling's kernel_size, stride, ...), kept as the user gave it. */
export function intOrInts(fn: string, name: string, v: Value, pos?: number): number | number[] {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || (v instanceof PyTuple || v instanceof PyList) && v.items.some((x) => typeof x === 'bigint')) {
    throw pyError('RuntimeError', 'Overflow when unpacking long');
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyList || v instanceof PyTuple) {
    return v.items.map((x, i) => {
      if (typeof x === 'number') return x;
      if (typeof x === 'boolean') return x ? 1 : 0;
      throw pyError('TypeError', `${fn}(): argument '${name}'${pos ? ` (position ${pos})` : ''} must be tuple of ints, but found element of type ${typeName(x)} at pos ${i}`);
    });
  }
  throw pyError('TypeError', `${fn}(): argument '${name}'${pos ? ` (position ${pos})` : ''} must be tuple of ints, not ${typeName(v)}`);
}

export function dtypeArg(fn: string, v: Value, name = 'dtype'): DType | null {
  if (v === null) return null;
  if (v instanceof PyDType) return v.dtype;
  throw pyError('TypeError', `${fn}(): argument '${name}' must be torch.dtype, not ${typeName(v)}`);
}

export function boolArg(fn: string, name: string, v: Value, pos?: number): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  throw pyError('TypeError', `${fn}(): argument '${name}'${pos ? ` (position ${pos})` : ''} must be bool, not ${typeName(v)}`);
}

/** A Python number for a tensor element of `dtype` (float -> float, ints -> int, bool -> bool). */
export function elementValue(x: number, dtype: DType): Value {
  if (dtype === 'bool') return x !== 0;
  if (dtype === 'float32' || dtype === 'float64') return new PyFloat(x);
  return x;
}

export function tensorItem(t: Tensor): Value {
  if (t.numel !== 1) throw pyError('ValueError', 'only one element tensors can be converted to Python scalars');
  return elementValue(t.at(0), t.dtype);
}

/** The engine's tolist() result as Python values. */
export function fromNestedList(v: NestedList, dtype: DType): Value {
  if (Array.isArray(v)) return new PyList(v.map((x) => fromNestedList(x, dtype)));
  if (typeof v === 'boolean') return v;
  return elementValue(v, dtype);
}

export function sizeValue(shape: readonly number[]): PyTuple {
  return new PyTuple(shape.slice(), true);
}
