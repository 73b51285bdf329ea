// A stand-in for the parts of the `vscode` module that unit tests of the extension layer
// touch. Importing this file first makes `require('vscode')` resolve to it.
/* eslint-disable @typescript-eslint/no-explicit-any */
import Module = require('module');

export enum NotebookCellKind { Markup = 1, Code = 2 }

export class NotebookCellOutputItem {
  constructor(public data: Uint8Array, public mime: string) {}
  static text(value: string, mime = 'text/plain') { return new NotebookCellOutputItem(new TextEncoder().encode(value), mime); }
  static json(value: unknown, mime = 'text/x-json') { return NotebookCellOutputItem.text(JSON.stringify(value, undefined, '\t'), mime); }
  static stdout(value: string) { return NotebookCellOutputItem.text(value, 'application/vnd.code.notebook.stdout'); }
  static stderr(value: string) { return NotebookCellOutputItem.text(value, 'application/vnd.code.notebook.stderr'); }
  static error(e: { name: string; message: string; stack?: string }) {
    return NotebookCellOutputItem.text(JSON.stringify({ name: e.name, message: e.message, stack: e.stack }), 'application/vnd.code.notebook.error');
  }
}

export class NotebookCellOutput {
  constructor(public items: NotebookCellOutputItem[], public metadata?: Record<string, any>) {}
}

export class NotebookCellData {
  outputs?: NotebookCellOutput[];
  metadata?: Record<string, any>;
  executionSummary?: { executionOrder?: number; success?: boolean };
  constructor(public kind: NotebookCellKind, public value: string, public languageId: string) {}
}

export class NotebookData {
  metadata?: Record<string, any>;
  constructor(public cells: NotebookCellData[]) {}
}

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
  },
};

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose() { this.fn(); }
  static from(...ds: Array<{ dispose(): void }>) { return new Disposable(() => ds.forEach((d) => d.dispose())); }
}

/** A recorded cell execution: what the kernel did with it. */
export class FakeExecution {
  executionOrder?: number;
  started?: number;
  ended?: { success?: boolean };
  outputs: NotebookCellOutput[] = [];
  readonly cancelListeners: Array<() => void> = [];
  readonly token = {
    isCancellationRequested: false,
    onCancellationRequested: (f: () => void) => { this.cancelListeners.push(f); return new Disposable(); },
  };
  constructor(readonly cell: any) {}
  start(t?: number) { this.started = t ?? Date.now(); }
  end(success?: boolean) { this.ended = { success }; }
  async clearOutput() { this.outputs = []; }
  async replaceOutput(out: NotebookCellOutput | NotebookCellOutput[]) { this.outputs = Array.isArray(out) ? out : [out]; }
}

export class FakeController {
  supportedLanguages?: string[];
  supportsExecutionOrder?: boolean;
  description?: string;
  executeHandler?: (cells: any[], notebook: any, c: FakeController) => unknown;
  interruptHandler?: (notebook: any) => unknown;
  readonly executions: FakeExecution[] = [];
  constructor(readonly id: string, readonly notebookType: string, readonly label: string) {}
  updateNotebookAffinity() {}
  createNotebookCellExecution(cell: any) { const e = new FakeExecution(cell); this.executions.push(e); return e; }
  dispose() {}
}

export const notebooks = {
  controllers: [] as FakeController[],
  createNotebookController(id: string, type: string, label: string) {
    const c = new FakeController(id, type, label);
    notebooks.controllers.push(c);
    return c;
  },
};

export class Position { constructor(readonly line: number, readonly character: number) {} }
export class Range { constructor(readonly start: Position, readonly end: Position) {} }
export class MarkdownString { constructor(public value = '') {} }
export class Hover { constructor(public contents: MarkdownString, public range?: Range) {} }
export enum CompletionItemKind { Text = 0, Function = 2, Field = 4, Variable = 5, Class = 6, Module = 8, Property = 9, Keyword = 13 }
export class CompletionItem {
  detail?: string; documentation?: MarkdownString; insertText?: string; sortText?: string;
  constructor(public label: string, public kind?: CompletionItemKind) {}
}

/** Settings the code under test reads, by full key ('poolnb.hover.showDerivation'). */
export const settings: Record<string, unknown> = {};

export enum NotebookControllerAffinity { Default = 1, Preferred = 2 }

export const workspace = {
  onDidCloseNotebookDocument: () => new Disposable(),
  onDidOpenNotebookDocument: () => new Disposable(),
  notebookDocuments: [] as any[],
  getConfiguration: (section: string) => ({
    get: <T>(key: string, dflt: T): T => (`${section}.${key}` in settings ? settings[`${section}.${key}`] as T : dflt),
  }),
};

const mock = {
  NotebookCellKind, NotebookCellOutputItem, NotebookCellOutput, NotebookCellData, NotebookData, l10n,
  Disposable, notebooks, workspace, NotebookControllerAffinity, Position, Range, MarkdownString, Hover, CompletionItemKind, CompletionItem,
};

const M = Module as any;
const FAKE = '/__vscode_mock__/vscode.js';
const resolve = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? FAKE : resolve.call(this, request, ...rest);
};
const m = new Module(FAKE);
m.exports = mock;
(m as any).loaded = true;
require.cache[FAKE] = m;
