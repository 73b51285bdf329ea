// The tensor: a strided view over typed-array storage, as in PyTorch, so that views
// (slicing, transpose, view/reshape of contiguous data) share memory with their base
// and `y = x[0]; y[1] = 5` changes x, as it does in PyTorch.
// Operations live in their own modules; this file holds only the data structure and
// the few primitives every module needs.

import { DType, Storage, allocate, castScalar } from './dtype';
import { Placement } from './fast/arena';
import { runtimeError } from './errors';
import { checkElementLimit } from './limits';

export type Shape = readonly number[];

export function numelOf(shape: Shape): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return strides;
}

/** Where a tensor came from, kept for display (windows, derivations). Set by ops that know. */
export interface Provenance {
  /** e.g. 'max_pool2d', 'adaptive_avg_pool2d' */
  readonly op: string;
  /** effective, normalised parameters of the op */
  readonly params: Readonly<Record<string, unknown>>;
  readonly input: Tensor;
  /** for max ops: the winning flat indices (per plane), when computed */
  readonly indices?: Tensor;
}

export class Tensor {
  readonly shape: number[];
  readonly strides: number[];
  provenance?: Provenance;

  constructor(
    readonly dtype: DType,
    readonly storage: Storage,
    shape: Shape,
    strides?: readonly number[],
    readonly offset = 0,
  ) {
    this.shape = shape.slice();
    this.strides = strides ? strides.slice() : contiguousStrides(shape);
  }

  get ndim(): number { return this.shape.length; }

  get numel(): number { return numelOf(this.shape); }

  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /** True when the tensor's elements are exactly storage[0..numel) in row-major order. */
  isDense(): boolean {
    return this.offset === 0 && this.isContiguous() && this.storage.length === this.numel;
  }

  /** A contiguous tensor with the same values: itself when already contiguous. */
  contiguous(): Tensor {
    if (this.isContiguous()) return this;
    return new Tensor(this.dtype, this.toStorage('arena'), this.shape);
  }

  /**
   * A fresh, dense copy of the elements in row-major (logical) order. Most callers read it and
   * drop it (printing, conversions), hence 'reused' by default (see src/engine/fast/arena.ts);
   * a copy that becomes a tensor's storage passes 'arena'.
   */
  toStorage(placement: Placement = 'reused'): Storage {
    const n = this.numel;
    const out = allocate(this.dtype, n, placement);
    if (this.isContiguous()) {
      out.set(this.storage.subarray(this.offset, this.offset + n) as never);
      return out;
    }
    const nd = this.shape.length;
    const idx = new Array<number>(nd).fill(0);
    let src = this.offset;
    for (let i = 0; i < n; i++) {
      out[i] = this.storage[src];
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]++;
        src += this.strides[d];
        if (idx[d] < this.shape[d]) break;
        src -= this.strides[d] * this.shape[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** Storage offset of the element at a multi-index (no bounds checks: callers check). */
  offsetOf(index: readonly number[]): number {
    let o = this.offset;
    for (let i = 0; i < index.length; i++) o += index[i] * this.strides[i];
    return o;
  }

  /** The value at logical position `i` (row-major), as a JS number. */
  at(i: number): number {
    if (this.isContiguous()) return this.storage[this.offset + i];
    let o = this.offset;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const s = this.shape[d];
      o += (i % s) * this.strides[d];
      i = Math.floor(i / s);
    }
    return this.storage[o];
  }

  /** The single value of a one-element tensor (PyTorch's item()). */
  item(): number {
    if (this.numel !== 1) {
      throw runtimeError(`a Tensor with ${this.numel} elements cannot be converted to Scalar`);
    }
    return this.at(0);
  }

  /** A view with new shape/strides over the same storage. */
  view(shape: Shape, strides: readonly number[], offset = this.offset): Tensor {
    return new Tensor(this.dtype, this.storage, shape, strides, offset);
  }

  // ---- factories -------------------------------------------------------------------

  /** Zeros of a shape (`placement`: see src/engine/fast/arena.ts; pooling outputs pass 'reused'). */
  static empty(shape: Shape, dtype: DType, placement?: Placement): Tensor {
    const n = numelOf(shape);
    checkElementLimit(n, shape);
    return new Tensor(dtype, allocate(dtype, n, placement), shape);
  }

  static full(shape: Shape, value: number, dtype: DType): Tensor {
    const t = Tensor.empty(shape, dtype);
    t.storage.fill(castScalar(value, dtype));
    return t;
  }

  /** From row-major values, each cast to the dtype as C++ would. */
  static fromValues(values: ArrayLike<number>, shape: Shape, dtype: DType): Tensor {
    const t = Tensor.empty(shape, dtype);
    if (t.numel !== values.length) {
      throw runtimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${values.length}`);
    }
    const s = t.storage;
    for (let i = 0; i < values.length; i++) s[i] = castScalar(values[i], dtype);
    return t;
  }

  static scalar(value: number, dtype: DType): Tensor {
    return Tensor.fromValues([value], [], dtype);
  }
}
