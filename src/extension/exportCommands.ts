// "Export as Python Script" and "Export as Jupyter Notebook": the active poolnb notebook
// written beside it (the user confirms the place in a save dialog). For tests and
// automation both commands take an optional target Uri and then skip the dialog.

import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../common/mime';
import { ExportCell, toJupyterNotebook, toPythonScript } from './exportFormats';

type Format = 'python' | 'jupyter';

function activePoolnb(): vscode.NotebookDocument | undefined {
  const nb = vscode.window.activeNotebookEditor?.notebook;
  return nb && nb.notebookType === NOTEBOOK_TYPE ? nb : undefined;
}

function cellsOf(notebook: vscode.NotebookDocument): ExportCell[] {
  return notebook.getCells().map((c) => ({
    kind: c.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'code',
    source: c.document.getText(),
  }));
}

function baseName(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? 'notebook';
  return name.replace(/\.poolnb$/i, '') || 'notebook';
}

function defaultTarget(notebook: vscode.NotebookDocument, ext: string): vscode.Uri | undefined {
  const name = `${baseName(notebook.uri)}.${ext}`;
  if (notebook.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
  }
  return vscode.Uri.joinPath(notebook.uri, '..', name);
}

export async function exportNotebook(format: Format, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const notebook = activePoolnb();
  if (!notebook) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a poolnb notebook to export it.'));
    return undefined;
  }
  const ext = format === 'python' ? 'py' : 'ipynb';
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    uri = await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(notebook, ext),
      filters: format === 'python'
        ? { [vscode.l10n.t('Python script')]: ['py'] }
        : { [vscode.l10n.t('Jupyter notebook')]: ['ipynb'] },
      title: format === 'python' ? vscode.l10n.t('Export as Python Script') : vscode.l10n.t('Export as Jupyter Notebook'),
    });
    if (!uri) return undefined;
  }
  const cells = cellsOf(notebook);
  const text = format === 'python' ? toPythonScript(cells, baseName(notebook.uri)) : toJupyterNotebook(cells);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!target) {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', uri.path.split('/').pop() ?? uri.toString()), open)
      .then((choice) => {
        if (choice !== open) return;
        if (format === 'python') void vscode.window.showTextDocument(uri!);
        else void vscode.commands.executeCommand('vscode.open', uri);
      });
  }
  return uri;
}

/** An untitled poolnb notebook with a starter cell. */
export async function newNotebook(): Promise<vscode.NotebookEditor> {
  const intro = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup,
    vscode.l10n.t('# Pooling notebook\n\n`torch`, `nn` and `F` are ready to use. Run a cell with Shift+Enter; hover a layer to see its output shape.'),
    'markdown');
  const starter = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, [
    'x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)',
    'pool = nn.MaxPool2d(kernel_size=2)',
    'pool(x)',
  ].join('\n'), 'poolscript');
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([intro, starter]));
  return vscode.window.showNotebookDocument(doc);
}
