// Cell results -> notebook outputs. A displayed value becomes ONE output with two items:
// the view model for poolnb's renderer and PyTorch's text, so the output still reads well
// without the renderer, in screen readers and when copied.

import * as vscode from 'vscode';
import { POOLNB_MIME } from '../common/mime';
import type { CellResult } from '../lang/api';
import { formatTraceback } from './traceback';

const utf8 = new TextEncoder();

export function toCellOutputs(result: CellResult, source: string, cellNumber: number): vscode.NotebookCellOutput[] {
  const outputs: vscode.NotebookCellOutput[] = [];
  let stdout = '';
  const flush = () => {
    if (stdout) outputs.push(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.stdout(stdout)]));
    stdout = '';
  };
  for (const out of result.outputs) {
    if (out.kind === 'stdout') { stdout += out.text; continue; }
    flush();
    outputs.push(new vscode.NotebookCellOutput([
      // compact JSON: NotebookCellOutputItem.json would indent it, which bloats large tensors
      new vscode.NotebookCellOutputItem(utf8.encode(JSON.stringify(out.view)), POOLNB_MIME),
      vscode.NotebookCellOutputItem.text(out.text, 'text/plain'),
    ]));
  }
  flush();
  if (result.error) {
    const e = result.error;
    outputs.push(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({
      name: e.type,
      message: e.message,
      stack: formatTraceback(e, source, cellNumber, vscode.l10n),
    })]));
  }
  return outputs;
}
