// F.pad: constant (any rank, negative pads crop), reflect and replicate (1-3 spatial dims),
// with PyTorch 1.13's checks (at::pad / _pad_enum, constant_pad_nd, reflection/replication_pad*d).

import { CancelToken, TorchError, runtimeError, throwIfCancelled } from '../errors';
import { Tensor } from '../tensor';
import { forEachOffset } from './broadcast';
import { shapeText } from './dims';
import { Scalar, checkedScalar, toPyScalar } from './scalar';
import { clone, narrow } from './shape';

export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

/** F.pad(input, pad, mode='constant', value=None). `pad` lists (left, right) pairs from the last dim backwards. */
export function pad(input: Tensor, padArg: readonly number[], mode: string = 'constant', value?: Scalar | null, token?: CancelToken): Tensor {
  if (mode !== 'constant' && mode !== 'reflect' && mode !== 'replicate' && mode !== 'circular') {
    throw new TorchError('NotImplementedError', `Unrecognised padding mode ${mode}`);
  }
  const dim = input.ndim;
  if (padArg.length % 2 !== 0) throw runtimeError('Padding length must be divisible by 2');
  if (padArg.length / 2 > dim) throw runtimeError('Padding length too large');
  if (mode === 'constant') return constantPad(input, padArg, value ?? 0, token);
  if (value !== undefined && value !== null && toPyScalar(value).value !== 0) {
    throw runtimeError(`Padding mode "${mode}" doesn't take in value argument`);
  }
  const k = padArg.length / 2;
  if (mode !== 'circular' && k >= 1 && k <= 3 && (dim === k + 1 || dim === k + 2)) {
    return indexPad(input, padArg, mode, token);
  }
  throw new TorchError('NotImplementedError', 'Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now');
}

/** at::constant_pad_nd: pads (or crops, for negative amounts) with `value` cast to the dtype. */
export function constantPad(input: Tensor, padArg: readonly number[], value: Scalar, token?: CancelToken): Tensor {
  const nd = input.ndim, k = padArg.length / 2;
  if (padArg.length % 2 !== 0) throw runtimeError(`Length of pad must be even but instead it equals ${padArg.length}`);
  if (padArg.length > nd * 2) {
    throw runtimeError(`Length of pad should be no more than twice the number of dimensions of the input. Pad length ` +
      `is ${padArg.length} while the input has ${nd} dimensions.`);
  }
  // Negative amounts first narrow the input (dims front to back, as ATen does).
  let x = input, allNonPositive = true;
  for (let d = nd - k; d < nd; d++) {
    const i = 2 * (nd - 1 - d);
    if (padArg[i] < 0) x = narrow(x, d, -padArg[i], x.shape[d] + padArg[i]);
    else if (padArg[i] !== 0) allNonPositive = false;
    if (padArg[i + 1] < 0) x = narrow(x, d, 0, x.shape[d] + padArg[i + 1]);
    else if (padArg[i + 1] !== 0) allNonPositive = false;
  }
  const fill = checkedScalar(value, input.dtype);
  if (allNonPositive) return clone(x);
  const shape = input.shape.slice();
  for (let i = 0; i < k; i++) {
    const d = nd - 1 - i, l = padArg[2 * i], r = padArg[2 * i + 1];
    const size = input.shape[d] + l + r;
    if (size <= 0) {
      throw runtimeError(`The input size ${input.shape[d]}, plus negative padding ${l} and ${r} resulted in a negative ` +
        `output size, which is invalid. Check dimension ${d} of your input.`);
    }
    shape[d] = size;
  }
  const out = Tensor.full(shape, fill, input.dtype);
  // Copy the narrowed input into place (positive pads become an offset).
  let outOff = 0;
  for (let i = 0; i < k; i++) {
    const d = nd - 1 - i;
    outOff += Math.max(0, padArg[2 * i]) * out.strides[d];
  }
  const src = x.storage, dst = out.storage;
  forEachOffset(x.shape, [{ strides: x.strides, offset: x.offset }, { strides: out.strides, offset: outOff }],
    (_, o) => { dst[o[1]] = src[o[0]]; }, token);
  return out;
}

function indexPad(input: Tensor, padArg: readonly number[], mode: 'reflect' | 'replicate', token?: CancelToken): Tensor {
  const k = padArg.length / 2, nd = input.ndim;
  const fn = `${mode === 'reflect' ? 'reflection' : 'replication'}_pad${k}d`;
  // Per spatial dim d (0 = first spatial): pads, sizes.
  const spatial = input.shape.slice(nd - k);
  const pads: [number, number][] = [];
  for (let i = 0; i < k; i++) pads.push([padArg[2 * (k - 1 - i)], padArg[2 * (k - 1 - i) + 1]]);
  if (input.shape.some((s, i) => s === 0 && !(nd === k + 2 && i === 0))) {
    throw runtimeError(`Expected ${k + 1}D or ${k + 2}D (batch mode) tensor with possibly 0 batch size and other ` +
      `non-zero dimensions for input, but got: ${shapeText(input.shape)}`);
  }
  if (mode === 'reflect') {
    // ATen checks the last dim first (Argument #4 = W, #6 = H, #8 = D).
    for (let i = k - 1, arg = 4; i >= 0; i--, arg += 2) {
      const [l, r] = pads[i];
      if (!(l < spatial[i] && r < spatial[i])) {
        throw runtimeError(`Argument #${arg}: Padding size should be less than the corresponding input dimension, ` +
          // reflection_pad2d prints the input's rank where 1d/3d print its sizes
          `but got: padding (${l}, ${r}) at dimension ${nd - k + i} of input ${k === 2 ? nd : shapeText(input.shape)}`);
      }
    }
  }
  const outSpatial = spatial.map((s, i) => s + pads[i][0] + pads[i][1]);
  if (outSpatial.some((s) => s < 1)) {
    throw runtimeError(`${fn}: input is too small for the padding: got output size ${shapeText(outSpatial)}`);
  }
  const srcIndex = (j: number, size: number, l: number): number => {
    const iStart = Math.max(0, -l), oStart = Math.max(0, l);
    let ip: number;
    if (mode === 'reflect') {
      if (j < l) ip = l * 2 - j;
      else if (j < size + l) ip = j;
      else ip = (size + l - 1) * 2 - j;
    } else {
      if (j < l) ip = l;
      else if (j < size + l) ip = j;
      else ip = size + l - 1;
    }
    return ip - oStart + iStart;
  };
  const maps = outSpatial.map((os, i) => Array.from({ length: os }, (_, j) => srcIndex(j, spatial[i], pads[i][0])));
  const outShape = [...input.shape.slice(0, nd - k), ...outSpatial];
  const out = Tensor.empty(outShape, input.dtype);
  const src = input.storage, dst = out.storage;
  const lead = input.shape.slice(0, nd - k);
  const leadStrides = input.strides.slice(0, nd - k);
  const sp = input.strides.slice(nd - k);
  const planeSize = outSpatial.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(k).fill(0);
  forEachOffset(lead, [{ strides: leadStrides, offset: input.offset }], (plane, o) => {
    idx.fill(0);
    for (let q = 0; q < planeSize; q++) {
      if ((q & 0xffff) === 0xffff) throwIfCancelled(token);
      let off = o[0];
      for (let i = 0; i < k; i++) off += maps[i][idx[i]] * sp[i];
      dst[plane * planeSize + q] = src[off];
      for (let i = k - 1; i >= 0; i--) {
        if (++idx[i] < outSpatial[i]) break;
        idx[i] = 0;
      }
    }
  }, token);
  return out;
}
