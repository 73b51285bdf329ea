// Python-level pooling calls shared by nn modules and torch.nn.functional: converts the
// bound Python arguments into the engine's argument records and runs the engine op.

import { Tensor } from '../../../engine/tensor';
import * as pool from '../../../engine/pool';
import type { IntArg } from '../../../engine/pool';
import { PyFloat, PyList, PyTuple, Value, pyError, typeName, CallContext } from '../values';
import { boolArg, intOrInts } from '../convert';
import { tensorArg } from './tensor';
import { poolGradFn, track } from '../autograd';

const tr = <T extends Value>(out: T, op: string, nd: number, input: Value, one = false): T => {
  if (out instanceof PyTuple) { track(out.items[0], poolGradFn(op, nd, one), [input]); return out; }
  return track(out, poolGradFn(op, nd, one), [input]);
};

type ND = 1 | 2 | 3;

function ints(fn: string, name: string, v: Value, pos?: number): IntArg {
  return intOrInts(fn, name, v, pos);
}

function optInts(fn: string, name: string, v: Value, pos?: number): IntArg | null {
  return v === null ? null : ints(fn, name, v, pos);
}

/** output_size of adaptive ops: int, or tuple with ints / None */
function adaptiveSize(fn: string, v: Value, nd: ND): number | (number | null)[] {
  if (typeof v === 'number') return v;
  if (v instanceof PyList || v instanceof PyTuple) {
    // Only the 2-D/3-D Python wrappers resolve None; the 1-D ops are C builtins.
    if (nd === 1 && v.items.some((x) => x === null)) {
      throw pyError('TypeError', `${fn}(): argument 'output_size' (position 2) must be tuple of ints, not ${typeName(v)}`);
    }
    return v.items.map((x) => {
      if (x === null || typeof x === 'number') return x;
      throw pyError('TypeError', `${fn}(): argument 'output_size' (position 2) must be tuple of ints, not ${typeName(x)}`);
    });
  }
  throw pyError('TypeError', `${fn}(): argument 'output_size' (position 2) must be tuple of ints, not ${typeName(v)}`);
}

export function maxPoolCall(nd: ND, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `max_pool${nd}d`;
  const input = tensorArg(fn, a.get('input')!);
  const returnIndices = boolArg(fn, 'return_indices', a.get('return_indices')!);
  const r = pool.maxPool(nd, input, {
    kernelSize: ints(fn, 'kernel_size', a.get('kernel_size')!, 2),
    stride: optInts(fn, 'stride', a.get('stride')!, 3),
    padding: ints(fn, 'padding', a.get('padding')!, 4),
    dilation: ints(fn, 'dilation', a.get('dilation')!, 5),
    ceilMode: boolArg(fn, 'ceil_mode', a.get('ceil_mode')!, 6),
    returnIndices,
  }, ctx.token);
  return tr(returnIndices ? new PyTuple([r.output, r.indices!]) : r.output, 'max_pool', nd, input);
}

export function avgPoolCall(nd: ND, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `avg_pool${nd}d`;
  const input = tensorArg(fn, a.get('input')!);
  const div = a.get('divisor_override');
  if (div !== undefined && div !== null && typeof div !== 'number') {
    throw pyError('TypeError', `${fn}(): argument 'divisor_override' must be int, not ${typeName(div)}`);
  }
  return tr(pool.avgPool(nd, input, {
    kernelSize: ints(fn, 'kernel_size', a.get('kernel_size')!, 2),
    stride: optInts(fn, 'stride', a.get('stride')!, 3),
    padding: ints(fn, 'padding', a.get('padding')!, 4),
    ceilMode: boolArg(fn, 'ceil_mode', a.get('ceil_mode')!, 5),
    countIncludePad: boolArg(fn, 'count_include_pad', a.get('count_include_pad')!, 6),
    divisorOverride: (div ?? null) as number | null,
  }, ctx.token), 'avg_pool', nd, input);
}

export function adaptiveAvgCall(nd: ND, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `adaptive_avg_pool${nd}d`;
  const input = tensorArg(fn, a.get('input')!);
  const size = adaptiveSize(fn, a.get('output_size')!, nd);
  const one = (typeof size === 'number' ? [size] : size).every((s) => s === 1);
  return tr(pool.adaptiveAvgPool(nd, input, size, ctx.token), 'adaptive_avg', nd, input, one);
}

