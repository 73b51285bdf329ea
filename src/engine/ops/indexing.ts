// Tensor indexing as Python's `x[...]` and `x[...] = v` do it in PyTorch: basic indices
// (int, slice, None, Ellipsis) give views; tensor indices (int64 or bool masks) give copies
// (and scatter for assignment), following torch's advanced-indexing layout rules.

import { DType, castScalar, isFloating } from '../dtype';
import { CancelToken, indexError, throwIfCancelled, valueError } from '../errors';
import { Tensor } from '../tensor';
import { broadcastAll, broadcastStrides, forEachOffset } from './broadcast';
import { shapeText } from './dims';
import { Scalar, checkedScalar, toPyScalar } from './scalar';
import { expand } from './shape';

export interface Slice {
  readonly kind: 'slice';
  readonly start?: number | null;
  readonly stop?: number | null;
  readonly step?: number | null;
}
export const ELLIPSIS = '...';
/** One index in `x[a, b, ...]`: int, slice, None (null), Ellipsis ('...'), a Python bool, or an int64/bool tensor. */
export type IndexItem = number | boolean | Slice | null | typeof ELLIPSIS | Tensor;
/** A single index, or a Python tuple of indices (a JS array). A Python list index must arrive as a Tensor. */
export type Index = IndexItem | readonly IndexItem[];

export const slice = (start?: number | null, stop?: number | null, step?: number | null): Slice =>
  ({ kind: 'slice', start, stop, step });

interface Located {
  view: Tensor;
  /** tensor indices, by the dim of `view` they index (bool masks already turned into int64 lists) */
  adv: { dim: number; index: Tensor }[];
}

function isSlice(x: IndexItem): x is Slice {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && x.kind === 'slice';
}

/** Applies basic indexing; tensor indices are kept for the advanced step. */
function locate(x: Tensor, index: Index): Located {
  // A Python bool indexes like a 0-d bool tensor (a new dim of size 1 or 0).
  const items: IndexItem[] = (Array.isArray(index) ? (index as IndexItem[]).slice() : [index as IndexItem])
    .map((it) => (typeof it === 'boolean' ? Tensor.scalar(it ? 1 : 0, 'bool') : it));
  let specified = 0;
  for (const it of items) {
    if (it === ELLIPSIS) continue;
    if (it instanceof Tensor) specified += it.dtype === 'bool' || it.dtype === 'uint8' ? it.ndim : 1;
    else if (it !== null) specified++;
  }
  if (specified > x.ndim) {
    if (x.ndim === 0 && items.length === 1 && typeof items[0] === 'number') {
      throw indexError('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ ' +
        'to convert a 0-dim tensor to a number');
    }
    if (x.ndim === 0 && items.length === 1 && isSlice(items[0])) {
      throw indexError('slice() cannot be applied to a 0-dim tensor.');
    }
    throw indexError(`too many indices for tensor of dimension ${x.ndim}`);
  }
  let shape = x.shape.slice(), strides = x.strides.slice(), offset = x.offset;
  const adv: { dim: number; index: Tensor }[] = [];
  // `dim` indexes the view being built; `realDim` the input's dim (which messages name).
  let dim = 0, realDim = 0;
  for (const it of items) {
    if (it === ELLIPSIS) {
      dim += x.ndim - specified;
      realDim += x.ndim - specified;
    } else if (it === null) {
      shape.splice(dim, 0, 1);
      strides.splice(dim, 0, dim < strides.length ? strides[dim] * shape[dim + 1] : 1);
      dim++;
    } else if (typeof it === 'number') {
      const size = shape[dim];
      if (it < -size || it >= size) {
        throw indexError(`index ${it} is out of bounds for dimension ${realDim} with size ${size}`);
      }
      offset += (it < 0 ? it + size : it) * strides[dim];
      shape.splice(dim, 1);
      strides.splice(dim, 1);
      realDim++;
    } else if (isSlice(it)) {
      const step = it.step ?? 1;
      if (step === 0) throw valueError('slice step cannot be zero');
      if (step < 0) throw valueError('step must be greater than zero');
      const size = shape[dim];
      const clampIdx = (v: number) => (v < 0 ? Math.max(v + size, 0) : Math.min(v, size));
      const start = it.start === undefined || it.start === null ? 0 : clampIdx(it.start);
      const stop = it.stop === undefined || it.stop === null ? size : clampIdx(it.stop);
      const len = stop > start ? Math.ceil((stop - start) / step) : 0;
      offset += start * strides[dim];
      shape[dim] = len;
      strides[dim] *= step;
      dim++;
      realDim++;
    } else {
      const t = it as Tensor;
      if (t.dtype === 'bool' || t.dtype === 'uint8') {
        const k = t.ndim;
        for (let j = 0; j < k; j++) {
          if (t.shape[j] !== shape[dim + j]) {
            throw indexError(`The shape of the mask ${shapeText(t.shape)} at index ${j} does not match the shape ` +
              `of the indexed tensor ${shapeText(x.shape)} at index ${realDim + j}`);
          }
        }
        if (k === 0) {
          // x[True] / x[False]: a new dim of size 1 or 0.
          shape.splice(dim, 0, 1);
          strides.splice(dim, 0, 0);
          adv.push({ dim, index: Tensor.fromValues(t.item() ? [0] : [], [t.item() ? 1 : 0], 'int64') });
          dim++;
          continue;
        }
        const nz = nonzeroLists(t);
        for (let j = 0; j < k; j++) adv.push({ dim: dim + j, index: nz[j] });
        dim += k;
        realDim += k;
      } else if (isFloating(t.dtype)) {
        throw indexError('tensors used as indices must be long, byte or bool tensors');
      } else {
        adv.push({ dim, index: t });
        dim++;
        realDim++;
      }
    }
  }
  shape = shape.slice();
  strides = strides.slice();
  return { view: x.view(shape, strides, offset), adv };
}

