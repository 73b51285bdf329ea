// Helpers shared by the pooling ops: argument expansion, PyTorch's message formats,
// plane layout, contiguous input access and co-operative cancellation.

import { DType, Storage, scalarTypeName } from '../dtype';
import { CancelToken, TorchError, indexError, runtimeError, throwIfCancelled } from '../errors';
import { Tensor } from '../tensor';

/** An int-list argument as the user gave it: a scalar or a list (of any length). */
export type IntArg = number | readonly number[];

/** `[1, 2, 3]` as c10 prints IntArrayRef / sizes. */
export function fmtSizes(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function argLength(v: IntArg | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? 1 : v.length;
}

/** A scalar or 1-element list copied to every axis, else the list itself (callers check lengths). */
export function expand(v: IntArg, nd: number): number[] {
  if (typeof v === 'number') return new Array<number>(nd).fill(v);
  if (v.length === 1) return new Array<number>(nd).fill(v[0]);
  return v.slice();
}

/** `"op" not implemented for 'Long'` (AT_DISPATCH's message). */
export function notImplemented(op: string, dtype: DType): TorchError {
  return runtimeError(`"${op}" not implemented for '${scalarTypeName(dtype)}'`);
}

/** checkDimRange's message, used by the 1-D wrappers in Pooling.cpp / AdaptiveAveragePooling.cpp. */
export function checkDimRange(op: string, ndim: number, lo: number, hiExclusive: number): void {
  if (ndim < lo || ndim >= hiExclusive) {
    throw runtimeError(
      `Expected ${lo} to ${hiExclusive - 1} dimensions, but got ${ndim}-dimensional tensor for argument #1 'self' (while checking arguments for ${op})`,
    );
  }
}

/** Pooling.cpp check1d. */
export function check1d(op: string, arg: string, v: IntArg): void {
  const n = argLength(v);
  if (n !== 1) throw runtimeError(`${op}() argument '${arg}' should contain one int (got ${n})`);
}

/** tensor.size(dim) for a negative dim, with PyTorch's IndexError when it does not exist. */
export function sizeAt(shape: readonly number[], dim: number): number {
  const n = shape.length;
  if (n === 0) throw indexError(`Dimension specified as ${dim} but tensor has no dimensions`);
  if (dim < -n || dim >= n) {
    throw indexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return shape[dim < 0 ? n + dim : dim];
}

/** Leading (N, C) or (C) dims, the number of planes they hold, and the spatial dims. */
export interface PlaneLayout {
  lead: number[];
  planes: number;
  spatial: number[];
}

export function planeLayout(shape: readonly number[], nd: number): PlaneLayout {
  const lead = shape.slice(0, shape.length - nd);
  let planes = 1;
  for (const s of lead) planes *= s;
  return { lead, planes, spatial: shape.slice(shape.length - nd) };
}

/** Row-major values of a tensor and the offset of its first element. */
export function denseData(t: Tensor): { data: Storage; off: number } {
  const c = t.contiguous();
  return { data: c.storage, off: c.offset };
}

/** Counts element reads and checks the cancel token every ~64k of them. */
export class CancelTicker {
  private n = 0;
  constructor(private readonly token: CancelToken | undefined) {
    throwIfCancelled(token);
  }
  add(reads: number): void {
    this.n += reads;
    if (this.n >= 65536) {
      this.n = 0;
      throwIfCancelled(this.token);
    }
  }
}

/** Per-axis geometry of a kernel-based pool, padded to 3 axes (D, H, W) for one kernel. */
export interface Geometry3 {
  inD: number; inH: number; inW: number;
  outD: number; outH: number; outW: number;
  kD: number; kH: number; kW: number;
  sD: number; sH: number; sW: number;
  pD: number; pH: number; pW: number;
  dD: number; dH: number; dW: number;
}

/** Pads per-axis lists of length 1..3 with leading unit axes. */
export function geometry3(inS: number[], outS: number[], k: number[], s: number[], p: number[], d: number[]): Geometry3 {
  const pad = (a: number[], v: number) => [...new Array<number>(3 - a.length).fill(v), ...a];
  const [inD, inH, inW] = pad(inS, 1);
  const [outD, outH, outW] = pad(outS, 1);
  const [kD, kH, kW] = pad(k, 1);
  const [sD, sH, sW] = pad(s, 1);
  const [pD, pH, pW] = pad(p, 0);
  const [dD, dH, dW] = pad(d, 1);
  return { inD, inH, inW, outD, outH, outW, kD, kH, kW, sD, sH, sW, pD, pH, pW, dD, dH, dW };
}

/**
 * Whether every number of a geometry fits the WebAssembly kernels' i32 parameters (a kernel
 * of 2**40 would wrap to 0 there); the reference loops take the rest.
 */
export function fitsInt32(g: Geometry3): boolean {
  const i32 = (v: number) => (v | 0) === v;
  return i32(g.inD) && i32(g.inH) && i32(g.inW) && i32(g.outD) && i32(g.outH) && i32(g.outW) &&
    i32(g.kD) && i32(g.kH) && i32(g.kW) && i32(g.sD) && i32(g.sH) && i32(g.sW) &&
    i32(g.pD) && i32(g.pH) && i32(g.pW) && i32(g.dD) && i32(g.dH) && i32(g.dW);
}

export const AXIS_NAMES: Record<number, string[]> = { 1: ['L'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] };
