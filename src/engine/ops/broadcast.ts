// Broadcasting (the shape rule and strided iteration over broadcast operands).

import { CancelToken, runtimeError, throwIfCancelled } from '../errors';
import { Tensor } from '../tensor';

/** The broadcast shape of two shapes, with ATen's error for incompatible sizes. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const offA = i - (n - a.length), offB = i - (n - b.length);
    const sa = offA >= 0 ? a[offA] : 1, sb = offB >= 0 ? b[offB] : 1;
    if (sa === sb || sb === 1) out[i] = sa;
    else if (sa === 1) out[i] = sb;
    else {
      throw runtimeError(
        `The size of tensor a (${sa}) must match the size of tensor b (${sb}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

export function broadcastAll(shapes: readonly (readonly number[])[]): number[] {
  let out: number[] = [];
  for (const s of shapes) out = broadcastShapes(out, s);
  return out;
}

/** Strides that read `t` as if it had `shape` (0 for broadcast dims). Caller checked compatibility. */
export function broadcastStrides(t: Tensor, shape: readonly number[]): number[] {
  const n = shape.length, k = t.ndim;
  const strides = new Array<number>(n).fill(0);
  for (let i = 0; i < k; i++) {
    const d = n - k + i;
    strides[d] = t.shape[i] === 1 && shape[d] !== 1 ? 0 : t.strides[i];
  }
  return strides;
}

/**
 * Visits every position of `shape` in row-major order, calling `body(outIndex, offsets)` with
 * the storage offset of each operand (given by its strides over `shape` and base offset).
 * The offsets array is reused between calls.
 */
export function forEachOffset(
  shape: readonly number[],
  operands: { strides: readonly number[]; offset: number }[],
  body: (i: number, offsets: number[]) => void,
  token?: CancelToken,
): void {
  const nd = shape.length, m = operands.length;
  let total = 1;
  for (const s of shape) total *= s;
  if (total === 0) return;
  const offsets = operands.map((o) => o.offset);
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < total; i++) {
    if ((i & 0xffff) === 0xffff) throwIfCancelled(token);
    body(i, offsets);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      for (let j = 0; j < m; j++) offsets[j] += operands[j].strides[d];
      if (idx[d] < shape[d]) break;
      for (let j = 0; j < m; j++) offsets[j] -= operands[j].strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/**
 * The strides TensorIterator gives a new output: dims ordered as the inputs lie in memory
 * (reorder_dimensions: by increasing stride, broadcast dims ignored, ties to the smaller
 * size), then laid out densely in that order. Returns undefined when that is the ordinary
 * contiguous layout. So `x.t() + 1` keeps x.t()'s layout, as in PyTorch.
 */
/**
 * TensorIterator's reorder_dimensions: an insertion sort of the dims, fastest-moving first,
 * by a comparison of two dims (1: swap, -1: keep, 0: undecided). Element-wise ops and
 * reductions use it with their own comparisons; the order decides layouts and summation order.
 */
export function reorderDimensions(nd: number, shouldSwap: (d0: number, d1: number) => number): number[] {
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i = 1; i < nd; i++) {
    let dim1 = i;
    for (let dim0 = i - 1; dim0 >= 0; dim0--) {
      const c = shouldSwap(perm[dim0], perm[dim1]);
      if (c > 0) {
        [perm[dim0], perm[dim1]] = [perm[dim1], perm[dim0]];
        dim1 = dim0;
      } else if (c < 0) break;
    }
  }
  return perm;
}

export function iteratorOutputStrides(shape: readonly number[], inputs: readonly (readonly number[])[]): number[] | undefined {
  const nd = shape.length;
  if (nd <= 1) return undefined;
  const shouldSwap = (d0: number, d1: number): number => {
    for (const st of inputs) {
      const s0 = st[d0], s1 = st[d1];
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  const perm = reorderDimensions(nd, shouldSwap);
  if (perm.every((d, k) => d === nd - 1 - k)) return undefined;
  const strides = new Array<number>(nd);
  let next = 1;
  for (const d of perm) {
    strides[d] = next;
    next *= shape[d];
  }
  return strides;
}
