// max_unpool1d/2d/3d: torch/nn/functional.py 1.13 (_unpool_output_size and its
// ValueErrors) then MaxUnpooling.cpp / cpu/MaxUnpoolKernel.cpp (checks, scatter).

import { DType, isFloating, scalarTypeName } from '../dtype';
import { CancelToken, indexError, runtimeError, valueError } from '../errors';
import { unpoolDefaultSize } from '../outputSize';
import { Tensor } from '../tensor';
import { CancelTicker, IntArg, denseData, expand, fmtSizes, notImplemented } from './common';
import { PoolPlan } from './plan';

export interface MaxUnpoolPlan extends PoolPlan {
  /** output spatial size of the 2-D / 3-D kernel (1-D runs as 2-D with W = 1) */
  kernelOutSpatial: number[];
  /** the shape the ATen op sees (1-D inputs get a trailing unit axis) */
  atenShape: number[];
}

/** Python's repr of a list of ints. */
const pyList = (v: readonly number[]) => `[${v.join(', ')}]`;

export function maxUnpoolShape(
  nd: 1 | 2 | 3, inputShape: readonly number[], dtype: DType, indicesShape: readonly number[], indicesDtype: DType,
  kernelSize: IntArg, stride: IntArg | null | undefined, padding: IntArg | undefined, outputSize?: readonly number[] | null,
): MaxUnpoolPlan {
  // _single/_pair/_triple: a scalar is repeated; a list is kept as given
  const k = typeof kernelSize === 'number' ? expand(kernelSize, nd) : kernelSize.slice();
  const s = stride === null || stride === undefined ? k.slice() : typeof stride === 'number' ? expand(stride, nd) : stride.slice();
  const p = typeof (padding ?? 0) === 'number' ? expand(padding ?? 0, nd) : (padding as readonly number[]).slice();
  // _unpool_output_size
  const ndim = inputShape.length;
  const def: number[] = [];
  for (let d = 0; d < k.length; d++) {
    const at = ndim - k.length + d;
    // Python indexes input.size(), stride and padding tuples that may be too short
    if (at < 0 || s[d] === undefined || p[d] === undefined) throw indexError('tuple index out of range');
    def.push(unpoolDefaultSize(inputShape[at], k[d], s[d], p[d]));
  }
  let os: number[];
  if (outputSize === null || outputSize === undefined) {
    os = def;
  } else {
    let given = outputSize.slice();
    if (given.length === k.length + 2) given = given.slice(2);
    if (given.length !== k.length) {
      throw valueError(`output_size should be a sequence containing ${k.length} or ${k.length + 2} elements, but it has a length of '${given.length}'`);
    }
    for (let d = 0; d < k.length; d++) {
      const lo = def[d] - s[d], hi = def[d] + s[d];
      if (!(lo < given[d] && given[d] < hi)) {
        throw valueError(`invalid output_size "${pyList(given)}" (dim ${d} must be between ${lo} and ${hi})`);
      }
    }
    os = given;
  }
  if (nd === 3) return plan3d(inputShape, dtype, indicesShape, indicesDtype, os, s, p, k);
  // 1-D: max_unpool2d on input.unsqueeze(-1) with output_size + [1]
  const shape = nd === 1 ? [...inputShape, 1] : inputShape.slice();
  const ishape = nd === 1 ? [...indicesShape, 1] : indicesShape.slice();
  const os2 = nd === 1 ? [...os, 1] : os;
  if (indicesDtype !== 'int64') throw runtimeError(`elements in indices should be type int64 but got: ${scalarTypeName(indicesDtype)}`);
  if (os2.length !== 2) throw runtimeError(`There should be exactly two elements (height, width) in output_size, but got ${os2.length} elements.`);
  if (!(shape.length === 3 || shape.length === 4)) {
    throw runtimeError(`Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with ${shape.length} dimensions.`);
  }
  if (!sameShape(shape, ishape)) {
    throw runtimeError(`Expected shape of indices to be same as that of the input tensor (${fmtSizes(shape)}) but got indices tensor with shape: ${fmtSizes(ishape)}`);
  }
  for (let i = 1; i < shape.length; i++) {
    if (!(shape[i] > 0)) {
      throw runtimeError(`max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got ${fmtSizes(shape)} with dimension ${i} being empty.`);
    }
  }
  const outputShape2 = [...shape.slice(0, -2), ...os2];
  checkNonNegative(outputShape2);
  const outputShape = nd === 1 ? outputShape2.slice(0, -1) : outputShape2;
  dtypeCheck('max_unpool2d', dtype, outputShape);
  return makePlan(`max_unpool${nd}d`, outputShape, dtype, os2, shape, k, s, p);
}

