// A tensor: shape + dtype header, then a grid of values (one grid per 2-D plane, leading
// batch/channel dims as labelled small multiples), a heatmap on a canvas when there are too
// many values for a grid, or an image when asked for (show(x, mode='image')).

import type { TensorView } from '../common/viewModel';
import { colourOf, NAN_RGB, NEG_INF_RGB, POS_INF_RGB, rgb, viridis } from './colormap';
import { finiteRange, formatValue, numel, planeIndex, planeLayout, Range, tensorValues } from './data';
import { append, el } from './dom';
import { label } from './labels';

export interface RenderOptions {
  /** above this many values a tensor is drawn as a heatmap (setting poolnb.display.gridMaxCells) */
  gridMaxCells: number;
}

export const DEFAULT_OPTIONS: RenderOptions = { gridMaxCells: 400 };
const MAX_GRID_PLANES = 16;
const MAX_HEATMAP_PLANES = 8;
const MAX_IMAGES = 8;
/** a forced grid (mode 'grid') still stops here: the page would not stay responsive */
const HARD_GRID_LIMIT = 5000;

export function shapeHeader(view: TensorView, range?: Range): HTMLElement {
  const header = el('div', 'poolnb-shape');
  append(header,
    el('span', 'poolnb-type', `${label('tensor')}[${view.shape.join(', ')}]`),
    el('span', 'poolnb-dtype', view.dtype));
  if (range && numel(view.shape) > 1 && (range.low !== undefined || range.nan)) {
    // the true extremes (±inf included, NaN skipped and mentioned), not the colour scale's finite ones
    const parts: string[] = [];
    if (range.low !== undefined && range.high !== undefined) {
      parts.push(`${label('min')} ${formatValue(range.low, view.dtype)}`, `${label('max')} ${formatValue(range.high, view.dtype)}`);
    }
    if (range.nan) parts.push(label('hasNaN'));
    append(header, el('span', 'poolnb-range', parts.join(' · ')));
  }
  return header;
}

export function renderTensor(view: TensorView, options: RenderOptions = DEFAULT_OPTIONS): HTMLElement {
  const root = el('div', 'poolnb-tensor');
  root.setAttribute('data-shape', view.shape.join(','));
  const values = tensorValues(view);
  const range = finiteRange(values);
  if (view.display?.title) append(root, el('div', 'poolnb-title', view.display.title));
  append(root, shapeHeader(view, range));
  const n = numel(view.shape);
  const mode = view.display?.mode;
  if (mode === 'image') {
    const image = renderImage(view, values);
    if (image) return append(root, image) as HTMLElement;
    append(root, el('div', 'poolnb-note', label('notImage')));
    return append(root, renderHeatmap(view, values, range)) as HTMLElement;
  }
  const gridFits = mode === 'grid' ? n <= HARD_GRID_LIMIT : n <= options.gridMaxCells;
  if (mode === 'heatmap' || !gridFits) {
    if (mode !== 'heatmap') append(root, el('div', 'poolnb-note', label('largeGrid')));
    return append(root, renderHeatmap(view, values, range)) as HTMLElement;
  }
  return append(root, renderGrids(view, values, range)) as HTMLElement;
}

/** Small multiples: one grid per plane, labelled with its index, e.g. [0, 2, :, :]. */
function renderGrids(view: TensorView, values: Float64Array, range: Range): HTMLElement {
  const { lead, rows, cols, planes } = planeLayout(view.shape);
  const wrap = el('div', 'poolnb-planes');
  const shown = Math.min(planes, MAX_GRID_PLANES);
  for (let p = 0; p < shown; p++) {
    const grid = gridOf(values, p * rows * cols, rows, cols, view.dtype, range);
    if (lead.length) {
      const fig = el('figure', 'poolnb-plane');
      const name = `[${[...planeIndex(lead, p), ...view.shape.slice(-2).map(() => ':')].join(', ')}]`;
      grid.setAttribute('aria-label', label('planeOf', name));
      append(fig, el('figcaption', undefined, name), grid);
      append(wrap, fig);
    } else {
      append(wrap, grid);
    }
  }
  if (planes > shown) append(wrap, el('div', 'poolnb-note', label('morePlanes', planes - shown)));
  return wrap;
}

/** One 2-D plane as a grid of cells, each tinted by its value. */
export function gridOf(values: ArrayLike<number>, offset: number, rows: number, cols: number, dtype: string, range: Range): HTMLElement {
  const grid = el('div', 'poolnb-grid');
  grid.setAttribute('role', 'grid');
  grid.style.gridTemplateColumns = `repeat(${cols}, auto)`;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      grid.append(valueCell(values[offset + r * cols + c], dtype, range));
    }
  }
  return grid;
}

export function valueCell(v: number, dtype: string, range: Range): HTMLElement {
  const cell = el('div', 'poolnb-cell', formatValue(v, dtype));
  cell.setAttribute('role', 'gridcell');
  if (Number.isNaN(v)) cell.classList.add('poolnb-nan');
  else if (!Number.isFinite(v)) cell.classList.add('poolnb-inf');
  else if (range.max > range.min) {
    cell.style.setProperty('--poolnb-t', `${Math.round(((v - range.min) / (range.max - range.min)) * 45)}%`);
  }
  return cell;
}

