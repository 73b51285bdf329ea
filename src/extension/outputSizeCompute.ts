// The answer of "Pooling: Compute Output Size": the engine's shape-only validator for the
// chosen layer (the same checks and errors as PyTorch, no data needed) and its per-axis
// derivation, written out as text. No `vscode` here; the command shows the text.

import type { AxisDerivation } from '../common/viewModel';
import { TorchError } from '../engine/errors';
import { unpoolDefaultSize } from '../engine/outputSize';
import {
  adaptiveAvgPoolShape, adaptiveMaxPoolShape, avgPoolShape, fractionalMaxPoolShape, lpPoolShape,
  maxPoolShape, maxUnpoolShape, PoolPlan,
} from '../engine/pool';
import { buildCellCode, formatShape, L10n, LayerArgs, LayerSpec, plainL10n, Value } from './outputSizeInput';

export type OutputSizeAnswer =
  | { ok: true; outputShape: number[]; indicesShape?: number[]; derivation: AxisDerivation[]; text: string; code: string }
  | { ok: false; error: string; text: string; code: string };

type Ints = number | number[];

/** An integer or a tuple of integers, as the module's int-or-tuple parameters take them. */
function ints(name: string, v: Value, l10n: L10n): Ints {
  const ok = (n: number | null) => typeof n === 'number' && Number.isInteger(n);
  if (typeof v === 'number' && ok(v)) return v;
  if (Array.isArray(v) && v.every(ok)) return v as number[];
  throw new TorchError('TypeError', l10n.t('{0} must be a whole number or a tuple of whole numbers', name));
}

function optionalInts(name: string, v: Value, l10n: L10n): Ints | null {
  return v === null ? null : ints(name, v, l10n);
}

function bool(v: Value): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

/** Runs the engine's shape validator for the layer on an input of `shape`. */
export function planFor(layer: LayerSpec, args: LayerArgs, shape: number[], l10n: L10n = plainL10n): PoolPlan {
  const v = args.values;
  const nd = layer.nd;
  switch (layer.family) {
    case 'maxPool':
      return maxPoolShape(nd, shape, 'float32', {
        kernelSize: ints('kernel_size', v.kernel_size, l10n), stride: optionalInts('stride', v.stride, l10n),
        padding: ints('padding', v.padding, l10n), dilation: ints('dilation', v.dilation, l10n),
        ceilMode: bool(v.ceil_mode), returnIndices: bool(v.return_indices),
      });
    case 'avgPool':
      return avgPoolShape(nd, shape, 'float32', {
        kernelSize: ints('kernel_size', v.kernel_size, l10n), stride: optionalInts('stride', v.stride, l10n),
        padding: ints('padding', v.padding, l10n), ceilMode: bool(v.ceil_mode),
        countIncludePad: bool(v.count_include_pad),
        divisorOverride: typeof v.divisor_override === 'number' ? v.divisor_override : null,
      });
    case 'lpPool': {
      if (typeof v.norm_type !== 'number') throw new TorchError('TypeError', l10n.t('norm_type must be a number'));
      return lpPoolShape(nd as 1 | 2, shape, 'float32', v.norm_type, ints('kernel_size', v.kernel_size, l10n),
        optionalInts('stride', v.stride, l10n), bool(v.ceil_mode), { normIsInt: false, fromModule: true });
    }
    case 'adaptiveAvgPool':
      return adaptiveAvgPoolShape(nd, shape, 'float32', adaptiveSize(v.output_size, l10n));
    case 'adaptiveMaxPool':
      return adaptiveMaxPoolShape(nd, shape, 'float32', adaptiveSize(v.output_size, l10n), bool(v.return_indices));
    case 'maxUnpool':
      return maxUnpoolShape(nd, shape, 'float32', shape, 'int64', ints('kernel_size', v.kernel_size, l10n),
        optionalInts('stride', v.stride, l10n), ints('padding', v.padding, l10n), null);
    case 'fractionalMaxPool': {
      const ratio = v.output_ratio;
      if (ratio !== null && typeof ratio !== 'number' && !Array.isArray(ratio)) {
        throw new TorchError('TypeError', l10n.t('output_ratio must be a number or a tuple of numbers'));
      }
      return fractionalMaxPoolShape(nd as 2 | 3, shape, 'float32', ints('kernel_size', v.kernel_size, l10n),
        optionalInts('output_size', v.output_size, l10n),
        ratio as number | number[] | null, bool(v.return_indices));
    }
  }
}

