// F.conv1d / F.conv2d with PyTorch 1.13's argument checks and messages (at::conv*d,
// batchify, _convolution_mode for 'same'/'valid', expand_param_if_needed, check_shape_forward).
// Numerics: each output starts from the bias and adds the (c, kh, kw) products one at a time
// in the tensor's dtype — the order of PyTorch's im2col + GEMM path (slow_conv2d with a
// reference BLAS), so those results are bit-identical. Where PyTorch picks oneDNN instead
// (batches > 1, groups > 1, kernels larger than 3x3, large inputs) its blocked order differs
// and results agree within float32 accumulation error. 1-D convolutions run as 2-D with H = 1.

import { DType, castScalar, isFloating, scalarTypeName } from '../dtype';
import { CancelToken, runtimeError, throwIfCancelled } from '../errors';
import { Tensor } from '../tensor';
import { shapeText } from './dims';
import { constantPad } from './pad';
import { unsqueeze, squeeze } from './shape';

export interface ConvArgs {
  bias?: Tensor | null;
  stride?: number | readonly number[];
  /** numbers, or the strings 'same' / 'valid' */
  padding?: number | readonly number[] | string;
  dilation?: number | readonly number[];
  groups?: number;
}

/** The Python binding turns an int into [v] * nd (nd from the function name, conv2d -> 2). */
function asList(v: number | readonly number[] | undefined, dflt: number, nd: number): number[] {
  if (v === undefined) return new Array<number>(nd).fill(dflt);
  return typeof v === 'number' ? new Array<number>(nd).fill(v) : v.slice();
}

/** expand_param_if_needed: against the weight's spatial rank (weight.dim() - 2). */
function expandParam(name: string, v: readonly number[], n: number): number[] {
  if (v.length === 1) return new Array<number>(n).fill(v[0]);
  if (v.length !== n) {
    throw runtimeError(`expected ${name} to be a single integer value or a list of ${n} values to match the ` +
      `convolution dimensions, but got ${name}=${shapeText(v)}`);
  }
  return v.slice();
}

/** F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1). */
export function conv1d(input: Tensor, weight: Tensor, args: ConvArgs = {}, token?: CancelToken): Tensor {
  return convNd(1, input, weight, args, token);
}

/** F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1). */
export function conv2d(input: Tensor, weight: Tensor, args: ConvArgs = {}, token?: CancelToken): Tensor {
  return convNd(2, input, weight, args, token);
}

function convNd(nd: 1 | 2, input0: Tensor, weight: Tensor, args: ConvArgs, token?: CancelToken): Tensor {
  const name = `conv${nd}d`;
  if (input0.ndim !== nd + 1 && input0.ndim !== nd + 2) {
    throw runtimeError(`Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to ${name}, but got input ` +
      `of size: ${shapeText(input0.shape)}`);
  }
  const batched = input0.ndim === nd + 2;
  let input = batched ? input0 : unsqueeze(input0, 0);
  const groups = args.groups ?? 1;
  const strideArg = asList(args.stride, 1, nd), dilationArg = asList(args.dilation, 1, nd);
  let paddingArg: number[];
  if (typeof args.padding === 'string') {
    if (args.padding === 'valid') {
      paddingArg = new Array<number>(nd).fill(0);
    } else if (args.padding === 'same') {
      if (strideArg.some((s) => s !== 1)) throw runtimeError("padding='same' is not supported for strided convolutions");
      if (weight.ndim !== input.ndim) {
        throw runtimeError(`Expected ${weight.ndim}-dimensional input for ${weight.ndim}-dimensional weight` +
          `${shapeText(weight.shape)}, but got ${input.ndim}-dimensional input of size ${shapeText(input.shape)} instead`);
      }
      const padL: number[] = [], padR: number[] = [];
      for (let i = 0; i < nd; i++) {
        const d = dilationArg.length === 1 ? dilationArg[0] : dilationArg[i];
        const total = d * (weight.shape[i + 2] - 1);
        padL.push(Math.floor(total / 2));
        padR.push(total - Math.floor(total / 2));
      }
      if (padL.some((l, i) => l !== padR[i])) {
        // The extra element goes on the right, through an explicit zero pad.
        const padNd: number[] = new Array<number>(2 * nd).fill(0);
        for (let i = 0; i < nd; i++) padNd[2 * (nd - 1 - i) + 1] = padR[i] - padL[i];
        input = constantPad(input, padNd, 0);
      }
      paddingArg = padL;
    } else {
      throw runtimeError(`Invalid padding string: '${args.padding}'`);
    }
  } else {
    paddingArg = asList(args.padding, 0, nd);
  }
  const k = weight.ndim - 2;
  if (k <= 0) throw runtimeError('weight should have at least three dimensions');
  if (groups <= 0) throw runtimeError('non-positive groups is not supported');
  const stride = expandParam('stride', strideArg, k);
  const padding = expandParam('padding', paddingArg, k);
  const dilation = expandParam('dilation', dilationArg, k);
  const bias = args.bias ?? null;
  checkConv(k, input, weight, bias, stride, padding, dilation, groups);
  const out = compute(nd, input, weight, bias, stride, padding, dilation, groups, token);
  return batched ? out : squeeze(out, 0);
}

