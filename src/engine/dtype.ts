// The dtypes poolnb models, their storage, and PyTorch's type-promotion rules.
// int64 is stored in a Float64Array: every value a notebook can make is an integer
// below 2^53 in magnitude, and Float64Array keeps the hot loops free of BigInt.
// (Documented in docs/design.md; results past 2^53 lose exactness.)

import { Placement, arenaFloat32 } from './fast/arena';

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'bool';

export type Storage = Float32Array | Float64Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int64', 'int32', 'uint8', 'bool'];

export function isFloating(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

export function isIntegral(d: DType, includeBool = false): boolean {
  return d === 'int64' || d === 'int32' || d === 'uint8' || (includeBool && d === 'bool');
}

/** Zeroed storage for n elements (large float32 storages in the kernels' memory: src/engine/fast/arena.ts). */
export function allocate(dtype: DType, n: number, placement?: Placement): Storage {
  switch (dtype) {
    case 'float32': return arenaFloat32(n, placement) ?? new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int64': return new Float64Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint8': return new Uint8Array(n);
    case 'bool': return new Uint8Array(n);
  }
}

/** Bytes per element as PyTorch counts them (for element_size(), GB/s figures). */
export function itemSize(dtype: DType): number {
  switch (dtype) {
    case 'float32': case 'int32': return 4;
    case 'float64': case 'int64': return 8;
    case 'uint8': case 'bool': return 1;
  }
}

/** The name PyTorch uses in `"op" not implemented for 'Long'` messages (c10 ScalarType name). */
export function scalarTypeName(dtype: DType): string {
  switch (dtype) {
    case 'float32': return 'Float';
    case 'float64': return 'Double';
    case 'int64': return 'Long';
    case 'int32': return 'Int';
    case 'uint8': return 'Byte';
    case 'bool': return 'Bool';
  }
}

/** `torch.float32` etc. as printed by Python. */
export function dtypeRepr(dtype: DType): string {
  return `torch.${dtype}`;
}

/**
 * Converts a JS number to what storing it in `dtype` gives, as a C++ cast would
 * (truncation toward zero for integers, wrap-around for int32/uint8, != 0 for bool).
 */
export function castScalar(v: number, dtype: DType): number {
  switch (dtype) {
    case 'float32': return Math.fround(v);
    case 'float64': return v;
    // x86's cvttsd2si gives INT64_MIN for NaN, infinities and out-of-range values,
    // which is what PyTorch on x86 produces (checked against torch 1.13.1).
    case 'int64': return Number.isFinite(v) && Math.abs(v) < 9223372036854775808 ? Math.trunc(v) + 0 : -9223372036854775808;
    case 'int32': return Math.trunc(v) | 0;
    case 'uint8': return (Math.trunc(v) & 0xff) >>> 0;
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

// Promotion follows c10's promoteTypes lattice restricted to our dtypes:
// bool < uint8 < int32 < int64 < float32 < float64.
const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };

export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The category of a Python scalar / tensor for result_type: bool < integral < floating. */
export type Category = 0 | 1 | 2;
export function category(d: DType): Category {
  return d === 'bool' ? 0 : isFloating(d) ? 2 : 1;
}

/**
 * torch.result_type for two operands, where a "dimensionless" operand (a Python
 * scalar, or a 0-d tensor) only takes part when its category is higher than the
 * dimensioned operand's (c10 ResultTypeState: dimResult, zeroResult, wrappedResult).
 * Python floats are wrapped as float64 but count as the default dtype (float32).
 */
export interface Operand { dtype: DType; kind: 'tensor' | 'zerodim' | 'scalar' }

export function resultType(ops: Operand[]): DType {
  let dim: DType | undefined, zero: DType | undefined, wrapped: DType | undefined;
  const join = (acc: DType | undefined, d: DType) => (acc === undefined ? d : promoteTypes(acc, d));
  for (const op of ops) {
    if (op.kind === 'tensor') dim = join(dim, op.dtype);
    else if (op.kind === 'zerodim') zero = join(zero, op.dtype);
    else wrapped = join(wrapped, op.dtype === 'float64' ? 'float32' : op.dtype);
  }
  // c10::combine_categories: a lower-priority operand only matters when it is of a
  // higher category (bool < integral < floating), or when the higher one is bool.
  const combine = (higher: DType | undefined, lower: DType | undefined): DType | undefined => {
    if (higher === undefined) return lower;
    if (lower === undefined) return higher;
    if (isFloating(higher)) return higher;
    if (higher === 'bool' || isFloating(lower)) return promoteTypes(higher, lower);
    return higher;
  };
  // c10 result_type: combine(dim, combine(zero, wrapped)) — the order matters.
  return combine(dim, combine(zero, wrapped)) ?? 'float32';
}

export function parseDtypeName(name: string): DType | undefined {
  switch (name) {
    case 'float32': case 'float': return 'float32';
    case 'float64': case 'double': return 'float64';
    case 'int64': case 'long': return 'int64';
    case 'int32': case 'int': return 'int32';
    case 'uint8': return 'uint8';
    case 'bool': return 'bool';
    default: return undefined;
  }
}
