// F.interpolate(mode='nearest') for 3-D, 4-D and 5-D inputs, with the index rule of
// PyTorch 1.13's CPU kernel: src = min(floor(dst * scale), in - 1) in float32, where
// scale = float(1 / scale_factor) when a scale factor was given and float(in) / out
// otherwise; out == in copies and out == 2 * in halves, without float maths.

import { isFloating, scalarTypeName } from '../dtype';
import { CancelToken, TorchError, runtimeError, throwIfCancelled, valueError } from '../errors';
import { Tensor } from '../tensor';

export interface InterpolateArgs {
  size?: number | readonly number[] | null;
  scaleFactor?: number | readonly number[] | null;
  mode?: string;
  recomputeScaleFactor?: boolean | null;
  /** Python's repr of size / scale_factor as the user wrote them, for messages (default: a tuple). */
  sizeRepr?: string;
  scaleFactorRepr?: string;
}

const pyList = (xs: readonly number[]) => `[${xs.join(', ')}]`;
/** Python's repr of a size/scale argument as the user gave it (a tuple prints with parentheses). */
function pyRepr(v: readonly number[], isTuple: boolean): string {
  if (!isTuple) return pyList(v);
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

export function interpolate(input: Tensor, a: InterpolateArgs, token?: CancelToken): Tensor {
  const mode = a.mode ?? 'nearest';
  const dim = input.ndim - 2;
  const size = a.size ?? null, sf = a.scaleFactor ?? null;
  let outSize: number[] | null = null, scales: number[] | null = null;
  const spatial = input.shape.slice(2);
  if (size !== null && sf !== null) throw valueError('only one of size or scale_factor should be defined');
  if (size !== null) {
    if (typeof size !== 'number') {
      if (size.length !== dim) {
        throw valueError('Input and output must have the same number of spatial dimensions, but got input with ' +
          `spatial dimensions of ${pyList(spatial)} and output size of ${a.sizeRepr ?? pyRepr(size, true)}. Please provide input ` +
          'tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.');
      }
      outSize = size.slice();
    } else {
      outSize = new Array<number>(Math.max(dim, 0)).fill(size);
    }
  } else if (sf !== null) {
    if (typeof sf !== 'number') {
      if (sf.length !== dim) {
        throw valueError('Input and scale_factor must have the same number of spatial dimensions, but got input ' +
          `with spatial dimensions of ${pyList(spatial)} and scale_factor of shape ${a.scaleFactorRepr ?? pyRepr(sf, true)}. Please ` +
          'provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.');
      }
      scales = sf.slice();
    } else {
      scales = new Array<number>(Math.max(dim, 0)).fill(sf);
    }
  } else {
    throw valueError('either size or scale_factor should be defined');
  }
  if (a.recomputeScaleFactor && size !== null) {
    throw valueError('recompute_scale_factor is not meaningful with an explicit size.');
  }
  if (a.recomputeScaleFactor && scales) {
    outSize = scales.map((s, i) => Math.floor(spatial[i] * s));
    scales = null;
  }
  if (mode !== 'nearest' || dim < 1 || dim > 3) {
    if (mode === 'nearest') {
      throw new TorchError('NotImplementedError', `Input Error: Only 3D, 4D and 5D input Tensors supported (got ` +
        `${input.ndim}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got ${mode})`);
    }
    throw new TorchError('NotImplementedError', `poolnb: interpolate mode '${mode}' is not supported (only 'nearest')`);
  }
  // C++ compute_output_size: in * scale, truncated to int64.
  const out = outSize ?? spatial.map((s, i) => Math.trunc(s * (scales as number[])[i]));
  if (spatial.some((s) => s <= 0) || out.some((s) => s <= 0)) {
    const names = dim === 1 ? ['W'] : dim === 2 ? ['H', 'W'] : ['D', 'H', 'W'];
    const fmt = (v: number[]) => names.map((n, i) => `${n}: ${v[i]}`).join(', ');
    throw runtimeError(`Input and output sizes should be greater than 0, but got input (${fmt(spatial)}) output (${fmt(out)})`);
  }
  if (!isFloating(input.dtype) && input.dtype !== 'uint8') {
    const kernel = dim === 1 ? 'compute_indices_weights_nearest' : `upsample_nearest${dim}d_channels_last`;
    throw runtimeError(`"${kernel}" not implemented for '${scalarTypeName(input.dtype)}'`);
  }
  // allocated (and checked against the element limit) before the index maps, which are as long as the output axes
  const res = Tensor.empty([...input.shape.slice(0, 2), ...out], input.dtype);
  const maps = out.map((o, i) => {
    const inSize = spatial[i];
    const scale = scales && scales[i] > 0 ? Math.fround(1 / scales[i]) : Math.fround(inSize / o);
    return Array.from({ length: o }, (_, d) => {
      if (o === inSize) return d;
      if (o === 2 * inSize) return d >> 1;
      return Math.min(Math.floor(Math.fround(d * scale)), inSize - 1);
    });
  });
  const x = input.contiguous();
  const planes = input.shape[0] * input.shape[1];
  const inPlane = spatial.reduce((p, s) => p * s, 1), outPlane = out.reduce((p, s) => p * s, 1);
  const inStrides = spatial.map((_, i) => spatial.slice(i + 1).reduce((p, s) => p * s, 1));
  const idx = new Array<number>(dim).fill(0);
  let q = 0;
  for (let pl = 0; pl < planes; pl++) {
    throwIfCancelled(token);
    const base = x.offset + pl * inPlane;
    idx.fill(0);
    for (let j = 0; j < outPlane; j++) {
      if ((j & 0xffff) === 0xffff) throwIfCancelled(token);
      let off = base;
      for (let i = 0; i < dim; i++) off += maps[i][idx[i]] * inStrides[i];
      res.storage[q++] = x.storage[off];
      for (let i = dim - 1; i >= 0; i--) {
        if (++idx[i] < out[i]) break;
        idx[i] = 0;
      }
    }
  }
  return res;
}
