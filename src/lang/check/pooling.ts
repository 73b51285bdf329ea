// Pooling without data: every nn pooling module and F pooling function is checked by
// the engine's own shape validators (src/engine/pool), so the checker reports exactly
// the error PyTorch raises and never re-derives an output size itself.

import type { DType } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import {
  adaptiveAvgPoolShape, adaptiveMaxPoolShape, avgPoolShape, fractionalMaxPoolShape, lpPoolShape, maxPoolShape, maxUnpoolShape,
} from '../../engine/pool';
import type { PoolPlan } from '../../engine/pool';
import { Dim, SType, UNKNOWN, tensorT } from './types';

export type PoolFamily = 'max' | 'avg' | 'adaptive_avg' | 'adaptive_max' | 'lp' | 'unpool' | 'fractional';

/** `MaxPool2d` / `max_pool2d` -> family and dimensionality. */
export function poolKind(name: string): { family: PoolFamily; nd: 1 | 2 | 3 } | undefined {
  const m = /^(MaxPool|AvgPool|AdaptiveAvgPool|AdaptiveMaxPool|LPPool|MaxUnpool|FractionalMaxPool|max_pool|avg_pool|adaptive_avg_pool|adaptive_max_pool|lp_pool|max_unpool|fractional_max_pool)([123])d$/.exec(name);
  if (!m) return undefined;
  const fam: Record<string, PoolFamily> = {
    MaxPool: 'max', max_pool: 'max', AvgPool: 'avg', avg_pool: 'avg', AdaptiveAvgPool: 'adaptive_avg', adaptive_avg_pool: 'adaptive_avg',
    AdaptiveMaxPool: 'adaptive_max', adaptive_max_pool: 'adaptive_max', LPPool: 'lp', lp_pool: 'lp', MaxUnpool: 'unpool',
    max_unpool: 'unpool', FractionalMaxPool: 'fractional', fractional_max_pool: 'fractional',
  };
  return { family: fam[m[1]], nd: Number(m[2]) as 1 | 2 | 3 };
}

// ------------------------------------------------------------ argument conversion
type IntArg = number | number[];
/** Marker: the argument is not known statically. */
const U = Symbol('unknown');
type Maybe<T> = T | typeof U;

function intArg(t: SType | undefined): Maybe<IntArg | null> {
  if (!t) return U;
  if (t.k === 'none') return null;
  if (t.k === 'int' && t.v !== undefined) return t.v;
  if (t.k === 'bool' && t.v !== undefined) return t.v ? 1 : 0;
  if ((t.k === 'tuple' || (t.k === 'list' && t.items)) && t.items) {
    const out: number[] = [];
    for (const x of t.items) {
      if (x.k === 'int' && x.v !== undefined) out.push(x.v);
      else return U;
    }
    return out;
  }
  return U;
}

function boolArg(t: SType | undefined): Maybe<boolean> {
  if (!t) return U;
  if (t.k === 'bool' && t.v !== undefined) return t.v;
  if (t.k === 'int' && t.v !== undefined) return t.v !== 0;
  if (t.k === 'none') return false;
  return U;
}

function numArg(t: SType | undefined): Maybe<number | null> {
  if (!t) return U;
  if (t.k === 'none') return null;
  if ((t.k === 'int' || t.k === 'float') && t.v !== undefined) return t.v;
  return U;
}

function adaptiveArg(t: SType | undefined): Maybe<number | (number | null)[]> {
  if (!t) return U;
  if (t.k === 'int' && t.v !== undefined) return t.v;
  if ((t.k === 'tuple' || t.k === 'list') && t.items) {
    const out: (number | null)[] = [];
    for (const x of t.items) {
      if (x.k === 'int' && x.v !== undefined) out.push(x.v);
      else if (x.k === 'none') out.push(null);
      else return U;
    }
    return out;
  }
  return U;
}

export interface PoolOutcome {
  result: SType;
  error?: TorchError;
}

/**
 * Applies a pooling op statically. `args` holds the effective arguments by PyTorch's
 * parameter names (input excluded). Unknown inputs give a result of unknown size and no error.
 */
