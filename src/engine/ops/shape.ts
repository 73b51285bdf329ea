// Shape ops. Like PyTorch, view-producing ops (view, reshape of viewable data, permute,
// transpose, squeeze, unsqueeze, expand, narrow) share storage with their input.

import { allocate } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { Tensor, contiguousStrides, numelOf } from '../tensor';
import { forEachOffset } from './broadcast';
import { shapeText, wrapDim } from './dims';

/** at::infer_size: resolves one -1 and checks the element count. */
export function inferSize(shape: readonly number[], numel: number): number[] {
  const res = shape.slice();
  let newsize = 1, inferDim = -1;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === -1) {
      if (inferDim >= 0) throw runtimeError('only one dimension can be inferred');
      inferDim = d;
    } else if (shape[d] >= 0) {
      newsize *= shape[d];
    } else {
      throw runtimeError(`invalid shape dimension ${shape[d]}`);
    }
  }
  if (numel === newsize || (inferDim >= 0 && newsize > 0 && numel % newsize === 0)) {
    if (inferDim >= 0) {
      if (newsize === 0) {
        throw runtimeError(`cannot reshape tensor of 0 elements into shape ${shapeText(shape)} because the ` +
          'unspecified dimension size -1 can be any value and is ambiguous');
      }
      res[inferDim] = numel / newsize;
    }
    return res;
  }
  throw runtimeError(`shape '${shapeText(shape)}' is invalid for input of size ${numel}`);
}

