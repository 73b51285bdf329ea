// Reads the code cells of a .poolnb notebook (JSON) or of a .py script (one cell, or
// cells split at "# %%" lines, as VS Code's Python interactive window does).

export interface SourceCell {
  /** the cell's index in the notebook (0-based; markdown cells count) */
  index: number;
  source: string;
  /** the file line where the cell's first line is (1 for notebook cells) */
  firstLine: number;
}

export function readCells(file: string, text: string): SourceCell[] {
  if (file.endsWith('.poolnb') || /^\s*\{/.test(text) && !file.endsWith('.py')) {
    let doc: { cells?: { kind?: string; source?: unknown }[] };
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`${file} is not a valid .poolnb file: ${(e as Error).message}`);
    }
    if (!doc || !Array.isArray(doc.cells)) throw new Error(`${file} is not a valid .poolnb file: no "cells" list`);
    const out: SourceCell[] = [];
    doc.cells.forEach((c, i) => {
      if (c.kind !== 'code') return;
      const src = Array.isArray(c.source) ? c.source.join('') : typeof c.source === 'string' ? c.source : '';
      out.push({ index: i, source: src, firstLine: 1 });
    });
    return out;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const cells: SourceCell[] = [];
  let cur: string[] = [];
  let first = 1;
  const push = () => {
    if (cur.some((l) => l.trim() !== '') || cells.length === 0 && cur.length) cells.push({ index: cells.length, source: cur.join('\n'), firstLine: first });
  };
  lines.forEach((line, i) => {
    if (/^#\s*%%/.test(line)) {
      push();
      cur = [];
      first = i + 2;
    } else {
      cur.push(line);
    }
  });
  push();
  return cells.map((c, i) => ({ ...c, index: i }));
}
