// poolnb's entry point, for the Node extension host and for VS Code for the Web alike:
// nothing here or below imports a Node built-in (files are read through vscode.workspace.fs),
// except the Node branch of langHost.ts, which starts session workers with worker_threads.

import * as vscode from 'vscode';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from '../common/mime';
import { ComputeOutputSizeCommand, ComputeOutputSizeArgs } from './computeOutputSizeCommand';
import { PoolnbCompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { PoolnbDiagnostics } from './diagnostics';
import { exportNotebook, newNotebook } from './exportCommands';
import { PoolnbHoverProvider } from './hover';
import { PoolnbKernel } from './kernel';
import { createNotebookProject, sessionFactory } from './langHost';
import { ProjectFactory, Projects } from './projects';
import { PoolnbSerializer } from './serializer';
import { registerSettings } from './settings';

export function activate(context: vscode.ExtensionContext): void {
  const subs = context.subscriptions;
  subs.push(registerSettings());
  subs.push(vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new PoolnbSerializer(), {
    transientOutputs: false,
    // the file keeps what the user keeps; VS Code's own bookkeeping is not the file's
    transientCellMetadata: {},
  }));

  const kernel = new PoolnbKernel(sessionFactory(context));
  subs.push(kernel);

  registerLanguageFeatures(subs, createNotebookProject);

  const computeOutputSize = new ComputeOutputSizeCommand();
  subs.push(
    vscode.commands.registerCommand('poolnb.computeOutputSize', (args?: ComputeOutputSizeArgs) => computeOutputSize.run(args)),
    vscode.commands.registerCommand('poolnb.restartKernel', (arg?: unknown) => {
      const notebook = notebookFrom(arg);
      if (!notebook) return;
      kernel.restart(notebook);
      vscode.window.setStatusBarMessage(vscode.l10n.t('PoolScript session restarted'), 3000);
    }),
    vscode.commands.registerCommand('poolnb.exportPython', (target?: vscode.Uri) => exportNotebook('python', target)),
    vscode.commands.registerCommand('poolnb.exportJupyter', (target?: vscode.Uri) => exportNotebook('jupyter', target)),
    vscode.commands.registerCommand('poolnb.newNotebook', () => newNotebook()),
  );
}

/** Hover, completion and diagnostics over one StaticProject per notebook. */
function registerLanguageFeatures(subs: vscode.Disposable[], createProject: ProjectFactory): void {
  const projects = new Projects(createProject);
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];
  subs.push(
    new PoolnbDiagnostics(projects),
    vscode.languages.registerHoverProvider(selector, new PoolnbHoverProvider(projects)),
    vscode.languages.registerCompletionItemProvider(selector, new PoolnbCompletionProvider(projects), ...TRIGGER_CHARACTERS),
  );
}

/** The notebook a command is about: a Uri or a toolbar context argument, else the active one. */
function notebookFrom(arg: unknown): vscode.NotebookDocument | undefined {
  const uri = arg instanceof vscode.Uri ? arg
    : (arg as { notebookEditor?: { notebookUri?: vscode.Uri } } | undefined)?.notebookEditor?.notebookUri;
  if (uri) return vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString());
  const nb = vscode.window.activeNotebookEditor?.notebook;
  return nb?.notebookType === NOTEBOOK_TYPE ? nb : undefined;
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
