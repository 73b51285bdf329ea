// The parser: recursive descent over the scanner's tokens, Python's grammar for the
// PoolScript subset (and enough of the rest to refuse it with a range). It never
// throws: where input is missing it builds `Missing` nodes, where a statement makes
// no sense it records a syntax error and skips to the end of the logical line.
// The first error in `errors` is the one Python 3.11 would report (see errorOrder.ts).

import type * as N from './nodes';
import { scan } from './scanner';
import { KEYWORDS, Token } from './tokens';
import { decodeEscapes, splitFString, splitLiteral } from './strings';
import { pickPrimaryError, RankedError } from './errorOrder';
import { checkSemantics } from './semantics';

/** Parses one cell. Never throws. */
export function parse(text: string): N.ParseResult {
  try {
    return parseUnsafe(text);
  } catch (e) {
    // A parser bug must not take the editor down: report it as a syntax error.
    return {
      module: { kind: 'Module', body: [], start: 0, end: text.length },
      errors: [{ type: 'SyntaxError', message: `internal parser error: ${(e as Error).message}`, range: { start: 0, end: 0 } }],
    };
  }
}

function parseUnsafe(text: string): N.ParseResult {
  const s = scan(text);
  const p = new Parser(text, s.tokens, 0);
  const module = p.parseModule();
  // A Yield node needs the word in the text: without it the yield walk is skipped (a speed-up only).
  const semantic = p.errors.length === 0 && s.errors.length === 0 ? checkSemantics(module, text.includes('yield')) : [];
  const errors = pickPrimaryError(text, s, p.errors, semantic);
  return { module, errors };
}

/** Parses an expression (the inside of an f-string field) whose text starts at `base` in the cell. */
function parseFieldExpression(expr: string, base: number, errors: RankedError[], tokenIndex: number): N.Expr {
  // Python 3.11 parses the field wrapped in parentheses; so do we, then shift offsets.
  const s = scan('(' + expr + ')');
  const p = new Parser('(' + expr + ')', s.tokens, base - 1);
  const e = p.parseStandaloneExpression();
  const first = s.errors[0] ?? p.errors[0];
  if (first) {
    errors.push({
      type: 'SyntaxError',
      message: first.message.startsWith('f-string') ? first.message : `f-string: ${first.message}`,
      // scanner offsets are relative to the wrapped text; the parser's are already shifted
      range: s.errors[0] ? { start: first.range.start + base - 1, end: first.range.end + base - 1 } : first.range,
      tokenIndex, generic: false,
    });
  }
  return e;
}

type Ctx = 'expr';

class Parser {
  readonly errors: RankedError[] = [];
  private i = 0;
  /** one error per logical line: later ones are usually consequences */
  private lineHasError = false;

  constructor(private readonly text: string, private readonly toks: Token[], private readonly shift: number) {}

  // ------------------------------------------------------------ token helpers
  private get tok(): Token { return this.toks[this.i]; }
  /** the current token's kind (a method, so TypeScript does not narrow it across calls) */
  private kind(): Token['kind'] { return this.toks[this.i].kind; }
  private peek(k = 1): Token { return this.toks[Math.min(this.i + k, this.toks.length - 1)]; }
  private get prevEnd(): number { return this.i > 0 ? this.toks[this.i - 1].end + this.shift : this.shift; }
  private s(t: Token): number { return t.start + this.shift; }
  private e(t: Token): number { return t.end + this.shift; }
  private next(): Token { const t = this.tok; if (this.i < this.toks.length - 1) this.i++; return t; }
  private isOp(v: string, t = this.tok): boolean { return t.kind === 'OP' && t.value === v; }
  private isKw(v: string, t = this.tok): boolean { return t.kind === 'NAME' && t.value === v; }
  private eatOp(v: string): boolean { if (this.isOp(v)) { this.next(); return true; } return false; }
  private eatKw(v: string): boolean { if (this.isKw(v)) { this.next(); return true; } return false; }
  private isName(t = this.tok): boolean { return t.kind === 'NAME' && !KEYWORDS.has(t.value); }

  private error(message: string, start: number, end: number, opts: { type?: N.SyntaxErrorInfo['type']; generic?: boolean } = {}): void {
    if (this.lineHasError) return;
    this.lineHasError = true;
    this.errors.push({ type: opts.type ?? 'SyntaxError', message, range: { start, end }, tokenIndex: this.i, generic: opts.generic ?? false });
  }
  /** Python's generic message, located on the current token. */
  private invalid(t = this.tok): void {
    this.error('invalid syntax', this.s(t), this.e(t), { generic: true });
  }
  private badStmt(start: number): N.BadStmt {
    const st = Math.min(start, this.prevEnd);
    return { kind: 'BadStmt', start: st, end: Math.max(st, this.prevEnd) };
  }
  private missing(expected: string[]): N.Missing {
    const at = this.prevEnd;
    return { kind: 'Missing', expected, start: at, end: at };
  }

  /** Skips to the end of the logical line (after NEWLINE), keeping block structure intact. */
  private skipLine(): void {
    while (this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') {
      if (this.tok.kind === 'INDENT' || this.tok.kind === 'DEDENT') break;
      this.next();
    }
    if (this.tok.kind === 'NEWLINE') this.next();
  }

  // ------------------------------------------------------------ statements
  parseModule(): N.Module {
    const body: N.Stmt[] = [];
    while (this.tok.kind !== 'EOF') {
      const before = this.i;
      if (this.tok.kind === 'INDENT') {
        this.lineHasError = false;
        const t = this.tok;
        this.error('unexpected indent', this.e(t) - 1, this.e(t), { type: 'IndentationError' });
        this.next();
        continue;
      }
      if (this.tok.kind === 'DEDENT' || this.tok.kind === 'NEWLINE') { this.next(); continue; }
      body.push(...this.statement());
      if (this.i === before) this.next(); // guarantee progress
    }
    return { kind: 'Module', body, start: this.shift, end: this.text.length + this.shift };
  }

