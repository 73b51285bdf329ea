// Diagnostics before running: the checker's findings (PyTorch's own messages where PyTorch
// would raise) underline the cell text. Re-analysed ~150 ms after the last change to a
// notebook; cleared when poolnb.diagnostics.enabled is off or the notebook closes.

import * as vscode from 'vscode';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from '../common/mime';
import type { LangDiagnostic } from '../lang/api';
import { CELL_SCHEME, Projects, toRange } from './projects';

const DEBOUNCE_MS = 150;

const SEVERITY: Record<LangDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PoolnbDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('poolnb');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** cell URIs that got diagnostics, per notebook, so removed cells are cleared */
  private readonly published = new Map<string, Set<string>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly projects: Projects) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.schedule(nb)),
      vscode.workspace.onDidChangeNotebookDocument((e) => this.schedule(e.notebook)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.clear(nb.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onText(e.document)),
      vscode.workspace.onDidOpenTextDocument((doc) => this.onText(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== CELL_SCHEME) { this.collection.delete(doc.uri); this.projects.forget(doc.uri); }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('poolnb.diagnostics.enabled')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  private get enabled(): boolean {
    return vscode.workspace.getConfiguration('poolnb').get<boolean>('diagnostics.enabled', true);
  }

  private refreshAll(): void {
    for (const nb of vscode.workspace.notebookDocuments) this.schedule(nb);
    for (const doc of vscode.workspace.textDocuments) this.onText(doc);
  }

  private onText(document: vscode.TextDocument): void {
    if (document.uri.scheme === CELL_SCHEME) {
      const nb = Projects.notebookOf(document);
      if (nb) this.schedule(nb);
    } else if (document.languageId === LANGUAGE_ID) {
      this.debounce(document.uri.toString(), () => this.publishDocument(document));
    }
  }

  private schedule(notebook: vscode.NotebookDocument): void {
    if (notebook.notebookType !== NOTEBOOK_TYPE) return;
    this.debounce(notebook.uri.toString(), () => this.publishNotebook(notebook));
  }

  private debounce(key: string, work: () => void): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      try { work(); } catch (e) { console.error('poolnb: diagnostics failed', e); }
    }, DEBOUNCE_MS));
  }

  private publishNotebook(notebook: vscode.NotebookDocument): void {
    if (notebook.isClosed) return;
    const key = notebook.uri.toString();
    const before = this.published.get(key) ?? new Set<string>();
    const now = new Set<string>();
    if (this.enabled) {
      const project = this.projects.forNotebook(notebook);
      for (const cell of notebook.getCells()) {
        if (cell.kind !== vscode.NotebookCellKind.Code || cell.document.languageId !== LANGUAGE_ID) continue;
        const diags = project.diagnostics(cell.index).map((d) => toDiagnostic(cell.document, d));
        this.collection.set(cell.document.uri, diags);
        now.add(cell.document.uri.toString());
      }
    }
    for (const uri of before) if (!now.has(uri)) this.collection.delete(vscode.Uri.parse(uri));
    this.published.set(key, now);
  }

  private publishDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const analysis = this.enabled ? this.projects.forDocument(document) : undefined;
    this.collection.set(document.uri, analysis
      ? analysis.project.diagnostics(analysis.cell).map((d) => toDiagnostic(document, d)) : []);
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const cell of this.published.get(key) ?? []) this.collection.delete(vscode.Uri.parse(cell));
    this.published.delete(key);
    this.projects.forget(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function toDiagnostic(document: vscode.TextDocument, d: LangDiagnostic): vscode.Diagnostic {
  const diag = new vscode.Diagnostic(toRange(document, d.range), d.message, SEVERITY[d.severity]);
  diag.code = d.code;
  diag.source = 'poolnb';
  return diag;
}
