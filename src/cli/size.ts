// `poolnb size`: the output shape of a pooling op for an input shape, with the per-axis
// derivation from engine/outputSize.ts (via the ops' shape validators), or the error
// PyTorch would raise.

import { TorchError } from '../engine/errors';
import { DType, parseDtypeName } from '../engine/dtype';
import * as pool from '../engine/pool';
import type { AxisDerivation } from '../common/viewModel';

const MODULE_TO_OP: Record<string, string> = {
  MaxPool: 'max_pool', AvgPool: 'avg_pool', LPPool: 'lp_pool', AdaptiveAvgPool: 'adaptive_avg_pool',
  AdaptiveMaxPool: 'adaptive_max_pool', MaxUnpool: 'max_unpool', FractionalMaxPool: 'fractional_max_pool',
};

export function normaliseOp(op: string): string {
  const m = /^([A-Za-z]+?)([123])d$/.exec(op);
  if (m && MODULE_TO_OP[m[1]]) return `${MODULE_TO_OP[m[1]]}${m[2]}d`;
  return op.replace(/^F\./, '').replace(/^torch\.nn\.functional\./, '');
}

/** "3", "2x3", "2,3" -> 3 or [2, 3] */
function ints(v: string | true | undefined, name: string): number | number[] | undefined {
  if (v === undefined) return undefined;
  if (v === true) throw new Error(`--${name} needs a value`);
  const parts = v.split(/[x,×]/).map((s) => s.trim()).filter((s) => s !== '');
  const nums = parts.map((s) => {
    if (!/^-?\d+$/.test(s)) throw new Error(`--${name}: '${v}' is not an int or a list of ints`);
    return parseInt(s, 10);
  });
  return nums.length === 1 && !/[x,×]/.test(v) ? nums[0] : nums;
}

function shapeOf(v: string | true | undefined): number[] {
  const s = ints(v, 'input');
  if (s === undefined) throw new Error('size: --input is required (e.g. --input 1x1x5x5)');
  return typeof s === 'number' ? [s] : s;
}

function describe(d: AxisDerivation): string {
  let line = `  ${d.axis}: ${d.formula} = ${d.substituted} = ${d.output}`;
  if (d.ceilCorrection) line += '  (ceil_mode: the last window would start in the padding, so it is dropped)';
  return line;
}

export function sizeReport(o: Map<string, string | true>): { text: string; error?: string } {
  const opRaw = o.get('op');
  if (typeof opRaw !== 'string') throw new Error('size: --op is required (e.g. --op max_pool2d)');
  const op = normaliseOp(opRaw);
  const m = /^(max_pool|avg_pool|lp_pool|adaptive_avg_pool|adaptive_max_pool|max_unpool|fractional_max_pool)([123])d$/.exec(op);
  if (!m) throw new Error(`size: unknown op '${opRaw}'`);
  const kind = m[1], nd = Number(m[2]) as 1 | 2 | 3;
  const input = shapeOf(o.get('input'));
  const dtypeName = o.get('dtype');
  const dtype: DType = typeof dtypeName === 'string' ? (parseDtypeName(dtypeName.replace(/^torch\./, '')) ?? 'float32') : 'float32';
  const kernel = ints(o.get('kernel'), 'kernel');
  const stride = ints(o.get('stride'), 'stride');
  const padding = ints(o.get('padding'), 'padding');
  const dilation = ints(o.get('dilation'), 'dilation');
  const ceil = o.get('ceil') === true;
  const outputSize = ints(o.get('output-size'), 'output-size');
  const needKernel = () => {
    if (kernel === undefined) throw new Error(`size: --kernel is required for ${op}`);
    return kernel;
  };
  let plan: pool.PoolPlan;
  try {
    switch (kind) {
      case 'max_pool':
        plan = pool.maxPoolShape(nd, input, dtype, { kernelSize: needKernel(), stride: stride ?? null, padding: padding ?? 0, dilation: dilation ?? 1, ceilMode: ceil, returnIndices: o.get('return-indices') === true });
        break;
      case 'avg_pool': {
        const div = o.get('divisor-override');
        plan = pool.avgPoolShape(nd, input, dtype, { kernelSize: needKernel(), stride: stride ?? null, padding: padding ?? 0, ceilMode: ceil, countIncludePad: o.get('no-count-include-pad') !== true, divisorOverride: typeof div === 'string' ? parseInt(div, 10) : null });
        break;
      }
      case 'lp_pool': {
        if (nd === 3) throw new Error('size: lp_pool exists in 1-D and 2-D only');
        const p = o.get('norm-type');
        plan = pool.lpPoolShape(nd, input, dtype, typeof p === 'string' ? parseFloat(p) : 2, needKernel(), stride ?? null, ceil, { normIsInt: false, fromModule: true });
        break;
      }
      case 'adaptive_avg_pool':
      case 'adaptive_max_pool': {
        if (outputSize === undefined) throw new Error(`size: --output-size is required for ${op}`);
        plan = kind === 'adaptive_avg_pool'
          ? pool.adaptiveAvgPoolShape(nd, input, dtype, outputSize)
          : pool.adaptiveMaxPoolShape(nd, input, dtype, outputSize, false);
        break;
      }
      case 'max_unpool': {
        const os = outputSize === undefined ? null : typeof outputSize === 'number' ? [outputSize] : outputSize;
        plan = pool.maxUnpoolShape(nd, input, dtype, input, 'int64', needKernel(), stride ?? null, padding ?? 0, os);
        break;
      }
      default: {
        if (nd === 1) throw new Error('size: fractional_max_pool exists in 2-D and 3-D only');
        plan = pool.fractionalMaxPoolShape(nd, input, dtype, needKernel(), outputSize ?? null, null, false);
      }
    }
  } catch (e) {
    if (e instanceof TorchError) return { text: '', error: `${e.pyType}: ${e.message}` };
    throw e;
  }
  const lines = [`${op}: input [${input.join(', ')}] -> output [${plan.outputShape.join(', ')}]`];
  for (const d of plan.derivation) lines.push(describe(d));
  if (plan.derivation.length === 0 && /adaptive/.test(kind)) lines.push('  (adaptive: each output cell averages/maximises bin [floor(i*L/out), ceil((i+1)*L/out)) of its axis)');
  return { text: lines.join('\n') + '\n' };
}