  parseStandaloneExpression(): N.Expr {
    const e = this.starExpressions();
    if (this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalid();
    return e;
  }

  private statement(): N.Stmt[] {
    this.lineHasError = false;
    const t = this.tok;
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'if': return [this.ifStmt(false)];
        case 'for': return [this.forStmt()];
        case 'while': return [this.whileStmt()];
        case 'def': return [this.funcDef([])];
        case 'class': return [this.classDef([])];
        case 'with': return [this.withStmt()];
        case 'try': return [this.tryStmt()];
        case 'async': {
          const nt = this.peek();
          if (this.isKw('def', nt) || this.isKw('for', nt) || this.isKw('with', nt)) { this.next(); return this.statement(); }
          break;
        }
      }
    }
    if (this.isOp('@')) return [this.decorated()];
    return this.simpleStatements();
  }

  private simpleStatements(): N.Stmt[] {
    const out: N.Stmt[] = [];
    for (;;) {
      const st = this.smallStatement();
      out.push(st);
      if (this.isOp(';')) {
        this.next();
        if (this.tok.kind === 'NEWLINE' || this.tok.kind === 'EOF') break;
        continue;
      }
      break;
    }
    if (this.tok.kind === 'NEWLINE') this.next();
    else if (this.tok.kind !== 'EOF') {
      if (!this.lineHasError) this.junkAfterStatement(out[out.length - 1]);
      this.skipLine();
      const last = out[out.length - 1];
      last.end = Math.max(last.end, this.prevEnd);
    }
    return out;
  }

  /** The statement parsed, but more tokens follow on its line. */
  private junkAfterStatement(last: N.Stmt): void {
    const t = this.tok;
    // `print "x"`: Python's legacy-statement hint
    if (last.kind === 'ExprStmt' && last.value.kind === 'Name' && (last.value.id === 'print' || last.value.id === 'exec')
      && (t.kind === 'STRING' || t.kind === 'NUMBER' || t.kind === 'NAME')) {
      let end = this.e(t);
      let j = this.i;
      while (this.toks[j].kind !== 'NEWLINE' && this.toks[j].kind !== 'EOF') { end = this.toks[j].end + this.shift; j++; }
      this.error(`Missing parentheses in call to '${last.value.id}'. Did you mean ${last.value.id}(...)?`, last.start, end);
      return;
    }
    this.invalid();
  }

  private smallStatement(): N.Stmt {
    const t = this.tok;
    const start = this.s(t);
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'pass': this.next(); return { kind: 'Pass', start, end: this.prevEnd };
        case 'break': this.next(); return { kind: 'Break', start, end: this.prevEnd };
        case 'continue': this.next(); return { kind: 'Continue', start, end: this.prevEnd };
        case 'return': {
          this.next();
          const value = this.atExpressionStart() ? this.starExpressions() : undefined;
          return { kind: 'Return', value, start, end: this.prevEnd };
        }
        case 'import': return this.importStmt();
        case 'from': return this.fromImport();
        case 'assert': {
          this.next();
          const test = this.test();
          const msg = this.eatOp(',') ? this.test() : undefined;
          return { kind: 'Assert', test, msg, start, end: this.prevEnd };
        }
        case 'del': {
          this.next();
          const targets: N.Expr[] = [this.orExprOrStar()];
          while (this.eatOp(',')) { if (!this.atExpressionStart()) break; targets.push(this.orExprOrStar()); }
          for (const tg of targets) {
            const bad = invalidTarget(tg);
            if (bad) { this.error(`cannot delete ${bad.what}`, bad.node.start, bad.node.end); break; }
          }
          return { kind: 'Delete', targets, start, end: this.prevEnd };
        }
        case 'global': case 'nonlocal': {
          this.next();
          const names: N.Ident[] = [this.ident()];
          while (this.eatOp(',')) names.push(this.ident());
          return { kind: 'Global', names, isNonlocal: t.value === 'nonlocal', start, end: this.prevEnd };
        }
        case 'raise': {
          this.next();
          const exc = this.atExpressionStart() ? this.test() : undefined;
          const cause = exc && this.eatKw('from') ? this.test() : undefined;
          return { kind: 'Raise', exc, cause, start, end: this.prevEnd };
        }
        case 'elif': case 'else': case 'except': case 'finally': case 'in': case 'as': case 'is':
        case 'and': case 'or': {
          this.invalid();
          this.skipLine();
          return this.badStmt(start);
        }
      }
    }
    return this.exprStatement();
  }

  private exprStatement(): N.Stmt {
    const start = this.s(this.tok);
    if (!this.atExpressionStart() && !this.isOp('*')) {
      this.invalid();
      this.skipLine();
      return this.badStmt(start);
    }
    const first = this.starExpressions();
    // annotated assignment
    if (this.isOp(':') && (first.kind === 'Name' || first.kind === 'Attribute' || first.kind === 'Subscript')) {
      this.next();
      const annotation = this.test();
      const value = this.eatOp('=') ? this.starExpressions() : undefined;
      return { kind: 'AnnAssign', target: first, annotation, value, start, end: this.prevEnd };
    }
    const t = this.tok;
    if (t.kind === 'OP' && t.value.length >= 2 && t.value.endsWith('=') && !['==', '!=', '<=', '>=', ':='].includes(t.value)) {
      const op = t.value.slice(0, -1) as N.BinaryOperator;
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
        const what = first.kind === 'Tuple' ? 'tuple' : first.kind === 'List' ? 'list' : describeExpr(first);
        this.error(`'${what}' is an illegal expression for augmented assignment`, first.start, first.end);
      }
      this.next();
      const value = this.atExpressionStart() ? this.starExpressions() : (this.invalid(), this.missing(['expression']));
      return { kind: 'AugAssign', target: first, op, value, start, end: this.prevEnd };
    }
    if (this.isOp('=')) {
      const targets: N.Expr[] = [first];
      let value: N.Expr = first;
      while (this.eatOp('=')) {
        if (this.atExpressionStart() || this.isOp('*')) {
          value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        } else {
          this.invalid();
          value = this.missing(['expression']);
        }
        targets.push(value);
      }
      targets.pop();
      for (const [k, tg] of targets.entries()) {
        const bad = invalidTarget(tg);
        if (bad) {
          // Python adds the hint for the leftmost target only, and not for True/False/None
          const here = k === 0 && targets.length === 1 && bad.node.kind !== 'Constant'
            ? " here. Maybe you meant '==' instead of '='?" : '';
          this.error(`cannot assign to ${bad.what}${here}`, bad.node.start, bad.node.end);
          break;
        }
      }
      return { kind: 'Assign', targets, value, start, end: this.prevEnd };
    }
    return { kind: 'ExprStmt', value: first, start, end: this.prevEnd };
  }

  private ident(): N.Ident {
    const t = this.tok;
    if (this.isName()) { this.next(); return { kind: 'Ident', name: t.value, start: this.s(t), end: this.e(t) }; }
    this.invalid();
    return { kind: 'Ident', name: '', start: this.prevEnd, end: this.prevEnd };
  }

  private dottedName(): { name: string; span: N.Span } {
    const first = this.ident();
    const start = first.start;
    let name = first.name;
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.ident().name;
    }
    return { name, span: { start, end: this.prevEnd } };
  }

  private importStmt(): N.Import {
    const start = this.s(this.next());
    const names: N.Alias[] = [];
    do {
      const dn = this.dottedName();
      const aStart = dn.span.start;
      const asname = this.eatKw('as') ? this.ident() : undefined;
      names.push({ kind: 'Alias', name: dn.name, nameSpan: dn.span, asname, start: aStart, end: this.prevEnd });
    } while (this.eatOp(','));
    return { kind: 'Import', names, start, end: this.prevEnd };
  }

  private fromImport(): N.ImportFrom {
    const start = this.s(this.next());
    let level = 0;
    while (this.isOp('.') || this.isOp('...')) { level += this.tok.value.length; this.next(); }
    let module = '';
    let moduleSpan: N.Span = { start: this.prevEnd, end: this.prevEnd };
    if (!this.isKw('import')) { const dn = this.dottedName(); module = dn.name; moduleSpan = dn.span; }
    const names: N.Alias[] = [];
    if (!this.eatKw('import')) {
      this.invalid();
      return { kind: 'ImportFrom', module, moduleSpan, level, names, start, end: this.prevEnd };
    }
    if (this.isOp('*')) {
      const t = this.next();
      names.push({ kind: 'Alias', name: '*', nameSpan: { start: this.s(t), end: this.e(t) }, start: this.s(t), end: this.e(t) });
      return { kind: 'ImportFrom', module, moduleSpan, level, names, start, end: this.prevEnd };
    }
    const paren = this.eatOp('(');
    do {
      if (paren && this.isOp(')')) break;
      const id = this.ident();
      const asname = this.eatKw('as') ? this.ident() : undefined;
      names.push({ kind: 'Alias', name: id.name, nameSpan: { start: id.start, end: id.end }, asname, start: id.start, end: this.prevEnd });
    } while (this.eatOp(','));
    if (paren && !this.eatOp(')')) {
      if (this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalid();
    }
    return { kind: 'ImportFrom', module, moduleSpan, level, names, start, end: this.prevEnd };
  }

  // ------------------------------------------------------------ compound statements
  /** `:` then a block. `what` is Python's description for the IndentationError. */
  private block(what: string, headerLine: number): N.Stmt[] {
    if (!this.eatOp(':')) {
      // Python: "expected ':'" when the header itself parsed.
      if (!this.lineHasError) {
        const t = this.tok;
        this.error("expected ':'", this.s(t), this.s(t));
      }
      this.skipLine();
      if (this.tok.kind === 'INDENT') return this.indentedBody();
      return [];
    }
    if (this.tok.kind !== 'NEWLINE') {
      if (this.tok.kind === 'EOF') return [];
      return this.simpleStatements();
    }
    const nl = this.next();
    if (this.kind() === 'INDENT') return this.indentedBody();
    const t = this.tok;
    const atEnd = t.kind === 'EOF' || (t.kind === 'DEDENT' && t.start >= this.text.length);
    this.lineHasError = false;
    const at = atEnd ? nl : t;
    this.error(`expected an indented block after ${what} on line ${headerLine}`,
      this.s(at), atEnd ? this.s(at) : this.e(at), { type: 'IndentationError' });
    return [];
  }

  private indentedBody(): N.Stmt[] {
    this.next(); // INDENT
    const body: N.Stmt[] = [];
    while (this.tok.kind !== 'DEDENT' && this.tok.kind !== 'EOF') {
      const before = this.i;
      if (this.tok.kind === 'INDENT') {
        this.lineHasError = false;
        const t = this.tok;
        this.error('unexpected indent', this.e(t) - 1, this.e(t), { type: 'IndentationError' });
        this.next();
        continue;
      }
      if (this.tok.kind === 'NEWLINE') { this.next(); continue; }
      body.push(...this.statement());
      if (this.i === before) this.next();
    }
    if (this.tok.kind === 'DEDENT') this.next();
    return body;
  }

  private ifStmt(isElif: boolean): N.If {
    const kw = this.next();
    const start = this.s(kw);
    const test = this.namedExprTest();
    const body = this.block(`'${kw.value}' statement`, kw.line);
    let orelse: N.Stmt[] = [];
    this.lineHasError = false;
    if (this.isKw('elif')) orelse = [this.ifStmt(true)];
    else if (this.isKw('else')) orelse = this.elseBlock();
    return { kind: 'If', test, body, orelse, isElif, start, end: this.prevEnd };
  }

  private elseBlock(): N.Stmt[] {
    const kw = this.next();
    return this.block("'else' statement", kw.line);
  }

  private forStmt(): N.For {
    const kw = this.next();
    const start = this.s(kw);
    const target = this.targetList();
    const bad = invalidTarget(target);
    if (bad) this.error(`cannot assign to ${bad.what}`, bad.node.start, bad.node.end);
    let iter: N.Expr;
    if (this.eatKw('in')) iter = this.starExpressions();
    else { this.invalid(); iter = this.missing(['in']); }
    const body = this.block("'for' statement", kw.line);
    this.lineHasError = false;
    const orelse = this.isKw('else') ? this.elseBlock() : [];
    return { kind: 'For', target, iter, body, orelse, start, end: this.prevEnd };
  }

  private whileStmt(): N.While {
    const kw = this.next();
    const start = this.s(kw);
    const test = this.namedExprTest();
    const body = this.block("'while' statement", kw.line);
    this.lineHasError = false;
    const orelse = this.isKw('else') ? this.elseBlock() : [];
    return { kind: 'While', test, body, orelse, start, end: this.prevEnd };
  }

  private withStmt(): N.With {
    const kw = this.next();
    const start = this.s(kw);
    const items: N.Expr[] = [];
    const vars: (N.Expr | null)[] = [];
    do {
      items.push(this.test());
      vars.push(this.eatKw('as') ? this.targetAtom() : null);
    } while (this.eatOp(','));
    const body = this.block("'with' statement", kw.line);
    return { kind: 'With', items, body, vars, start, end: this.prevEnd };
  }

  private tryStmt(): N.Try {
    const kw = this.next();
    const start = this.s(kw);
    const body = this.block("'try' statement", kw.line);
    const handlers: N.ExceptHandler[] = [];
    let orelse: N.Stmt[] = [];
    let finalbody: N.Stmt[] = [];
    this.lineHasError = false;
    while (this.isKw('except')) {
      const ek = this.next();
      const type = this.atExpressionStart() ? this.test() : undefined;
      const name = type && this.eatKw('as') ? this.ident() : undefined;
      const hbody = this.block("'except' statement", ek.line);
      handlers.push({ kind: 'ExceptHandler', type, name, body: hbody, start: this.s(ek), end: this.prevEnd });
      this.lineHasError = false;
    }
    if (this.isKw('else')) orelse = this.elseBlock();
    if (this.isKw('finally')) { const fk = this.next(); finalbody = this.block("'finally' statement", fk.line); }
    if (handlers.length === 0 && finalbody.length === 0 && !this.lineHasError) {
      const t = this.tok;
      this.error("expected 'except' or 'finally' block", this.s(t), this.s(t));
    }
    return { kind: 'Try', body, handlers, orelse, finalbody, start, end: this.prevEnd };
  }

  private decorated(): N.Stmt {
    const decorators: N.Expr[] = [];
    while (this.isOp('@')) {
      this.next();
      decorators.push(this.namedExprTest());
      if (this.tok.kind === 'NEWLINE') this.next();
      else { this.invalid(); this.skipLine(); }
    }
    if (this.isKw('def')) return this.funcDef(decorators);
    if (this.isKw('class')) return this.classDef(decorators);
    if (this.isKw('async') && this.isKw('def', this.peek())) { this.next(); return this.funcDef(decorators); }
    const start = this.s(this.tok);
    this.invalid();
    this.skipLine();
    return this.badStmt(start);
  }

  private funcDef(decorators: N.Expr[]): N.FunctionDef {
    const kw = this.next();
    const start = decorators[0]?.start ?? this.s(kw);
    const name = this.ident();
    let params: N.Param[] = [];
    if (this.eatOp('(')) {
      params = this.paramList(')');
      if (!this.eatOp(')')) { if (this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalid(); }
    } else this.invalid();
    const returns = this.eatOp('->') ? this.test() : undefined;
    const body = this.block('function definition', kw.line);
    return { kind: 'FunctionDef', name, params, body, decorators, returns, start, end: this.prevEnd };
  }

  private paramList(close: string): N.Param[] {
    const params: N.Param[] = [];
    let sawDefault = false, sawStar = false;
    while (!this.isOp(close) && this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') {
      const pStart = this.s(this.tok);
      let star: '*' | '**' | undefined;
      if (this.isOp('*') || this.isOp('**')) star = this.next().value as '*' | '**';
      else if (this.isOp('/')) {
        this.next();
        for (const q of params) if (!q.star) q.posOnly = true;
        if (!this.eatOp(',')) break;
        continue;
      }
      if (star === '*' && (this.isOp(',') || this.isOp(close))) {
        sawStar = true;
        if (!this.eatOp(',')) break;
        continue;
      }
      if (!this.isName()) { this.invalid(); break; }
      const name = this.ident();
      const annotation = close === ')' && this.eatOp(':') ? this.test() : undefined;
      let dflt: N.Expr | undefined;
      if (this.eatOp('=')) { dflt = this.test(); if (!star && !sawStar) sawDefault = true; }
      else if (!star && sawDefault && !sawStar) {
        this.error('non-default argument follows default argument', name.start, name.end);
      }
      const param: N.Param = { kind: 'Param', name, default: dflt, star, annotation, start: pStart, end: this.prevEnd };
      if (!star && sawStar) param.kwOnly = true;
      if (star === '*') sawStar = true;
      params.push(param);
      if (!this.eatOp(',')) break;
    }
    return params;
  }

  private classDef(decorators: N.Expr[]): N.ClassDef {
    const kw = this.next();
    const start = decorators[0]?.start ?? this.s(kw);
    const name = this.ident();
    let bases: N.Arg[] = [];
    if (this.isOp('(')) {
      this.next();
      bases = this.argList();
      if (!this.eatOp(')')) { if (this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalid(); }
    }
    const body = this.block('class definition', kw.line);
    return { kind: 'ClassDef', name, bases, body, decorators, start, end: this.prevEnd };
  }

  // ------------------------------------------------------------ expressions
  private atExpressionStart(t = this.tok): boolean {
    if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
    if (t.kind === 'NAME') {
      return !KEYWORDS.has(t.value) || ['True', 'False', 'None', 'not', 'lambda', 'await', 'yield'].includes(t.value);
    }
    if (t.kind === 'OP') return ['(', '[', '{', '-', '+', '~', '...', '*'].includes(t.value);
    return false;
  }

  /** `a, b` / `*a, b` without parentheses: a Tuple when there is a comma. */
  private starExpressions(): N.Expr {
    const first = this.starOrTest();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (!this.atExpressionStart()) break;
      elts.push(this.starOrTest());
    }
    return { kind: 'Tuple', elts, parenthesized: false, start: first.start, end: this.prevEnd };
  }

  /** `named`: `x := v` is allowed here (inside brackets, not at statement level) */
  private starOrTest(named = false): N.Expr {
    if (this.isOp('*')) {
      const start = this.s(this.next());
      const value = this.bitOr();
      return { kind: 'Starred', value, start, end: this.prevEnd };
    }
    return named ? this.namedExprTest() : this.test();
  }

  private orExprOrStar(): N.Expr {
    if (this.isOp('*')) {
      const start = this.s(this.next());
      const value = this.bitOr();
      return { kind: 'Starred', value, start, end: this.prevEnd };
    }
    return this.bitOr();
  }

  /** for-loop / comprehension targets: `i`, `i, j`, `(a, b), c` (stops before `in`). */
  private targetList(): N.Expr {
    const first = this.orExprOrStar();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in') || !this.atExpressionStart()) break;
      elts.push(this.orExprOrStar());
    }
    return { kind: 'Tuple', elts, parenthesized: false, start: first.start, end: this.prevEnd };
  }

  private targetAtom(): N.Expr { return this.bitOr(); }

  /** `inCall`: a call argument, where `f(a.b=1)` has its own message (argList) */
  private namedExprTest(inCall = false): N.Expr {
    const e = this.test();
    if (!inCall && this.isOp('=') && !this.lineHasError) this.assignmentInExpression(e);
    if (this.isOp(':=')) {
      const opTok = this.tok;
      if (e.kind !== 'Name' || opTok.level === 0 && false) {
        this.error(`cannot use assignment expressions with ${describeExpr(e)}`, e.start, e.end);
      }
      this.next();
      const value = this.test();
      if (e.kind === 'Name') return { kind: 'NamedExpr', target: e, value, start: e.start, end: this.prevEnd };
    }
    return e;
  }

  /** `if x = 1:`: Python's hints for `=` where an expression was expected (invalid_named_expression). */
  private assignmentInExpression(e: N.Expr): void {
    const save = this.i;
    const saveLine = this.lineHasError;
    this.next(); // '='
    this.lineHasError = true; // parse the right side silently, only to find where it ends
    const rhsStart = this.tok;
    const ok = this.atExpressionStart(rhsStart);
    if (ok) this.bitOr();
    const end = this.prevEnd;
    const followedByAssign = this.isOp('=') || this.isOp(':=');
    this.i = save;
    this.lineHasError = saveLine;
    if (!ok || followedByAssign) return;
    if (e.kind === 'Name') {
      this.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.start, end);
    } else if (!(e.kind === 'List' || e.kind === 'Tuple' || e.kind === 'GeneratorExp' || e.kind === 'Constant')) {
      this.error(`cannot assign to ${describeExpr(e)} here. Maybe you meant '==' instead of '='?`, e.start, e.end);
    }
  }

  private test(): N.Expr {
    if (this.isKw('lambda')) return this.lambda();
    if (this.isKw('yield')) return this.yieldExpr();
    const body = this.orTest();
    if (this.isKw('if') ) {
      // `a if c else b` (but not the `if` of a comprehension: that follows a `for` clause only)
      this.next();
      const test = this.orTest();
      if (!this.eatKw('else')) {
        this.error("expected 'else' after 'if' expression", body.start, this.prevEnd);
        return { kind: 'IfExp', test, body, orelse: this.missing(['else']), start: body.start, end: this.prevEnd };
      }
      const orelse = this.atExpressionStart() ? this.test() : (this.invalid(), this.missing(['expression']));
      return { kind: 'IfExp', test, body, orelse, start: body.start, end: this.prevEnd };
    }
    return body;
  }

  private testNoCond(): N.Expr {
    if (this.isKw('lambda')) return this.lambda();
    return this.orTest();
  }

  private lambda(): N.Lambda {
    const start = this.s(this.next());
    const params = this.paramList(':');
    let body: N.Expr;
    if (this.eatOp(':')) body = this.test();
    else { this.invalid(); body = this.missing([':']); }
    return { kind: 'Lambda', params, body, start, end: this.prevEnd };
  }

  private yieldExpr(): N.YieldExpr {
    const start = this.s(this.next());
    this.eatKw('from');
    const value = this.atExpressionStart() ? this.starExpressions() : undefined;
    return { kind: 'Yield', value, start, end: this.prevEnd };
  }

  private orTest(): N.Expr {
    const first = this.andTest();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.andTest());
    return { kind: 'BoolOp', op: 'or', values, start: first.start, end: this.prevEnd };
  }

  private andTest(): N.Expr {
    const first = this.notTest();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.notTest());
    return { kind: 'BoolOp', op: 'and', values, start: first.start, end: this.prevEnd };
  }

  private notTest(): N.Expr {
    if (this.isKw('not')) {
      const start = this.s(this.next());
      const operand = this.notTest();
      return { kind: 'UnaryOp', op: 'not', operand, start, end: this.prevEnd };
    }
    return this.comparison();
  }

  private compOp(): N.CompareOperator | undefined {
    const t = this.tok;
    if (t.kind === 'OP' && ['<', '>', '<=', '>=', '==', '!='].includes(t.value)) { this.next(); return t.value as N.CompareOperator; }
    if (this.isKw('in')) { this.next(); return 'in'; }
    if (this.isKw('not') && this.isKw('in', this.peek())) { this.next(); this.next(); return 'not in'; }
    if (this.isKw('is')) { this.next(); return this.eatKw('not') ? 'is not' : 'is'; }
    return undefined;
  }

  private comparison(): N.Expr {
    const left = this.bitOr();
    const ops: N.CompareOperator[] = [];
    const comparators: N.Expr[] = [];
    for (;;) {
      const op = this.compOp();
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitOr());
    }
    if (!ops.length) return left;
    return { kind: 'Compare', left, ops, comparators, start: left.start, end: this.prevEnd };
  }

  private binary(ops: readonly string[], operand: () => N.Expr): N.Expr {
    let left = operand();
    while (this.tok.kind === 'OP' && ops.includes(this.tok.value)) {
      const opTok = this.next();
      const right = operand();
      left = { kind: 'BinOp', op: opTok.value as N.BinaryOperator, left, right, opStart: this.s(opTok), start: left.start, end: this.prevEnd };
    }
    return left;
  }

  private bitOr = (): N.Expr => this.binary(['|'], this.bitXor);
  private bitXor = (): N.Expr => this.binary(['^'], this.bitAnd);
  private bitAnd = (): N.Expr => this.binary(['&'], this.shiftExpr);
  private shiftExpr = (): N.Expr => this.binary(['<<', '>>'], this.arith);
  private arith = (): N.Expr => this.binary(['+', '-'], this.term);
  private term = (): N.Expr => this.binary(['*', '/', '//', '%', '@'], this.factor);

  private factor = (): N.Expr => {
    const t = this.tok;
    if (t.kind === 'OP' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.next();
      const operand = this.factor();
      return { kind: 'UnaryOp', op: t.value as N.UnaryOperator, operand, start: this.s(t), end: this.prevEnd };
    }
    return this.power();
  };

  private power(): N.Expr {
    if (this.isKw('await')) this.next();
    const base = this.primary();
    if (this.isOp('**')) {
      const opTok = this.next();
      const right = this.factor();
      return { kind: 'BinOp', op: '**', left: base, right, opStart: this.s(opTok), start: base.start, end: this.prevEnd };
    }
    return base;
  }

  private primary(): N.Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.tok;
        let attr: N.Ident | N.Missing;
        if (t.kind === 'NAME' && !KEYWORDS.has(t.value)) { this.next(); attr = { kind: 'Ident', name: t.value, start: this.s(t), end: this.e(t) }; }
        else { this.invalid(); attr = this.missing(['attribute name']); }
        e = { kind: 'Attribute', value: e, attr, start: e.start, end: this.prevEnd };
      } else if (this.isOp('(')) {
        const lp = this.next();
        const args = this.argList();
        const closed = this.eatOp(')');
        if (!closed && this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalidInBrackets();
        e = { kind: 'Call', func: e, args, lparen: this.s(lp), closed, start: e.start, end: this.prevEnd };
      } else if (this.isOp('[')) {
        this.next();
        const index = this.subscriptList();
        if (!this.eatOp(']') && this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') this.invalidInBrackets();
        e = { kind: 'Subscript', value: e, index, start: e.start, end: this.prevEnd };
      } else break;
    }
    return e;
  }

  /** Inside brackets, two expressions side by side: Python suggests a missing comma. */
  private invalidInBrackets(): void {
    const prev = this.toks[this.i - 1];
    const t = this.tok;
    if (this.atExpressionStart(t) && t.value !== '*' && t.value !== '-' && t.value !== '+' && prev && prev.kind !== 'OP') {
      // find the start of the previous expression: the last top-level comma or opening bracket
      let j = this.i - 1, depth = 0;
      for (; j >= 0; j--) {
        const u = this.toks[j];
        if (u.kind === 'OP' && (u.value === ')' || u.value === ']' || u.value === '}')) depth++;
        else if (u.kind === 'OP' && (u.value === '(' || u.value === '[' || u.value === '{')) { if (depth === 0) break; depth--; }
        else if (depth === 0 && u.kind === 'OP' && (u.value === ',' || u.value === '=' || u.value === ':')) break;
      }
      const startTok = this.toks[j + 1];
      const save = this.i;
      const saveLine = this.lineHasError;
      this.lineHasError = true; // parse the next expression silently to find its end
      this.test();
      const end = this.prevEnd;
      this.i = save;
      this.lineHasError = saveLine;
      this.error('invalid syntax. Perhaps you forgot a comma?', this.s(startTok), end);
      return;
    }
    this.invalid();
  }

  private subscriptList(): N.Expr {
    const start = this.s(this.tok);
    const first = this.subscript();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.subscript());
    }
    return { kind: 'Tuple', elts, parenthesized: false, start, end: this.prevEnd };
  }

  private subscript(): N.Expr {
    const start = this.s(this.tok);
    let lower: N.Expr | undefined;
    if (!this.isOp(':')) {
      if (this.isOp('*')) return this.starOrTest();
      if (!this.atExpressionStart()) { this.invalid(); return this.missing(['expression']); }
      lower = this.namedExprTest();
      if (!this.isOp(':')) return lower;
    }
    this.next(); // ':'
    const upper = this.atExpressionStart() ? this.test() : undefined;
    let step: N.Expr | undefined;
    if (this.eatOp(':')) step = this.atExpressionStart() ? this.test() : undefined;
    return { kind: 'Slice', lower, upper, step, start, end: this.prevEnd };
  }

  /** Call arguments (also class bases). Stops before `)`. */
  private argList(): N.Arg[] {
    const args: N.Arg[] = [];
    let sawKeyword = false, sawDoubleStar = false;
    const seen = new Set<string>();
    while (!this.isOp(')') && this.tok.kind !== 'NEWLINE' && this.tok.kind !== 'EOF') {
      const start = this.s(this.tok);
      if (this.isOp('*') || this.isOp('**')) {
        const star = this.next().value as '*' | '**';
        const value = this.test();
        if (star === '*' && sawDoubleStar) this.error('iterable argument unpacking follows keyword argument unpacking', args[args.length - 1].start, args[args.length - 1].end);
        if (star === '**') sawDoubleStar = true;
        args.push({ kind: 'Arg', value, star, start, end: this.prevEnd });
      } else if (this.isName() && this.isOp('=', this.peek())) {
        const t = this.next();
        const name: N.Ident = { kind: 'Ident', name: t.value, start: this.s(t), end: this.e(t) };
        this.next();
        const value = this.atExpressionStart() ? this.test() : (this.invalid(), this.missing(['expression']));
        if (seen.has(t.value)) this.error(`keyword argument repeated: ${t.value}`, start, this.prevEnd);
        seen.add(t.value);
        sawKeyword = true;
        args.push({ kind: 'Arg', name, value, start, end: this.prevEnd });
      } else if (this.atExpressionStart()) {
        let value = this.namedExprTest(true);
        if (this.isKw('for') || this.isKw('async')) {
          value = this.comprehension('GeneratorExp', value, value.start) as N.Expr;
          if (args.length > 0 || this.isOp(',')) {
            this.error('Generator expression must be parenthesized', value.start, value.end);
          }
        }
        if (this.isOp('=')) {
          this.error('expression cannot contain assignment, perhaps you meant "=="?', value.start, this.e(this.tok));
          this.next();
          this.test();
        }
        // Python locates these at the end of the offending argument
        if (sawDoubleStar) this.error('positional argument follows keyword argument unpacking', this.prevEnd, this.prevEnd);
        else if (sawKeyword) this.error('positional argument follows keyword argument', this.prevEnd, this.prevEnd);
        args.push({ kind: 'Arg', value, start, end: this.prevEnd });
      } else {
        this.invalid();
        break;
      }
      if (!this.eatOp(',')) break;
    }
    return args;
  }

  private comprehension(kind: 'ListComp' | 'SetComp' | 'GeneratorExp', elt: N.Expr, start: number): N.ListComp | N.SetComp | N.GeneratorExp {
    const generators = this.compFor();
    return { kind, elt, generators, start, end: this.prevEnd } as N.ListComp;
  }

  private compFor(): N.Comprehension[] {
    const gens: N.Comprehension[] = [];
    while (this.isKw('for') || (this.isKw('async') && this.isKw('for', this.peek()))) {
      if (this.isKw('async')) this.next();
      const start = this.s(this.next());
      const target = this.targetList();
      const bad = invalidTarget(target);
      if (bad) this.error(`cannot assign to ${bad.what}`, bad.node.start, bad.node.end);
      let iter: N.Expr;
      if (this.eatKw('in')) iter = this.atExpressionStart() ? this.orTest() : (this.invalid(), this.missing(['expression']));
      else { this.invalid(); iter = this.missing(['in']); }
      const ifs: N.Expr[] = [];
      while (this.eatKw('if')) ifs.push(this.testNoCond());
      gens.push({ kind: 'Comprehension', target, iter, ifs, start, end: this.prevEnd });
    }
    return gens;
  }

  private atom(): N.Expr {
    const t = this.tok;
    const start = this.s(t);
    switch (t.kind) {
      case 'NAME': {
        if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
          this.next();
          return { kind: 'Constant', value: t.value === 'None' ? null : t.value === 'True', start, end: this.e(t) };
        }
        if (KEYWORDS.has(t.value)) break;
        this.next();
        return { kind: 'Name', id: t.value, start, end: this.e(t) };
      }
      case 'NUMBER': {
        this.next();
        return numberNode(t.value, start, this.e(t));
      }
      case 'STRING': return this.strings();
      case 'OP': {
        if (t.value === '...') { this.next(); return { kind: 'Ellipsis', start, end: this.e(t) }; }
        if (t.value === '(') return this.parenAtom();
        if (t.value === '[') return this.listAtom();
        if (t.value === '{') return this.dictOrSet();
        break;
      }
    }
    this.invalid();
    return this.missing(['expression']);
  }

  private parenAtom(): N.Expr {
    const start = this.s(this.next());
    if (this.isOp(')')) { this.next(); return { kind: 'Tuple', elts: [], parenthesized: true, start, end: this.prevEnd }; }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.closeBracket(')');
      return y; // like any parenthesised expression, the node keeps its own range
    }
    if (!this.atExpressionStart()) {
      this.invalid();
      this.closeBracket(')');
      return { kind: 'Missing', expected: ['expression'], start, end: this.prevEnd };
    }
    const first = this.starOrTest(true);
    if (this.isKw('for') || this.isKw('async')) {
      const g = this.comprehension('GeneratorExp', first, start);
      this.closeBracket(')');
      g.end = this.prevEnd;
      return g;
    }
    if (this.isOp(',')) {
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(')')) break;
        if (!this.atExpressionStart()) break;
        elts.push(this.starOrTest(true));
      }
      this.closeBracket(')');
      return { kind: 'Tuple', elts, parenthesized: true, start, end: this.prevEnd };
    }
    this.closeBracket(')');
    // A parenthesised expression keeps its own node; widen a tuple's range only.
    return first;
  }

  private closeBracket(close: string): void {
    if (this.eatOp(close)) return;
    if (this.tok.kind === 'NEWLINE' || this.tok.kind === 'EOF') return; // scanner reports the unclosed bracket
    this.invalidInBrackets();
    // recover: skip to the matching bracket on this logical line
    let depth = 0;
    while (this.kind() !== 'NEWLINE' && this.kind() !== 'EOF') {
      const v = this.tok.kind === 'OP' ? this.tok.value : '';
      if (v === '(' || v === '[' || v === '{') depth++;
      else if (v === ')' || v === ']' || v === '}') {
        if (depth === 0) { this.next(); return; }
        depth--;
      }
      this.next();
    }
  }

  private listAtom(): N.Expr {
    const start = this.s(this.next());
    const elts: N.Expr[] = [];
    if (this.isOp(']')) { this.next(); return { kind: 'List', elts, start, end: this.prevEnd }; }
    const first = this.starOrTest(true);
    if (this.isKw('for') || this.isKw('async')) {
      const c = this.comprehension('ListComp', first, start);
      this.closeBracket(']');
      c.end = this.prevEnd;
      return c;
    }
    elts.push(first);
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      if (!this.atExpressionStart()) break;
      elts.push(this.starOrTest(true));
    }
    this.closeBracket(']');
    return { kind: 'List', elts, start, end: this.prevEnd };
  }

  private dictOrSet(): N.Expr {
    const start = this.s(this.next());
    if (this.isOp('}')) { this.next(); return { kind: 'Dict', keys: [], values: [], start, end: this.prevEnd }; }
    const keys: (N.Expr | null)[] = [];
    const values: N.Expr[] = [];
    const elts: N.Expr[] = [];
    let isDict: boolean | undefined;
    for (;;) {
      if (this.isOp('**')) {
        this.next();
        keys.push(null); values.push(this.bitOr());
        isDict = true;
      } else {
        if (!this.atExpressionStart()) { this.invalid(); break; }
        const k = this.starOrTest(true);
        if (isDict !== false && this.isOp(':')) {
          this.next();
          const v = this.test();
          if (isDict === undefined && (this.isKw('for') || this.isKw('async'))) {
            const generators = this.compFor();
            this.closeBracket('}');
            return { kind: 'DictComp', key: k, value: v, generators, start, end: this.prevEnd };
          }
          keys.push(k); values.push(v); isDict = true;
        } else if (isDict === true) {
          this.error("':' expected after dictionary key", k.start, k.end);
          keys.push(k); values.push(this.missing(['expression']));
        } else {
          if (isDict === undefined && (this.isKw('for') || this.isKw('async'))) {
            const c = this.comprehension('SetComp', k, start);
            this.closeBracket('}');
            c.end = this.prevEnd;
            return c;
          }
          elts.push(k); isDict = false;
        }
      }
      if (!this.eatOp(',')) break;
      if (this.isOp('}')) break;
    }
    this.closeBracket('}');
    if (isDict === false) return { kind: 'Set', elts, start, end: this.prevEnd };
    return { kind: 'Dict', keys, values, start, end: this.prevEnd };
  }

  /** Adjacent string literals; becomes an FString if any part is an f-string. */
  private strings(): N.Expr {
    const first = this.tok;
    const start = this.s(first);
    const parts: (N.FStringText | N.FormattedValue)[] = [];
    let anyF = false, isBytes = false, anyText = false;
    while (this.tok.kind === 'STRING') {
      const t = this.next();
      const lit = splitLiteral(t.value, this.s(t));
      isBytes = isBytes || lit.bytes;
      anyText = anyText || !lit.bytes;
      if (lit.fstring) {
        anyF = true;
        parts.push(...this.fstringParts(lit.body, lit.bodyStart, lit.raw, this.e(t)));
      } else {
        const dec = decodeEscapes(lit.body, lit.raw, lit.bytes);
        if (dec.error) this.error(dec.error, this.e(t), this.e(t));
        parts.push({ kind: 'FStringText', value: dec.value, start: lit.bodyStart, end: lit.bodyEnd });
      }
    }
    const end = this.prevEnd;
    // Python locates this at the end of the concatenation
    if (isBytes && anyText) this.error('cannot mix bytes and nonbytes literals', end, end);
    if (!anyF) return { kind: 'Str', value: parts.map((p) => (p as N.FStringText).value).join(''), isBytes, start, end };
    // merge adjacent text parts
    const merged: (N.FStringText | N.FormattedValue)[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (p.kind === 'FStringText' && last?.kind === 'FStringText') merged[merged.length - 1] = { ...last, value: last.value + p.value, end: p.end };
      else if (p.kind !== 'FStringText' || p.value !== '') merged.push(p);
    }
    return { kind: 'FString', parts: merged, start, end };
  }

  /** `errorAt`: Python 3.11 reports f-string structure errors at the end of the literal */
  private fstringParts(body: string, base: number, raw: boolean, errorAt: number): (N.FStringText | N.FormattedValue)[] {
    const split = splitFString(body, base, raw);
    if (split.error) this.error(split.error.message, errorAt, errorAt);
    const out: (N.FStringText | N.FormattedValue)[] = [];
    for (const piece of split.pieces) {
      if (piece.kind === 'text') { out.push({ kind: 'FStringText', value: piece.value, start: piece.start, end: piece.end }); continue; }
      const errs: RankedError[] = [];
      const value = parseFieldExpression(piece.expr, piece.exprStart, errs, this.i);
      if (errs[0]) this.error(errs[0].message, errs[0].range.start, errs[0].range.end);
      const fv: N.FormattedValue = { kind: 'FormattedValue', value, start: piece.start, end: piece.end };
      if (piece.conversion) fv.conversion = piece.conversion as 'r' | 's' | 'a';
      if (piece.debugText !== undefined) fv.debugText = piece.debugText;
      if (piece.spec !== undefined) {
        const specParts = this.fstringParts(piece.spec, piece.specStart!, raw, errorAt);
        fv.formatSpec = { kind: 'FString', parts: specParts, start: piece.specStart!, end: piece.specStart! + piece.spec.length };
      }
      out.push(fv);
    }
    return out;
  }
}

