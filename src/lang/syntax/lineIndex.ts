// Offsets <-> Python line/column (line 1-based, column 0-based, in characters).

import type { LineCol } from '../api';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') this.starts.push(i + 1);
      else if (c === '\r') { if (text[i + 1] === '\n') i++; this.starts.push(i + 1); }
    }
  }
  lineCol(offset: number): LineCol {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] };
  }
  offset(line: number, column: number): number {
    return (this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0) + column;
  }
}
