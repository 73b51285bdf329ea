// The renderer's CSS. Colours come only from VS Code's theme variables, so light, dark and
// high-contrast themes work without any theme-specific rule; the heatmap palette is data
// colour (viridis) drawn on a canvas, explained by its legend.

export const CSS = `
.poolnb-root { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground); padding: 4px 0; }
.poolnb-root * { box-sizing: border-box; }
.poolnb-shape { font-family: var(--vscode-editor-font-family, monospace); margin: 0 0 6px;
  display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.poolnb-shape .poolnb-type { font-weight: 600; }
.poolnb-shape .poolnb-dtype, .poolnb-shape .poolnb-range, .poolnb-note { color: var(--vscode-descriptionForeground); }
.poolnb-title { font-weight: 600; margin: 0 0 4px; }
.poolnb-note { font-size: 0.92em; margin: 4px 0; }
.poolnb-planes { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-start; }
.poolnb-plane { margin: 0; }
.poolnb-plane > figcaption { font-family: var(--vscode-editor-font-family, monospace); font-size: 0.85em;
  color: var(--vscode-descriptionForeground); margin-bottom: 2px; }
.poolnb-grid { display: inline-grid; gap: 1px; background: var(--vscode-panel-border, var(--vscode-editorWidget-border, rgba(128,128,128,.35)));
  border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, rgba(128,128,128,.35))); }
.poolnb-cell { position: relative; min-width: 2.6em; min-height: calc(1.4em + 4px); line-height: 1.4; padding: 2px 5px; text-align: right;
  font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px);
  font-variant-numeric: tabular-nums; background: var(--vscode-editor-background);
  background-image: linear-gradient(color-mix(in srgb, var(--vscode-charts-blue, #3794ff) var(--poolnb-t, 0%), transparent),
    color-mix(in srgb, var(--vscode-charts-blue, #3794ff) var(--poolnb-t, 0%), transparent)); }
.poolnb-cell.poolnb-nan { color: var(--vscode-errorForeground); font-style: italic;
  background-image: repeating-linear-gradient(45deg, transparent 0 4px, color-mix(in srgb, var(--vscode-errorForeground) 22%, transparent) 4px 6px); }
.poolnb-cell.poolnb-inf { color: var(--vscode-charts-orange, var(--vscode-errorForeground)); font-weight: 600; }
.poolnb-cell.poolnb-pad { color: var(--vscode-descriptionForeground); background: var(--vscode-editor-background); background-image: none;
  outline: 1px dashed var(--vscode-descriptionForeground); outline-offset: -3px; }
.poolnb-cell.poolnb-overhang { color: transparent; background: var(--vscode-editor-background); background-image: none;
  outline: 1px dotted var(--vscode-descriptionForeground); outline-offset: -3px; opacity: .6; }
.poolnb-cell.poolnb-window-tap { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); }
.poolnb-cell.poolnb-pad.poolnb-window-tap, .poolnb-cell.poolnb-overhang.poolnb-window-tap { opacity: 1;
  box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); outline-color: var(--vscode-focusBorder); }
.poolnb-cell.poolnb-winner { box-shadow: inset 0 0 0 3px var(--vscode-charts-orange, var(--vscode-focusBorder)); font-weight: 700;
  text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; }
.poolnb-cell.poolnb-winner::after { content: ''; position: absolute; top: 0; left: 0; border: 5px solid transparent;
  border-top-color: var(--vscode-charts-orange, var(--vscode-focusBorder)); border-left-color: var(--vscode-charts-orange, var(--vscode-focusBorder)); }
.poolnb-output .poolnb-cell { cursor: default; }
.poolnb-output .poolnb-cell:focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
.poolnb-output .poolnb-cell.poolnb-active { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); }
.poolnb-pooling { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
.poolnb-pooling h4 { margin: 0 0 4px; font-size: 1em; font-weight: 600; }
.poolnb-arrow { align-self: center; color: var(--vscode-descriptionForeground); font-size: 1.4em; }
.poolnb-key { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.poolnb-key span::before { content: ''; display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px; }
.poolnb-key .k-tap::before { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); }
.poolnb-key .k-win::before { box-shadow: inset 0 0 0 3px var(--vscode-charts-orange, var(--vscode-focusBorder)); }
.poolnb-key .k-pad::before { outline: 1px dashed var(--vscode-descriptionForeground); outline-offset: -2px; }
.poolnb-key .k-over::before { outline: 1px dotted var(--vscode-descriptionForeground); outline-offset: -2px; }
.poolnb-derivation { margin-top: 8px; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.95em;
  border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); padding: 4px 10px;
  background: var(--vscode-textBlockQuote-background, transparent); }
.poolnb-derivation .poolnb-axis { margin: 2px 0; }
.poolnb-derivation .poolnb-axis-name { font-weight: 700; }
.poolnb-derivation .poolnb-ceil { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); }
.poolnb-heatmap { display: flex; gap: 8px; align-items: flex-start; }
.poolnb-canvas { image-rendering: pixelated; image-rendering: crisp-edges; display: block;
  border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.poolnb-legend { display: flex; flex-direction: column; gap: 2px; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.85em; }
.poolnb-legend canvas { width: 12px; height: 100px; border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.poolnb-legend .poolnb-swatch::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-right: 4px; background: var(--swatch); }
.poolnb-module table { border-collapse: collapse; font-family: var(--vscode-editor-font-family, monospace); }
.poolnb-module th, .poolnb-module td { text-align: left; padding: 2px 12px 2px 0; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.25)); }
.poolnb-module th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.poolnb-text { font-family: var(--vscode-editor-font-family, monospace); white-space: pre; margin: 0; overflow-x: auto; }
.poolnb-root select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground);
  border: 1px solid var(--vscode-dropdown-border, transparent); font: inherit; margin-left: 6px; }
.poolnb-sequence > .poolnb-item { margin: 4px 0 10px; }
`;

const styled = new WeakSet<Node>();

/** Adds the stylesheet once to the document or shadow root that holds `element`. */
export function ensureStyle(element: HTMLElement): void {
  const root = element.getRootNode();
  if (styled.has(root)) return;
  styled.add(root);
  const style = document.createElement('style');
  style.textContent = CSS;
  if (root instanceof ShadowRoot) root.appendChild(style);
  else document.head.appendChild(style);
}
