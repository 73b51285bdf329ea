// Helpers for the integration suite, which runs inside VS Code's extension host.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'poolnb.poolnb';
export const NOTEBOOK_TYPE = 'poolnb';
export const CONTROLLER_ID = 'poolnb.kernel';
export const POOLNB_MIME = 'application/vnd.poolnb.value+json';
export const ERROR_MIME = 'application/vnd.code.notebook.error';

/** The launchers open a copy of examples/ as the workspace. */
export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opens examples/ as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `probe` until it returns a value that is not undefined/false, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function openExample(name: string): Promise<vscode.NotebookEditor> {
  const doc = await vscode.workspace.openNotebookDocument(exampleUri(name));
  return vscode.window.showNotebookDocument(doc);
}

/** A new untitled poolnb notebook with the given code cells, shown in an editor. */
export async function openCells(...sources: string[]): Promise<vscode.NotebookEditor> {
  const data = new vscode.NotebookData(sources.map((s) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, s, 'poolscript')));
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  return vscode.window.showNotebookDocument(doc);
}

/**
 * Makes poolnb's controller the notebook's kernel. `notebook.selectKernel` with an id and
 * extension selects that kernel and returns true; when no such kernel exists it opens a
 * quick pick instead, so a timeout here means the controller is not registered.
 */
export async function selectPoolnbKernel(editor: vscode.NotebookEditor): Promise<void> {
  // The command acts on the active notebook editor.
  await vscode.window.showNotebookDocument(editor.notebook);
  const picked = vscode.commands.executeCommand<boolean>('notebook.selectKernel', {
    id: CONTROLLER_ID, extension: EXTENSION_ID,
  });
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
  const result = await Promise.race([picked, timeout]);
  if (result === 'timeout') {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.fail(`no kernel with id ${CONTROLLER_ID} from ${EXTENSION_ID}: a kernel picker opened instead`);
  }
  assert.strictEqual(result, true, `selecting kernel ${CONTROLLER_ID}`);
}

/** Runs cells through the workbench command, as the Run button does, and waits for them to finish. */
export async function runCells(editor: vscode.NotebookEditor, start: number, end: number): Promise<vscode.NotebookCell[]> {
  await selectPoolnbKernel(editor);
  const cells = editor.notebook.getCells(new vscode.NotebookRange(start, end));
  await vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start, end }], document: editor.notebook.uri,
  });
  await waitFor('the cells to finish executing', () => settled(cells));
  return cells;
}

/** Every cell ran, or was left out because an earlier one failed (the kernel stops there). */
export function settled(cells: readonly vscode.NotebookCell[]): boolean {
  let failed = false;
  for (const c of cells) {
    if (c.kind !== vscode.NotebookCellKind.Code) continue;
    const success = c.executionSummary?.success;
    if (success === undefined && !failed) return false;
    if (success === false) failed = true;
  }
  return true;
}

/** A cell's outputs as text, for assertion messages. */
export function describeCell(cell: vscode.NotebookCell): string {
  const items = cell.outputs.flatMap((o) => o.items);
  return `cell ${cell.index} (${cell.executionSummary?.success === false ? 'failed' : 'ran'}): ` +
    (items.map((i) => `[${i.mime}] ${decode(i).slice(0, 300)}`).join(' | ') || 'no output');
}

export function decode(item: vscode.NotebookCellOutputItem): string {
  return new TextDecoder().decode(item.data);
}

export function cellIndexIn(notebook: vscode.NotebookDocument, source: string): number {
  const i = notebook.getCells().findIndex((c) => c.document.getText() === source);
  assert.ok(i >= 0, `cell ${JSON.stringify(source)} in ${path.basename(notebook.uri.path)}`);
  return i;
}