/** The coordinates of the non-zero elements of a mask, one int64 list per dim (row-major order). */
function nonzeroLists(mask: Tensor): Tensor[] {
  const coords: number[][] = mask.shape.map(() => []);
  const n = mask.numel, nd = mask.ndim;
  for (let i = 0; i < n; i++) {
    if (mask.at(i) === 0) continue;
    let r = i;
    for (let d = nd - 1; d >= 0; d--) {
      coords[d].push(r % mask.shape[d]);
      r = Math.floor(r / mask.shape[d]);
    }
  }
  return coords.map((c) => Tensor.fromValues(c, [c.length], 'int64'));
}

/** Result shape and the storage offset of every selected element (row-major), for advanced indexing. */
function advancedOffsets(loc: Located, token?: CancelToken): { shape: number[]; offsets: Float64Array } {
  const v = loc.view;
  const bShape = broadcastAll(loc.adv.map((a) => a.index.shape));
  const nb = bShape.reduce((a, b) => a * b, 1);
  const table = new Float64Array(nb);
  for (const a of loc.adv) {
    const size = v.shape[a.dim], stride = v.strides[a.dim];
    const idx = a.index, st = broadcastStrides(idx, bShape);
    forEachOffset(bShape, [{ strides: st, offset: idx.offset }], (i, o) => {
      const k = idx.storage[o[0]];
      if (k < -size || k >= size) throw indexError(`index ${k} is out of bounds for dimension ${a.dim} with size ${size}`);
      table[i] += (k < 0 ? k + size : k) * stride;
    });
  }
  const advDims = loc.adv.map((a) => a.dim);
  const uniq = [...new Set(advDims)].sort((a, b) => a - b);
  const consecutive = uniq[uniq.length - 1] - uniq[0] === uniq.length - 1;
  const rest = v.shape.map((_, i) => i).filter((i) => !uniq.includes(i));
  // Axes of the result: plain dims (stride) and one axis for the broadcast index shape (table).
  type Axis = { size: number; stride: number; table?: Float64Array };
  const plain = (d: number): Axis => ({ size: v.shape[d], stride: v.strides[d] });
  const bAxis: Axis = { size: nb, stride: 0, table };
  let axes: Axis[], shape: number[];
  if (consecutive) {
    const pre = rest.filter((d) => d < uniq[0]), post = rest.filter((d) => d > uniq[0]);
    axes = [...pre.map(plain), bAxis, ...post.map(plain)];
    shape = [...pre.map((d) => v.shape[d]), ...bShape, ...post.map((d) => v.shape[d])];
  } else {
    axes = [bAxis, ...rest.map(plain)];
    shape = [...bShape, ...rest.map((d) => v.shape[d])];
  }
  const total = axes.reduce((a, x) => a * x.size, 1);
  const offsets = new Float64Array(total);
  const idx = new Array<number>(axes.length).fill(0);
  for (let i = 0; i < total; i++) {
    if ((i & 0xffff) === 0xffff) throwIfCancelled(token);
    let o = v.offset;
    for (let k = 0; k < axes.length; k++) {
      const ax = axes[k];
      o += ax.table ? ax.table[idx[k]] : idx[k] * ax.stride;
    }
    offsets[i] = o;
    for (let k = axes.length - 1; k >= 0; k--) {
      if (++idx[k] < axes[k].size) break;
      idx[k] = 0;
    }
  }
  return { shape, offsets };
}

