// The shape checks shared by max and average pooling, in ATen's order and with its
// messages: pooling_output_shape per axis, then pool2d_shape_check / pool3d_shape_check
// (aten/src/ATen/native/Pool.h, 1.13.1).

import { runtimeError } from '../errors';
import { checkedPooledSize, truncDiv } from '../outputSize';
import { fmtSizes } from './common';

/**
 * Pool.h safe_downcast<int, int64_t>: the max-pool meta functions narrow each kernel,
 * stride, padding and dilation value to a C int, refusing what does not fit.
 */
export function safeDowncast(values: readonly number[]): void {
  for (const v of values) if (!(v >= -(2 ** 31) && v <= 2 ** 31 - 1)) throw runtimeError('integer out of range');
}

/** A C++ int64 -> int conversion (modulo 2**32): pool2d/3d_shape_check take `int` parameters. */
// (the BigInt path only for values outside int32: this runs on every pooling call)
const cInt = (v: number): number =>
  ((v | 0) === v ? v : Number.isFinite(v) ? Number(BigInt.asIntN(32, BigInt(Math.trunc(v)))) : v);

/** Output sizes of the spatial axes, outermost first, each through pooling_output_shape. */
export function outputSizes(inS: number[], k: number[], s: number[], p: number[], d: number[], ceilMode: boolean): number[] {
  return inS.map((L, i) => checkedPooledSize(L, k[i], s[i], p[i], d[i], ceilMode));
}

/** Pool.h pool2d_shape_check (contiguous memory format). Sizes are [H, W]. */
export function pool2dShapeCheck(
  shape: readonly number[], k: number[], s: number[], p: number[], d: number[], out: number[],
): void {
  // average pooling reaches here with int64 values that C++ narrows silently (2**40 -> 0)
  const [kH, kW] = k.map(cInt), [dH, dW] = s.map(cInt), [pH, pW] = p.map(cInt), [dilH, dilW] = d.map(cInt);
  const ndim = shape.length;
  if (!(kW > 0 && kH > 0)) throw runtimeError(`kernel size should be greater than zero, but got kH: ${kH} kW: ${kW}`);
  if (!(dW > 0 && dH > 0)) throw runtimeError(`stride should be greater than zero, but got dH: ${dH} dW: ${dW}`);
  if (!(dilH > 0 && dilW > 0)) {
    throw runtimeError(`dilation should be greater than zero, but got dilationH: ${dilH} dilationW: ${dilW}`);
  }
  const validDims = shape[1] !== 0 && shape[2] !== 0;
  if (!((ndim === 3 && shape[0] !== 0 && validDims) || (ndim === 4 && validDims && shape[3] !== 0))) {
    throw runtimeError(`Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmtSizes(shape)}`);
  }
  if (!(truncDiv(kW, 2) >= pW && truncDiv(kH, 2) >= pH)) {
    throw runtimeError(`pad should be smaller than or equal to half of kernel size, but got padW = ${pW}, padH = ${pH}, kW = ${kW}, kH = ${kH}`);
  }
  const [oH, oW] = out;
  if (!(oW >= 1 && oH >= 1)) {
    const C = shape[ndim - 3], H = shape[ndim - 2], W = shape[ndim - 1];
    throw runtimeError(`Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${oH}x${oW}). Output size is too small`);
  }
}

/** Pool.h pool3d_shape_check. Sizes are [T, H, W]. */
export function pool3dShapeCheck(
  shape: readonly number[], k: number[], s: number[], p: number[], d: number[], out: number[],
  fnName: string, checkInputSize: boolean,
): void {
  const [kT, kH, kW] = k.map(cInt), [dT, dH, dW] = s.map(cInt), [pT, pH, pW] = p.map(cInt), [dilT, dilH, dilW] = d.map(cInt);
  const ndim = shape.length;
  if (!(kT > 0 && kW > 0 && kH > 0)) throw runtimeError(`kernel size should be greater than zero, but got kT: ${kT} kH: ${kH} kW: ${kW}`);
  if (!(dT > 0 && dW > 0 && dH > 0)) throw runtimeError(`stride should be greater than zero, but got dT: ${dT} dH: ${dH} dW: ${dW}`);
  if (!(dilT > 0 && dilW > 0 && dilH > 0)) {
    throw runtimeError(`dilation should be greater than zero, but got dilationT: ${dilT} dilationH: ${dilH} dilationW: ${dilW}`);
  }
  if (!(ndim === 4 || ndim === 5)) throw runtimeError(`${fnName}: Expected 4D or 5D tensor for input, but got: ${fmtSizes(shape)}`);
  for (let i = 0; i < ndim; i++) {
    if (ndim === 5 && i === 0) continue;
    if (!(shape[i] > 0)) {
      throw runtimeError(
        `${fnName}: Expected input's non-batch dimensions to have positive length, but input has a shape of ${fmtSizes(shape)} and non-batch dimension ${shape[i]} has length zero!`,
      );
    }
  }
  const C = shape[ndim - 4], T = shape[ndim - 3], H = shape[ndim - 2], W = shape[ndim - 1];
  if (checkInputSize && !(T >= kT && H >= kH && W >= kW)) {
    throw runtimeError(`input image (T: ${T} H: ${H} W: ${W}) smaller than kernel size (kT: ${kT} kH: ${kH} kW: ${kW})`);
  }
  if (!(truncDiv(kT, 2) >= pT && truncDiv(kW, 2) >= pW && truncDiv(kH, 2) >= pH)) {
    throw runtimeError(`pad should be smaller than or equal to half of kernel size, but got kT: ${kT} kW: ${kW} kH: ${kH} padT: ${pT} padW: ${pW} padH: ${pH}`);
  }
  const [oT, oH, oW] = out;
  if (!(oT >= 1 && oW >= 1 && oH >= 1)) {
    throw runtimeError(`Given input size: (${C}x${T}x${H}x${W}). Calculated output size: (${C}x${oT}x${oH}x${oW}). Output size is too small`);
  }
}

/** Tuple-length check of one argument (ATen meta functions). */
export function checkLen(ok: boolean, message: string): void {
  if (!ok) throw runtimeError(message);
}
