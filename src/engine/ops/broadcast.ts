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