// ---------------------------------------------------------------- heatmap

function renderHeatmap(view: TensorView, values: Float64Array, range: Range): HTMLElement {
  const { lead, rows, cols, planes } = planeLayout(view.shape);
  const wrap = el('div', 'poolnb-heatmap');
  const multiples = el('div', 'poolnb-planes');
  const shown = Math.min(planes, MAX_HEATMAP_PLANES);
  const scale = pixelScale(rows, cols, planes > 1 ? 160 : 320);
  let nan = false; let pinf = false; let ninf = false;
  for (let p = 0; p < shown; p++) {
    const canvas = el('canvas', 'poolnb-canvas');
    canvas.width = cols; canvas.height = rows;
    canvas.style.width = `${cols * scale}px`; canvas.style.height = `${rows * scale}px`;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      const img = ctx.createImageData(cols, rows);
      const base = p * rows * cols;
      for (let i = 0; i < rows * cols; i++) {
        const v = values[base + i];
        if (Number.isNaN(v)) nan = true; else if (v === Infinity) pinf = true; else if (v === -Infinity) ninf = true;
        const [r, g, b] = colourOf(v, range.min, range.max);
        img.data[4 * i] = r; img.data[4 * i + 1] = g; img.data[4 * i + 2] = b; img.data[4 * i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
    }
    const name = lead.length ? `[${[...planeIndex(lead, p), ':', ':'].join(', ')}]` : `[${view.shape.join(', ')}]`;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label('heatmapOf', name));
    const fig = el('figure', 'poolnb-plane');
    append(fig, lead.length ? el('figcaption', undefined, name) : undefined, canvas);
    append(multiples, fig);
  }
  if (planes > shown) append(multiples, el('div', 'poolnb-note', label('morePlanes', planes - shown)));
  append(wrap, multiples, legend(range, view.dtype, { nan, pinf, ninf }));
  return wrap;
}

/** Integer CSS scale so small maps stay visible and pixels stay square (nearest neighbour). */
function pixelScale(rows: number, cols: number, target: number): number {
  return Math.max(1, Math.floor(target / Math.max(rows, cols, 1)));
}

function legend(range: Range, dtype: string, special: { nan: boolean; pinf: boolean; ninf: boolean }): HTMLElement {
  const box = el('div', 'poolnb-legend');
  box.setAttribute('aria-label', label('legend'));
  const bar = el('canvas');
  bar.width = 1; bar.height = 64;
  const ctx = bar.getContext('2d');
  if (ctx) {
    const img = ctx.createImageData(1, 64);
    for (let y = 0; y < 64; y++) {
      const [r, g, b] = viridis(1 - y / 63);
      img.data.set([r, g, b, 255], 4 * y);
    }
    ctx.putImageData(img, 0, 0);
  }
  append(box, el('span', undefined, formatValue(range.max, dtype)), bar, el('span', undefined, formatValue(range.min, dtype)));
  const swatch = (text: string, c: [number, number, number]) => {
    const s = el('span', 'poolnb-swatch', text);
    s.style.setProperty('--swatch', rgb(c));
    return s;
  };
  if (special.nan) append(box, swatch(label('nan'), NAN_RGB));
  if (special.pinf) append(box, swatch(label('posInf'), POS_INF_RGB));
  if (special.ninf) append(box, swatch(label('negInf'), NEG_INF_RGB));
  return box;
}

// ---------------------------------------------------------------- image

/** 1- or 3-channel tensors with every value in [0, 1]: [H,W], [C,H,W] or [N,C,H,W]. */
function renderImage(view: TensorView, values: Float64Array): HTMLElement | undefined {
  const s = view.shape;
  let n = 1; let c = 1; let h: number; let w: number;
  if (s.length === 2) [h, w] = s;
  else if (s.length === 3) [c, h, w] = s;
  else if (s.length === 4) [n, c, h, w] = s;
  else return undefined;
  if (c !== 1 && c !== 3) return undefined;
  for (const v of values) if (!(v >= 0 && v <= 1)) return undefined; // also rejects NaN
  const wrap = el('div', 'poolnb-planes');
  const scale = pixelScale(h, w, 256);
  for (let b = 0; b < Math.min(n, MAX_IMAGES); b++) {
    const canvas = el('canvas', 'poolnb-canvas');
    canvas.width = w; canvas.height = h;
    canvas.style.width = `${w * scale}px`; canvas.style.height = `${h * scale}px`;
    canvas.style.maxWidth = '100%';
    const ctx = canvas.getContext('2d');
    if (ctx) {
      const img = ctx.createImageData(w, h);
      const plane = h * w;
      const base = b * c * plane;
      for (let i = 0; i < plane; i++) {
        for (let ch = 0; ch < 3; ch++) {
          img.data[4 * i + ch] = Math.round(255 * values[base + (c === 3 ? ch : 0) * plane + i]);
        }
        img.data[4 * i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
    }
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label('imageOf', `[${n > 1 || s.length === 4 ? b + ', ' : ''}:, :, :]`));
    append(wrap, canvas);
  }
  if (n > MAX_IMAGES) append(wrap, el('div', 'poolnb-note', label('morePlanes', n - MAX_IMAGES)));
  return wrap;
}
