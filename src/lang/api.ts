// The contract between PoolScript (src/lang) and its hosts: the VS Code extension,
// the CLI and the tests. Hosts import only from this file's exports (and index.ts).

import type { ValueView } from '../common/viewModel';
import type { CancelToken } from '../engine/errors';

/** A range in one cell's text: 0-based offsets, plus 1-based line / 0-based column like Python. */
export interface SourceRange {
  start: number;
  end: number;
}

export interface LineCol { line: number; column: number } // line 1-based, column 0-based

export type Severity = 'error' | 'warning' | 'info';

export interface LangDiagnostic {
  range: SourceRange;
  severity: Severity;
  /** a stable code, e.g. 'output-too-small', 'unknown-keyword', 'unsupported' */
  code: string;
  /** the message, PyTorch's own where PyTorch would raise (e.g. 'RuntimeError: ...') */
  message: string;
}

export interface HoverInfo {
  range: SourceRange;
  /** Markdown: type line such as `Tensor[1, 1, 2, 2] float32`, then derivation lines */
  markdown: string;
}

export interface CompletionInfo {
  label: string;
  kind: 'module' | 'function' | 'class' | 'keyword' | 'variable' | 'property' | 'argument';
  detail?: string;
  documentation?: string;
  insertText?: string;
}

/** One output of a cell run, in order. */
export type CellOutput =
  | { kind: 'stdout'; text: string }
  /** the value of the cell's last expression statement, or a show(...) call */
  | { kind: 'display'; view: ValueView; text: string };

export interface CellError {
  /** Python exception type, e.g. 'RuntimeError' */
  type: string;
  message: string;
  /** where in the cell it was raised */
  range?: SourceRange;
  lineCol?: LineCol;
}

export interface CellResult {
  outputs: CellOutput[];
  error?: CellError;
  /** execution time in ms */
  durationMs: number;
}

/** Reads workspace files for image(path); supplied by the host (no Node built-ins in lang). */
export interface HostIO {
  readFile?(path: string): Promise<Uint8Array>;
}

/** One kernel session: a namespace shared across cells in execution order. */
export interface Session {
  run(source: string, options?: { token?: CancelToken; cellIndex?: number }): Promise<CellResult>;
  reset(): void;
}

/** Static analysis of a notebook: cells in notebook order, names flow downwards. */
export interface StaticProject {
  setCells(cells: readonly string[]): void;
  diagnostics(cell: number): LangDiagnostic[];
  hover(cell: number, offset: number): HoverInfo | undefined;
  completions(cell: number, offset: number): CompletionInfo[];
}
