// Where the extension meets PoolScript's implementations: a kernel session per notebook,
// run in a worker (reading workspace files for image(path) through vscode.workspace.fs,
// so it also works in VS Code for the Web), and a static project per notebook for the
// language features.

import * as vscode from 'vscode';
import { createSession, HostIO, Session, StaticProject } from '../lang';
import { createStaticProject } from '../lang/check/project';
import type { KernelSession } from './kernel';
import type { WorkerSpawner } from './worker/port';
import { webWorkerSpawner } from './worker/webTransport';
import { WorkerSession } from './worker/workerSession';

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

/** The extension host's side of image(path): files are read through vscode.workspace.fs. */
function notebookIO(notebook: vscode.NotebookDocument): HostIO {
  return { readFile: async (path) => vscode.workspace.fs.readFile(resolveCellPath(notebook, path)) };
}

/** An in-process session: the CLI's kind, and the web fallback where no worker can start. */
export function createInProcessSession(notebook: vscode.NotebookDocument): Session {
  return createSession({ io: notebookIO(notebook) });
}

declare const POOLNB_WEB: boolean | undefined; // defined as true in the web bundle only (esbuild.js)

/**
 * Sessions for the kernel. Each notebook's session runs in a worker, so long work never
 * blocks the extension host and an interrupt stops even one long op part-way:
 *  - Node extension host: a worker thread running dist/sessionWorker.js;
 *  - VS Code for the Web: a Web Worker running dist/web/sessionWorker.js from the extension's
 *    URI, with a shared interrupt flag when the page is cross-origin isolated (else interrupts
 *    land between statements, or by terminating the worker after a second). Where the host
 *    provides no nested workers, or the script cannot load there (e.g. an extension served
 *    from a remote server), the session runs in the extension host instead, as before.
 */
export function sessionFactory(context: vscode.ExtensionContext): (notebook: vscode.NotebookDocument) => KernelSession {
  const web = typeof POOLNB_WEB !== 'undefined' && POOLNB_WEB;
  let spawn: WorkerSpawner | undefined;
  // the condition spelled out (not `!web`) so that esbuild folds it in the web bundle
  if (typeof POOLNB_WEB === 'undefined' || !POOLNB_WEB) {
    // a require inside this branch keeps worker_threads out of the web bundle
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { nodeWorkerSpawner } = require('./worker/nodeTransport') as typeof import('./worker/nodeTransport');
    spawn = nodeWorkerSpawner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'sessionWorker.js').fsPath);
  } else {
    spawn = webWorkerSpawner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'sessionWorker.js').toString(true));
  }
  return (notebook) => {
    if (!spawn) return createInProcessSession(notebook);
    const io = notebookIO(notebook);
    return new WorkerSession(spawn, {
      readFile: (path) => io.readFile!(path),
      // in Node a worker that fails is a crash to report; on the web it may just be unsupported
      fallback: web ? () => createInProcessSession(notebook) : undefined,
    });
  };
}

/** The static checker's project for one notebook (or one .poolscript file). */
export function createNotebookProject(): StaticProject {
  return createStaticProject();
}
