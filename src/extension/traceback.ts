// The text of a cell error as Python would show it, with the cell, line and column and
// a caret line under the failing code. Pure (no `vscode`): the kernel passes vscode.l10n.

import type { CellError } from '../lang/api';
import { L10n, plainL10n } from './outputSizeInput';

/** `RuntimeError: message`, or just the type when there is no message (KeyboardInterrupt). */
export function errorHeadline(error: CellError): string {
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

/** Where in the cell, 1-based line and column as editors count them. */
export function errorLocation(error: CellError, source: string): { line: number; column: number } | undefined {
  if (error.lineCol) return { line: error.lineCol.line, column: error.lineCol.column + 1 };
  if (error.range) {
    const before = source.slice(0, error.range.start).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }
  return undefined;
}

/**
 * A traceback-style stack:
 *   Traceback (most recent call last):
 *     Cell 2, line 3, column 5
 *       y = pool(x)
 *           ^^^^^^^
 *   RuntimeError: ...
 */
export function formatTraceback(error: CellError, source: string, cellNumber: number, l10n: L10n = plainL10n): string {
  const loc = errorLocation(error, source);
  const lines = ['Traceback (most recent call last):'];
  if (loc) {
    lines.push('  ' + l10n.t('Cell {0}, line {1}, column {2}', cellNumber, loc.line, loc.column));
    const text = source.split('\n')[loc.line - 1];
    if (text !== undefined && text.trim() !== '') {
      const indent = text.length - text.trimStart().length;
      lines.push('    ' + text.trim());
      const lineStart = source.split('\n').slice(0, loc.line - 1).reduce((n, l) => n + l.length + 1, 0);
      const from = Math.max(loc.column - 1, indent);
      let to = text.length;
      if (error.range) to = Math.min(text.length, Math.max(from + 1, error.range.end - lineStart));
      lines.push('    ' + ' '.repeat(from - indent) + '^'.repeat(Math.max(1, to - from)));
    }
  } else {
    lines.push('  ' + l10n.t('Cell {0}', cellNumber));
  }
  lines.push(errorHeadline(error));
  return lines.join('\n');
}
