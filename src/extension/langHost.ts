// Where the extension meets PoolScript's implementations: a kernel session per notebook
// (reading workspace files for image(path) through vscode.workspace.fs, so it also works
// in VS Code for the Web) and a static project per notebook for the language features.

import * as vscode from 'vscode';
import { createSession, HostIO, Session, StaticProject } from '../lang';
import { createStaticProject } from '../lang/check/project';

/** A path from a cell, resolved against the notebook's folder (or the first workspace folder). */
export function resolveCellPath(notebook: vscode.NotebookDocument, path: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return vscode.Uri.parse(path);
  const folder = notebook.isUntitled || notebook.uri.scheme === 'untitled'
    ? vscode.workspace.workspaceFolders?.[0]?.uri
    : vscode.Uri.joinPath(notebook.uri, '..');
  const base = folder ?? notebook.uri;
  if (path.startsWith('/')) return base.with({ path });
  if (/^[a-zA-Z]:[\\/]/.test(path)) return vscode.Uri.file(path);
  return vscode.Uri.joinPath(base, path.replace(/\\/g, '/'));
}

export function createNotebookSession(notebook: vscode.NotebookDocument): Session {
  const io: HostIO = {
    readFile: async (path) => vscode.workspace.fs.readFile(resolveCellPath(notebook, path)),
  };
  return createSession({ io });
}

/** The static checker's project for one notebook (or one .poolscript file). */
export function createNotebookProject(): StaticProject {
  return createStaticProject();
}
