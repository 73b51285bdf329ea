// Tensor values from the view model: JSON lists (non-finite numbers as strings) or
// base64 of little-endian typed-array bytes, as src/common/viewModel.ts describes.

import type { TensorView } from '../common/viewModel';
import { decodeBase64 } from '../common/base64';

export function tensorValues(view: TensorView): Float64Array {
  const data = view.data;
  if (data.encoding === 'list') {
    const out = new Float64Array(data.values.length);
    data.values.forEach((v, i) => {
      out[i] = v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
    });
    return out;
  }
  const bytes = decodeBase64(data.bytes);
  const buf = bytes.buffer;
  switch (view.dtype) {
    case 'float32': return Float64Array.from(new Float32Array(buf, 0, bytes.length >> 2));
    case 'float64': case 'int64': return new Float64Array(buf, 0, bytes.length >> 3);
    case 'int32': return Float64Array.from(new Int32Array(buf, 0, bytes.length >> 2));
    default: return Float64Array.from(bytes);
  }
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Splits a shape into leading "plane" dims and a 2-D plane (rows x cols). */
export function planeLayout(shape: readonly number[]): { lead: number[]; rows: number; cols: number; planes: number } {
  if (shape.length === 0) return { lead: [], rows: 1, cols: 1, planes: 1 };
  if (shape.length === 1) return { lead: [], rows: 1, cols: shape[0], planes: 1 };
  const lead = shape.slice(0, -2);
  return { lead, rows: shape[shape.length - 2], cols: shape[shape.length - 1], planes: numel(lead) };
}

/** The index tuple of plane p, e.g. [0, 2] for a 1x3xHxW tensor. */
export function planeIndex(lead: readonly number[], p: number): number[] {
  const idx = new Array<number>(lead.length);
  for (let i = lead.length - 1; i >= 0; i--) { idx[i] = p % lead[i]; p = Math.floor(p / lead[i]); }
  return idx;
}

/**
 * min/max over the finite values (the colour scale), plus what a reader is told: `low`/`high`
 * over every value that is not NaN (so ±inf count; undefined when all are NaN) and the NaN count.
 */
export interface Range { min: number; max: number; finite: number; low?: number; high?: number; nan: number }

export function finiteRange(values: ArrayLike<number>, from = 0, to = values.length): Range {
  let min = Infinity; let max = -Infinity; let finite = 0;
  let low = Infinity; let high = -Infinity; let nan = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v !== v) { nan++; continue; }
    if (v < low) low = v;
    if (v > high) high = v;
    if (Number.isFinite(v)) { finite++; if (v < min) min = v; if (v > max) max = v; }
  }
  const r: Range = finite ? { min, max, finite, nan } : { min: 0, max: 0, finite, nan };
  if (nan < to - from) { r.low = low; r.high = high; }
  return r;
}

/** Compact text for one value: integers as they are, floats with up to 4 significant digits. */
export function formatValue(v: number, dtype: string): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (dtype !== 'float32' && dtype !== 'float64') return String(v);
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e');
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}