function adaptiveSize(v: Value, l10n: L10n): number | (number | null)[] {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (Array.isArray(v) && v.every((x) => x === null || Number.isInteger(x))) return v;
  throw new TorchError('TypeError', l10n.t('output_size must be a whole number or a tuple of whole numbers or None'));
}

/** The answer, as text for a dialog and as the cell that reproduces it. */
export function computeOutputSize(layer: LayerSpec, args: LayerArgs, shape: number[], l10n: L10n = plainL10n): OutputSizeAnswer {
  const code = buildCellCode(layer, args, shape);
  const title = [`nn.${layer.name}(${args.source})`, l10n.t('Input: {0}', formatShape(shape))].join('\n');
  let plan: PoolPlan;
  try {
    plan = planFor(layer, args, shape, l10n);
  } catch (e) {
    if (!(e instanceof TorchError)) throw e;
    const error = e.message ? `${e.pyType}: ${e.message}` : e.pyType;
    return { ok: false, error, code, text: [title, '', error].join('\n') };
  }
  const lines = [title, l10n.t('Output: {0}', formatShape(plan.outputShape))];
  if (plan.indicesShape) lines.push(l10n.t('Indices: {0} (int64)', formatShape(plan.indicesShape)));
  lines.push('');
  for (const d of plan.derivation) {
    lines.push(`${d.axis}_out = ${d.formula}`, `      = ${d.substituted} = ${d.output}`);
    if (d.ceilCorrection) {
      lines.push('      ' + l10n.t('ceil correction: the last window would start in the right padding, so it is dropped'));
    }
  }
  if (!plan.derivation.length) lines.push(...otherDerivation(layer, args, shape, plan, l10n));
  return { ok: true, outputShape: plan.outputShape, indicesShape: plan.indicesShape, derivation: plan.derivation,
    text: lines.join('\n').trimEnd(), code };
}

/** Ops without a kernel derivation: adaptive bins, unpooling, fractional windows. */
function otherDerivation(layer: LayerSpec, args: LayerArgs, shape: number[], plan: PoolPlan, l10n: L10n): string[] {
  const nd = layer.nd;
  const inS = shape.slice(-nd);
  const outS = plan.outputShape.slice(-nd);
  const names = nd === 1 ? ['L'] : nd === 2 ? ['H', 'W'] : ['D', 'H', 'W'];
  if (layer.family === 'maxUnpool') {
    const per = (v: Value | undefined, i: number, dflt: number) =>
      (Array.isArray(v) ? (v[i] ?? dflt) : typeof v === 'number' ? v : dflt);
    return names.map((a, i) => {
      const k = per(args.values.kernel_size, i, 1);
      const s = per(args.values.stride, i, k);
      const p = per(args.values.padding, i, 0);
      return `${a}_out = (${a} - 1)·s - 2p + k = (${inS[i]} - 1)·${s} - ${2 * p} + ${k} = ${unpoolDefaultSize(inS[i], k, s, p)}`;
    });
  }
  if (layer.family === 'fractionalMaxPool') {
    return [l10n.t('Fractional max pooling: {0} → {1} with pseudo-random window starts', inS.join('×'), outS.join('×'))];
  }
  return [
    l10n.t('Adaptive pooling: {0} → {1}; window i covers [floor(i·in/out), ceil((i+1)·in/out))', inS.join('×'), outS.join('×')),
  ];
}