function plan3d(
  shape: readonly number[], dtype: DType, ishape: readonly number[], idtype: DType,
  os: number[], s: number[], p: number[], k: number[],
): MaxUnpoolPlan {
  if (idtype !== 'int64') throw runtimeError('elements in indices should be type int64');
  if (!(shape.length === 4 || shape.length === 5)) {
    throw runtimeError(`Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with ${shape.length} dimensions.`);
  }
  if (os.length !== 3) throw runtimeError(`There should be exactly three elements (depth, height, width) in output_size, but got ${os.length} elements.`);
  if (s.length !== 3) throw runtimeError(`There should be exactly three elements (depth, height, width) in stride, but got: ${s.length} elements.`);
  if (p.length !== 3) throw runtimeError(`There should be exactly three elements (depth, height, width) in padding, but got: ${p.length} elements.`);
  if (!sameShape(shape, ishape)) {
    throw runtimeError(`Expected shape of indices to be same as that of the input tensor (${fmtSizes(shape)}) but got indices tensor with shape: ${fmtSizes(ishape)}`);
  }
  for (let i = 1; i < shape.length; i++) {
    if (!(shape[i] > 0)) {
      throw runtimeError(`max_unpooling3d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got ${fmtSizes(shape)} with dimension ${i} being empty.`);
    }
  }
  if (!(s[0] > 0 && s[1] > 0 && s[2] > 0)) throw runtimeError(`strides should be greater than zero, but got stride: ${fmtSizes(s)}`);
  const outputShape = [...shape.slice(0, -3), ...os];
  checkNonNegative(outputShape);
  dtypeCheck('max_unpool3d', dtype, outputShape);
  return makePlan('max_unpool3d', outputShape, dtype, os, shape.slice(), k, s, p);
}

/** The kernel (and its dtype dispatch) only runs when the output is not empty. */
function dtypeCheck(op: string, dtype: DType, outputShape: number[]): void {
  if (outputShape.every((v) => v > 0) && !isFloating(dtype)) throw notImplemented(op, dtype);
}

/**
 * ATen resize_ multiplies the sizes as unsigned 64-bit numbers: a negative size overflows
 * unless another size is 0, in which case PyTorch really returns a tensor with a negative
 * size (and so do we).
 */
function checkNonNegative(shape: number[]): void {
  if (!shape.some((v) => v < 0)) return;
  // c10::safe_multiply_u64: sizes as uint64, overflow is sticky; then numel * itemsize
  const M = 1n << 64n;
  let prod = 1n, overflow = false;
  for (const v of shape) {
    prod *= v < 0 ? M + BigInt(v) : BigInt(v);
    if (prod >= M) { overflow = true; prod %= M; }
  }
  if (overflow || prod !== 0n) throw runtimeError('numel: integer multiplication overflow');
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function makePlan(op: string, outputShape: number[], dtype: DType, kernelOutSpatial: number[], atenShape: number[], k: number[], s: number[], p: number[]): MaxUnpoolPlan {
  return {
    op, outputShape, dtype, params: { kernelSize: k, stride: s, padding: p, outputSize: kernelOutSpatial.slice() },
    derivation: [], kernelOutSpatial, atenShape,
  };
}

/**
 * The scatter (cpu_max_unpool): zeros, then out_plane[index] = value for every input
 * element in order, so a duplicate index keeps the last value (PyTorch with one thread).
 * Returns the last invalid index met, which PyTorch reports after the loop.
 */
export function maxUnpoolPlane(
  src: ArrayLike<number>, srcOff: number, ind: ArrayLike<number>, indOff: number, n: number,
  dst: { [i: number]: number }, dstOff: number, outPlane: number, ticker: CancelTicker,
): number | undefined {
  let bad: number | undefined;
  for (let i = 0; i < n; i++) {
    if ((i & 65535) === 65535) ticker.add(65536);
    const m = ind[indOff + i];
    if (m < 0 || m >= outPlane) bad = m;
    else dst[dstOff + m] = src[srcOff + i];
  }
  return bad;
}

export function maxUnpool(
  nd: 1 | 2 | 3, input: Tensor, indices: Tensor, kernelSize: IntArg, stride?: IntArg | null, padding?: IntArg,
  outputSize?: readonly number[] | null, token?: CancelToken,
): Tensor {
  const plan = maxUnpoolShape(nd, input.shape, input.dtype, indices.shape, indices.dtype, kernelSize, stride, padding, outputSize);
  const ticker = new CancelTicker(token);
  const output = Tensor.empty(plan.outputShape, input.dtype);
  if (output.numel === 0) {
    output.provenance = { op: plan.op, params: plan.params, input, indices };
    return output;
  }
  const sp = nd === 3 ? 3 : 2;
  const ashape = plan.atenShape;
  const channels = ashape.length === sp + 1 ? ashape[0] : ashape[0] * ashape[1];
  const inPlane = channels === 0 ? 0 : input.numel / channels;
  const outPlane = plan.kernelOutSpatial.reduce((x, y) => x * y, 1);
  const { data, off } = denseData(input);
  const ix = denseData(indices);
  let bad: number | undefined;
  for (let c = 0; c < channels; c++) {
    const b = maxUnpoolPlane(data, off + c * inPlane, ix.data, ix.off + c * inPlane, inPlane, output.storage, c * outPlane, outPlane, ticker);
    if (b !== undefined) bad = b;
    ticker.add(inPlane & 65535);
  }
  if (bad !== undefined) {
    const dims = nd === 3 ? plan.kernelOutSpatial.join('x') : `${plan.kernelOutSpatial[0]}x${plan.kernelOutSpatial[1]}`;
    throw runtimeError(`Found an invalid max index: ${bad} (output volumes are of size ${dims}`);
  }
  output.provenance = { op: plan.op, params: plan.params, input, indices };
  return output;
}
