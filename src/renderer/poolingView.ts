// A pooling result: the input grid with its padding drawn around it (and the ceil-mode
// overhang, where a last window runs past the padding) next to the output grid. Hovering
// or focusing an output cell highlights its window's taps in the input and, for max
// pooling, the winning input cell. Arrow keys move between output cells (one tab stop).
// The output-size derivation per axis is drawn below.
//
// Window geometry: for kernel-based ops a window is, per axis, the taps o*s - p + j*d for
// j < k (PyTorch's definition; the derivation carries k, s, p, d). That places padding and
// overhang taps, which flat `windows` (-1 for padding) cannot. Ops without a derivation
// (adaptive, fractional) use the `windows` list the kernel computed.

import type { AxisDerivation, PoolingView, TensorView } from '../common/viewModel';
import { finiteRange, formatValue, numel, planeIndex, Range, tensorValues } from './data';
import { append, el } from './dom';
import { label } from './labels';
import { renderTensor, RenderOptions, shapeHeader, valueCell } from './tensorView';

/** Per-axis geometry, always 3 axes (D, H, W); missing axes have size 1. */
interface Axis { size: number; out: number; k: number; s: number; p: number; d: number; lo: number; hi: number }

const MAX_INPUT_CELLS = 1024;
const MAX_PLANE_CHOICES = 256;

function spatialRank(view: PoolingView): number {
  if (view.derivation.length) return view.derivation.length;
  const m = /(\d)d/.exec(view.op);
  return m ? Number(m[1]) : 2;
}

function axes(input: number[], output: number[], der: AxisDerivation[]): Axis[] {
  const nd = input.length;
  const out: Axis[] = [];
  for (let a = 0; a < 3; a++) {
    const i = a - (3 - nd);
    if (i < 0) { out.push({ size: 1, out: 1, k: 1, s: 1, p: 0, d: 1, lo: 0, hi: 0 }); continue; }
    const dv = der[i];
    const ax: Axis = dv
      ? { size: input[i], out: output[i], k: dv.kernel, s: dv.stride, p: dv.padding, d: dv.dilation, lo: 0, hi: 0 }
      : { size: input[i], out: output[i], k: 1, s: 1, p: 0, d: 1, lo: 0, hi: 0 };
    // drawn range: the padding on both sides, and further right when a ceil-mode window overhangs
    const lastTap = (ax.out - 1) * ax.s - ax.p + (ax.k - 1) * ax.d;
    ax.lo = -ax.p;
    ax.hi = Math.max(ax.size + ax.p - 1, dv ? lastTap : ax.size - 1);
    out.push(ax);
  }
  return out;
}

