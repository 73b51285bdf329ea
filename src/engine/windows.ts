// Window provenance: which input positions an output element of a pooling op looked at,
// for the renderer (hover an output cell, see its window) and for explanations.

import { adaptiveEnd, adaptiveStart } from './outputSize';
import type { Tensor } from './tensor';

export interface WindowSource {
  op: string;
  params: Readonly<Record<string, unknown>>;
  /** winning indices of a max op (per plane), when computed */
  indices?: Tensor;
}

export interface PoolWindow {
  /** the taps in scan order, flat within the input plane; -1 marks a tap outside the input (padding or ceil overhang) */
  taps: number[];
  /** the flat input position that won (max ops with indices); may be outside the plane for an all-padding window */
  winner?: number;
}

function list(v: unknown, nd: number, dflt: number): number[] {
  if (typeof v === 'number') return new Array<number>(nd).fill(v);
  if (Array.isArray(v) && v.length === nd) return v as number[];
  if (Array.isArray(v) && v.length === 1) return new Array<number>(nd).fill(v[0] as number);
  return new Array<number>(nd).fill(dflt);
}

/** Per-axis tap positions (may be outside [0, L)). */
function axisTaps(op: string, p: Readonly<Record<string, unknown>>, nd: number, inS: readonly number[], out: readonly number[]): number[][] {
  if (op.startsWith('adaptive_')) {
    const os = list(p.outputSize, nd, 1);
    return out.map((o, i) => {
      const r: number[] = [];
      for (let x = adaptiveStart(o, os[i], inS[i]); x < adaptiveEnd(o, os[i], inS[i]); x++) r.push(x);
      return r;
    });
  }
  if (op.startsWith('fractional_')) {
    const k = list(p.kernelSize, nd, 1);
    const starts = p.windowStarts as number[][] | undefined;
    return out.map((o, i) => {
      const s0 = starts?.[i]?.[o] ?? 0;
      return Array.from({ length: k[i] }, (_, j) => s0 + j);
    });
  }
  if (op.startsWith('max_unpool')) return out.map(() => []);
  const k = list(p.kernelSize, nd, 1);
  const s = list(p.stride, nd, 1);
  const pad = list(p.padding, nd, 0);
  const d = list(p.dilation, nd, 1);
  return out.map((o, i) => Array.from({ length: k[i] }, (_, j) => o * s[i] - pad[i] + j * d[i]));
}

/**
 * The window of output element `outputSpatialIndex` (spatial coordinates, outermost
 * first) of a pooling result, in the input plane of shape `inputSpatialShape`.
 * `plane` selects which (n, c) plane's winner to report (row-major over leading dims).
 */
export function poolWindow(src: WindowSource, inputSpatialShape: readonly number[], outputSpatialIndex: readonly number[], plane = 0): PoolWindow {
  const nd = inputSpatialShape.length;
  const per = axisTaps(src.op, src.params, nd, inputSpatialShape, outputSpatialIndex);
  const taps: number[] = [];
  const walk = (axis: number, flat: number, inside: boolean) => {
    if (axis === nd) { taps.push(inside ? flat : -1); return; }
    for (const x of per[axis]) {
      const ok = x >= 0 && x < inputSpatialShape[axis];
      walk(axis + 1, flat * inputSpatialShape[axis] + x, inside && ok);
    }
  };
  if (per.every((a) => a.length > 0)) walk(0, 0, true);
  const result: PoolWindow = { taps };
  const ind = src.indices;
  if (ind && ind.ndim >= nd) {
    const outS = ind.shape.slice(ind.ndim - nd);
    let flat = 0;
    for (let i = 0; i < nd; i++) flat = flat * outS[i] + outputSpatialIndex[i];
    const outPlane = outS.reduce((a, b) => a * b, 1);
    const at = plane * outPlane + flat;
    if (at < ind.numel) result.winner = ind.at(at);
  }
  return result;
}
