// torch.cat and torch.stack, with PyTorch 1.13's checks, messages and dtype promotion.

import { castScalar, resultType } from '../dtype';
import { CancelToken, runtimeError } from '../errors';
import { Tensor } from '../tensor';
import { forEachOffset } from './broadcast';
import { shapeText, wrapDim } from './dims';
import { unsqueeze } from './shape';

export function cat(tensors: readonly Tensor[], dim = 0, token?: CancelToken): Tensor {
  if (tensors.length === 0) throw runtimeError('torch.cat(): expected a non-empty list of Tensors');
  tensors.forEach((t, i) => {
    if (t.ndim === 0) throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const dtype = resultType(tensors.map((t) => ({ dtype: t.dtype, kind: 'tensor' as const })));
  // Legacy rule: 1-D empty tensors are skipped whatever their rank.
  const kept = tensors.map((t, i) => ({ t, i })).filter(({ t }) => !(t.ndim === 1 && t.shape[0] === 0));
  if (kept.length === 0) return Tensor.empty([0], dtype);
  const ref = kept[0].t;
  const d = wrapDim(dim, ref.ndim);
  for (const { t, i } of kept) {
    if (t.ndim !== ref.ndim) {
      throw runtimeError(`Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`);
    }
    for (let k = 0; k < ref.ndim; k++) {
      if (k !== d && t.shape[k] !== ref.shape[k]) {
        throw runtimeError(`Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} ` +
          `but got size ${t.shape[k]} for tensor number ${i} in the list.`);
      }
    }
  }
  const shape = ref.shape.slice();
  shape[d] = kept.reduce((a, { t }) => a + t.shape[d], 0);
  const out = Tensor.empty(shape, dtype);
  const outStrides = out.strides;
  let start = 0;
  for (const { t } of kept) {
    const base = start * outStrides[d], src = t.storage, dst = out.storage, same = t.dtype === dtype;
    forEachOffset(t.shape, [{ strides: t.strides, offset: t.offset }, { strides: outStrides, offset: base }], (_, o) => {
      dst[o[1]] = same ? src[o[0]] : castScalar(src[o[0]], dtype);
    }, token);
    start += t.shape[d];
  }
  return out;
}

export function stack(tensors: readonly Tensor[], dim = 0, token?: CancelToken): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const d = wrapDim(dim, tensors[0].ndim + 1);
  for (let i = 1; i < tensors.length; i++) {
    const a = tensors[0].shape, b = tensors[i].shape;
    if (a.length !== b.length || a.some((s, k) => s !== b[k])) {
      throw runtimeError(`stack expects each tensor to be equal size, but got ${shapeText(a)} at entry 0 and ` +
        `${shapeText(b)} at entry ${i}`);
    }
  }
  return cat(tensors.map((t) => unsqueeze(t, d)), d, token);
}