function numberNode(raw: string, start: number, end: number): N.Num {
  const clean = raw.replace(/_/g, '');
  let value: number;
  let isInt = true;
  if (/^0[xX]/.test(clean)) value = parseInt(clean.slice(2), 16);
  else if (/^0[oO]/.test(clean)) value = parseInt(clean.slice(2), 8);
  else if (/^0[bB]/.test(clean)) value = parseInt(clean.slice(2), 2);
  else {
    isInt = !/[.eEjJ]/.test(clean);
    value = Number(clean.replace(/[jJ]$/, ''));
  }
  if (Number.isNaN(value)) value = 0;
  return { kind: 'Num', value, isInt, raw, start, end };
}

/** Python's name for an expression in "cannot assign to ..." messages. */
export function describeExpr(e: N.Expr): string {
  switch (e.kind) {
    case 'Num': case 'Str': case 'Ellipsis': return 'literal';
    case 'Constant': return e.value === null ? 'None' : e.value ? 'True' : 'False';
    case 'Call': return 'function call';
    case 'BinOp': case 'UnaryOp': case 'BoolOp': return 'expression';
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'Lambda': return 'lambda';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'GeneratorExp': return 'generator expression';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'FString': return 'f-string expression';
    case 'Yield': return 'yield expression';
    case 'NamedExpr': return 'named expression';
    case 'Tuple': return 'tuple';
    case 'List': return 'list';
    case 'Starred': return 'starred';
    default: return 'expression';
  }
}

/** The first sub-expression of an assignment target that cannot be assigned to. */
function invalidTarget(e: N.Expr): { node: N.Expr; what: string } | undefined {
  switch (e.kind) {
    case 'Name': case 'Attribute': case 'Subscript': case 'Missing': return undefined;
    case 'Tuple': case 'List':
      for (const x of e.elts) { const b = invalidTarget(x); if (b) return b; }
      return undefined;
    case 'Starred': return invalidTarget(e.value);
    default: return { node: e, what: describeExpr(e) };
  }
}

export type { Ctx };