export function renderPooling(view: TensorView, options: RenderOptions): HTMLElement {
  const pooling = view.pooling!;
  const nd = spatialRank(pooling);
  const inShape = pooling.input.shape;
  const inSpatial = inShape.slice(-nd);
  const outSpatial = view.shape.slice(-nd);
  const geo = axes(inSpatial, outSpatial, pooling.derivation);
  const drawnCells = geo.reduce((n, a) => n * (a.hi - a.lo + 1), 1);
  const isUnpool = /unpool/.test(pooling.op);
  const root = el('div', 'poolnb-tensor poolnb-pooling-result');
  root.setAttribute('data-op', pooling.op);

  if (isUnpool || drawnCells > Math.max(MAX_INPUT_CELLS, options.gridMaxCells) || inShape.length < nd) {
    // too large (or not a window op) for linked grids: the output as a tensor, then the derivation
    append(root, renderTensor({ ...view, pooling: undefined }, options));
    append(root, derivationBlock(pooling));
    return root;
  }

  if (view.display?.title) append(root, el('div', 'poolnb-title', view.display.title));
  const outValues = tensorValues(view);
  const inValues = tensorValues(pooling.input);
  const idxValues = pooling.indices ? tensorValues(pooling.indices) : undefined;
  const inPlane = numel(inSpatial);
  const outPlane = numel(outSpatial);
  const lead = view.shape.slice(0, -nd);
  const planes = numel(lead);
  const inRange = finiteRange(inValues);
  const outRange = finiteRange(outValues);
  append(root, shapeHeader(view, outRange));

  const stage = el('div', 'poolnb-pooling');
  const controls = el('div', 'poolnb-note');
  let plane = 0;
  if (planes > 1) {
    const select = el('select');
    select.setAttribute('aria-label', label('plane'));
    for (let p = 0; p < Math.min(planes, MAX_PLANE_CHOICES); p++) {
      const opt = el('option', undefined, `[${planeIndex(lead, p).join(', ')}]`);
      opt.value = String(p);
      select.append(opt);
    }
    select.addEventListener('change', () => { plane = Number(select.value); draw(); });
    append(controls, label('plane'), select);
  }
  append(root, controls, stage, key(pooling.op, geo), derivationBlock(pooling));

  // max pooling pads with -inf (padding never wins), average pooling with 0
  const padText = /max/.test(pooling.op) ? '-∞' : '0';

  function draw(): void {
    stage.textContent = '';
    const inputCells = new Map<string, HTMLElement>();
    const inputBox = el('div', 'poolnb-input');
    append(inputBox, el('h4', undefined, `${label('input')} [${inShape.join(', ')}]`));
    append(inputBox, slices(geo, 'in', (z, y, x) => {
      const inside = z >= 0 && z < geo[0].size && y >= 0 && y < geo[1].size && x >= 0 && x < geo[2].size;
      let cell: HTMLElement;
      if (inside) {
        cell = valueCell(inValues[plane * inPlane + (z * geo[1].size + y) * geo[2].size + x], pooling.input.dtype, inRange);
      } else {
        const over = z >= geo[0].size + geo[0].p || y >= geo[1].size + geo[1].p || x >= geo[2].size + geo[2].p;
        cell = el('div', over ? 'poolnb-cell poolnb-overhang' : 'poolnb-cell poolnb-pad', over ? '' : padText);
        cell.title = over ? label('overhang') : label('padding');
        cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-label', over ? label('overhang') : label('padding'));
      }
      inputCells.set(`${z},${y},${x}`, cell);
      return cell;
    }));

    const outputBox = el('div', 'poolnb-output');
    append(outputBox, el('h4', undefined, `${label('output')} [${view.shape.join(', ')}]`));
    const outputCells: HTMLElement[] = [];
    const outGeo: Axis[] = geo.map((a) => ({ ...a, lo: 0, hi: a.out - 1, p: 0 }));
    let lit: HTMLElement[] = [];
    const clear = () => { for (const c of lit) c.classList.remove('poolnb-window-tap', 'poolnb-winner', 'poolnb-active'); lit = []; };
    const show = (q: number) => {
      clear();
      const { taps, winner } = windowOf(q);
      for (const t of taps) {
        const c = inputCells.get(t.join(','));
        if (c) { c.classList.add('poolnb-window-tap'); lit.push(c); }
      }
      if (winner) {
        const c = inputCells.get(winner.join(','));
        if (c) { c.classList.add('poolnb-winner'); lit.push(c); }
      }
      outputCells[q].classList.add('poolnb-active');
      lit.push(outputCells[q]);
    };
    const windowOf = (q: number): { taps: number[][]; winner?: number[] } => {
      const oz = Math.floor(q / (geo[1].out * geo[2].out));
      const oy = Math.floor(q / geo[2].out) % geo[1].out;
      const ox = q % geo[2].out;
      let taps: number[][];
      if (pooling.derivation.length) {
        const along = (a: Axis, o: number) => Array.from({ length: a.k }, (_, j) => o * a.s - a.p + j * a.d);
        taps = [];
        for (const z of along(geo[0], oz)) for (const y of along(geo[1], oy)) for (const x of along(geo[2], ox)) taps.push([z, y, x]);
      } else {
        taps = (pooling.windows?.[q] ?? []).filter((f) => f >= 0).map((f) => unravel(f, geo));
      }
      const w = idxValues?.[plane * outPlane + q];
      return { taps, winner: w !== undefined && w >= 0 ? unravel(w, geo) : undefined };
    };
    append(outputBox, slices(outGeo, 'out', (z, y, x) => {
      const q = (z * geo[1].out + y) * geo[2].out + x;
      const v = outValues[plane * outPlane + q];
      const cell = valueCell(v, view.dtype, outRange);
      const { taps, winner } = windowOf(q);
      const inInput = taps.filter((t) => t.every((c, a) => c >= 0 && c < geo[a].size)).length;
      const overhang = taps.filter((t) => t.some((c, a) => c >= geo[a].size + geo[a].p)).length;
      const parts = [label('outputCell', `[${coords(z, y, x, nd)}]`, formatValue(v, view.dtype)),
        label('windowCovers', inInput)];
      if (taps.length - inInput - overhang > 0) parts.push(label('windowPads', taps.length - inInput - overhang));
      if (overhang > 0) parts.push(label('windowOverhang', overhang));
      if (winner) parts.push(label('winnerAt', `[${coords(winner[0], winner[1], winner[2], nd)}]`));
      cell.setAttribute('aria-label', parts.join(', '));
      cell.tabIndex = q === 0 ? 0 : -1;
      cell.addEventListener('mouseenter', () => show(q));
      cell.addEventListener('focus', () => show(q));
      cell.addEventListener('keydown', (e) => {
        const step: Record<string, number> = {
          ArrowRight: 1, ArrowLeft: -1, ArrowDown: geo[2].out, ArrowUp: -geo[2].out,
          PageDown: geo[1].out * geo[2].out, PageUp: -geo[1].out * geo[2].out,
        };
        let next = e.key === 'Home' ? 0 : e.key === 'End' ? outputCells.length - 1 : q + (step[e.key] ?? NaN);
        if (Number.isNaN(next)) return;
        next = Math.min(outputCells.length - 1, Math.max(0, next));
        e.preventDefault();
        outputCells[q].tabIndex = -1;
        outputCells[next].tabIndex = 0;
        outputCells[next].focus();
      });
      outputCells.push(cell);
      return cell;
    }));
    outputBox.addEventListener('mouseleave', () => {
      if (!outputBox.contains(document.activeElement)) clear();
    });
    append(stage, inputBox, el('div', 'poolnb-arrow', '→'), outputBox);
  }
  draw();
  append(controls, el('span', undefined, ` ${label('hoverHint')}`));
  return root;
}

