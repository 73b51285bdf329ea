// NotebookSerializer for `.poolnb`: maps between vscode.NotebookData and the plain
// NotebookDoc of notebookFile.ts, which owns the format and the same-bytes promise.
// A file that cannot be read makes deserializeNotebook throw, so VS Code shows the
// error instead of opening an empty notebook that a save would write over the file.

import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../common/mime';
import {
  CellDoc, NotebookCodec, NotebookDoc, NotebookParseError, OutputDoc,
} from './notebookFile';

export class PoolnbSerializer implements vscode.NotebookSerializer {
  private readonly codec = new NotebookCodec();

  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    let doc: NotebookDoc;
    try {
      doc = this.codec.decode(content);
    } catch (e) {
      if (e instanceof NotebookParseError) throw new Error(describeParseError(e));
      throw e;
    }
    const data = new vscode.NotebookData(doc.cells.map(toCellData));
    data.metadata = doc.metadata;
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    return this.codec.encode({
      cells: data.cells.map(fromCellData),
      metadata: data.metadata,
    });
  }
}

function toCellData(cell: CellDoc): vscode.NotebookCellData {
  const kind = cell.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code;
  const data = new vscode.NotebookCellData(kind, cell.value, cell.languageId);
  data.metadata = cell.metadata;
  if (cell.outputs?.length) {
    data.outputs = cell.outputs.map((o) => new vscode.NotebookCellOutput(
      o.items.map((it) => new vscode.NotebookCellOutputItem(it.data, it.mime)), o.metadata));
  }
  if (cell.execution && (cell.execution.order !== undefined || cell.execution.success !== undefined)) {
    data.executionSummary = { executionOrder: cell.execution.order, success: cell.execution.success };
  }
  return data;
}

function fromCellData(cell: vscode.NotebookCellData): CellDoc {
  const doc: CellDoc = {
    kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'code',
    languageId: cell.languageId || (cell.kind === vscode.NotebookCellKind.Markup ? 'markdown' : LANGUAGE_ID),
    value: cell.value,
    metadata: cell.metadata,
  };
  if (cell.outputs?.length) {
    doc.outputs = cell.outputs.map((o): OutputDoc => ({
      items: o.items.map((it) => ({ mime: it.mime, data: it.data })),
      metadata: o.metadata,
    }));
  }
  const s = cell.executionSummary;
  if (s && (s.executionOrder !== undefined || s.success !== undefined)) {
    doc.execution = {};
    if (s.executionOrder !== undefined) doc.execution.order = s.executionOrder;
    if (s.success !== undefined) doc.execution.success = s.success;
  }
  return doc;
}

/** The localised sentence shown when a file cannot be opened. */
export function describeParseError(e: NotebookParseError): string {
  const [a, b] = e.args;
  let reason: string;
  switch (e.code) {
    case 'unexpectedChar': reason = vscode.l10n.t('unexpected character {0}', a); break;
    case 'unexpectedEnd': reason = vscode.l10n.t('the file ends too early'); break;
    case 'expected': reason = vscode.l10n.t('expected {0}', a); break;
    case 'expectedKey': reason = vscode.l10n.t('expected a property name in double quotes'); break;
    case 'badString': reason = vscode.l10n.t('invalid string'); break;
    case 'badNumber': reason = vscode.l10n.t('invalid number'); break;
    case 'trailing': reason = vscode.l10n.t('unexpected text after the end of the JSON value'); break;
    case 'notObject': reason = vscode.l10n.t('the file must be a JSON object with "version" and "cells"'); break;
    case 'badVersion': reason = vscode.l10n.t('unsupported notebook version {0} (this poolnb reads version 1)', a); break;
    case 'notArray': reason = b ? vscode.l10n.t('cell {0}: "{1}" must be an array', a, b) : vscode.l10n.t('"{0}" must be an array', a); break;
    case 'notString': reason = vscode.l10n.t('cell {0}: "{1}" must be a string', a, b); break;
    case 'notObjectField': reason = b ? vscode.l10n.t('cell {0}: "{1}" must be an object', a, b) : vscode.l10n.t('"{0}" must be an object', a); break;
    case 'badKind': reason = vscode.l10n.t('cell {0}: "kind" must be "code" or "markdown"', a); break;
    case 'badUtf8': reason = vscode.l10n.t('the file is not UTF-8 text'); break;
  }
  return vscode.l10n.t('Cannot open this poolnb notebook: {0} (line {1}, column {2}). The file was not changed.',
    reason, e.line, e.column);
}
