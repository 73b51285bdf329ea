// Dimension arguments as ATen checks them (maybe_wrap_dim and friends).

import { indexError, runtimeError } from '../errors';

/** Wraps a possibly negative dim into [0, ndim); a 0-d tensor accepts -1 and 0 as ATen does. */
export function wrapDim(dim: number, ndim: number, wrapScalar = true): number {
  let n = ndim;
  if (n <= 0) {
    if (!wrapScalar) {
      throw indexError(`dimension specified as ${dim} but tensor has no dimensions`);
    }
    n = 1;
  }
  const min = -n, max = n - 1;
  if (dim < min || dim > max) {
    throw indexError(`Dimension out of range (expected to be in range of [${min}, ${max}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Wraps a list of dims and rejects repeats (`dim 0 appears multiple times in the list of dims`). */
export function wrapDims(dims: readonly number[], ndim: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const d of dims) {
    const w = wrapDim(d, ndim);
    if (seen.has(w)) throw runtimeError(`dim ${w} appears multiple times in the list of dims`);
    seen.add(w);
    out.push(w);
  }
  return out;
}

/** `[2, 3]` as ATen prints an IntArrayRef. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