/** at::detail::computeStride: strides for viewing (oldShape, oldStride) as newShape, or undefined. */
export function computeViewStrides(
  oldShape: readonly number[], oldStride: readonly number[], newShape: readonly number[],
): number[] | undefined {
  if (oldShape.length === 0) return new Array<number>(newShape.length).fill(1);
  const numel = numelOf(oldShape);
  if (numel === 0) {
    if (oldShape.length === newShape.length && oldShape.every((s, i) => s === newShape[i])) return oldStride.slice();
    return contiguousStrides(newShape);
  }
  const newStride = new Array<number>(newShape.length).fill(0);
  let viewD = newShape.length - 1;
  let chunkBase = oldStride[oldStride.length - 1];
  let tensorNumel = 1, viewNumel = 1;
  for (let td = oldShape.length - 1; td >= 0; td--) {
    tensorNumel *= oldShape[td];
    if (td === 0 || (oldShape[td - 1] !== 1 && oldStride[td - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStride[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return undefined;
      if (td > 0) {
        chunkBase = oldStride[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return undefined;
  return newStride;
}

/** Tensor.view(*shape). */
export function view(t: Tensor, shape: readonly number[]): Tensor {
  const s = inferSize(shape, t.numel);
  const strides = computeViewStrides(t.shape, t.strides, s);
  if (!strides) {
    throw runtimeError("view size is not compatible with input tensor's size and stride (at least one dimension " +
      'spans across two contiguous subspaces). Use .reshape(...) instead.');
  }
  return t.view(s, strides);
}

/** torch.reshape / Tensor.reshape: a view when possible, else a copy. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const s = inferSize(shape, t.numel);
  const strides = computeViewStrides(t.shape, t.strides, s);
  if (strides) return t.view(s, strides);
  return new Tensor(t.dtype, t.toStorage('arena'), s);
}

/** torch.flatten(t, start_dim=0, end_dim=-1). */
export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  const s = wrapDim(startDim, t.ndim), e = wrapDim(endDim, t.ndim);
  if (s > e) throw runtimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (t.ndim === 0) return reshape(t, [1]);
  if (s === e) return t;
  const mid = t.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
  return reshape(t, [...t.shape.slice(0, s), mid, ...t.shape.slice(e + 1)]);
}

/** Tensor.unflatten(dim, sizes). */
export function unflatten(t: Tensor, dim: number, sizes: readonly number[]): Tensor {
  const d = wrapDim(dim, t.ndim);
  if (sizes.length === 0) throw runtimeError('unflatten: sizes must be non-empty');
  let inner: number[];
  try {
    inner = inferSize(sizes, t.shape[d]);
  } catch (e) {
    const msg = (e as Error).message;
    if (msg.includes('is invalid for input of size')) {
      throw runtimeError(`unflatten: Provided sizes ${shapeText(sizes)} don't multiply up to the size of dim ${d} ` +
        `(${t.shape[d]}) in the input tensor`);
    }
    throw runtimeError(`unflatten got an unexpected error:\n${msg}`);
  }
  return view(t, [...t.shape.slice(0, d), ...inner, ...t.shape.slice(d + 1)]);
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== t.ndim) {
    throw runtimeError('permute(sparse_coo): number of dimensions in the tensor input does not match the length ' +
      `of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`);
  }
  const w = dims.map((d) => wrapDim(d, t.ndim));
  if (new Set(w).size !== w.length) throw runtimeError('permute(): duplicate dims are not allowed.');
  return t.view(w.map((d) => t.shape[d]), w.map((d) => t.strides[d]));
}

export function transpose(t: Tensor, dim0: number, dim1: number): Tensor {
  const a = wrapDim(dim0, t.ndim), b = wrapDim(dim1, t.ndim);
  if (t.ndim === 0) return t;
  const shape = t.shape.slice(), strides = t.strides.slice();
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return t.view(shape, strides);
}

/** Tensor.t(): transpose of a matrix; vectors and scalars come back as they are. */
export function t(x: Tensor): Tensor {
  if (x.ndim > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  return x.ndim < 2 ? x.view(x.shape, x.strides) : transpose(x, 0, 1);
}

/** Tensor.T: all dims reversed. */
export function T(x: Tensor): Tensor {
  return permute(x, x.shape.map((_, i) => x.ndim - 1 - i));
}

export function expandAs(x: Tensor, other: Tensor): Tensor { return expand(x, other.shape); }
export function viewAs(x: Tensor, other: Tensor): Tensor { return view(x, other.shape); }
export function reshapeAs(x: Tensor, other: Tensor): Tensor { return reshape(x, other.shape); }

export function squeeze(x: Tensor, dim?: number | null): Tensor {
  if (dim === undefined || dim === null) {
    const keep = x.shape.map((s, i) => i).filter((i) => x.shape[i] !== 1);
    return x.view(keep.map((i) => x.shape[i]), keep.map((i) => x.strides[i]));
  }
  const d = wrapDim(dim, x.ndim);
  if (x.ndim === 0 || x.shape[d] !== 1) return x.view(x.shape, x.strides);
  return x.view(x.shape.filter((_, i) => i !== d), x.strides.filter((_, i) => i !== d));
}

export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = wrapDim(dim, x.ndim + 1);
  const shape = x.shape.slice(), strides = x.strides.slice();
  const st = d >= x.ndim ? 1 : x.shape[d] * x.strides[d];
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return x.view(shape, strides);
}

/** Tensor.expand(*sizes): -1 keeps a size; new leading dims broadcast with stride 0. */
export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim) {
    throw runtimeError(`expand(${legacyTypeName(x)}{${shapeText(x.shape)}}, size=${shapeText(sizes)}): the number of ` +
      `sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`);
  }
  const n = sizes.length, shape = new Array<number>(n), strides = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const off = n - 1 - i, dim = x.ndim - 1 - off;
    let size = sizes[i];
    const stride = dim >= 0 ? x.strides[dim] : 0;
    if (dim >= 0) {
      if (size === -1) size = x.shape[dim];
      if (x.shape[dim] !== size) {
        if (x.shape[dim] !== 1) {
          throw runtimeError(`The expanded size of the tensor (${size}) must match the existing size (${x.shape[dim]}) at ` +
            `non-singleton dimension ${i}.  Target sizes: ${shapeText(sizes)}.  Tensor sizes: ${shapeText(x.shape)}`);
        }
        strides[i] = 0;
      } else {
        strides[i] = stride;
      }
    } else {
      if (size < 0) {
        throw runtimeError(`The expanded size of the tensor (${size}) isn't allowed in a leading, non-existing dimension ${i}`);
      }
      strides[i] = 0;
    }
    shape[i] = size;
  }
  return x.view(shape, strides);
}

function legacyTypeName(x: Tensor): string {
  const names: Record<string, string> = {
    float32: 'Float', float64: 'Double', int64: 'Long', int32: 'Int', uint8: 'Byte', bool: 'Bool',
  };
  return `torch.${names[x.dtype]}Tensor`;
}

export function contiguous(x: Tensor): Tensor {
  return x.contiguous();
}

/**
 * Tensor.clone(): a copy that keeps the input's layout when that layout is dense
 * (torch.preserve_format), so `x.t().clone().view(-1)` fails as in PyTorch.
 */
export function clone(x: Tensor): Tensor {
  const order = x.shape.map((_, i) => i).sort((a, b) => x.strides[b] - x.strides[a]);
  let expected = 1, dense = true;
  for (let k = order.length - 1; k >= 0; k--) {
    const d = order[k];
    if (x.shape[d] === 1) continue;
    if (x.strides[d] !== expected) { dense = false; break; }
    expected *= x.shape[d];
  }
  if (!dense || x.isContiguous()) return new Tensor(x.dtype, x.toStorage('arena'), x.shape);
  // Same strides over a fresh storage (offset 0).
  let span = 1;
  for (let d = 0; d < x.ndim; d++) span += (x.shape[d] - 1) * x.strides[d];
  const out = new Tensor(x.dtype, allocate(x.dtype, x.numel === 0 ? 0 : span), x.shape, x.strides, 0);
  const src = x.storage, dst = out.storage;
  forEachOffset(x.shape, [{ strides: x.strides, offset: x.offset }, { strides: x.strides, offset: 0 }],
    (_, o) => { dst[o[1]] = src[o[0]]; });
  return out;
}

/** Tensor.narrow(dim, start, length): a view. */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  if (x.ndim === 0) throw runtimeError('narrow() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, x.ndim);
  const size = x.shape[d];
  if (start < -size || start > size) {
    throw indexError(`start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`);
  }
  const s = start < 0 ? start + size : start;
  if (length < 0 || s > size - length) {
    throw runtimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  }
  const shape = x.shape.slice();
  shape[d] = length;
  return x.view(shape, x.strides, x.offset + s * x.strides[d]);
}

/** torch.split(t, split_size_or_sections, dim=0): views. */
export function split(x: Tensor, sizes: number | readonly number[], dim = 0): Tensor[] {
  const d = wrapDim(dim, x.ndim);
  const len = x.shape[d];
  const parts: number[] = [];
  if (typeof sizes === 'number') {
    if (sizes < 0) throw runtimeError(`split expects split_size be non-negative, but got split_size=${sizes}`);
    if (sizes === 0 && len > 0) throw runtimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${len}`);
    if (sizes === 0) return [x];
    for (let s = 0; s < len; s += sizes) parts.push(Math.min(sizes, len - s));
    if (parts.length === 0) parts.push(0);
  } else {
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== len) {
      throw runtimeError(`split_with_sizes expects split_sizes to sum exactly to ${len} (input tensor's size at ` +
        `dimension ${d}), but got split_sizes=${shapeText(sizes)}`);
    }
    parts.push(...sizes);
  }
  let start = 0;
  return parts.map((p) => {
    const v = narrow(x, d, start, p);
    start += p;
    return v;
  });
}

/** torch.chunk(t, chunks, dim=0): split into pieces of ceil(size / chunks). */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  if (x.ndim === 0) throw runtimeError('chunk expects at least a 1-dimensional tensor');
  if (chunks <= 0) throw runtimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, x.ndim);
  const size = x.shape[d];
  const splitSize = Math.floor((size + chunks - 1) / chunks);
  if (splitSize === 0 && size === 0) return split(x, new Array<number>(chunks).fill(0), d);
  return split(x, splitSize, d);
}
