// poolnb's notebook renderer (browser ESM, loaded into the notebook's output webview).
// It draws the view model (src/common/viewModel.ts) of `application/vnd.poolnb.value+json`
// output items: tensors as grids / heatmaps / images, pooling results as linked input and
// output grids with the output-size derivation, modules as parameter tables, text as text.
//
// Stable hooks for tests and for people styling it (class names are part of the contract):
//   .poolnb-root         the container of one output item (data-kind = the view's kind)
//   .poolnb-tensor       one tensor (data-shape="1,1,2,2"); .poolnb-pooling-result for pooling results (data-op)
//   .poolnb-shape        the header: .poolnb-type "Tensor[1, 1, 2, 2]", .poolnb-dtype, .poolnb-range
//   .poolnb-grid         one 2-D plane of values (role=grid; in pooling results data-kind="in" | "out")
//   .poolnb-cell         one value (role=gridcell); .poolnb-nan / .poolnb-inf for non-finite values,
//                        .poolnb-pad for a padding cell, .poolnb-overhang for a ceil-mode overhang cell
//   .poolnb-input / .poolnb-output   the two sides of a pooling result; output cells are focusable
//   .poolnb-window-tap   an input cell inside the window of the hovered/focused output cell
//   .poolnb-winner       the input cell that won the max of that window; .poolnb-active the output cell
//   .poolnb-derivation   the output-size derivation (.poolnb-axis lines, .poolnb-ceil the ceil correction note)
//   .poolnb-heatmap      heatmap canvases (.poolnb-canvas) and the colour legend (.poolnb-legend)
//   .poolnb-module       a module's name and parameter table; .poolnb-text monospace text
// Theme: only --vscode-* CSS variables. Text: only textContent, never innerHTML of data.

import type { ActivationFunction, OutputItem } from 'vscode-notebook-renderer';
import type { ModuleView, ValueView } from '../common/viewModel';
import { append, el } from './dom';
import { label, setLanguage } from './labels';
import { renderPooling } from './poolingView';
import { ensureStyle } from './style';
import { DEFAULT_OPTIONS, renderTensor, RenderOptions } from './tensorView';

export function renderValue(view: ValueView, options: RenderOptions = DEFAULT_OPTIONS): HTMLElement {
  switch (view?.kind) {
    case 'tensor':
      return view.pooling ? renderPooling(view, options) : renderTensor(view, options);
    case 'module':
      return renderModule(view);
    case 'text':
      return el('pre', 'poolnb-text', view.text);
    case 'sequence': {
      const box = el('div', 'poolnb-sequence');
      for (const item of view.items) append(box, append(el('div', 'poolnb-item'), renderValue(item, options)) as HTMLElement);
      if (!view.items.length) append(box, el('pre', 'poolnb-text', view.text));
      return box;
    }
    default:
      return el('div', 'poolnb-note', label('unknownView'));
  }
}

function renderModule(view: ModuleView): HTMLElement {
  const box = el('div', 'poolnb-module');
  append(box, el('div', 'poolnb-title', view.name));
  const table = el('table');
  const head = el('tr');
  append(head, el('th', undefined, label('parameter')), el('th', undefined, label('value')));
  append(table, head);
  for (const [name, value] of Object.entries(view.params)) {
    const row = el('tr');
    append(row, el('td', undefined, name), el('td', undefined, pyText(value)));
    append(table, row);
  }
  append(box, table);
  return box;
}

/** A parameter value as Python would write it. */
function pyText(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (Array.isArray(v)) return v.length === 1 ? `(${pyText(v[0])},)` : `(${v.map(pyText).join(', ')})`;
  if (typeof v === 'string') return v;
  return String(v);
}

export const activate: ActivationFunction = (ctx) => {
  setLanguage(typeof navigator !== 'undefined' ? navigator.language : undefined);
  const options: RenderOptions = { ...DEFAULT_OPTIONS };
  // the extension may send { gridMaxCells } (setting poolnb.display.gridMaxCells)
  ctx.onDidReceiveMessage?.((m: { gridMaxCells?: unknown }) => {
    if (typeof m?.gridMaxCells === 'number' && m.gridMaxCells > 0) options.gridMaxCells = m.gridMaxCells;
  });
  ctx.postMessage?.({ request: 'settings' });
  const rendered = new Map<string, HTMLElement>();
  return {
    renderOutputItem(item: OutputItem, element: HTMLElement) {
      ensureStyle(element);
      const root = el('div', 'poolnb-root');
      let view: ValueView;
      try {
        view = item.json() as ValueView;
      } catch {
        view = { kind: 'text', text: item.text() };
      }
      root.setAttribute('data-kind', String(view?.kind));
      append(root, renderValue(view, options));
      element.replaceChildren(root);
      rendered.set(item.id, element);
    },
    disposeOutputItem(id?: string) {
      const ids = id === undefined ? [...rendered.keys()] : [id];
      for (const key of ids) {
        rendered.get(key)?.replaceChildren(); // listeners go with the elements
        rendered.delete(key);
      }
    },
  };
};