function unravel(flat: number, geo: Axis[]): number[] {
  const x = flat % geo[2].size;
  const y = Math.floor(flat / geo[2].size) % geo[1].size;
  const z = Math.floor(flat / (geo[1].size * geo[2].size));
  return [z, y, x];
}

/** Index text of a spatial position, only the axes the op has: `1, 2` for 2-D. */
function coords(z: number, y: number, x: number, nd: number): string {
  return [z, y, x].slice(3 - nd).join(', ');
}

/** A grid per depth slice (one for 1-D and 2-D), over each axis's drawn range [lo, hi]. */
function slices(geo: Axis[], kind: 'in' | 'out', cellAt: (z: number, y: number, x: number) => HTMLElement): HTMLElement {
  const wrap = el('div', 'poolnb-planes');
  for (let z = geo[0].lo; z <= geo[0].hi; z++) {
    const grid = el('div', 'poolnb-grid');
    grid.setAttribute('role', 'grid');
    grid.setAttribute('data-kind', kind);
    grid.style.gridTemplateColumns = `repeat(${geo[2].hi - geo[2].lo + 1}, auto)`;
    for (let y = geo[1].lo; y <= geo[1].hi; y++) {
      for (let x = geo[2].lo; x <= geo[2].hi; x++) grid.append(cellAt(z, y, x));
    }
    if (geo[0].hi > geo[0].lo || geo[0].size > 1) {
      const fig = el('figure', 'poolnb-plane');
      const padded = z < 0 || z >= geo[0].size;
      append(fig, el('figcaption', undefined, label('depthSlice', z) + (padded && kind === 'in' ? ` (${label('padding')})` : '')), grid);
      append(wrap, fig);
    } else {
      append(wrap, grid);
    }
  }
  return wrap;
}

function key(op: string, geo: Axis[]): HTMLElement {
  const box = el('div', 'poolnb-key');
  append(box, el('span', 'k-tap', label('tap')));
  if (/max/.test(op)) append(box, el('span', 'k-win', label('winner')));
  if (geo.some((a) => a.p > 0)) append(box, el('span', 'k-pad', label('padding')));
  if (geo.some((a) => a.hi > a.size + a.p - 1)) append(box, el('span', 'k-over', label('overhang')));
  return box;
}

/** The output-size derivation per axis: formula, the user's numbers, result, ceil correction. */
export function derivationBlock(pooling: PoolingView): HTMLElement {
  const box = el('div', 'poolnb-derivation');
  append(box, el('div', 'poolnb-title', label('derivation')));
  if (!pooling.derivation.length) {
    append(box, el('div', 'poolnb-note', label('adaptiveBins')));
    return box;
  }
  for (const d of pooling.derivation) {
    const axis = el('div', 'poolnb-axis');
    append(axis, el('span', 'poolnb-axis-name', `${d.axis}_out`), ` = ${d.formula}`);
    const numbers = el('div', 'poolnb-axis');
    append(numbers, `      = ${d.substituted} = `, el('strong', undefined, String(d.output)));
    const params = el('div', 'poolnb-note',
      `${d.axis}=${d.input}, k=${d.kernel}, s=${d.stride}, p=${d.padding}, d=${d.dilation}, ${d.ceilMode ? label('ceilMode') : label('floorMode')}`);
    append(box, axis, numbers, params);
    if (d.ceilCorrection) append(box, el('div', 'poolnb-ceil', `⚠ ${label('ceilCorrection')}`));
  }
  return box;
}

export type { Range };
