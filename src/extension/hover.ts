// Hover in PoolScript cells: the checker's type line (e.g. `Tensor[1, 1, 2, 2] float32`)
// and, unless poolnb.hover.showDerivation is off, the per-axis output-size derivation.

import * as vscode from 'vscode';
import { Projects, toRange } from './projects';

export class PoolnbHoverProvider implements vscode.HoverProvider {
  constructor(private readonly projects: Projects) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.projects.forDocument(document);
    if (!analysis) return undefined;
    const info = analysis.project.hover(analysis.cell, document.offsetAt(position));
    if (!info || !info.markdown.trim()) return undefined;
    const showDerivation = vscode.workspace.getConfiguration('poolnb').get<boolean>('hover.showDerivation', true);
    const markdown = showDerivation ? info.markdown : firstBlock(info.markdown);
    return new vscode.Hover(new vscode.MarkdownString(markdown), toRange(document, info.range));
  }
}

/** The type line alone: the markdown up to its first blank line (or first line). */
export function firstBlock(markdown: string): string {
  const trimmed = markdown.trim();
  const blank = trimmed.search(/\n\s*\n/);
  if (blank >= 0) return trimmed.slice(0, blank);
  const nl = trimmed.indexOf('\n');
  return nl >= 0 ? trimmed.slice(0, nl) : trimmed;
}
