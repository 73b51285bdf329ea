// "Pooling: Compute Output Size": pick a layer, type the input shape and the layer's
// settings (validated as you type), read the output shape with its per-axis derivation
// (or PyTorch's error) in a modal dialog, and insert the layer as a new cell.
//
// For tests and automation the command also takes its answers as an argument and skips
// the UI: executeCommand('poolnb.computeOutputSize', { layer: 'MaxPool2d', shape: '1,1,5,5',
// settings: '3, ceil_mode=True', insert?: boolean }) resolves to the OutputSizeAnswer.

import * as vscode from 'vscode';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from '../common/mime';
import { computeOutputSize, OutputSizeAnswer } from './outputSizeCompute';
import { findLayer, LAYERS, LayerSpec, parseLayerArgs, parseShape } from './outputSizeInput';

export interface ComputeOutputSizeArgs { layer: string; shape: string; settings: string; insert?: boolean }

/** Remembered between runs so a second question starts from the first one's answers. */
interface Memory { layer?: string; shape?: string; settings: Record<string, string> }

const FAMILY_DESCRIPTIONS: Record<LayerSpec['family'], () => string> = {
  maxPool: () => vscode.l10n.t('max pooling'),
  avgPool: () => vscode.l10n.t('average pooling'),
  lpPool: () => vscode.l10n.t('power-average (Lp) pooling'),
  adaptiveAvgPool: () => vscode.l10n.t('adaptive average pooling (global pooling with output size 1)'),
  adaptiveMaxPool: () => vscode.l10n.t('adaptive max pooling'),
  maxUnpool: () => vscode.l10n.t('inverse of max pooling'),
  fractionalMaxPool: () => vscode.l10n.t('fractional max pooling'),
};

export class ComputeOutputSizeCommand {
  private readonly memory: Memory = { settings: {} };

  async run(args?: ComputeOutputSizeArgs): Promise<OutputSizeAnswer | undefined> {
    if (args && typeof args === 'object' && typeof args.layer === 'string') return this.runWithoutUi(args);
    const layer = await this.pickLayer();
    if (!layer) return undefined;
    const shapeText = await vscode.window.showInputBox({
      title: vscode.l10n.t('Pooling: Compute Output Size ({0}/{1})', 2, 3),
      prompt: vscode.l10n.t('Input size of nn.{0}, e.g. {1} or {2}', layer.name, layer.exampleShape.join(','), layer.exampleShape.join('x')),
      value: this.memory.shape ?? layer.exampleShape.join(', '),
      ignoreFocusOut: true,
      validateInput: (text) => { const r = parseShape(text, vscode.l10n); return r.ok ? undefined : r.message; },
    });
    if (shapeText === undefined) return undefined;
    const shape = parseShape(shapeText, vscode.l10n);
    if (!shape.ok) return undefined;
    this.memory.shape = shapeText;

    let settingsText = this.memory.settings[layer.name] ?? layer.example;
    for (;;) {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Pooling: Compute Output Size ({0}/{1})', 3, 3),
        prompt: vscode.l10n.t('Settings of nn.{0}, as Python arguments: {1}', layer.name, layer.params.map((p) => p.name).join(', ')),
        value: settingsText,
        ignoreFocusOut: true,
        validateInput: (text) => { const r = parseLayerArgs(layer, text, vscode.l10n); return r.ok ? undefined : r.message; },
      });
      if (typed === undefined) return undefined;
      settingsText = typed;
      const parsed = parseLayerArgs(layer, typed, vscode.l10n);
      if (!parsed.ok) return undefined;
      this.memory.settings[layer.name] = typed;
      const answer = computeOutputSize(layer, parsed.value, shape.value, vscode.l10n);
      const insert = vscode.l10n.t('Insert as Cell');
      const change = vscode.l10n.t('Change Settings');
      const choice = answer.ok
        ? await vscode.window.showInformationMessage(
          vscode.l10n.t('Output size: {0}', `[${answer.outputShape.join(', ')}]`), { modal: true, detail: answer.text }, insert, change)
        : await vscode.window.showErrorMessage(
          vscode.l10n.t('nn.{0} cannot take this input', layer.name), { modal: true, detail: answer.text }, change, insert);
      if (choice === insert) await insertCell(answer.code);
      if (choice !== change) return answer;
    }
  }

  private async pickLayer(): Promise<LayerSpec | undefined> {
    const items = LAYERS.map((l) => ({ label: l.name, description: FAMILY_DESCRIPTIONS[l.family](), layer: l }));
    const last = items.find((i) => i.layer.name === this.memory.layer);
    const pick = vscode.window.createQuickPick<(typeof items)[number]>();
    pick.title = vscode.l10n.t('Pooling: Compute Output Size ({0}/{1})', 1, 3);
    pick.placeholder = vscode.l10n.t('Which layer?');
    pick.items = items;
    pick.matchOnDescription = true;
    if (last) pick.activeItems = [last];
    const chosen = await new Promise<LayerSpec | undefined>((resolve) => {
      pick.onDidAccept(() => { resolve(pick.selectedItems[0]?.layer ?? pick.activeItems[0]?.layer); pick.hide(); });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen) this.memory.layer = chosen.name;
    return chosen;
  }

  private async runWithoutUi(args: ComputeOutputSizeArgs): Promise<OutputSizeAnswer> {
    const layer = findLayer(args.layer);
    if (!layer) throw new Error(vscode.l10n.t('Unknown layer {0}', args.layer));
    const shape = parseShape(args.shape, vscode.l10n);
    if (!shape.ok) throw new Error(shape.message);
    const parsed = parseLayerArgs(layer, args.settings, vscode.l10n);
    if (!parsed.ok) throw new Error(parsed.message);
    const answer = computeOutputSize(layer, parsed.value, shape.value, vscode.l10n);
    if (args.insert) await insertCell(answer.code);
    return answer;
  }
}

/** Inserts a code cell after the selection of the active poolnb notebook, or opens a new one. */
export async function insertCell(code: string): Promise<void> {
  const editor = vscode.window.activeNotebookEditor;
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, code, LANGUAGE_ID);
  if (editor && editor.notebook.notebookType === NOTEBOOK_TYPE) {
    const at = editor.selections.length ? Math.max(...editor.selections.map((s) => s.end)) : editor.notebook.cellCount;
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.insertCells(at, [cell])]);
    await vscode.workspace.applyEdit(edit);
    const range = new vscode.NotebookRange(at, at + 1);
    editor.selections = [range];
    editor.revealRange(range);
    return;
  }
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([cell]));
  await vscode.window.showNotebookDocument(doc);
}
