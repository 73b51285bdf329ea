// StaticProject (src/lang/api.ts): one per notebook. Cells are checked in notebook
// order, names flowing downwards. Parses are cached by cell text; a cell's analysis is
// reused until it or a cell above it changes, so a hover costs a nodeAt lookup.

import type { CompletionInfo, HoverInfo, LangDiagnostic, StaticProject } from '../api';
import { parse } from '../syntax/parser';
import type { Module, ParseResult } from '../syntax/nodes';
import { Checker, NotebookFacts, Scope, initialScope, newFacts } from './checker';
import { syntaxDiagnostic } from './diagnostics';
import { cloneValues } from './types';
import { collectBoundNames } from './names';
import { hoverAt } from './hover';
import { completionsAt } from './completion';

export interface CellAnalysis {
  text: string;
  parse: ParseResult;
  diagnostics: LangDiagnostic[];
  /** the module scope before / after this cell */
  scopeIn: Scope;
  scopeOut: Scope;
}

const PARSE_CACHE_LIMIT = 256;

export class StaticNotebook implements StaticProject {
  private cells: string[] = [];
  private analyses: (CellAnalysis | undefined)[] = [];
  private readonly parses = new Map<string, ParseResult>();
  private facts: NotebookFacts = newFacts();
  private factsKey = '';

  setCells(cells: readonly string[]): void {
    const next = cells.slice();
    let firstChanged = 0;
    while (firstChanged < next.length && firstChanged < this.cells.length && next[firstChanged] === this.cells[firstChanged]) firstChanged++;
    this.cells = next;
    this.analyses.length = Math.min(this.analyses.length, firstChanged);
  }

  /** Cached parse of a cell's text (the parser is pure, so equal text gives an equal tree). */
  parseCell(text: string): ParseResult {
    let r = this.parses.get(text);
    if (!r) {
      r = parse(text);
      if (this.parses.size >= PARSE_CACHE_LIMIT) this.parses.delete(this.parses.keys().next().value as string);
      this.parses.set(text, r);
    } else {
      // keep recently used entries
      this.parses.delete(text);
      this.parses.set(text, r);
    }
    return r;
  }

  /** Names bound anywhere in the notebook: recomputed when any cell's text changes. */
  private ensureFacts(): NotebookFacts {
    const key = this.cells.join('\u0000');
    if (key === this.factsKey) return this.facts;
    const bound = new Set<string>();
    let star = false;
    for (const c of this.cells) star = collectBoundNames(this.parseCell(c).module, bound).starImport || star;
    const same = star === this.facts.starImport && bound.size === this.facts.boundAnywhere.size
      && [...bound].every((n) => this.facts.boundAnywhere.has(n));
    this.factsKey = key;
    if (same) return this.facts;
    // Types are kept (they are keyed by node, and unchanged cells keep their nodes).
    this.facts = { ...this.facts, boundAnywhere: bound, starImport: star };
    // Analyses depend on the facts (which names are NameErrors): recheck every cell.
    this.analyses.length = 0;
    return this.facts;
  }

  analysis(cell: number): CellAnalysis | undefined {
    if (cell < 0 || cell >= this.cells.length) return undefined;
    const facts = this.ensureFacts();
    for (let i = 0; i <= cell; i++) {
      if (this.analyses[i] && this.analyses[i]!.text === this.cells[i]) continue;
      const scopeIn = i === 0 ? initialScope() : this.analyses[i - 1]!.scopeOut;
      this.analyses[i] = this.check(i, this.cells[i], scopeIn, facts);
      this.analyses.length = i + 1;
    }
    return this.analyses[cell];
  }

  private check(index: number, text: string, scopeIn: Scope, facts: NotebookFacts): CellAnalysis {
    const p = this.parseCell(text);
    const scope = new Scope(undefined, cloneValues(scopeIn.vars));
    const checker = new Checker(facts, index);
    checker.moduleScope = scope;
    try {
      checker.checkModule(p.module.body, scope);
    } catch {
      // A checker bug must not break the editor: this cell just gets no static diagnostics.
      checker.diags.length = 0;
    }
    // A cell with a syntax error does not run: Python reports only the SyntaxError, so the
    // checker's errors are dropped (its information and warnings stay).
    const own = p.errors.length ? checker.diags.filter((d) => d.severity !== 'error') : checker.diags;
    const diagnostics = [...p.errors.slice(0, 1).map(syntaxDiagnostic), ...dedupe(own)].map((d) => widen(d, text));
    return { text, parse: p, diagnostics, scopeIn, scopeOut: scope };
  }

  diagnostics(cell: number): LangDiagnostic[] {
    return this.analysis(cell)?.diagnostics ?? [];
  }

  hover(cell: number, offset: number): HoverInfo | undefined {
    const a = this.analysis(cell);
    try {
      return a ? hoverAt(a.parse.module, offset, this.facts) : undefined;
    } catch {
      return undefined;
    }
  }

  completions(cell: number, offset: number): CompletionInfo[] {
    const a = this.analysis(cell);
    try {
      return a ? completionsAt(a.text, a.parse.module, offset, this.facts, a.scopeOut) : [];
    } catch {
      return [];
    }
  }

  /** The parsed tree of a cell (for hosts that need ranges, e.g. folding). */
  module(cell: number): Module | undefined {
    return this.analysis(cell)?.parse.module;
  }
}

/** An empty range (Python's point locations) covers one character, so editors can underline it. */
function widen(d: LangDiagnostic, text: string): LangDiagnostic {
  const { start, end } = d.range;
  if (start !== end || start >= text.length || text[start] === '\n' || text[start] === '\r') return d;
  return { ...d, range: { start, end: start + 1 } };
}

function dedupe(ds: LangDiagnostic[]): LangDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.range.start}:${d.range.end}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function createStaticProject(): StaticNotebook {
  return new StaticNotebook();
}
