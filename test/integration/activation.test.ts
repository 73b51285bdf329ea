// The extension wakes up on a .poolnb, contributes what its manifest promises, and reads files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, NOTEBOOK_TYPE, openExample, selectPoolnbKernel, waitFor } from './helpers';

describe('activation and registration', () => {
  it('is installed from the development path and activates on opening a .poolnb', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const editor = await openExample('maxpool-basics.poolnb');
    assert.strictEqual(editor.notebook.notebookType, NOTEBOOK_TYPE);
    await waitFor('the extension to activate', () => ext.isActive);
  });

  it('opens an example with its markdown and poolscript cells in file order', async () => {
    const editor = await openExample('maxpool-basics.poolnb');
    const cells = editor.notebook.getCells();
    assert.ok(cells.length >= 4, `got ${cells.length} cells`);
    assert.strictEqual(cells[0].kind, vscode.NotebookCellKind.Markup);
    assert.strictEqual(cells[1].kind, vscode.NotebookCellKind.Code);
    assert.strictEqual(cells[1].document.languageId, 'poolscript');
    assert.match(cells[1].document.getText(), /^input = torch\.tensor\(/);
  });

  it('opens an empty .poolnb as an empty notebook', async () => {
    const editor = await openExample('empty.poolnb');
    assert.strictEqual(editor.notebook.notebookType, NOTEBOOK_TYPE);
    assert.strictEqual(editor.notebook.cellCount, 0);
  });

  it('registers the kernel poolnb.kernel for poolnb notebooks', async () => {
    const editor = await openExample('maxpool-basics.poolnb');
    await selectPoolnbKernel(editor);
  });

  it('registers the renderer poolnb.renderer with a bundle that exists', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const renderers: { id: string; entrypoint: string; mimeTypes: string[] }[] = ext.packageJSON.contributes.notebookRenderer;
    const renderer = renderers.find((r) => r.id === 'poolnb.renderer');
    assert.ok(renderer, 'poolnb.renderer is contributed');
    assert.deepStrictEqual(renderer.mimeTypes, ['application/vnd.poolnb.value+json']);
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, renderer.entrypoint));
    assert.ok(stat.size > 0, `${renderer.entrypoint} is built`);
  });

  it('contributes the Pooling commands, Compute Output Size among them', async () => {
    const editor = await openExample('maxpool-basics.poolnb');
    assert.ok(editor);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['poolnb.computeOutputSize', 'poolnb.restartKernel', 'poolnb.exportPython', 'poolnb.exportJupyter', 'poolnb.newNotebook']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  it('reads the poolnb settings with their documented defaults', () => {
    const config = vscode.workspace.getConfiguration('poolnb');
    assert.strictEqual(config.get('maxTensorElements'), 67108864);
    assert.strictEqual(config.get('display.gridMaxCells'), 400);
    assert.strictEqual(typeof config.get('diagnostics.enabled'), 'boolean');
    assert.strictEqual(typeof config.get('hover.showDerivation'), 'boolean');
  });
});