export function poolStatic(name: string, input: SType, args: Record<string, SType>, indices?: SType): PoolOutcome {
  const kind = poolKind(name);
  if (!kind || input.k !== 'tensor') return { result: UNKNOWN };
  const { family, nd } = kind;
  const returnsIndices = boolArg(args.return_indices);
  const unknownResult = (): SType => {
    const shape: Dim[] | null = input.shape ? input.shape.map((d, i) => (i < input.shape!.length - nd ? d : null)) : null;
    const t = tensorT(shape, family === 'unpool' || family === 'lp' ? input.dtype : input.dtype);
    if (returnsIndices === true) return { k: 'tuple', items: [t, tensorT(shape, 'int64')] };
    if (returnsIndices === U) return UNKNOWN;
    return t;
  };
  if (!input.shape) return { result: unknownResult() };
  const rank = input.shape.length;
  // The spatial dims must be known; unknown leading (batch / channel) dims are validated as 1.
  const spatialFrom = Math.max(0, rank - nd);
  if (input.shape.slice(spatialFrom).some((d) => d === null)) return { result: unknownResult() };
  const shape = input.shape.map((d) => (d === null ? 1 : d));
  const dtype: DType = input.dtype ?? 'float32';
  let plan: PoolPlan;
  let pair = false;
  try {
    switch (family) {
      case 'max': {
        const k = intArg(args.kernel_size), s = intArg(args.stride), p = intArg(args.padding), d = intArg(args.dilation);
        const c = boolArg(args.ceil_mode);
        if (k === U || s === U || p === U || d === U || c === U || returnsIndices === U || k === null || p === null || d === null) return { result: unknownResult() };
        plan = maxPoolShape(nd, shape, dtype, { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: c, returnIndices: returnsIndices });
        pair = returnsIndices;
        break;
      }
      case 'avg': {
        const k = intArg(args.kernel_size), s = intArg(args.stride), p = intArg(args.padding);
        const c = boolArg(args.ceil_mode), cip = boolArg(args.count_include_pad);
        const div = args.divisor_override ? numArg(args.divisor_override) : null;
        if (k === U || s === U || p === U || c === U || cip === U || div === U || k === null || p === null) return { result: unknownResult() };
        plan = avgPoolShape(nd, shape, dtype, { kernelSize: k, stride: s, padding: p, ceilMode: c, countIncludePad: cip, divisorOverride: div });
        break;
      }
      case 'adaptive_avg': {
        const os = adaptiveArg(args.output_size);
        if (os === U) return { result: unknownResult() };
        plan = adaptiveAvgPoolShape(nd, shape, dtype, os);
        break;
      }
      case 'adaptive_max': {
        const os = adaptiveArg(args.output_size);
        if (os === U || returnsIndices === U) return { result: unknownResult() };
        plan = adaptiveMaxPoolShape(nd, shape, dtype, os, returnsIndices);
        pair = returnsIndices;
        break;
      }
      case 'lp': {
        const norm = numArg(args.norm_type), k = intArg(args.kernel_size), s = intArg(args.stride), c = boolArg(args.ceil_mode);
        if (norm === U || norm === null || k === U || k === null || s === U || c === U || nd === 3) return { result: unknownResult() };
        const normIsInt = args.norm_type.k === 'int' || args.norm_type.k === 'bool';
        plan = lpPoolShape(nd, shape, dtype, norm, k, s, c, { normIsInt, fromModule: name.startsWith('LP') });
        break;
      }
      case 'unpool': {
        const k = intArg(args.kernel_size), s = intArg(args.stride), p = intArg(args.padding);
        const os = args.output_size ? intArg(args.output_size) : null;
        if (!indices || indices.k !== 'tensor' || !indices.shape || indices.shape.some((x) => x === null)) return { result: unknownResult() };
        if (k === U || k === null || s === U || p === U || p === null || os === U) return { result: unknownResult() };
        plan = maxUnpoolShape(nd, shape, dtype, indices.shape as number[], indices.dtype ?? 'int64', k, s, p,
          os === null ? null : typeof os === 'number' ? [os] : os);
        break;
      }
      case 'fractional': {
        const k = intArg(args.kernel_size), os = intArg(args.output_size);
        const ratio = args.output_ratio ? ratioArg(args.output_ratio) : null;
        if (k === U || k === null || os === U || ratio === U || returnsIndices === U || nd === 1) return { result: unknownResult() };
        plan = fractionalMaxPoolShape(nd, shape, dtype, k, os, ratio, returnsIndices);
        pair = returnsIndices;
        break;
      }
    }
  } catch (e) {
    if (e instanceof TorchError) return { result: UNKNOWN, error: e };
    return { result: unknownResult() };
  }
  // Restore unknown leading dims.
  const restore = (s: readonly number[]): Dim[] => s.map((d, i) => (i < s.length - nd && input.shape![i] === null ? null : d));
  const out: SType = {
    k: 'tensor', shape: restore(plan.outputShape), dtype: input.dtype === null ? null : plan.dtype,
    plan: { op: plan.op, params: plan.params, derivation: plan.derivation, inputShape: shape },
  };
  if (pair) return { result: { k: 'tuple', items: [out, tensorT(restore(plan.indicesShape ?? plan.outputShape), 'int64')] } };
  return { result: out };
}

function ratioArg(t: SType): Maybe<number | number[] | null> {
  if (t.k === 'none') return null;
  if ((t.k === 'float' || t.k === 'int') && t.v !== undefined) return t.v;
  if ((t.k === 'tuple' || t.k === 'list') && t.items) {
    const out: number[] = [];
    for (const x of t.items) {
      if ((x.k === 'float' || x.k === 'int') && x.v !== undefined) out.push(x.v);
      else return U;
    }
    return out;
  }
  return U;
}