export function adaptiveMaxCall(nd: ND, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `adaptive_max_pool${nd}d`;
  const ri = boolArg(fn, 'return_indices', a.get('return_indices')!);
  const input = tensorArg(fn, a.get('input')!);
  const r = pool.adaptiveMaxPool(nd, input, adaptiveSize(fn, a.get('output_size')!, nd), ri, ctx.token);
  return tr(ri ? new PyTuple([r.output, r.indices!]) : r.output, 'adaptive_max', nd, input);
}

export function lpPoolCall(nd: 1 | 2, a: Map<string, Value>, fromModule: boolean, ctx: CallContext): Value {
  const fn = `lp_pool${nd}d`;
  const p = a.get('norm_type')!;
  let norm: number, isInt: boolean;
  if (typeof p === 'number') { norm = p; isInt = true; } else if (p instanceof PyFloat) { norm = p.v; isInt = false; } else if (typeof p === 'boolean') { norm = p ? 1 : 0; isInt = true; } else {
    throw pyError('TypeError', `unsupported operand type(s) for ** or pow(): 'Tensor' and '${typeName(p)}'`);
  }
  const input = tensorArg(fn, a.get('input')!);
  return tr(pool.lpPool(nd, input, norm, ints(fn, 'kernel_size', a.get('kernel_size')!, 3),
    optInts(fn, 'stride', a.get('stride')!, 4), boolArg(fn, 'ceil_mode', a.get('ceil_mode')!), { normIsInt: isInt, fromModule }, ctx.token), 'lp', nd, input);
}

export function maxUnpoolCall(nd: ND, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `max_unpool${nd}d`;
  const os = a.get('output_size') ?? null;
  let outputSize: number[] | null = null;
  if (os !== null) {
    if (!(os instanceof PyList || os instanceof PyTuple)) throw pyError('TypeError', `${fn}(): output_size must be a list or tuple of ints`);
    outputSize = os.items.map((x) => (typeof x === 'number' ? x : Number(x)));
  }
  const input = tensorArg(fn, a.get('input')!);
  try {
    return tr(pool.maxUnpool(nd, input, tensorArg(fn, a.get('indices')!, 'indices', 2),
      ints(fn, 'kernel_size', a.get('kernel_size')!, 3), optInts(fn, 'stride', a.get('stride')!, 4),
      ints(fn, 'padding', a.get('padding')!, 5), outputSize, ctx.token), 'max_unpool', nd, input);
  } catch (e) {
    // The message quotes output_size as the user wrote it: a tuple prints with parentheses.
    if (os instanceof PyTuple && e instanceof Error && outputSize) {
      const list = `[${outputSize.join(', ')}]`;
      const tuple = outputSize.length === 1 ? `(${outputSize[0]},)` : `(${outputSize.join(', ')})`;
      e.message = e.message.split(`"${list}"`).join(`"${tuple}"`);
    }
    throw e;
  }
}

export function fractionalCall(nd: 2 | 3, a: Map<string, Value>, ctx: CallContext): Value {
  const fn = `fractional_max_pool${nd}d`;
  const ratio = a.get('output_ratio')!;
  let outputRatio: number | number[] | null = null;
  if (ratio instanceof PyFloat || typeof ratio === 'number') outputRatio = ratio instanceof PyFloat ? ratio.v : ratio;
  else if (ratio instanceof PyList || ratio instanceof PyTuple) outputRatio = ratio.items.map((x) => (x instanceof PyFloat ? x.v : (x as number)));
  const ri = boolArg(fn, 'return_indices', a.get('return_indices')!);
  const samples = a.get('_random_samples') ?? null;
  const r = pool.fractionalMaxPool(nd, tensorArg(fn, a.get('input')!), ints(fn, 'kernel_size', a.get('kernel_size')!, 2),
    optInts(fn, 'output_size', a.get('output_size')!, 3), outputRatio, ri, samples instanceof Tensor ? samples : null, ctx.token);
  return tr(ri ? new PyTuple([r.output, r.indices!]) : r.output, 'fractional', nd, a.get('input')!);
}