/** `x[index]`: a view for basic indices, a copy when tensor indices are involved. */
export function getitem(x: Tensor, index: Index, token?: CancelToken): Tensor {
  const loc = locate(x, index);
  if (loc.adv.length === 0) return loc.view;
  const { shape, offsets } = advancedOffsets(loc, token);
  const out = Tensor.empty(shape, x.dtype);
  for (let i = 0; i < offsets.length; i++) out.storage[i] = x.storage[offsets[i]];
  return out;
}

/** `x[index] = value`: writes into x's storage (value broadcast and cast to x's dtype). */
export function setitem(x: Tensor, index: Index, value: Tensor | Scalar, token?: CancelToken): void {
  const loc = locate(x, index);
  if (loc.adv.length === 0) {
    copyInto(loc.view, value, token);
    return;
  }
  const { shape, offsets } = advancedOffsets(loc, token);
  const src = broadcastValue(value, shape, x.dtype);
  const vals = src.toStorage();
  for (let i = 0; i < offsets.length; i++) x.storage[offsets[i]] = castScalar(vals[i], x.dtype);
}

/** The value to write, as a tensor of `shape` (leading size-1 dims of a larger value are dropped, as copy_ does). */
function broadcastValue(value: Tensor | Scalar, shape: number[], dtype: DType): Tensor {
  if (!(value instanceof Tensor)) return Tensor.full(shape, castScalar(toPyScalar(value).value, dtype), dtype);
  let v = value;
  while (v.ndim > shape.length && v.shape[0] === 1) v = v.view(v.shape.slice(1), v.strides.slice(1));
  return expand(v, shape);
}

/** Tensor.copy_(src) into a view: broadcasting and casting as PyTorch's copy_. */
export function copyInto(dst: Tensor, value: Tensor | Scalar, token?: CancelToken): void {
  const d = dst.dtype, out = dst.storage;
  if (!(value instanceof Tensor)) {
    const c = checkedScalar(value, d); // fill_ goes through c10::Scalar
    forEachOffset(dst.shape, [{ strides: dst.strides, offset: dst.offset }], (_, o) => { out[o[0]] = c; }, token);
    return;
  }
  const src = broadcastValue(value, dst.shape, d);
  // Read everything first: the source may overlap the destination (x[1:] = x[:-1]).
  const vals = src.toStorage();
  forEachOffset(dst.shape, [{ strides: dst.strides, offset: dst.offset }], (i, o) => {
    out[o[0]] = castScalar(vals[i], d);
  }, token);
}