function checkConv(
  nd: number, input: Tensor, weight: Tensor, bias: Tensor | null,
  stride: number[], padding: number[], dilation: number[], groups: number,
): void {
  if (padding.some((p) => p < 0)) throw runtimeError('negative padding is not supported');
  if (stride.some((s) => s <= 0)) throw runtimeError('non-positive stride is not supported');
  const ws = weight.shape, k = input.ndim;
  if (weight.ndim !== k) {
    throw runtimeError(`Expected ${weight.ndim}-dimensional input for ${weight.ndim}-dimensional weight ` +
      `${shapeText(ws)}, but got ${k}-dimensional input of size ${shapeText(input.shape)} instead`);
  }
  if (ws[0] < groups) {
    throw runtimeError(`Given groups=${groups}, expected weight to be at least ${groups} at dimension 0, but got ` +
      `weight of size ${shapeText(ws)} instead`);
  }
  if (ws[0] % groups !== 0) {
    throw runtimeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got ` +
      `weight of size [${shapeText(ws)}] instead`);
  }
  if (input.shape[1] !== ws[1] * groups) {
    throw runtimeError(`Given groups=${groups}, weight of size ${shapeText(ws)}, expected input${shapeText(input.shape)} ` +
      `to have ${ws[1] * groups} channels, but got ${input.shape[1]} channels instead`);
  }
  if (bias && !(bias.ndim === 1 && bias.shape[0] === ws[0])) {
    throw runtimeError(`Given weight of size ${shapeText(ws)}, expected bias to be 1-dimensional with ${ws[0]} ` +
      `elements, but got bias of size ${shapeText(bias.shape)} instead`);
  }
  const inS: number[] = [], kS: number[] = [];
  for (let i = 0; i < nd; i++) {
    inS.push(input.shape[i + 2] + 2 * padding[i]);
    kS.push(dilation[i] * (ws[i + 2] - 1) + 1);
  }
  if (inS.some((s, i) => s < kS[i])) {
    throw runtimeError(`Calculated padded input size per channel: (${inS.join(' x ')}). Kernel size: ` +
      `(${kS.join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  if (dilation.some((d) => d <= 0)) throw runtimeError('dilation should be greater than zero');
  if (input.dtype !== weight.dtype) {
    throw runtimeError(`expected scalar type ${scalarTypeName(input.dtype)} but found ${scalarTypeName(weight.dtype)}`);
  }
  if (bias && bias.dtype !== input.dtype) {
    throw runtimeError(`expected scalar type ${scalarTypeName(input.dtype)} but found ${scalarTypeName(bias.dtype)}`);
  }
}

function compute(
  nd: number, input: Tensor, weight: Tensor, bias: Tensor | null,
  stride: number[], padding: number[], dilation: number[], groups: number, token?: CancelToken,
): Tensor {
  // Treat 1-D as 2-D with height 1.
  const x = input.contiguous(), w = weight.contiguous();
  const [N, C] = x.shape;
  const H = nd === 2 ? x.shape[2] : 1, W = x.shape[nd + 1];
  const [O, Cg] = w.shape;
  const KH = nd === 2 ? w.shape[2] : 1, KW = w.shape[nd + 1];
  const sh = nd === 2 ? stride[0] : 1, sw = stride[nd - 1];
  const ph = nd === 2 ? padding[0] : 0, pw = padding[nd - 1];
  const dh = nd === 2 ? dilation[0] : 1, dw = dilation[nd - 1];
  const OH = Math.floor((H + 2 * ph - dh * (KH - 1) - 1) / sh) + 1;
  const OW = Math.floor((W + 2 * pw - dw * (KW - 1) - 1) / sw) + 1;
  const outShape = nd === 2 ? [N, O, OH, OW] : [N, O, OW];
  const out = Tensor.empty(outShape, x.dtype as DType);
  const xs = x.storage, ws = w.storage, os = out.storage;
  const bs = bias ? bias.contiguous() : null;
  const Og = O / groups;
  const isInt = !isFloating(x.dtype); // integer convolutions accumulate exactly (int64 up to 2^53)
  // floats: im2col + GEMM order (bias first, then each (c, kh, kw) product in turn)
  const isF32 = x.dtype === 'float32', f32 = Math.fround;
  let p = 0;
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      throwIfCancelled(token);
      const g = Math.floor(o / Og);
      const b = bs ? bs.storage[bs.offset + o] : 0;
      for (let oh = 0; oh < OH; oh++) {
        if ((oh & 63) === 63) throwIfCancelled(token);
        for (let ow = 0; ow < OW; ow++) {
          let acc = isInt ? 0 : b;
          for (let c = 0; c < Cg; c++) {
            const xBase = x.offset + (n * C + g * Cg + c) * H * W;
            const wBase = w.offset + (o * Cg + c) * KH * KW;
            for (let kh = 0; kh < KH; kh++) {
              const ih = oh * sh - ph + kh * dh;
              if (ih < 0 || ih >= H) continue;
              for (let kw = 0; kw < KW; kw++) {
                const iw = ow * sw - pw + kw * dw;
                if (iw < 0 || iw >= W) continue;
                acc = isF32 ? f32(acc + f32(xs[xBase + ih * W + iw] * ws[wBase + kh * KW + kw]))
                  : acc + xs[xBase + ih * W + iw] * ws[wBase + kh * KW + kw];
              }
            }
          }
          os[p++] = isInt ? castScalar(acc + b, x.dtype) : acc;
        }
      }
    }
  }
  return out;
}
