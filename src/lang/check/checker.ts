// The static checker: walks a cell's AST with abstract values (src/lang/check/types.ts)
// instead of running it. It infers tensor shapes and dtypes, records the type of every
// name, attribute, call and subscript for hover, and reports what will certainly fail,
// with Python's / PyTorch's message. Code that may not run (a branch with an unknown
// condition, a loop that may run zero times, a function never called) reports no
// run-time errors; errors inside a function are reported on the call that triggers them.

import type { LangDiagnostic, Severity } from '../api';
import { TorchError } from '../../engine/errors';
import { pooledSize } from '../../engine/outputSize';
import type * as N from '../syntax/nodes';
import {
  BUILTINS, F_FUNCTIONS, HELPERS, KNOWN_MODULES, LibDefault, LibEntry, LibParam, NN_CLASSES, TENSOR_MEMBERS, TORCH_FUNCTIONS,
  findEntry, isRequired,
} from './library';
import { unsupported, unsupportedMember } from '../interp/imports';
import { DiagnosticCode, OUTSIDE_SUBSET, PYTHON_BUILTIN_NAMES, REFUSED_BUILTINS, codeForTorchMessage, diagnostic } from './diagnostics';
import { PlanInfo, SType, UNKNOWN, intValue, join, tensorT, Dim } from './types';
import { poolKind, poolStatic } from './pooling';
import {
  IndexItem, dtypeFromName, indexTensor, scalarBinary, sizeFrom, tensorAttribute, tensorBinary, tensorMethod, torchFunction,
} from './torchShapes';

/** A lexical scope: the notebook's module scope, a function's locals, or a comprehension. */
export class Scope {
  readonly vars: Map<string, SType>;
  constructor(readonly parent?: Scope, vars?: Map<string, SType>) {
    this.vars = vars ?? new Map();
  }
  lookup(name: string): SType | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }
}

/** What the checker learns about a notebook, shared by the cells of one analysis. */
export interface NotebookFacts {
  /** every name some cell binds somewhere: a use of any other name is a certain NameError */
  boundAnywhere: Set<string>;
  /** `from x import *` somewhere: then no NameErrors at all */
  starImport: boolean;
  /** the type recorded at each node, for hover (the latest evaluation wins; weak: old trees go) */
  types: WeakMap<N.Node, SType>;
  /** the last plan a layer computed, for hovering the layer's name */
  layerPlans: WeakMap<SType, PlanInfo>;
}

export function newFacts(): NotebookFacts {
  return { boundAnywhere: new Set(), starImport: false, types: new WeakMap(), layerPlans: new WeakMap() };
}

/** The predefined names of every session: torch, nn, F (as the three imports would bind them). */
export function initialScope(): Scope {
  const s = new Scope();
  s.vars.set('torch', { k: 'pymodule', name: 'torch' });
  s.vars.set('nn', { k: 'pymodule', name: 'nn' });
  s.vars.set('F', { k: 'pymodule', name: 'F' });
  return s;
}

interface Frame { returns: SType[] }

const MAX_CALL_DEPTH = 6;
/** statement evaluations per cell check */
const WORK_LIMIT = 5000;

export class Checker {
  readonly diags: LangDiagnostic[] = [];
  /** > 0 while code may not run: run-time errors are not reported */
  private uncertain = 0;
  /** > 0 while evaluating a function body for a call: errors go to `redirect` */
  private callDepth = 0;
  private redirect: N.Span | undefined;
  private redirected = false;
  private frames: Frame[] = [];
  /** > 0 while checking a function body at its definition (parameters unknown) */
  private defDepth = 0;
  /** statements evaluated so far (see WORK_LIMIT) */
  private work = 0;

  constructor(private readonly facts: NotebookFacts, private readonly cell: number) {}

  // ------------------------------------------------------------ reporting
  private runtimeError(range: N.Span, code: DiagnosticCode, message: string): void {
    if (this.uncertain > 0 || this.defDepth > 0) return;
    if (this.callDepth > 0) {
      if (!this.redirect || this.redirected) return;
      this.redirected = true;
      this.diags.push(diagnostic(this.redirect, code, message));
      return;
    }
    this.diags.push(diagnostic(range, code, message));
  }

  private torchError(range: N.Span, e: TorchError): void {
    this.runtimeError(range, codeForTorchMessage(e.message), `${e.pyType}: ${e.message}`);
  }

  /** Static facts about the source (refused features, undefined names): reported where they are. */
  private staticDiag(range: N.Span, code: DiagnosticCode, message: string, severity: Severity): void {
    if (this.callDepth > 0) return; // already reported when the function's cell was checked
    this.diags.push(diagnostic(range, code, message, severity));
  }

  private record(n: N.Node, t: SType): SType {
    this.facts.types.set(n, t);
    return t;
  }

  // ------------------------------------------------------------ statements
  checkModule(body: N.Stmt[], scope: Scope): void {
    this.block(body, scope);
  }

  private block(body: N.Stmt[], scope: Scope): void {
    for (const s of body) {
      // A budget keeps pathological cells (deep recursion, many nested loops) fast; past
      // it the rest is not analysed, which only means fewer facts, never a wrong one.
      if (++this.work > WORK_LIMIT) return;
      this.stmt(s, scope);
    }
  }

