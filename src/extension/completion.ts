// Completions in PoolScript cells: `torch.`, `nn.`, `F.`, keyword arguments after `(` and
// `,`, and names defined in earlier cells, as the StaticProject lists them.

import * as vscode from 'vscode';
import type { CompletionInfo } from '../lang/api';
import { Projects } from './projects';

export const TRIGGER_CHARACTERS = ['.', '(', ','];

const KINDS: Record<CompletionInfo['kind'], vscode.CompletionItemKind> = {
  module: vscode.CompletionItemKind.Module,
  function: vscode.CompletionItemKind.Function,
  class: vscode.CompletionItemKind.Class,
  keyword: vscode.CompletionItemKind.Keyword,
  variable: vscode.CompletionItemKind.Variable,
  property: vscode.CompletionItemKind.Property,
  argument: vscode.CompletionItemKind.Field,
};

export class PoolnbCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly projects: Projects) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const analysis = this.projects.forDocument(document);
    if (!analysis) return [];
    return analysis.project.completions(analysis.cell, document.offsetAt(position)).map(toItem);
  }
}

function toItem(info: CompletionInfo, index: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem(info.label, KINDS[info.kind] ?? vscode.CompletionItemKind.Text);
  if (info.detail) item.detail = info.detail;
  if (info.documentation) item.documentation = new vscode.MarkdownString(info.documentation);
  if (info.insertText) item.insertText = info.insertText;
  item.sortText = String(index).padStart(5, '0'); // keep the checker's order (most relevant first)
  return item;
}
