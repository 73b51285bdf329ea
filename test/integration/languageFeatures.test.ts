// Hover and diagnostics work before a cell runs, through VS Code's provider commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openCells, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

describe('language features in cells', () => {
  it('hovering pool(x) shows the output type before the cell runs', async () => {
    const source = 'x = torch.ones(1, 1, 4, 4)\npool = nn.MaxPool2d(2)\ny = pool(x)';
    const editor = await openCells(source);
    const doc = editor.notebook.cellAt(0).document;
    assert.strictEqual(doc.languageId, 'poolscript');
    const offset = source.indexOf('pool(x)') + 1;
    const hovers = await waitFor('a hover on pool(x)', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
      return h && h.length > 0 ? h : undefined;
    }, 15_000);
    const text = hoverText(hovers);
    assert.match(text, /Tensor\[1, 1, 2, 2\]/, text);
  });

  it('underlines a pooling window larger than its input, with PyTorch\'s message', async () => {
    const editor = await openCells('nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2))');
    const uri = editor.notebook.cellAt(0).document.uri;
    const diagnostics = await waitFor('diagnostics on the cell', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    }, 15_000);
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(error, `an error among ${diagnostics.map((d) => d.message).join(' | ')}`);
    assert.match(error.message, /Output size is too small/);
  });

  it('gives no diagnostics for a valid cell', async () => {
    const editor = await openCells('nn.MaxPool2d(2)(torch.ones(1, 1, 4, 4))');
    const uri = editor.notebook.cellAt(0).document.uri;
    // Give the checker time to run, then expect silence.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).map((d) => d.message), []);
  });
});
