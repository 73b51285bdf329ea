// One StaticProject per notebook (cells in notebook order, names flow downwards), or per
// standalone .poolscript file. A project is re-fed only when a cell's document version
// (or the cell list) changed, so hover, completion and diagnostics share one analysis.

import * as vscode from 'vscode';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from '../common/mime';
import type { StaticProject } from '../lang/api';

export type ProjectFactory = () => StaticProject;

export interface Analysis {
  project: StaticProject;
  /** the project's cell index of the document asked about */
  cell: number;
}

interface Entry { project: StaticProject; key: string }

export const CELL_SCHEME = 'vscode-notebook-cell';

export class Projects {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly createProject: ProjectFactory) {}

  /** The notebook (of type poolnb) a cell document belongs to. */
  static notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
    if (document.uri.scheme !== CELL_SCHEME) return undefined;
    return vscode.workspace.notebookDocuments.find((nb) => nb.notebookType === NOTEBOOK_TYPE
      && nb.getCells().some((c) => c.document === document || c.document.uri.toString() === document.uri.toString()));
  }

  /** The up-to-date analysis that covers this document, or undefined if it is not PoolScript. */
  forDocument(document: vscode.TextDocument): Analysis | undefined {
    const notebook = Projects.notebookOf(document);
    if (notebook) {
      const project = this.forNotebook(notebook);
      const cell = notebook.getCells().findIndex((c) => c.document.uri.toString() === document.uri.toString());
      return cell < 0 ? undefined : { project, cell };
    }
    if (document.languageId !== LANGUAGE_ID || document.uri.scheme === CELL_SCHEME) return undefined;
    const key = `${document.version}`;
    const project = this.entry(document.uri.toString(), key, () => [document.getText()]);
    return { project, cell: 0 };
  }

  /** The notebook's project, re-fed if any cell changed. Markdown cells count as empty code. */
  forNotebook(notebook: vscode.NotebookDocument): StaticProject {
    const cells = notebook.getCells();
    const key = cells.map((c) => `${c.document.uri.toString()}@${c.document.version}:${c.kind}`).join('|');
    return this.entry(notebook.uri.toString(), key, () => cells.map((c) =>
      (c.kind === vscode.NotebookCellKind.Code && c.document.languageId === LANGUAGE_ID ? c.document.getText() : '')));
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  private entry(id: string, key: string, sources: () => string[]): StaticProject {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { project: this.createProject(), key: '' };
      this.entries.set(id, entry);
    }
    if (entry.key !== key) {
      entry.project.setCells(sources());
      entry.key = key;
    }
    return entry.project;
  }
}

/** A LangDiagnostic / HoverInfo range (offsets in the cell) as a vscode.Range. */
export function toRange(document: vscode.TextDocument, range: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
