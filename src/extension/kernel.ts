// The notebook controller: one PoolScript session per notebook, cells run one after
// another in the order they were asked for (never concurrently), with execution order
// numbers, interrupt and restart. Sessions come from a factory (langHost.ts runs each in a
// worker, so long work does not freeze the extension host; tests pass in-process ones):
// the kernel only knows the lang Session contract plus optional interrupt/dispose.

import * as vscode from 'vscode';
import { CONTROLLER_ID, LANGUAGE_ID, NOTEBOOK_TYPE } from '../common/mime';
import type { Session } from '../lang/api';
import { toCellOutputs } from './outputs';

/** A lang Session, optionally with a direct interrupt (besides the run's CancelToken) and
 * resources to free (a worker) when the kernel drops it on restart or close. */
export type KernelSession = Session & { interrupt?(): void; dispose?(): void };

export type SessionFactory = (notebook: vscode.NotebookDocument) => KernelSession;

/** A token the interpreter polls; `cancelled` flips once and stays. */
class RunToken { cancelled = false; }

interface NotebookState {
  session: KernelSession;
  order: number;
  /** the tail of the run queue: each batch waits for the one before */
  queue: Promise<void>;
  /** bumped by interrupt and restart: batches queued before it do not run */
  generation: number;
  current?: RunToken;
}

const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class PoolnbKernel implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private readonly states = new Map<string, NotebookState>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly createSession: SessionFactory) {
    this.controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'PoolScript');
    this.controller.supportedLanguages = [LANGUAGE_ID];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = vscode.l10n.t('Pooling engine (PyTorch 1.13.1 semantics)');
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    this.controller.interruptHandler = (notebook) => this.interrupt(notebook);
    // the only kernel that runs PoolScript: preferred, so VS Code does not ask which one to use
    const prefer = (nb: vscode.NotebookDocument) => {
      if (nb.notebookType === NOTEBOOK_TYPE) this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
    };
    vscode.workspace.notebookDocuments.forEach(prefer);
    this.disposables.push(this.controller, vscode.workspace.onDidOpenNotebookDocument(prefer),
      vscode.workspace.onDidCloseNotebookDocument((nb) => {
        this.interrupt(nb);
        this.states.get(nb.uri.toString())?.session.dispose?.();
        this.states.delete(nb.uri.toString());
      }));
  }

  /** Queues the cells behind any run in progress; resolves when they have run. */
  execute(cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const state = this.state(notebook);
    const generation = state.generation;
    const run = state.queue.then(() => this.runBatch(state, generation, cells));
    state.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the running cell (its CancelToken) and drops the cells queued behind it. */
  interrupt(notebook: vscode.NotebookDocument): void {
    const state = this.states.get(notebook.uri.toString());
    if (!state) return;
    state.generation++;
    if (state.current) {
      state.current.cancelled = true;
      state.session.interrupt?.();
    }
  }

  /** A fresh session: variables are forgotten and execution order starts again at 1. */
  restart(notebook: vscode.NotebookDocument): void {
    this.interrupt(notebook);
    const state = this.state(notebook);
    state.session.dispose?.(); // a worker is terminated: its memory is freed at once
    state.session = this.createSession(notebook);
    state.order = 0;
  }

  private state(notebook: vscode.NotebookDocument): NotebookState {
    const key = notebook.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { session: this.createSession(notebook), order: 0, queue: Promise.resolve(), generation: 0 };
      this.states.set(key, state);
    }
    return state;
  }

  private async runBatch(state: NotebookState, generation: number, cells: readonly vscode.NotebookCell[]): Promise<void> {
    for (const cell of cells) {
      if (state.generation !== generation) return; // interrupted or restarted while queued
      if (cell.kind !== vscode.NotebookCellKind.Code || cell.document.languageId !== LANGUAGE_ID) continue;
      const ok = await this.runCell(state, cell);
      if (!ok) return; // like Jupyter: an error stops the rest of this run
      await yieldToHost();
    }
  }

  private async runCell(state: NotebookState, cell: vscode.NotebookCell): Promise<boolean> {
    const execution = this.controller.createNotebookCellExecution(cell);
    const token = new RunToken();
    state.current = token;
    const cancel = execution.token.onCancellationRequested(() => {
      token.cancelled = true;
      if (state.current === token) state.session.interrupt?.();
    });
    execution.executionOrder = ++state.order;
    execution.start(Date.now());
    const session = state.session;
    const source = cell.document.getText();
    let success = false;
    try {
      await execution.clearOutput();
      await yieldToHost(); // let the UI show the running state before work starts
      const result = await session.run(source, { token, cellIndex: cell.index });
      await execution.replaceOutput(toCellOutputs(result, source, cell.index + 1));
      success = !result.error;
    } catch (e) {
      // the session reports Python errors in the result; anything thrown is a poolnb bug
      const err = e instanceof Error ? e : new Error(String(e));
      await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({
        name: err.name || 'Error',
        message: vscode.l10n.t('Internal error in poolnb: {0}', err.message),
        stack: err.stack,
      })]));
    } finally {
      cancel.dispose();
      if (state.current === token) state.current = undefined;
      execution.end(success, Date.now());
    }
    return success;
  }

  dispose(): void {
    for (const state of this.states.values()) {
      state.generation++;
      if (state.current) state.current.cancelled = true;
      state.session.dispose?.();
    }
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }
}
