// Display values -> the view model of src/common/viewModel.ts (what the renderer draws),
// with the text/plain repr beside it. Pooling results carry their derivation (from
// engine/outputSize.ts) and the window of every output element (engine/windows.ts).

import { Tensor } from '../../engine/tensor';
import { encodeBase64 } from '../../common/base64';
import { deriveAxis } from '../../engine/outputSize';
import { poolWindow } from '../../engine/windows';
import { adaptiveMaxPool, maxPool } from '../../engine/pool';
import type { Provenance } from '../../engine/tensor';
import type { AxisDerivation, JsonNumber, PoolingView, TensorData, TensorView, ValueView } from '../../common/viewModel';
import { DisplayRequest, PyInstance, PyList, PyTuple, Value } from '../interp/values';
import { repr } from '../interp/repr';

/** Tensors above this many elements travel as base64 bytes instead of a JSON list. */
export const LIST_LIMIT = 1000;
/** Windows are listed for at most this many output elements (the renderer draws plane 0). */
const WINDOW_LIMIT = 4096;
/** Winners are recomputed for display only for inputs up to this many elements. */
const WINNER_INPUT_LIMIT = 1 << 20;

/**
 * The winning indices of a max op, so the renderer can mark each window's maximum even
 * when the user did not ask for return_indices: the engine runs the same op again with
 * indices (one rule for "which tap wins" — the engine's), on inputs small enough to show.
 */
function maxWinners(prov: Provenance, nd: 1 | 2 | 3): Tensor | undefined {
  if (prov.indices) return prov.indices;
  if (prov.input.numel > WINNER_INPUT_LIMIT) return undefined;
  const p = prov.params as Record<string, unknown>;
  try {
    if (/^max_pool[123]d$/.test(prov.op)) {
      return maxPool(nd, prov.input, {
        kernelSize: p.kernelSize as number[], stride: p.stride as number[], padding: p.padding as number[],
        dilation: p.dilation as number[], ceilMode: Boolean(p.ceilMode), returnIndices: true,
      }).indices;
    }
    if (/^adaptive_max_pool[123]d$/.test(prov.op)) {
      return adaptiveMaxPool(nd, prov.input, p.outputSize as number[], true).indices;
    }
  } catch {
    // the view simply goes without winners
  }
  return undefined;
}

export function jsonNumber(v: number): JsonNumber {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}

export function tensorData(t: Tensor, listLimit = LIST_LIMIT): TensorData {
  const dense = t.toStorage();
  if (t.numel <= listLimit) return { encoding: 'list', values: Array.from(dense, jsonNumber) };
  // int64 is stored as float64 already; typed-array bytes are little-endian on every host we run on.
  return { encoding: 'base64', bytes: encodeBase64(new Uint8Array(dense.buffer, dense.byteOffset, dense.byteLength)) };
}

export function tensorView(t: Tensor, withPooling = true, listLimit = LIST_LIMIT): TensorView {
  const v: TensorView = { kind: 'tensor', shape: t.shape.slice(), dtype: t.dtype, data: tensorData(t, listLimit), text: repr(t) };
  if (withPooling && t.provenance) {
    const p = poolingView(t, listLimit);
    if (p) v.pooling = p;
  }
  return v;
}

const AXES: Record<number, string[]> = { 1: ['L'], 2: ['H', 'W'], 3: ['D', 'H', 'W'] };

/** The derivation and windows of a pooling result (its provenance). */
export function poolingView(t: Tensor, listLimit = LIST_LIMIT): PoolingView | undefined {
  const prov = t.provenance;
  if (!prov) return undefined;
  const params = prov.params as Record<string, unknown>;
  const input = prov.input;
  const nd = /([123])d/.exec(prov.op)?.[1];
  const n = nd ? Number(nd) : 2;
  const inSpatial = input.shape.slice(input.ndim - n);
  const outSpatial = t.shape.slice(t.ndim - n);
  const derivation: AxisDerivation[] = [];
  const k = params.kernelSize as number[] | undefined;
  if (Array.isArray(k) && !/adaptive|fractional|unpool/.test(prov.op)) {
    const s = (params.stride as number[]) ?? k, p = (params.padding as number[]) ?? k.map(() => 0);
    const d = (params.dilation as number[]) ?? k.map(() => 1);
    const ceil = Boolean(params.ceilMode);
    for (let i = 0; i < n && i < k.length; i++) derivation.push(deriveAxis(AXES[n][i], inSpatial[i], k[i], s[i], p[i], d[i], ceil));
  }
  const view: PoolingView = { op: prov.op, params: { ...params }, input: tensorView(input, false, listLimit), derivation };
  const outCount = outSpatial.reduce((a, b) => a * b, 1);
  const winners = outCount <= WINDOW_LIMIT ? maxWinners(prov, n as 1 | 2 | 3) : prov.indices;
  if (winners) view.indices = tensorView(winners, false, listLimit);
  if (!/unpool/.test(prov.op) && outCount <= WINDOW_LIMIT) {
    try {
      const windows: number[][] = [];
      const idx = new Array<number>(n).fill(0);
      for (let o = 0; o < outCount; o++) {
        let r = o;
        for (let a = n - 1; a >= 0; a--) { idx[a] = r % outSpatial[a]; r = Math.floor(r / outSpatial[a]); }
        windows.push(poolWindow({ op: prov.op, params: prov.params, indices: winners }, inSpatial, idx).taps);
      }
      view.windows = windows;
    } catch {
      // An op the window walker does not know (e.g. fractional): the view goes without windows.
    }
  }
  return view;
}

export function valueView(v: Value, depth = 0, listLimit = LIST_LIMIT): ValueView {
  if (v instanceof Tensor) return tensorView(v, true, listLimit);
  if (v instanceof PyInstance && v.module) {
    const params: Record<string, unknown> = {};
    for (const [k, x] of v.dict) params[k] = plain(x);
    return { kind: 'module', name: v.cls.name, text: repr(v), params };
  }
  if ((v instanceof PyList || v instanceof PyTuple) && depth < 2 && v.items.some((x) => x instanceof Tensor)) {
    return { kind: 'sequence', text: repr(v), items: v.items.slice(0, 16).map((x) => valueView(x, depth + 1, listLimit)) };
  }
  return { kind: 'text', text: repr(v) };
}

function plain(v: Value): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(plain);
  if (typeof v === 'object' && 'v' in v) return (v as { v: number }).v;
  return repr(v);
}

/** A display request -> the view (with show()'s mode/title) and its text/plain. */
export function displayView(req: DisplayRequest, listLimit = LIST_LIMIT): { view: ValueView; text: string } {
  const view = valueView(req.value, 0, listLimit);
  if (view.kind === 'tensor' && (req.mode || req.title)) {
    view.display = {};
    if (req.mode) view.display.mode = req.mode;
    if (req.title) view.display.title = req.title;
  }
  return { view, text: view.text };
}