  private stmt(s: N.Stmt, scope: Scope): void {
    switch (s.kind) {
      case 'ExprStmt': this.expr(s.value, scope); return;
      case 'Assign': {
        const v = this.expr(s.value, scope);
        for (const t of s.targets) this.assign(t, v, scope);
        return;
      }
      case 'AugAssign': {
        const cur = this.expr(s.target, scope);
        if (cur.k === 'list') forgetItems(cur); // += extends the list in place (aliases see it)
        const v = this.expr(s.value, scope);
        const r = this.binary(s.op, cur, v, s);
        if (s.target.kind === 'Name') this.bindName(s.target, r, scope);
        return;
      }
      case 'AnnAssign': {
        if (s.value) this.assign(s.target, this.expr(s.value, scope), scope);
        return;
      }
      case 'For': return this.forStmt(s, scope);
      case 'While': {
        this.staticDiag(firstLine(s), 'unsupported', OUTSIDE_SUBSET.While, 'info');
        this.uncertain++;
        this.expr(s.test, scope);
        this.loopBody(s.body, scope, () => undefined);
        this.block(s.orelse, scope);
        this.uncertain--;
        return;
      }
      case 'If': return this.ifStmt(s, scope);
      case 'FunctionDef': {
        if (s.decorators.length) this.staticDiag(s.decorators[0], 'unsupported', OUTSIDE_SUBSET.Decorator, 'info');
        const fn: SType = { k: 'function', def: s, cell: this.cell, nested: this.defDepth > 0 || this.callDepth > 0 };
        scope.vars.set(s.name.name, fn);
        this.record(s.name, fn);
        this.checkFunctionDefinition(s, scope);
        return;
      }
      case 'ClassDef': return this.classDef(s, scope);
      case 'Return': {
        const v = s.value ? this.expr(s.value, scope) : { k: 'none' } as SType;
        this.frames[this.frames.length - 1]?.returns.push(v);
        return;
      }
      case 'Import': case 'ImportFrom': return this.importStmt(s, scope);
      case 'Assert': {
        this.expr(s.test, scope);
        if (s.msg) this.expr(s.msg, scope);
        return;
      }
      case 'Delete':
        this.staticDiag(firstLine(s), 'unsupported', OUTSIDE_SUBSET.Delete, 'info');
        for (const t of s.targets) if (t.kind === 'Name') scope.vars.delete(t.id);
        return;
      case 'Global':
        this.staticDiag(s, 'unsupported', OUTSIDE_SUBSET.Global, 'info');
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc, scope);
        return;
      case 'With': {
        this.staticDiag(firstLine(s), 'unsupported', OUTSIDE_SUBSET.With, 'info');
        this.uncertain++;
        for (const it of s.items) this.expr(it, scope);
        for (const v of s.vars ?? []) if (v) this.assign(v, UNKNOWN, scope);
        this.block(s.body, scope);
        this.uncertain--;
        return;
      }
      case 'Try': {
        this.staticDiag(firstLine(s), 'unsupported', OUTSIDE_SUBSET.Try, 'info');
        // errors inside try may be caught: say nothing about them
        this.uncertain++;
        this.block(s.body, scope);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type, scope);
          if (h.name) scope.vars.set(h.name.name, UNKNOWN);
          this.block(h.body, scope);
        }
        this.block(s.orelse, scope);
        this.uncertain--;
        this.block(s.finalbody, scope);
        return;
      }
      case 'Pass': case 'Break': case 'Continue': case 'BadStmt': return;
    }
  }

  private bindName(target: N.Name, t: SType, scope: Scope): void {
    scope.vars.set(target.id, t);
    this.record(target, t);
  }

  private assign(target: N.Expr, v: SType, scope: Scope): void {
    switch (target.kind) {
      case 'Name': this.bindName(target, v, scope); return;
      case 'Tuple': case 'List': {
        const items = v.k === 'tuple' ? v.items : v.k === 'list' && v.items ? v.items : null;
        const starred = target.elts.findIndex((e) => e.kind === 'Starred');
        if (items && starred < 0 && items.length === target.elts.length) {
          target.elts.forEach((e, i) => this.assign(e, items[i], scope));
          return;
        }
        if (items && starred < 0 && items.length !== target.elts.length) {
          const n = target.elts.length;
          const msg = items.length > n
            ? `ValueError: too many values to unpack (expected ${n})`
            : `ValueError: not enough values to unpack (expected ${n}, got ${items.length})`;
          this.runtimeError(target, 'torch-error', msg);
        }
        const elem = v.k === 'list' ? v.elem : v.k === 'tensor' && v.shape && v.shape.length > 0 ? tensorT(v.shape.slice(1), v.dtype) : UNKNOWN;
        for (const e of target.elts) this.assign(e.kind === 'Starred' ? e.value : e, e.kind === 'Starred' ? { k: 'list', items: null, elem } : elem, scope);
        return;
      }
      case 'Starred': this.assign(target.value, { k: 'list', items: null, elem: UNKNOWN }, scope); return;
      case 'Attribute': {
        const obj = this.expr(target.value, scope);
        if (target.attr.kind !== 'Ident') return;
        const name = target.attr.name;
        // Objects are shared, so a change made where code may not run is joined, not assumed.
        const put = (old: SType | undefined): SType => (this.uncertain > 0 && old ? join(old, v) : this.uncertain > 0 ? UNKNOWN : v);
        if (obj.k === 'instance') {
          obj.attrs.set(name, put(obj.attrs.get(name)));
          this.record(target, v);
        } else if (obj.k === 'layer') {
          obj.args[name] = put(obj.args[name]);
        } else if (obj.k === 'tensor' && name === 'data') {
          // x.data = y replaces the tensor's contents (shape and dtype included)
          const nv = put(obj);
          obj.shape = nv.k === 'tensor' ? nv.shape : null;
          obj.dtype = nv.k === 'tensor' ? nv.dtype : null;
          delete obj.plan;
        }
        return;
      }
      case 'Subscript': {
        const obj = this.expr(target.value, scope);
        if (obj.k === 'list') forgetItems(obj);
        this.expr(target.index, scope);
        return;
      }
      default: return;
    }
  }

  private forStmt(s: N.For, scope: Scope): void {
    const it = this.expr(s.iter, scope);
    const { elem, runs } = iterationOf(it);
    this.loopBody(s.body, scope, () => this.assign(s.target, elem, scope), runs);
    this.block(s.orelse, scope);
  }

  /**
   * A loop body: one quiet pass to learn what it changes, then the loop-entry types are
   * joined with the types after one iteration and the body is checked again with those,
   * reporting only when the body certainly runs.
   */
  private loopBody(body: N.Stmt[], scope: Scope, bindTarget: () => void, runs = false): void {
    const before = new Map(scope.vars);
    this.uncertain++;
    bindTarget();
    this.block(body, scope);
    this.uncertain--;
    for (const [name, t] of scope.vars) {
      const b = before.get(name);
      if (b) scope.vars.set(name, join(b, t));
    }
    // Already in code that may not run: one pass is enough (and nested loops stay linear).
    if (this.uncertain > 0 || this.defDepth > 0) return;
    if (!runs) this.uncertain++;
    bindTarget();
    this.block(body, scope);
    if (!runs) this.uncertain--;
    for (const [name, t] of scope.vars) {
      const b = before.get(name);
      if (b) scope.vars.set(name, join(b, t));
    }
  }

  private ifStmt(s: N.If, scope: Scope): void {
    const test = this.expr(s.test, scope);
    const known = truthOf(test);
    if (known === true) { this.block(s.body, scope); this.quietBranch(s.orelse, scope); return; }
    if (known === false) { this.quietBranch(s.body, scope); this.block(s.orelse, scope); return; }
    const before = new Map(scope.vars);
    this.uncertain++;
    this.block(s.body, scope);
    const afterBody = new Map(scope.vars);
    scope.vars.clear();
    for (const [k, v] of before) scope.vars.set(k, v);
    this.block(s.orelse, scope);
    this.uncertain--;
    const afterElse = new Map(scope.vars);
    scope.vars.clear();
    for (const name of new Set([...afterBody.keys(), ...afterElse.keys()])) {
      const a = afterBody.get(name), b = afterElse.get(name);
      scope.vars.set(name, a && b ? join(a, b) : (a ?? b)!);
    }
  }

  /** A branch that does not run: checked for hover and names only. */
  private quietBranch(body: N.Stmt[], scope: Scope): void {
    const saved = new Map(scope.vars);
    this.uncertain++;
    this.block(body, scope);
    this.uncertain--;
    scope.vars.clear();
    for (const [k, v] of saved) scope.vars.set(k, v);
  }

  private checkFunctionDefinition(def: N.FunctionDef, scope: Scope, self?: SType): void {
    const local = new Scope(moduleScopeOf(scope));
    def.params.forEach((p, i) => {
      if (p.default) this.expr(p.default, scope);
      const t: SType = i === 0 && self ? self : p.star === '*' ? { k: 'tuple', items: [] } : UNKNOWN;
      local.vars.set(p.name.name, p.star ? UNKNOWN : t);
      this.record(p.name, local.vars.get(p.name.name)!);
    });
    this.defDepth++;
    this.frames.push({ returns: [] });
    this.block(def.body, local);
    this.frames.pop();
    this.defDepth--;
  }

  private classDef(s: N.ClassDef, scope: Scope): void {
    const bases = s.bases.map((b) => this.expr(b.value, scope));
    const isModule = bases.some((b) => (b.k === 'lib' && b.table === 'nn' && b.entry.name === 'Module') || (b.k === 'class' && b.isModule));
    const methods = new Map<string, N.FunctionDef>();
    // inherited methods first (later bases lose to earlier ones, own methods win: simple MRO)
    for (const b of [...bases].reverse()) if (b.k === 'class') for (const [k, v] of b.methods) methods.set(k, v);
    for (const st of s.body) if (st.kind === 'FunctionDef') methods.set(st.name.name, st);
    const cls: Extract<SType, { k: 'class' }> = { k: 'class', def: s, cell: this.cell, isModule, methods };
    scope.vars.set(s.name.name, cls);
    this.record(s.name, cls);
    // Class body: methods are checked at definition with `self` as a blank instance.
    const blank: SType = { k: 'instance', cls, attrs: new Map() };
    const classScope = new Scope(scope);
    for (const st of s.body) {
      if (st.kind === 'FunctionDef') {
        this.record(st.name, { k: 'function', def: st, cell: this.cell });
        this.checkFunctionDefinition(st, classScope, blank);
      } else {
        this.stmt(st, classScope);
      }
    }
  }

  /**
   * Imports as the interpreter runs them (src/lang/interp/imports.ts owns the list and the
   * advice): torch, torch.nn, torch.nn.functional and math import; anything else imports
   * as a placeholder whose use fails with advice, so the import gets a warning with it.
   */
  private importStmt(s: N.Import | N.ImportFrom, scope: Scope): void {
    if (s.kind === 'Import') {
      for (const a of s.names) {
        const known = KNOWN_MODULES[a.name];
        const top = a.name.split('.')[0];
        if (a.name === 'math') { scope.vars.set(a.asname?.name ?? 'math', UNKNOWN); continue; }
        if (a.asname) {
          if (known) { scope.vars.set(a.asname.name, { k: 'pymodule', name: known }); continue; }
          this.unavailable(a.name, a.nameSpan, a.asname.name, scope);
          continue;
        }
        if (top === 'torch' && (known || a.name === 'torch')) { scope.vars.set('torch', { k: 'pymodule', name: 'torch' }); continue; }
        if (top === 'torch') { scope.vars.set('torch', { k: 'pymodule', name: 'torch' }); continue; }
        this.unavailable(top, a.nameSpan, top, scope);
      }
      return;
    }
    const mod = s.module;
    const known = KNOWN_MODULES[mod];
    for (const a of s.names) {
      const bound = a.asname?.name ?? a.name;
      if (a.name === '*') { this.facts.starImport = true; continue; }
      if (mod === 'math' && s.level === 0) { scope.vars.set(bound, UNKNOWN); continue; }
      if (!known || s.level > 0) {
        this.unavailable(`${mod}.${a.name}`, a.nameSpan, bound, scope);
        continue;
      }
      const sub = KNOWN_MODULES[`${mod}.${a.name}`];
      const t = sub ? { k: 'pymodule', name: sub } as SType : this.member({ k: 'pymodule', name: known }, a.name);
      scope.vars.set(bound, t);
    }
  }

  private unavailable(name: string, span: N.Span, bound: string, scope: Scope): void {
    const advice = unsupported(name).advice;
    this.staticDiag(span, 'unavailable-module', advice, 'warning');
    scope.vars.set(bound, { k: 'unavailable', name, advice });
  }

  // ------------------------------------------------------------ expressions
  expr(e: N.Expr, scope: Scope): SType {
    const t = this.exprInner(e, scope);
    switch (e.kind) {
      case 'Name': case 'Attribute': case 'Call': case 'Subscript': case 'BinOp': case 'Num': case 'Str': case 'Tuple': case 'List':
        this.record(e, t);
    }
    return t;
  }

  private exprInner(e: N.Expr, scope: Scope): SType {
    switch (e.kind) {
      case 'Name': return this.name(e, scope);
      case 'Num': return e.isInt ? { k: 'int', v: e.value } : { k: 'float', v: e.value };
      case 'Str': return { k: 'str', v: e.value };
      case 'FString':
        for (const p of e.parts) if (p.kind === 'FormattedValue') { this.expr(p.value, scope); if (p.formatSpec) this.expr(p.formatSpec, scope); }
        return { k: 'str' };
      case 'Constant': return e.value === null ? { k: 'none' } : { k: 'bool', v: e.value };
      case 'Ellipsis': return UNKNOWN;
      case 'List': return this.sequence(e.elts, scope, 'list');
      case 'Tuple': return this.sequence(e.elts, scope, 'tuple');
      case 'Set': for (const x of e.elts) this.expr(x, scope); return UNKNOWN;
      case 'Dict':
        for (const k of e.keys) if (k) this.expr(k, scope);
        for (const v of e.values) this.expr(v, scope);
        return UNKNOWN;
      case 'Attribute': {
        const obj = this.expr(e.value, scope);
        if (e.attr.kind !== 'Ident') return UNKNOWN;
        const t = this.member(obj, e.attr.name);
        this.record(e.attr, t);
        return t;
      }
      case 'Subscript': return this.subscript(e, scope);
      case 'Slice':
        for (const x of [e.lower, e.upper, e.step]) if (x) this.expr(x, scope);
        return UNKNOWN;
      case 'Call': return this.call(e, scope);
      case 'UnaryOp': {
        const v = this.expr(e.operand, scope);
        if (e.op === 'not') { const b = truthOf(v); return b === undefined ? { k: 'bool' } : { k: 'bool', v: !b }; }
        if (v.k === 'int' || v.k === 'float') return e.op === '-' && v.v !== undefined ? { k: v.k, v: -v.v } : e.op === '~' ? { k: 'int' } : v;
        if (v.k === 'bool') return { k: 'int', v: v.v === undefined ? undefined : e.op === '-' ? -Number(v.v) : e.op === '~' ? ~Number(v.v) : Number(v.v) };
        if (v.k === 'tensor') return tensorT(v.shape, v.dtype);
        return UNKNOWN;
      }
      case 'BinOp': {
        const a = this.expr(e.left, scope), b = this.expr(e.right, scope);
        return this.binary(e.op, a, b, e);
      }
      case 'BoolOp': {
        const vs = e.values.map((v) => this.expr(v, scope));
        return vs.reduce((x, y) => join(x, y));
      }
      case 'Compare': {
        const vs = [this.expr(e.left, scope), ...e.comparators.map((c) => this.expr(c, scope))];
        if (vs.length === 2 && (vs[0].k === 'tensor' || vs[1].k === 'tensor') && ['<', '>', '<=', '>=', '==', '!='].includes(e.ops[0])) {
          return this.binary(e.ops[0], vs[0], vs[1], e);
        }
        if (vs.length === 2 && isNum(vs[0]) && isNum(vs[1])) return scalarBinary(e.ops[0], vs[0] as never, vs[1] as never);
        if (vs.length === 2 && vs[0].k === 'str' && vs[1].k === 'str' && vs[0].v !== undefined && vs[1].v !== undefined && (e.ops[0] === '==' || e.ops[0] === '!=')) {
          return { k: 'bool', v: (vs[0].v === vs[1].v) === (e.ops[0] === '==') };
        }
        return { k: 'bool' };
      }
      case 'IfExp': {
        const test = truthOf(this.expr(e.test, scope));
        const a = this.expr(e.body, scope), b = this.expr(e.orelse, scope);
        return test === true ? a : test === false ? b : join(a, b);
      }
      case 'Lambda':
        this.staticDiag(e, 'unsupported', OUTSIDE_SUBSET.Lambda, 'info');
        return UNKNOWN;
      case 'Starred': this.expr(e.value, scope); return UNKNOWN;
      case 'NamedExpr': {
        const v = this.expr(e.value, scope);
        this.bindName(e.target, v, scope);
        return v;
      }
      case 'ListComp': case 'SetComp': case 'GeneratorExp': case 'DictComp': {
        const inner = new Scope(scope);
        this.uncertain++;
        for (const g of e.generators) {
          const it = this.expr(g.iter, inner);
          this.assign(g.target, iterationOf(it).elem, inner);
          for (const c of g.ifs) this.expr(c, inner);
        }
        const elt = e.kind === 'DictComp' ? (this.expr(e.key, inner), this.expr(e.value, inner), UNKNOWN) : this.expr(e.elt, inner);
        this.uncertain--;
        return e.kind === 'ListComp' ? { k: 'list', items: null, elem: elt } : UNKNOWN;
      }
      case 'Yield':
        this.staticDiag(e, 'unsupported', OUTSIDE_SUBSET.Yield, 'warning');
        if (e.value) this.expr(e.value, scope);
        return UNKNOWN;
      case 'Missing': return UNKNOWN;
    }
  }

  private sequence(elts: N.Expr[], scope: Scope, kind: 'list' | 'tuple'): SType {
    const items = elts.map((x) => this.expr(x, scope));
    const hasStar = elts.some((x) => x.kind === 'Starred');
    if (kind === 'tuple') return hasStar ? UNKNOWN : { k: 'tuple', items };
    const elem = items.length ? items.reduce((a, b) => join(a, b)) : UNKNOWN;
    return { k: 'list', items: hasStar ? null : items, elem };
  }

  private name(e: N.Name, scope: Scope): SType {
    const v = scope.lookup(e.id);
    if (v) return v;
    const b = builtinType(e.id);
    if (b) return b;
    if (PYTHON_BUILTIN_NAMES.has(e.id)) return UNKNOWN;
    if (!this.facts.starImport && !this.facts.boundAnywhere.has(e.id)) {
      this.staticDiag(e, 'undefined-name', `NameError: name '${e.id}' is not defined`, 'error');
    }
    return UNKNOWN;
  }

  /** `obj.name` */
  member(obj: SType, name: string): SType {
    switch (obj.k) {
      case 'pymodule': {
        if (obj.name === 'torch') {
          if (name === 'nn') return { k: 'pymodule', name: 'nn' };
          const dt = dtypeFromName(name);
          if (dt) return dt;
          const f = findEntry(TORCH_FUNCTIONS, name);
          return f ? { k: 'lib', table: 'torch', entry: f } : UNKNOWN;
        }
        if (obj.name === 'nn') {
          if (name === 'functional') return { k: 'pymodule', name: 'F' };
          const c = findEntry(NN_CLASSES, name);
          return c ? { k: 'lib', table: 'nn', entry: c } : UNKNOWN;
        }
        const f = findEntry(F_FUNCTIONS, name);
        return f ? { k: 'lib', table: 'F', entry: f } : UNKNOWN;
      }
      case 'tensor': {
        const a = tensorAttribute(obj, name);
        if (a) return a;
        const m = findEntry(TENSOR_MEMBERS, name);
        if (m && m.kind === 'method') return { k: 'method', self: obj, entry: m };
        if (name.endsWith('_')) {
          // an in-place method outside the table (unsqueeze_, resize_ ...): shape no longer known
          obj.shape = null;
          delete obj.plan;
        }
        return UNKNOWN;
      }
      case 'layer': {
        if (name in obj.args) return obj.args[name];
        if ((name === 'weight' || name === 'bias') && /^Conv[12]d$/.test(obj.cls)) return convParam(obj, name);
        return UNKNOWN;
      }
      case 'instance': {
        const a = obj.attrs.get(name);
        if (a) return a;
        const m = obj.cls.methods.get(name);
        return m ? { k: 'function', def: m, cell: obj.cls.cell, self: obj } : UNKNOWN;
      }
      case 'unavailable': {
        const u = unsupportedMember(obj, name);
        return { k: 'unavailable', name: u.name, advice: u.advice };
      }
      case 'tuple': {
        const i = obj.names?.indexOf(name) ?? -1;
        return i >= 0 ? obj.items[i] : UNKNOWN;
      }
      case 'list':
        // any list method may change it (append, pop, ...): forget its items from here on
        forgetItems(obj);
        return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  private subscript(e: N.Subscript, scope: Scope): SType {
    const obj = this.expr(e.value, scope);
    const idxNodes = e.index.kind === 'Tuple' ? e.index.elts : [e.index];
    const items: IndexItem[] = idxNodes.map((n) => this.indexItem(n, scope));
    if (e.index.kind === 'Tuple') this.record(e.index, UNKNOWN);
    if (obj.k === 'tensor') {
      const r = indexTensor(obj, items);
      if (r.error) this.torchError(e, r.error);
      return r.result;
    }
    if (items.length !== 1) return UNKNOWN;
    const it = items[0];
    if (obj.k === 'tuple' || (obj.k === 'list' && obj.items)) {
      const arr = obj.k === 'tuple' ? obj.items : obj.items!;
      if (it.kind === 'int' && it.v !== undefined) {
        const i = it.v < 0 ? it.v + arr.length : it.v;
        if (i < 0 || i >= arr.length) {
          this.runtimeError(e, 'torch-error', `IndexError: ${obj.k === 'tuple' ? 'tuple' : 'list'} index out of range`);
          return UNKNOWN;
        }
        return arr[i];
      }
      if (it.kind === 'slice') return obj.k === 'tuple' ? UNKNOWN : { k: 'list', items: null, elem: obj.elem };
      return obj.k === 'list' ? obj.elem : UNKNOWN;
    }
    if (obj.k === 'list') return it.kind === 'slice' ? obj : obj.elem;
    if (obj.k === 'str') return { k: 'str' };
    return UNKNOWN;
  }

  private indexItem(n: N.Expr, scope: Scope): IndexItem {
    if (n.kind === 'Slice') {
      const part = (x: N.Expr | undefined): number | null | undefined => {
        if (!x) return null;
        const t = this.expr(x, scope);
        if (t.k === 'none') return null;
        return intValue(t);
      };
      return { kind: 'slice', start: part(n.lower), stop: part(n.upper), step: part(n.step) };
    }
    if (n.kind === 'Ellipsis') return { kind: 'ellipsis' };
    const t = this.expr(n, scope);
    if (t.k === 'none') return { kind: 'none' };
    if (t.k === 'int') return { kind: 'int', v: t.v };
    return { kind: 'unknown' };
  }

  private binary(op: string, a: SType, b: SType, at: N.Span): SType {
    if (a.k === 'tensor' || b.k === 'tensor') {
      if (op === '@') return tensorT(null, a.k === 'tensor' && b.k === 'tensor' && a.dtype === b.dtype ? a.dtype : null); // matmul: not broadcast
      if ((a.k === 'tensor' || isNum(a)) && (b.k === 'tensor' || isNum(b))) {
        const r = tensorBinary(op, a, b);
        if (r.error) this.torchError(at, r.error);
        return r.result;
      }
      return UNKNOWN;
    }
    if (isNum(a) && isNum(b)) return scalarBinary(op, a as never, b as never);
    if (op === '+' && a.k === 'str' && b.k === 'str') return { k: 'str', v: a.v !== undefined && b.v !== undefined ? a.v + b.v : undefined };
    if (op === '+' && a.k === 'tuple' && b.k === 'tuple') return { k: 'tuple', items: [...a.items, ...b.items] };
    if (op === '+' && a.k === 'list' && b.k === 'list') return { k: 'list', items: a.items && b.items ? [...a.items, ...b.items] : null, elem: join(a.elem, b.elem) };
    return UNKNOWN;
  }

  // ------------------------------------------------------------ calls
  private call(e: N.Call, scope: Scope): SType {
    const f = this.expr(e.func, scope);
    const pos: SType[] = [];
    const kw: Record<string, SType> = {};
    let opaque = false; // *args / **kwargs: binding is not known
    for (const a of e.args) {
      const v = this.expr(a.value, scope);
      if (a.star) opaque = true;
      else if (a.name) kw[a.name.name] = v;
      else pos.push(v);
    }
    if (!e.closed) opaque = true; // still being typed: do not judge the arguments
    switch (f.k) {
      case 'lib': return this.callLib(f, pos, kw, opaque, e);
      case 'method': {
        if (opaque || f.self.k !== 'tensor') return UNKNOWN;
        const r = tensorMethod(f.self, f.entry.name, pos, kw);
        if (r.error) this.torchError(e, r.error);
        return r.result;
      }
      case 'layer': return opaque ? UNKNOWN : this.applyLayer(f, pos, kw, e);
      case 'function': {
        if (opaque) return UNKNOWN;
        const owner = f.self && f.self.k === 'instance' ? f.self.cls.def.name.name : undefined;
        if (!f.nested && !this.checkUserArgs(f.def, pos, kw, e, owner)) return UNKNOWN;
        return this.callUser(f.def, pos, kw, e, f.self);
      }
      case 'class': {
        const inst: Extract<SType, { k: 'instance' }> = { k: 'instance', cls: f, attrs: new Map() };
        const init = f.methods.get('__init__');
        if (init && !opaque && this.checkUserArgs(init, pos, kw, e, f.def.name.name)) this.callUser(init, pos, kw, e, inst);
        return inst;
      }
      case 'instance': {
        const fwd = f.cls.isModule ? f.cls.methods.get('forward') : f.cls.methods.get('__call__');
        if (!fwd || opaque) return UNKNOWN;
        if (!this.checkUserArgs(fwd, pos, kw, e, f.cls.def.name.name)) return UNKNOWN;
        return this.callUser(fwd, pos, kw, e, f);
      }
      case 'unavailable':
        // the interpreter raises NotImplementedError(advice) when such a name is called
        this.runtimeError(e, 'unavailable-module', `NotImplementedError: ${f.advice}`);
        return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  private callLib(f: Extract<SType, { k: 'lib' }>, pos: SType[], kw: Record<string, SType>, opaque: boolean, e: N.Call): SType {
    const entry = f.entry;
    if (f.table === 'builtin') return this.callBuiltin(entry.name, pos, kw, opaque, e);
    if (f.table === 'helper') {
      if (entry.name === 'explain' && !opaque) {
        // explain(layer, x) calls the layer on x: the same errors, on the explain call
        const layer = pos[0] ?? kw.layer, x = pos[1] ?? kw.x;
        if (layer && x && layer.k === 'layer') this.applyLayer(layer, [x], {}, e);
        else if (layer && x && layer.k === 'instance') this.call1(layer, x, e);
        return { k: 'none' };
      }
      if (entry.name === 'image') {
        const mode = pos[1] ?? kw.mode;
        const c = mode && mode.k === 'str' && mode.v !== undefined ? (mode.v === 'L' ? 1 : mode.v === 'RGB' ? 3 : null) : mode ? null : 3;
        return tensorT([1, c, null, null], 'float32');
      }
      return { k: 'none' };
    }
    if (opaque) return f.table === 'nn' ? UNKNOWN : UNKNOWN;
    if (f.table === 'torch') {
      const r = torchFunction(entry.name, pos, kw);
      if (r.error) this.torchError(e, r.error);
      return r.result;
    }
    const bound = this.bind(entry, pos, kw, e, f.table === 'nn');
    if (!bound) return UNKNOWN;
    if (f.table === 'nn') {
      const layer: SType = { k: 'layer', cls: entry.name, args: moduleAttributes(entry.name, bound) };
      if (entry.name === 'Sequential') return { k: 'layer', cls: 'Sequential', args: {}, children: pos };
      return layer;
    }
    // F functions
    const input = bound.input ?? UNKNOWN;
    const rest: Record<string, SType> = { ...bound };
    delete rest.input;
    if (poolKind(entry.name)) {
      const r = poolStatic(entry.name, input, rest, bound.indices);
      if (r.error) this.torchError(e, r.error);
      return r.result;
    }
    return fStatic(entry.name, input, rest);
  }

  /**
   * Binds arguments to a library signature. For Python-level signatures (with a qualname)
   * binding errors are CPython's TypeErrors; for C builtins nothing is reported.
   * Returns every parameter's type (defaults filled in), or undefined when binding fails.
   */
  private bind(entry: LibEntry, pos: SType[], kw: Record<string, SType>, e: N.Call, isInit: boolean): Record<string, SType> | undefined {
    const params = entry.params ?? [];
    const q = isInit && entry.qualname ? entry.qualname : entry.qualname;
    const report = (msg: string, code: DiagnosticCode = 'bad-arguments') => { if (q) this.runtimeError(e, code, `TypeError: ${msg}`); };
    const positional = params.filter((p) => (p.kind ?? 'pos') === 'pos');
    const varargs = params.find((p) => p.kind === 'varargs');
    const varkw = params.find((p) => p.kind === 'varkw');
    const out: Record<string, SType> = {};
    const selfCount = isInit ? 1 : 0;
    const qn = entry.qualname === undefined ? '' : (entry.qualnameWithIndices && truthOf(kw.return_indices ?? pos[positional.findIndex((p) => p.name === 'return_indices')] ?? { k: 'bool', v: false }) === true)
      ? entry.qualnameWithIndices : entry.qualname;
    if (pos.length > positional.length && !varargs) {
      const required = positional.filter((p) => isRequired(p)).length;
      const n = positional.length + selfCount, r = required + selfCount, given = pos.length + selfCount;
      const takes = r === n ? `${n} positional argument${n === 1 ? '' : 's'}` : `from ${r} to ${n} positional arguments`;
      report(`${qn}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
      return undefined;
    }
    pos.forEach((v, i) => { if (i < positional.length) out[positional[i].name] = v; });
    for (const [name, v] of Object.entries(kw)) {
      const p = params.find((x) => x.name === name && x.kind !== 'varargs' && x.kind !== 'varkw');
      if (!p) {
        if (varkw) continue;
        report(`${qn}() got an unexpected keyword argument '${name}'`, 'unknown-keyword');
        return undefined;
      }
      if (name in out) { report(`${qn}() got multiple values for argument '${name}'`); return undefined; }
      out[name] = v;
    }
    const missing = params.filter((p) => isRequired(p) && !(p.name in out)).map((p) => p.name);
    if (missing.length) {
      const names = missing.map((m) => `'${m}'`);
      const list = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
      report(`${qn}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
      return undefined;
    }
    // in PyTorch's parameter order, defaults filled in
    const ordered: Record<string, SType> = {};
    for (const p of params) {
      if (p.name in out) ordered[p.name] = out[p.name];
      else if ('default' in p) ordered[p.name] = fromDefault(p);
    }
    return ordered;
  }

  private callBuiltin(name: string, pos: SType[], kw: Record<string, SType>, opaque: boolean, e: N.Call): SType {
    if (REFUSED_BUILTINS[name]) {
      this.runtimeError(e, 'unsupported', `NotImplementedError: ${REFUSED_BUILTINS[name]}`);
      return UNKNOWN;
    }
    if (opaque) return name === 'print' ? { k: 'none' } : UNKNOWN;
    const a = pos[0];
    switch (name) {
      case 'print': return { k: 'none' };
      case 'len': {
        if (!a) return { k: 'int' };
        if (a.k === 'tensor') {
          if (a.shape && a.shape.length === 0) { this.runtimeError(e, 'torch-error', 'TypeError: len() of a 0-d tensor'); return UNKNOWN; }
          return { k: 'int', v: a.shape?.[0] ?? undefined };
        }
        if (a.k === 'tuple') return { k: 'int', v: a.items.length };
        if (a.k === 'list') return { k: 'int', v: a.items?.length };
        if (a.k === 'range') return { k: 'int', v: a.length ?? undefined };
        if (a.k === 'str') return { k: 'int', v: a.v?.length };
        return { k: 'int' };
      }
      case 'range': {
        const vals = pos.map((p) => intValue(p));
        if (vals.some((v) => v === undefined) || vals.length === 0) return { k: 'range', length: null };
        const [start, stop, step] = vals.length === 1 ? [0, vals[0]!, 1] : [vals[0]!, vals[1]!, vals[2] ?? 1];
        if (step === 0) { this.runtimeError(e, 'torch-error', 'ValueError: range() arg 3 must not be zero'); return UNKNOWN; }
        return { k: 'range', length: Math.max(0, Math.ceil((stop - start) / step)) };
      }
      case 'int': return a && (a.k === 'int' || a.k === 'float') && a.v !== undefined ? { k: 'int', v: Math.trunc(a.v) } : { k: 'int' };
      case 'float': return a && (a.k === 'int' || a.k === 'float') && a.v !== undefined ? { k: 'float', v: a.v } : { k: 'float' };
      case 'bool': { const b = a ? truthOf(a) : false; return b === undefined ? { k: 'bool' } : { k: 'bool', v: b }; }
      case 'str': return { k: 'str' };
      case 'isinstance': return { k: 'bool' };
      case 'super': return { k: 'super' };
      case 'list': case 'tuple': {
        if (!a) return name === 'list' ? { k: 'list', items: [], elem: UNKNOWN } : { k: 'tuple', items: [] };
        const items = a.k === 'tuple' ? a.items : a.k === 'list' ? a.items : null;
        if (name === 'tuple') return items ? { k: 'tuple', items, size: false } : UNKNOWN;
        return { k: 'list', items: items ? items.slice() : null, elem: iterationOf(a).elem };
      }
      case 'enumerate': return { k: 'list', items: null, elem: { k: 'tuple', items: [{ k: 'int' }, a ? iterationOf(a).elem : UNKNOWN] } };
      case 'zip': return { k: 'list', items: null, elem: { k: 'tuple', items: pos.map((p) => iterationOf(p).elem) } };
      case 'min': case 'max': {
        const vals = (pos.length === 1 && (a.k === 'tuple' || a.k === 'list') ? (a.k === 'tuple' ? a.items : a.items ?? []) : pos);
        if (vals.length && vals.every((v) => v.k === 'int' && v.v !== undefined)) {
          const ns = vals.map((v) => (v as { v: number }).v);
          return { k: 'int', v: name === 'min' ? Math.min(...ns) : Math.max(...ns) };
        }
        return UNKNOWN;
      }
      case 'abs': return a && (a.k === 'int' || a.k === 'float') ? (a.v !== undefined ? { k: a.k, v: Math.abs(a.v) } : { k: a.k }) : a?.k === 'tensor' ? tensorT(a.shape, a.dtype) : UNKNOWN;
      case 'round': return pos.length === 1 ? { k: 'int' } : { k: 'float' };
      default: return UNKNOWN;
    }
  }

  private applyLayer(layer: Extract<SType, { k: 'layer' }>, pos: SType[], kw: Record<string, SType>, e: N.Call): SType {
    const input = pos[0] ?? kw.input;
    if (!input) return UNKNOWN;
    if (layer.cls === 'Sequential') {
      let x = input;
      for (const child of layer.children ?? []) {
        if (child.k === 'layer') x = this.applyLayer(child, [x], {}, e);
        else if (child.k === 'instance') {
          const fwd = child.cls.methods.get('forward');
          x = fwd ? this.callUser(fwd, [x], {}, e, child) : UNKNOWN;
        } else x = UNKNOWN;
      }
      return x;
    }
    if (poolKind(layer.cls)) {
      const indices = pos[1] ?? kw.indices;
      const args = { ...layer.args };
      if (layer.cls.startsWith('MaxUnpool') && (pos[2] ?? kw.output_size)) args.output_size = pos[2] ?? kw.output_size;
      const r = poolStatic(layer.cls, input, args, indices);
      if (r.error) this.torchError(e, r.error);
      const out = r.result.k === 'tuple' ? r.result.items[0] : r.result;
      if (out.k === 'tensor' && out.plan) this.facts.layerPlans.set(layer, out.plan);
      return r.result;
    }
    switch (layer.cls) {
      case 'ReLU': case 'Identity': return input.k === 'tensor' ? tensorT(input.shape, input.dtype) : UNKNOWN;
      case 'Flatten': {
        if (input.k !== 'tensor') return UNKNOWN;
        const r = tensorMethod(input, 'flatten', [layer.args.start_dim, layer.args.end_dim], {});
        if (r.error) this.torchError(e, r.error);
        return r.result;
      }
      case 'Conv1d': case 'Conv2d': {
        const w = convParam(layer, 'weight');
        return convStatic(layer.cls === 'Conv1d' ? 1 : 2, input, w, layer.args);
      }
      default: return UNKNOWN;
    }
  }

  /**
   * CPython's argument binding for a user function or method (owner: its class), with its
   * TypeErrors. Returns false when the call fails (or cannot be judged): then the body
   * is not evaluated.
   */
  private checkUserArgs(def: N.FunctionDef, pos: SType[], kw: Record<string, SType>, e: N.Call, owner?: string): boolean {
    if (def.decorators.length) return true; // staticmethod & co. change binding: do not judge
    const q = `${owner ? `${owner}.` : ''}${def.name.name}`;
    const selfCount = owner ? 1 : 0;
    const params = def.params;
    const positional = params.filter((p) => !p.star && !p.kwOnly);
    const varargs = params.some((p) => p.star === '*');
    const varkw = params.some((p) => p.star === '**');
    const kwonly = params.filter((p) => p.kwOnly);
    const fail = (msg: string, code: DiagnosticCode = 'bad-arguments') => { this.runtimeError(e, code, `TypeError: ${q}() ${msg}`); return false; };
    const given = pos.length + selfCount;
    if (given > positional.length && !varargs) {
      if (kwonly.length) return false; // CPython's wording then mentions keyword-only arguments
      const n = positional.length, r = positional.filter((p) => !p.default).length;
      const takes = r === n ? `${n} positional argument${n === 1 ? '' : 's'}` : `from ${r} to ${n} positional arguments`;
      return fail(`takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
    }
    const bound = new Set(positional.slice(0, given).map((p) => p.name.name));
    for (const name of Object.keys(kw)) {
      const p = params.find((x) => !x.star && x.name.name === name);
      if (!p) {
        if (varkw) continue;
        return fail(`got an unexpected keyword argument '${name}'`, 'unknown-keyword');
      }
      if (p.posOnly) return false; // "got some positional-only arguments passed as keyword arguments"
      if (bound.has(name)) return fail(`got multiple values for argument '${name}'`);
      bound.add(name);
    }
    const list = (names: string[]) => {
      const q2 = names.map((m) => `'${m}'`);
      return q2.length === 1 ? q2[0] : q2.length === 2 ? `${q2[0]} and ${q2[1]}` : `${q2.slice(0, -1).join(', ')}, and ${q2[q2.length - 1]}`;
    };
    const missing = positional.filter((p) => !p.default && !bound.has(p.name.name)).map((p) => p.name.name);
    if (missing.length) return fail(`missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list(missing)}`);
    const missingKw = kwonly.filter((p) => !p.default && !bound.has(p.name.name)).map((p) => p.name.name);
    if (missingKw.length) return fail(`missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${list(missingKw)}`);
    return true;
  }

  /** Calls a user module instance on one input (its forward). */
  private call1(inst: Extract<SType, { k: 'instance' }>, x: SType, e: N.Call): SType {
    const fwd = inst.cls.isModule ? inst.cls.methods.get('forward') : inst.cls.methods.get('__call__');
    return fwd ? this.callUser(fwd, [x], {}, e, inst) : UNKNOWN;
  }

  /** A user function or method, evaluated with the call's argument types. */
  private callUser(def: N.FunctionDef, pos: SType[], kw: Record<string, SType>, e: N.Call, self?: SType): SType {
    if (this.callDepth >= MAX_CALL_DEPTH || this.work > WORK_LIMIT) return UNKNOWN;
    // the function may change lists it is given
    for (const a of [...pos, ...Object.values(kw)]) if (a.k === 'list') forgetItems(a);
    const args = self ? [self, ...pos] : pos;
    const local = new Scope(this.moduleScope);
    const params = def.params;
    let ok = true;
    params.forEach((p, i) => {
      if (p.star === '*') { local.vars.set(p.name.name, { k: 'tuple', items: args.slice(i) }); return; }
      if (p.star === '**') { local.vars.set(p.name.name, UNKNOWN); return; }
      if (i < args.length) local.vars.set(p.name.name, args[i]);
      else if (p.name.name in kw) local.vars.set(p.name.name, kw[p.name.name]);
      else if (p.default) {
        this.callDepth++;
        local.vars.set(p.name.name, this.expr(p.default, this.moduleScope ?? local));
        this.callDepth--;
      } else ok = false;
    });
    if (!ok) return UNKNOWN;
    const outer = { redirect: this.redirect, redirected: this.redirected };
    if (this.callDepth === 0) { this.redirect = e; this.redirected = false; }
    this.callDepth++;
    this.frames.push({ returns: [] });
    this.block(def.body, local);
    const frame = this.frames.pop()!;
    this.callDepth--;
    // names the function declares global may have changed
    for (const g of declaredGlobals(def.body)) this.moduleScope?.vars.set(g, UNKNOWN);
    if (this.callDepth === 0) { this.redirect = outer.redirect; this.redirected = outer.redirected; }
    if (frame.returns.length === 0) return { k: 'none' };
    return frame.returns.reduce((a, b) => join(a, b));
  }

  /** Set by the project before checking a cell: the notebook's module scope. */
  moduleScope: Scope | undefined;
}

// ------------------------------------------------------------ helpers

function firstLine(s: N.Stmt): N.Span {
  // underline the header (keyword .. end of the first line), not a whole block
  if ('body' in s && Array.isArray(s.body) && s.body.length) return { start: s.start, end: Math.max(s.start, (s.body[0] as N.Stmt).start - 1) };
  return s;
}

function moduleScopeOf(scope: Scope): Scope {
  let s = scope;
  while (s.parent) s = s.parent;
  return s;
}

/**
 * What a module's constructor stores (torch/nn/modules/pooling.py): MaxPool/AvgPool2d/3d
 * replace stride=None by kernel_size; AvgPool1d and MaxUnpool store tuples (_single,
 * _pair, _triple); LPPool keeps None. Later uses and hover read these attributes.
 */
function moduleAttributes(cls: string, args: Record<string, SType>): Record<string, SType> {
  const out = { ...args };
  const defaultStride = () => { if (out.stride && out.stride.k === 'none' && out.kernel_size) out.stride = out.kernel_size; };
  const ntuple = (t: SType | undefined, n: number): SType | undefined => {
    if (!t) return t;
    if (t.k === 'int' || t.k === 'bool') return { k: 'tuple', items: new Array<SType>(n).fill(t) };
    return t;
  };
  if (/^(MaxPool[123]d|AvgPool[23]d)$/.test(cls)) defaultStride();
  const conv = /^Conv([12])d$/.exec(cls);
  if (conv) {
    const n = Number(conv[1]);
    for (const k of ['kernel_size', 'stride', 'dilation']) out[k] = ntuple(out[k], n)!;
    if (out.padding && out.padding.k !== 'str') out.padding = ntuple(out.padding, n)!;
  }
  const m = /^(AvgPool1d|MaxUnpool([123])d)$/.exec(cls);
  if (m) {
    defaultStride();
    const n = m[2] ? Number(m[2]) : 1;
    for (const k of ['kernel_size', 'stride', 'padding']) out[k] = ntuple(out[k], n)!;
  }
  return out;
}

/** Names a function body declares `global` (not looking into nested functions). */
function declaredGlobals(body: N.Stmt[]): string[] {
  const out: string[] = [];
  const visit = (ss: N.Stmt[]) => {
    for (const s of ss) {
      if (s.kind === 'Global' && !s.isNonlocal) out.push(...s.names.map((n) => n.name));
      else if (s.kind === 'If' || s.kind === 'For' || s.kind === 'While') { visit(s.body); visit(s.orelse); }
      else if (s.kind === 'With') visit(s.body);
      else if (s.kind === 'Try') { visit(s.body); visit(s.orelse); visit(s.finalbody); s.handlers.forEach((h) => visit(h.body)); }
    }
  };
  visit(body);
  return out;
}

/** A list that may have been changed: its length and items are no longer known. */
function forgetItems(l: Extract<SType, { k: 'list' }>): void {
  l.items = null;
  l.elem = UNKNOWN;
}

function isNum(t: SType): boolean {
  return t.k === 'int' || t.k === 'float' || t.k === 'bool';
}

/** Python truthiness when known. */
export function truthOf(t: SType): boolean | undefined {
  switch (t.k) {
    case 'bool': return t.v;
    case 'int': case 'float': return t.v === undefined ? undefined : t.v !== 0;
    case 'none': return false;
    case 'str': return t.v === undefined ? undefined : t.v.length > 0;
    case 'tuple': return t.items.length > 0;
    case 'list': return t.items ? t.items.length > 0 : undefined;
    default: return undefined;
  }
}

/** The element type of `for x in it`, and whether the loop certainly runs at least once. */
export function iterationOf(it: SType): { elem: SType; runs: boolean } {
  switch (it.k) {
    case 'range': return { elem: { k: 'int' }, runs: (it.length ?? 0) > 0 };
    case 'tuple': return { elem: it.items.length ? it.items.reduce((a, b) => join(a, b)) : UNKNOWN, runs: it.items.length > 0 };
    case 'list': return { elem: it.elem, runs: !!it.items && it.items.length > 0 };
    case 'tensor': {
      if (!it.shape || it.shape.length === 0) return { elem: UNKNOWN, runs: false };
      return { elem: tensorT(it.shape.slice(1), it.dtype), runs: (it.shape[0] ?? 0) > 0 };
    }
    case 'str': return { elem: { k: 'str' }, runs: !!it.v };
    default: return { elem: UNKNOWN, runs: false };
  }
}

export function builtinType(name: string): SType | undefined {
  const b = findEntry(BUILTINS, name);
  if (b) return { k: 'lib', table: 'builtin', entry: b };
  if (REFUSED_BUILTINS[name]) return { k: 'lib', table: 'builtin', entry: { name, kind: 'function', doc: REFUSED_BUILTINS[name] } };
  const h = findEntry(HELPERS, name);
  if (h) return { k: 'lib', table: 'helper', entry: h };
  return undefined;
}

function fromDefault(p: LibParam): SType {
  return defaultType(p.default as LibDefault);
}

function defaultType(d: LibDefault): SType {
  if (d === null) return { k: 'none' };
  if (typeof d === 'boolean') return { k: 'bool', v: d };
  if (typeof d === 'number') return Number.isInteger(d) ? { k: 'int', v: d } : { k: 'float', v: d };
  if (typeof d === 'string') return { k: 'str', v: d };
  return { k: 'tuple', items: d.map((x) => defaultType(x)) };
}

function ints(t: SType | undefined, nd: number): number[] | undefined {
  if (!t) return undefined;
  const v = intValue(t);
  if (v !== undefined) return new Array<number>(nd).fill(v);
  if (t.k === 'tuple' || (t.k === 'list' && t.items)) {
    const items = t.k === 'tuple' ? t.items : t.items!;
    const vs = items.map((x) => intValue(x));
    if (vs.some((x) => x === undefined)) return undefined;
    if (vs.length === 1) return new Array<number>(nd).fill(vs[0]!);
    return vs.length === nd ? (vs as number[]) : undefined;
  }
  return undefined;
}

function convParam(layer: Extract<SType, { k: 'layer' }>, which: 'weight' | 'bias'): SType {
  const nd = layer.cls === 'Conv1d' ? 1 : 2;
  const out = intValue(layer.args.out_channels ?? UNKNOWN) ?? null;
  if (which === 'bias') return layer.args.bias && truthOf(layer.args.bias) === false ? { k: 'none' } : tensorT([out], 'float32');
  const inC = intValue(layer.args.in_channels ?? UNKNOWN);
  const g = intValue(layer.args.groups ?? { k: 'int', v: 1 });
  const k = ints(layer.args.kernel_size, nd);
  const perGroup = inC !== undefined && g ? inC / g : null;
  return tensorT([out, perGroup !== null && Number.isInteger(perGroup) ? perGroup : null, ...(k ?? new Array<Dim>(nd).fill(null))], 'float32');
}

/** Output shape of a convolution (no diagnostics: only pooling errors are reported). */
function convStatic(nd: 1 | 2, input: SType, weight: SType, args: Record<string, SType>): SType {
  if (input.k !== 'tensor' || !input.shape || weight.k !== 'tensor' || !weight.shape) return UNKNOWN;
  const rank = input.shape.length;
  if (rank !== nd + 1 && rank !== nd + 2) return UNKNOWN;
  const k = weight.shape.slice(2);
  const s = ints(args.stride ?? { k: 'int', v: 1 }, nd);
  const d = ints(args.dilation ?? { k: 'int', v: 1 }, nd);
  const padArg = args.padding ?? { k: 'int', v: 0 };
  const same = padArg.k === 'str' && padArg.v === 'same';
  const p = padArg.k === 'str' && padArg.v === 'valid' ? new Array<number>(nd).fill(0) : ints(padArg, nd);
  const spatial = input.shape.slice(rank - nd).map((L, i) => {
    if (same) return L;
    if (L === null || k[i] === null || !s || !d || !p) return null;
    const o = pooledSize(L, k[i] as number, s[i], p[i], d[i], false);
    return o > 0 ? o : null;
  });
  return tensorT([...input.shape.slice(0, rank - nd - 1), weight.shape[0], ...spatial], input.dtype);
}

/** Shapes of the non-pooling F functions. */
function fStatic(name: string, input: SType, args: Record<string, SType>): SType {
  if (input.k !== 'tensor') return UNKNOWN;
  switch (name) {
    case 'relu': return tensorT(input.shape, input.dtype);
    case 'conv1d': case 'conv2d': return convStatic(name === 'conv1d' ? 1 : 2, input, args.weight ?? UNKNOWN, args);
    case 'pad': {
      const pads = args.pad && (args.pad.k === 'tuple' || args.pad.k === 'list') ? sizeFrom([args.pad]) : null;
      if (!input.shape || !pads || pads.some((x) => x === null) || pads.length % 2 || pads.length / 2 > input.shape.length) return tensorT(input.shape ? input.shape.map(() => null) : null, input.dtype);
      const out = input.shape.slice();
      for (let i = 0; i < pads.length / 2; i++) {
        const d = out.length - 1 - i;
        out[d] = out[d] === null ? null : (out[d] as number) + (pads[2 * i] as number) + (pads[2 * i + 1] as number);
      }
      return tensorT(out, input.dtype);
    }
    case 'interpolate': {
      if (!input.shape || input.shape.length < 3) return UNKNOWN;
      const nd = input.shape.length - 2;
      const size = args.size && args.size.k !== 'none' ? ints(args.size, nd) : undefined;
      const sf = args.scale_factor;
      let spatial: Dim[] = new Array<Dim>(nd).fill(null);
      if (size) spatial = size;
      else if (sf && (sf.k === 'int' || sf.k === 'float') && sf.v !== undefined) {
        spatial = input.shape.slice(2).map((L) => (L === null ? null : Math.floor(L * sf.v!)));
      }
      return tensorT([...input.shape.slice(0, 2), ...spatial], input.dtype);
    }
    default: return UNKNOWN;
  }
}
