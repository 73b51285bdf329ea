// What a shape-only validator returns: everything about the result that does not need
// the input's values. Hover, diagnostics and the static checker use it without data.

import type { AxisDerivation } from '../../common/viewModel';
import type { DType } from '../dtype';

export interface PoolPlan {
  /** provenance op name, e.g. 'max_pool2d' */
  op: string;
  outputShape: number[];
  dtype: DType;
  /** shape of the int64 indices tensor when the op returns one */
  indicesShape?: number[];
  /** effective, per-axis parameters (the same object becomes provenance.params) */
  params: Record<string, unknown>;
  /** per-axis output-size derivation (empty for adaptive / fractional / unpool ops) */
  derivation: AxisDerivation[];
}

/** Effective geometry of a kernel-based op (per spatial axis, outermost first). */
export interface KernelGeometry {
  kernel: number[];
  stride: number[];
  padding: number[];
  dilation: number[];
  ceilMode: boolean;
  /** spatial input and output sizes */
  inSpatial: number[];
  outSpatial: number[];
}
