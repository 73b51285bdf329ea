// The tree-walking evaluator. Every eval/exec is async so a long program yields to
// the event loop now and then: a host's interrupt (CancelToken) can then take effect,
// and the editor stays responsive. A step budget and a recursion limit stop runaway
// programs with clear errors instead of freezing the kernel.

import type * as N from '../syntax/nodes';
import { CancelToken, CancelledError, TorchError, PyErrorType } from '../../engine/errors';
import {
  CallContext, DisplayRequest, Kwargs, PyBoundMethod, PyBuiltin, PyClass, PyDict, PyEllipsis, PyFloat, PyFunction,
  PyInstance, PyIterator, PyList, PySet, PySlice, PySuper, PyTuple, PyUnsupported, Scope, Value,
  hashKey, pyError, truthy, typeName,
} from './values';
import { REQUIRED, Signature, bindArgs } from './args';
import { binaryOp, compareOp, unaryOp, containsOp, isOp } from './operators';
import { getAttr, setAttr, delAttr } from './attributes';
import { getItem, setItem, delItem } from './subscript';
import { iterate, toArray } from './iterate';
import { repr, str, userReprs } from './repr';
import { formatValue } from './formatting';
import { exceptionClassFor, exceptionMatches, errorToInstance, instanceToError } from './exceptions';
import { importModule, importFrom } from './imports';
import type { Builtins } from './builtins/python';
import { printer } from './printer';
import type { PrintOptions } from '../format/printOptions';

export interface InterpreterOptions {
  write(text: string): void;
  display(req: DisplayRequest): void;
  readFile?(path: string): Promise<Uint8Array>;
  stepLimit?: number;
  recursionLimit?: number;
  /** this session's torch.set_printoptions state (sessions may interleave at awaits) */
  printOptions?: PrintOptions;
}

/** Control flow out of a block. */
type Signal = undefined | { kind: 'break' } | { kind: 'continue' } | { kind: 'return'; value: Value };
const BREAK: Signal = { kind: 'break' };
const CONTINUE: Signal = { kind: 'continue' };

/** Error annotations: where in the running cell it was raised. */
export interface ErrorSite { start: number; end: number }
const siteOf = new WeakMap<object, ErrorSite>();
export function errorSite(e: unknown): ErrorSite | undefined {
  return typeof e === 'object' && e !== null ? siteOf.get(e) : undefined;
}
/** Errors the program itself may not catch (step budget, interrupt). */
const uncatchable = new WeakSet<object>();

const yieldToEventLoop: () => Promise<void> = typeof setImmediate === 'function'
  ? () => new Promise((r) => setImmediate(r))
  : () => new Promise((r) => setTimeout(r, 0));

/** Names a function body assigns (its locals), cached per def node. */
const localsCache = new WeakMap<object, Set<string>>();

export class Interpreter implements CallContext {
  readonly globals = new Scope(undefined);
  steps = 0;
  private depth = 0;
  /** exceptions being handled (innermost last), for a bare `raise` */
  private handling: TorchError[] = [];
  private lastYield = Date.now();
  private lastCheck = Date.now();
  private checkStride = 1;
  private untilCheck = 1;
  private cellTag: object = {};
  private currentTag: object = {};
  token?: CancelToken;
  readonly stepLimit: number;
  readonly recursionLimit: number;

  constructor(readonly builtins: Builtins, readonly opts: InterpreterOptions) {
    this.stepLimit = opts.stepLimit ?? 10_000_000;
    this.recursionLimit = opts.recursionLimit ?? 1000;
  }

  // ---------------------------------------------------------------- CallContext
  write(text: string): void { this.opts.write(text); }
  display(req: DisplayRequest): void { this.opts.display(req); }
  repr(v: Value): string { return repr(v); }
  str(v: Value): string { return str(v); }

  /** A user-defined __str__ / __repr__ of a plain instance (not modules or exceptions), if any. */
  private userDunder(v: Value, names: string[]): Value | undefined {
    if (!(v instanceof PyInstance) || v.module || v.excArgs) return undefined;
    for (const n of names) {
      const f = v.cls.lookup(n);
      if (f instanceof PyFunction) return f;
    }
    return undefined;
  }

  private async callDunder(f: Value, v: Value, name: string): Promise<string> {
    const r = await this.callValue(f, [v]);
    if (typeof r !== 'string') throw pyError('TypeError', `${name} returned non-string (type ${typeName(r)})`);
    return r;
  }

  /** Makes this session's print options current (another session may have run since our last await). */
  useOwnPrintOptions(): void {
    if (this.opts.printOptions) printer.options = this.opts.printOptions;
  }

  async strOf(v: Value): Promise<string> {
    this.useOwnPrintOptions();
    const f = this.userDunder(v, ['__str__', '__repr__']);
    if (f) return this.callDunder(f, v, (f as PyFunction).name);
    return this.withUserReprs(v, () => str(v));
  }

  async reprOf(v: Value): Promise<string> {
    this.useOwnPrintOptions();
    const f = this.userDunder(v, ['__repr__']);
    if (f) return this.callDunder(f, v, '__repr__');
    return this.withUserReprs(v, () => repr(v));
  }

  /** Runs the user __repr__ of instances inside containers first, so the sync repr can use them. */
  private async withUserReprs(v: Value, render: () => string): Promise<string> {
    const found: PyInstance[] = [];
    const seen = new Set<object>();
    const walk = (x: Value): void => {
      if (typeof x !== 'object' || x === null || seen.has(x)) return;
      seen.add(x);
      if (x instanceof PyList || x instanceof PyTuple) x.items.forEach(walk);
      else if (x instanceof PyDict) for (const [k, y] of x.map.values()) { walk(k); walk(y); }
      else if (x instanceof PyInstance && this.userDunder(x, ['__repr__'])) found.push(x);
    };
    walk(v);
    if (found.length === 0) return render();
    const map = new Map<object, string>();
    for (const inst of found) map.set(inst, await this.callDunder(this.userDunder(inst, ['__repr__'])!, inst, '__repr__'));
    this.useOwnPrintOptions();
    userReprs.map = map;
    try {
      return render();
    } finally {
      userReprs.map = null;
    }
  }
  get readFile() { return this.opts.readFile; }

  /** Runs one cell; returns the value of a trailing expression statement (for display). */
  async runCell(mod: N.Module, token?: CancelToken): Promise<{ last?: Value }> {
    this.token = token;
    this.steps = 0;
    this.depth = 0;
    this.handling = [];
    this.lastYield = this.lastCheck = Date.now();
    this.checkStride = this.untilCheck = 1;
    this.cellTag = mod;
    this.currentTag = mod;
    const body = mod.body;
    let last: Value | undefined;
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      try {
        if (i === body.length - 1 && s.kind === 'ExprStmt') {
          { const t = this.tick(); if (t) await t; }
          last = await this.evalAt(s.value, this.globals);
        } else {
          const sig = await this.exec(s, this.globals);
          if (sig) throw pyError('SyntaxError', sig.kind === 'return' ? "'return' outside function" : `'${sig.kind}' outside loop`);
        }
      } catch (err) {
        this.mark(err, s); // errors no expression claimed (unpacking, the step budget) point at their statement
        throw err;
      }
    }
    return { last };
  }

  /** Evaluates with the expression's range recorded on any error it raises. */
  private evalAt(e: N.Expr, scope: Scope): Value | Promise<Value> {
    try {
      const v = this.ev(e, scope);
      if (v instanceof Promise) return v.catch((err) => { this.mark(err, e); throw err; });
      return v;
    } catch (err) {
      this.mark(err, e);
      throw err;
    }
  }

  private mark(err: unknown, node: N.Span): void {
    if (typeof err === 'object' && err !== null && !siteOf.has(err) && this.currentTag === this.cellTag) {
      siteOf.set(err, { start: node.start, end: node.end });
    }
  }

  /** Counts a step; returns a promise only when it is time to yield to the event loop. */
  private tick(): Promise<void> | undefined {
    if (++this.steps > this.stepLimit) {
      const e = pyError('RuntimeError', `poolnb: the program ran more than ${this.stepLimit} steps (step budget); is there a loop that never ends?`);
      uncatchable.add(e);
      throw e;
    }
    if (--this.untilCheck > 0) return undefined;
    return this.check();
  }

  /**
   * The interrupt and yield check, by time rather than by step count: a step can be one
   * cheap assignment or one pooling op over millions of elements. The clock is read every
   * `checkStride` steps; the stride doubles (up to 1024) while checks come less than 2 ms
   * apart and drops to 1 after a slow stretch, so cheap loops pay almost nothing and a loop
   * of heavy ops checks (and yields, every 15 ms) between every two ops.
   */
  private check(): Promise<void> | undefined {
    const t = Date.now();
    const elapsed = t - this.lastCheck;
    this.lastCheck = t;
    this.checkStride = elapsed > 16 ? 1 : elapsed > 2 ? Math.max(1, this.checkStride >> 1) : Math.min(1024, this.checkStride * 2);
    this.untilCheck = this.checkStride;
    if (this.token?.cancelled) throw this.cancelled();
    if (t - this.lastYield > 15) return this.pause();
    return undefined;
  }

  private async pause(): Promise<void> {
    await yieldToEventLoop();
    this.lastYield = this.lastCheck = Date.now(); // time spent away is not the steps' time
    if (this.token?.cancelled) throw this.cancelled();
  }

  /** eval without a promise for the leaves (most expressions), which keeps async overhead off the hot path. */
  private ev(e: N.Expr, scope: Scope): Value | Promise<Value> {
    switch (e.kind) {
      case 'Num': return e.isInt ? e.value : new PyFloat(e.value);
      case 'Str': return e.value;
      case 'Constant': return e.value;
      case 'Name': return this.lookup(e, scope);
      default: return this.eval(e, scope);
    }
  }

  private cancelled(): TorchError {
    const e = new CancelledError();
    uncatchable.add(e);
    return e;
  }

  // ---------------------------------------------------------------- statements

  async execBlock(stmts: N.Stmt[], scope: Scope): Promise<Signal> {
    for (const s of stmts) {
      let sig: Signal;
      try {
        sig = await this.exec(s, scope);
      } catch (err) {
        this.mark(err, s); // as in runCell: the innermost statement locates an error no expression claimed
        throw err;
      }
      if (sig) return sig;
    }
    return undefined;
  }

  async exec(s: N.Stmt, scope: Scope): Promise<Signal> {
    { const t = this.tick(); if (t) await t; }
    this.useOwnPrintOptions();
    switch (s.kind) {
      case 'ExprStmt': {
        const v = this.evalAt(s.value, scope);
        if (v instanceof Promise) await v;
        return undefined;
      }
      case 'Assign': {
        let v = this.evalAt(s.value, scope);
        if (v instanceof Promise) v = await v;
        for (const t of s.targets) {
          if (t.kind === 'Name') this.bind(t.id, v, scope);
          else await this.assign(t, v, scope);
        }
        return undefined;
      }
      case 'AugAssign': return this.execAugAssign(s, scope);
      case 'AnnAssign':
        if (s.value) await this.assign(s.target, await this.evalAt(s.value, scope), scope);
        return undefined;
      case 'If': {
        if (truthy(await this.evalAt(s.test, scope))) return this.execBlock(s.body, scope);
        return this.execBlock(s.orelse, scope);
      }
      case 'For': return this.execFor(s, scope);
      case 'While': {
        while (truthy(await this.evalAt(s.test, scope))) {
          const sig = await this.execBlock(s.body, scope);
          if (sig === BREAK) return undefined;
          if (sig && sig.kind === 'return') return sig;
          { const t = this.tick(); if (t) await t; }
        }
        return this.execBlock(s.orelse, scope);
      }
      case 'Pass': return undefined;
      case 'Break': return BREAK;
      case 'Continue': return CONTINUE;
      case 'Return': return { kind: 'return', value: s.value ? await this.evalAt(s.value, scope) : null };
      case 'FunctionDef': {
        let fn: Value = await this.makeFunction(s.name.name, s.params, s.body, scope);
        for (const d of [...s.decorators].reverse()) fn = await this.callValue(await this.evalAt(d, scope), [fn]);
        this.bind(s.name.name, fn, scope);
        return undefined;
      }
      case 'ClassDef': return this.execClass(s, scope);
      case 'Import': {
        for (const a of s.names) {
          const { bindName, value } = importModule(a.name, a.asname?.name, this.builtins);
          this.bind(bindName, value, scope);
        }
        return undefined;
      }
      case 'ImportFrom': {
        for (const a of s.names) {
          try {
            for (const [name, value] of importFrom(s.module, a.name, a.asname?.name, this.builtins)) this.bind(name, value, scope);
          } catch (err) {
            this.mark(err, s);
            throw err;
          }
        }
        return undefined;
      }
      case 'Assert': {
        if (!truthy(await this.evalAt(s.test, scope))) {
          const msg = s.msg ? str(await this.evalAt(s.msg, scope)) : '';
          const e = pyError('AssertionError', msg);
          this.mark(e, s);
          throw e;
        }
        return undefined;
      }
      case 'Delete': {
        for (const t of s.targets) await this.deleteTarget(t, scope);
        return undefined;
      }
      case 'Global': {
        if (!s.isNonlocal) {
          scope.globals ??= new Set();
          for (const n of s.names) scope.globals.add(n.name);
        } else {
          scope.nonlocals ??= new Set();
          for (const n of s.names) {
            if (!this.enclosingWith(scope, n.name)) {
              const e = pyError('SyntaxError', `no binding for nonlocal '${n.name}' found`);
              this.mark(e, n);
              throw e;
            }
            scope.nonlocals.add(n.name);
          }
        }
        return undefined;
      }
      case 'Raise': return this.execRaise(s, scope);
      case 'Try': return this.execTry(s, scope);
      case 'With': return this.execWith(s, scope);
      case 'BadStmt': {
        const e = pyError('SyntaxError', 'invalid syntax');
        this.mark(e, s);
        throw e;
      }
    }
  }

  private async execAugAssign(s: N.AugAssign, scope: Scope): Promise<Signal> {
    const t = s.target;
    if (t.kind === 'Name') {
      const cur = this.lookup(t, scope);
      this.bind(t.id, await this.augment(s, cur, scope), scope);
    } else if (t.kind === 'Attribute') {
      const obj = await this.evalAt(t.value, scope);
      const name = attrName(t);
      const cur = await getAttr(obj, name, this);
      await setAttr(obj, name, await this.augment(s, cur, scope), this);
    } else if (t.kind === 'Subscript') {
      const obj = await this.evalAt(t.value, scope);
      const idx = await this.evalIndex(t.index, scope);
      const cur = getItem(obj, idx);
      setItem(obj, idx, await this.augment(s, cur, scope));
    } else {
      throw pyError('SyntaxError', "'tuple' is an illegal expression for augmented assignment");
    }
    return undefined;
  }

  private async augment(s: N.AugAssign, cur: Value, scope: Scope): Promise<Value> {
    const rhs = await this.evalAt(s.value, scope);
    try {
      return binaryOp(s.op, cur, rhs, true);
    } catch (err) {
      this.mark(err, s);
      throw err;
    }
  }

  private async execFor(s: N.For, scope: Scope): Promise<Signal> {
    const it = await this.evalAt(s.iter, scope);
    let items: Iterable<Value>;
    try {
      items = iterate(it);
    } catch (err) {
      this.mark(err, s.iter);
      throw err;
    }
    for (const v of items) {
      await this.assign(s.target, v, scope);
      const sig = await this.execBlock(s.body, scope);
      if (sig === BREAK) return undefined;
      if (sig && sig.kind === 'return') return sig;
      { const t = this.tick(); if (t) await t; }
    }
    return this.execBlock(s.orelse, scope);
  }

  private async execClass(s: N.ClassDef, scope: Scope): Promise<Signal> {
    const bases: PyClass[] = [];
    for (const b of s.bases) {
      if (b.name) continue; // metaclass=... and friends: not in the subset
      const v = await this.evalAt(b.value, scope);
      if (v instanceof PyUnsupported) throw pyError('TypeError', v.advice);
      if (!(v instanceof PyClass)) {
        const e = pyError('TypeError', `metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases`);
        this.mark(e, b);
        throw e;
      }
      bases.push(v);
    }
    if (bases.length === 0) bases.push(this.builtins.object);
    const cls = new PyClass(s.name.name, bases);
    const body = new Scope(scope, true, s.name.name);
    if (scope.frame) body.classQual = `${scope.frame.fn.qualname}.<locals>.${s.name.name}`;
    const sig = await this.execBlock(s.body, body);
    if (sig) throw pyError('SyntaxError', `'${sig.kind}' outside function`);
    for (const [k, v] of body.vars) {
      if (v instanceof PyFunction && !v.definingClass) v.definingClass = cls;
      cls.dict.set(k, v);
    }
    let out: Value = cls;
    for (const d of [...s.decorators].reverse()) out = await this.callValue(await this.evalAt(d, scope), [out]);
    this.bind(s.name.name, out, scope);
    return undefined;
  }

  private async execRaise(s: N.Raise, scope: Scope): Promise<Signal> {
    if (!s.exc) {
      const active = this.handling[this.handling.length - 1];
      if (active) throw active;
      const e = pyError('RuntimeError', 'No active exception to reraise');
      this.mark(e, s);
      throw e;
    }
    let v = await this.evalAt(s.exc, scope);
    if (v instanceof PyClass) v = await this.callValue(v, []);
    if (!(v instanceof PyInstance) || !v.excArgs) {
      const e = pyError('TypeError', 'exceptions must derive from BaseException');
      this.mark(e, s);
      throw e;
    }
    const e = instanceToError(v);
    this.mark(e, s);
    throw e;
  }

  private async execTry(s: N.Try, scope: Scope): Promise<Signal> {
    let sig: Signal;
    try {
      try {
        sig = await this.execBlock(s.body, scope);
      } catch (err) {
        if (!(err instanceof TorchError) || uncatchable.has(err)) throw err;
        for (const h of s.handlers) {
          let matches = true;
          if (h.type) {
            const t = await this.evalAt(h.type, scope);
            matches = exceptionMatches(err, t, this.builtins);
          }
          if (!matches) continue;
          if (h.name) this.bind(h.name.name, errorToInstance(err, this.builtins), scope);
          this.handling.push(err);
          try {
            return await this.execBlock(h.body, scope);
          } finally {
            this.handling.pop();
          }
        }
        throw err;
      }
      if (!sig) sig = await this.execBlock(s.orelse, scope);
    } finally {
      if (s.finalbody.length) {
        const f = await this.execBlock(s.finalbody, scope);
        if (f) return f;
      }
    }
    return sig;
  }

  private async execWith(s: N.With, scope: Scope): Promise<Signal> {
    // Context managers: torch.no_grad() and friends (`with x as y` binds what __enter__ returns).
    const exits: Value[] = [];
    const vars = (s as N.With & { vars?: (N.Expr | null)[] }).vars;
    for (let i = 0; i < s.items.length; i++) {
      const cm = await this.evalAt(s.items[i], scope);
      const enter = await getAttr(cm, '__enter__', this);
      const entered = await this.callValue(enter, []);
      exits.push(cm);
      const target = vars?.[i];
      if (target) await this.assign(target, entered, scope);
    }
    try {
      return await this.execBlock(s.body, scope);
    } finally {
      for (const cm of exits.reverse()) await this.callValue(await getAttr(cm, '__exit__', this), [null, null, null]);
    }
  }

  // ---------------------------------------------------------------- names & targets

  /** Binds a name in the right scope (honouring `global`). */
  bind(name: string, v: Value, scope: Scope): void {
    if (scope.globals?.has(name)) this.globals.vars.set(name, v);
    else if (scope.nonlocals?.has(name)) this.enclosingWith(scope, name)!.vars.set(name, v);
    else scope.vars.set(name, v);
  }

  /** The nearest enclosing function scope (not globals, not a class body) binding `name`. */
  private enclosingWith(scope: Scope, name: string): Scope | undefined {
    for (let s = scope.parent; s && s !== this.globals; s = s.parent) {
      if (!s.isClassBody && (s.vars.has(name) || s.localNames?.has(name))) return s;
    }
    return undefined;
  }

  lookup(node: N.Name, scope: Scope): Value {
    const name = node.id;
    let s: Scope | undefined = scope;
    let first = true;
    if (scope.globals?.has(name)) s = this.globals;
    else if (scope.nonlocals?.has(name)) { s = this.enclosingWith(scope, name); first = false; }
    while (s) {
      if (first || !s.isClassBody) {
        const v = s.vars.get(name);
        if (v !== undefined) return v;
        if (first && s.parent && !s.isClassBody && s.localNames?.has(name)) {
          throw this.marked(pyError('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`), node);
        }
      }
      first = false;
      s = s.parent;
    }
    const b = this.builtins.names.get(name);
    if (b !== undefined) return b;
    throw this.marked(pyError('NameError', `name '${name}' is not defined`), node);
  }

  async assign(target: N.Expr, v: Value, scope: Scope): Promise<void> {
    switch (target.kind) {
      case 'Name': this.bind(target.id, v, scope); return;
      case 'Tuple': case 'List': return this.unpack(target.elts, v, scope);
      case 'Attribute': {
        const obj = await this.evalAt(target.value, scope);
        try {
          await setAttr(obj, attrName(target), v, this);
        } catch (err) {
          this.mark(err, target);
          throw err;
        }
        return;
      }
      case 'Subscript': {
        const obj = await this.evalAt(target.value, scope);
        const idx = await this.evalIndex(target.index, scope);
        try {
          setItem(obj, idx, v);
        } catch (err) {
          this.mark(err, target);
          throw err;
        }
        return;
      }
      case 'Starred': throw pyError('SyntaxError', 'starred assignment target must be in a list or tuple');
      default: throw pyError('SyntaxError', `cannot assign to ${target.kind.toLowerCase()}`);
    }
  }

  private async unpack(targets: N.Expr[], v: Value, scope: Scope): Promise<void> {
    let items: Value[];
    if (v instanceof PyList || v instanceof PyTuple) items = v.items;
    else {
      try {
        items = toArray(v);
      } catch (err) {
        if (err instanceof TorchError && err.pyType === 'TypeError') {
          throw pyError('TypeError', `cannot unpack non-iterable ${typeName(v)} object`);
        }
        throw err;
      }
    }
    const star = targets.findIndex((t) => t.kind === 'Starred');
    if (star < 0) {
      if (items.length > targets.length) throw pyError('ValueError', `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length) throw pyError('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      for (let i = 0; i < targets.length; i++) await this.assign(targets[i], items[i], scope);
      return;
    }
    const after = targets.length - star - 1;
    if (items.length < targets.length - 1) {
      throw pyError('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    }
    for (let i = 0; i < star; i++) await this.assign(targets[i], items[i], scope);
    await this.assign((targets[star] as N.Starred).value, new PyList(items.slice(star, items.length - after)), scope);
    for (let i = 0; i < after; i++) await this.assign(targets[star + 1 + i], items[items.length - after + i], scope);
  }

  private async deleteTarget(t: N.Expr, scope: Scope): Promise<void> {
    if (t.kind === 'Name') {
      const s = scope.globals?.has(t.id) ? this.globals : scope;
      if (!s.vars.delete(t.id)) throw pyError('NameError', `name '${t.id}' is not defined`);
    } else if (t.kind === 'Subscript') {
      delItem(await this.evalAt(t.value, scope), await this.evalIndex(t.index, scope));
    } else if (t.kind === 'Attribute') {
      delAttr(await this.evalAt(t.value, scope), attrName(t));
    } else if (t.kind === 'Tuple' || t.kind === 'List') {
      for (const x of t.elts) await this.deleteTarget(x, scope);
    }
  }

  // ---------------------------------------------------------------- expressions

  async eval(e: N.Expr, scope: Scope): Promise<Value> {
    switch (e.kind) {
      case 'Num': return e.isInt ? e.value : new PyFloat(e.value);
      case 'Str': return e.value;
      case 'Constant': return e.value;
      case 'Name': return this.lookup(e, scope);
      case 'Ellipsis': return PyEllipsis.instance;
      case 'FString': return this.evalFString(e, scope);
      case 'List': return new PyList(await this.evalElts(e.elts, scope));
      case 'Tuple': return new PyTuple(await this.evalElts(e.elts, scope));
      case 'Set': {
        const s = new PySet();
        for (const v of await this.evalElts(e.elts, scope)) s.map.set(hashKey(v), v);
        return s;
      }
      case 'Dict': {
        const d = new PyDict();
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i];
          if (k === null) {
            const other = await this.ev(e.values[i], scope);
            if (!(other instanceof PyDict)) throw pyError('TypeError', `'${typeName(other)}' object is not a mapping`);
            for (const [h, kv] of other.map) d.map.set(h, kv);
          } else {
            const kv = await this.ev(k, scope);
            d.map.set(hashKey(kv), [kv, await this.ev(e.values[i], scope)]);
          }
        }
        return d;
      }
      case 'Attribute': {
        let obj = this.ev(e.value, scope);
        if (obj instanceof Promise) obj = await obj;
        try {
          return await getAttr(obj, attrName(e), this);
        } catch (err) {
          this.mark(err, e);
          throw err;
        }
      }
      case 'Subscript': {
        let obj = this.ev(e.value, scope);
        if (obj instanceof Promise) obj = await obj;
        let idx = e.index.kind === 'Tuple' && !e.index.parenthesized ? this.evalIndex(e.index, scope) : this.ev(e.index, scope);
        if (idx instanceof Promise) idx = await idx;
        if (obj instanceof PyInstance) {
          const gi = obj.cls.lookup('__getitem__');
          if (gi instanceof PyFunction) return this.callValue(gi, [obj, idx]);
        }
        try {
          return getItem(obj, idx);
        } catch (err) {
          this.mark(err, e);
          throw err;
        }
      }
      case 'Slice': return this.evalSlice(e, scope);
      case 'Call': return this.evalCall(e, scope);
      case 'UnaryOp': {
        let v = this.ev(e.operand, scope);
        if (v instanceof Promise) v = await v;
        if (e.op === 'not') return !truthy(v);
        try {
          return unaryOp(e.op, v);
        } catch (err) {
          this.mark(err, e);
          throw err;
        }
      }
      case 'BinOp': {
        let l = this.ev(e.left, scope);
        if (l instanceof Promise) l = await l;
        let r = this.ev(e.right, scope);
        if (r instanceof Promise) r = await r;
        if (l instanceof PyInstance || r instanceof PyInstance) {
          const u = await this.userBinary(e.op, l, r);
          if (u !== undefined) return u;
        }
        try {
          return binaryOp(e.op, l, r, false);
        } catch (err) {
          const out = err instanceof RangeError && /BigInt/.test(err.message) ? pyError('MemoryError', '') : err;
          this.mark(out, e);
          throw out;
        }
      }
      case 'BoolOp': {
        let v: Value = null;
        for (const x of e.values) {
          v = await this.ev(x, scope);
          if (e.op === 'and' ? !truthy(v) : truthy(v)) return v;
        }
        return v;
      }
      case 'Compare': {
        let left = this.ev(e.left, scope);
        if (left instanceof Promise) left = await left;
        let result: Value = true;
        for (let i = 0; i < e.ops.length; i++) {
          let right = this.ev(e.comparators[i], scope);
          if (right instanceof Promise) right = await right;
          const u = (left instanceof PyInstance || right instanceof PyInstance) ? await this.userCompare(e.ops[i], left, right) : undefined;
          if (u !== undefined) result = u;
          else try {
            result = this.compare(e.ops[i], left, right);
          } catch (err) {
            this.mark(err, e);
            throw err;
          }
          if (i < e.ops.length - 1 && !truthy(result)) return result;
          left = right;
        }
        return result;
      }
      case 'IfExp': return truthy(await this.ev(e.test, scope)) ? this.eval(e.body, scope) : this.eval(e.orelse, scope);
      case 'Lambda': return this.makeFunction('<lambda>', e.params, e.body, scope);
      case 'ListComp': return new PyList(await this.comprehension(e.generators, scope, (s) => this.eval(e.elt, s)));
      case 'GeneratorExp': return new PyIterator(await this.comprehension(e.generators, scope, (s) => this.eval(e.elt, s)), 'generator');
      case 'SetComp': {
        const s = new PySet();
        for (const v of await this.comprehension(e.generators, scope, (sc) => this.eval(e.elt, sc))) s.map.set(hashKey(v), v);
        return s;
      }
      case 'DictComp': {
        const d = new PyDict();
        await this.comprehension(e.generators, scope, async (sc) => {
          const k = await this.ev(e.key, sc);
          d.map.set(hashKey(k), [k, await this.ev(e.value, sc)]);
          return null;
        });
        return d;
      }
      case 'Starred': throw pyError('SyntaxError', "can't use starred expression here");
      case 'NamedExpr': {
        const v = await this.ev(e.value, scope);
        this.bind(e.target.id, v, scope);
        return v;
      }
      case 'Yield': {
        const err = pyError('NotImplementedError', 'poolnb: generators (yield) are not part of PoolScript; build and return a list instead');
        this.mark(err, e);
        throw err;
      }
      case 'Missing': {
        const err = pyError('SyntaxError', 'invalid syntax');
        this.mark(err, e);
        throw err;
      }
    }
  }

  private compare(op: N.CompareOperator, l: Value, r: Value): Value {
    switch (op) {
      case 'in': return containsOp(r, l);
      case 'not in': return !containsOp(r, l);
      case 'is': return isOp(l, r);
      case 'is not': return !isOp(l, r);
      default: return compareOp(op, l, r);
    }
  }

  private async evalElts(elts: N.Expr[], scope: Scope): Promise<Value[]> {
    const out: Value[] = [];
    for (const x of elts) {
      if (x.kind === 'Starred') {
        const v = await this.ev(x.value, scope);
        for (const y of toArray(v)) out.push(y);
      } else {
        const v = this.ev(x, scope);
        out.push(v instanceof Promise ? await v : v);
      }
    }
    return out;
  }

  private async evalIndex(index: N.Expr, scope: Scope): Promise<Value> {
    if (index.kind === 'Tuple' && !index.parenthesized) return new PyTuple(await this.evalElts(index.elts, scope));
    return this.eval(index, scope);
  }

  private async evalSlice(e: N.Slice, scope: Scope): Promise<Value> {
    return new PySlice(
      e.lower ? await this.ev(e.lower, scope) : null,
      e.upper ? await this.ev(e.upper, scope) : null,
      e.step ? await this.ev(e.step, scope) : null,
    );
  }

  private async evalFString(e: N.FString, scope: Scope): Promise<Value> {
    let out = '';
    for (const p of e.parts) {
      if (p.kind === 'FStringText') { out += p.value; continue; }
      const v = await this.ev(p.value, scope);
      const spec = p.formatSpec ? (await this.evalFString(p.formatSpec, scope)) as string : '';
      if (p.debugText !== undefined) out += p.debugText;
      let conv: Value = v;
      if (p.conversion === 'r' || p.conversion === 'a' || (p.debugText !== undefined && !p.conversion && !spec)) conv = await this.reprOf(v);
      else if (p.conversion === 's' || (!spec && this.userDunder(v, ['__str__', '__repr__']))) conv = await this.strOf(v);
      try {
        out += formatValue(conv, spec);
      } catch (err) {
        this.mark(err, p);
        throw err;
      }
    }
    return out;
  }

  private async comprehension(gens: N.Comprehension[], scope: Scope, elt: (s: Scope) => Promise<Value>): Promise<Value[]> {
    const inner = new Scope(scope);
    const out: Value[] = [];
    const loop = async (i: number): Promise<void> => {
      if (i === gens.length) { out.push(await elt(inner)); return; }
      const g = gens[i];
      const src = await this.ev(g.iter, i === 0 ? scope : inner);
      for (const v of iterate(src)) {
        { const t = this.tick(); if (t) await t; }
        await this.assign(g.target, v, inner);
        let ok = true;
        for (const c of g.ifs) if (!truthy(await this.ev(c, inner))) { ok = false; break; }
        if (ok) await loop(i + 1);
      }
    };
    await loop(0);
    return out;
  }

  // ---------------------------------------------------------------- calls

  private async evalCall(e: N.Call, scope: Scope): Promise<Value> {
    let fn = this.ev(e.func, scope);
    if (fn instanceof Promise) fn = await fn;
    const args: Value[] = [];
    const kwargs: Kwargs = [];
    for (const a of e.args) {
      if (a.star === '*') {
        const v = await this.ev(a.value, scope);
        try {
          for (const x of toArray(v)) args.push(x);
        } catch (err) {
          throw this.marked(pyError('TypeError', `${calleeName(fn)}() argument after * must be an iterable, not ${typeName(v)}`), e);
        }
      } else if (a.star === '**') {
        const v = await this.ev(a.value, scope);
        if (!(v instanceof PyDict)) throw this.marked(pyError('TypeError', `${calleeName(fn)}() argument after ** must be a mapping, not ${typeName(v)}`), e);
        for (const [k, x] of v.map.values()) kwargs.push([str(k), x]);
      } else if (a.name) {
        let v = this.ev(a.value, scope);
        if (v instanceof Promise) v = await v;
        if (kwargs.some(([k]) => k === a.name!.name)) throw this.marked(pyError('SyntaxError', `keyword argument repeated: ${a.name.name}`), a);
        kwargs.push([a.name.name, v]);
      } else {
        const v = this.ev(a.value, scope);
        args.push(v instanceof Promise ? await v : v);
      }
    }
    // Zero-argument super(): the class the running method was defined in, and its first argument.
    if (fn === this.builtins.superFn && args.length === 0) {
      return this.zeroArgSuper(scope, e);
    }
    try {
      return await this.callValue(fn, args, kwargs);
    } catch (err) {
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        const re = pyError('RecursionError', 'maximum recursion depth exceeded');
        this.mark(re, e);
        throw re;
      }
      if (err instanceof RangeError && /BigInt/.test(err.message)) {
        const me = pyError('MemoryError', '');
        this.mark(me, e);
        throw me;
      }
      this.mark(err, e);
      throw err;
    }
  }

  private marked(err: TorchError, node: N.Span): TorchError {
    this.mark(err, node);
    return err;
  }

  private zeroArgSuper(scope: Scope, e: N.Call): Value {
    const frame = scope.frame;
    if (!frame || !frame.fn.definingClass) throw this.marked(pyError('RuntimeError', 'super(): no arguments'), e);
    const first = frame.fn.params[0];
    const self = first ? scope.vars.get(first.name.name) : undefined;
    if (self === undefined) throw this.marked(pyError('RuntimeError', 'super(): no arguments'), e);
    return new PySuper(frame.fn.definingClass, self);
  }

  /** A user class's operator method (__add__ / __radd__ ...), or undefined to fall back to the builtin rules. */
  private async userBinary(op: N.BinaryOperator, l: Value, r: Value): Promise<Value | undefined> {
    const name = BINARY_DUNDER[op];
    if (!name) return undefined;
    const tryCall = async (self: Value, other: Value, method: string): Promise<Value | undefined> => {
      if (!(self instanceof PyInstance)) return undefined;
      const f = self.cls.lookup(method);
      if (!(f instanceof PyFunction)) return undefined;
      const v = await this.callValue(f, [self, other]);
      return v === NOT_IMPLEMENTED ? undefined : v;
    };
    return (await tryCall(l, r, `__${name}__`)) ?? (await tryCall(r, l, `__r${name}__`));
  }

  async compareValues(op: '<' | '>' | '==', a: Value, b: Value): Promise<Value> {
    const u = (a instanceof PyInstance || b instanceof PyInstance) ? await this.userCompare(op, a, b) : undefined;
    return u !== undefined ? u : this.compare(op, a, b);
  }

  async addValues(a: Value, b: Value): Promise<Value> {
    const u = (a instanceof PyInstance || b instanceof PyInstance) ? await this.userBinary('+', a, b) : undefined;
    return u !== undefined ? u : binaryOp('+', a, b, false);
  }

  private async userCompare(op: N.CompareOperator, l: Value, r: Value): Promise<Value | undefined> {
    if (op === '!=' && l instanceof PyInstance && !(l.cls.lookup('__ne__') instanceof PyFunction) && l.cls.lookup('__eq__') instanceof PyFunction) {
      const eq = await this.userCompare('==', l, r);
      return eq === undefined ? undefined : !truthy(eq);
    }
    const pair = COMPARE_DUNDER[op];
    if (!pair) return undefined;
    for (const [self, other, method] of [[l, r, pair[0]], [r, l, pair[1]]] as [Value, Value, string][]) {
      if (!(self instanceof PyInstance)) continue;
      const f = self.cls.lookup(method);
      if (f instanceof PyFunction) {
        const v = await this.callValue(f, [self, other]);
        if (v !== NOT_IMPLEMENTED) return v;
      }
    }
    return undefined;
  }

  async call(fn: Value, args: Value[], kwargs: Kwargs = []): Promise<Value> {
    return this.callValue(fn, args, kwargs);
  }

  async callValue(fn: Value, args: Value[], kwargs: Kwargs = []): Promise<Value> {
    if (fn instanceof PyBuiltin) return fn.fn(args, kwargs, this);
    if (fn instanceof PyFunction) return this.callFunction(fn, args, kwargs);
    if (fn instanceof PyBoundMethod) return this.callValue(fn.func, [fn.self, ...args], kwargs);
    if (fn instanceof PyClass) return this.instantiate(fn, args, kwargs);
    if (fn instanceof PyInstance) {
      const call = fn.cls.lookup('__call__');
      if (call !== undefined) return this.callValue(call, [fn, ...args], kwargs);
    }
    if (fn instanceof PyUnsupported) throw pyError('NotImplementedError', fn.advice);
    throw pyError('TypeError', `'${typeName(fn)}' object is not callable`);
  }

  private async instantiate(cls: PyClass, args: Value[], kwargs: Kwargs): Promise<Value> {
    const direct = cls.native?.construct;
    if (direct) return direct(cls, args, kwargs, this);
    const inst = new PyInstance(cls);
    const init = cls.lookup('__init__');
    if (init === undefined) {
      if (args.length || kwargs.length) throw pyError('TypeError', `${cls.name}() takes no arguments`);
      return inst;
    }
    const r = await this.callValue(init, [inst, ...args], kwargs);
    if (r !== null) throw pyError('TypeError', `__init__() should return None, not '${typeName(r)}'`);
    return inst;
  }

  private async makeFunction(name: string, params: N.Param[], body: N.Stmt[] | N.Expr, scope: Scope): Promise<PyFunction> {
    const defaults: (Value | undefined)[] = [];
    for (const p of params) defaults.push(p.default ? await this.ev(p.default, scope) : undefined);
    const qual = scope.isClassBody && scope.className
      ? `${scope.classQual ?? scope.className}.${name}`
      : scope.frame ? `${scope.frame.fn.qualname}.<locals>.${name}` : name;
    const fn = new PyFunction(name, params, defaults, body, scope.isClassBody ? skipClass(scope) : scope, qual);
    fnTag.set(fn, this.currentTag);
    return fn;
  }

  private signatureOf(fn: PyFunction): Signature {
    let sig = sigCache.get(fn);
    if (!sig) {
      let kwonly = false;
      sig = {
        qualname: fn.qualname,
        params: fn.params.map((p, i) => {
          if (p.star === '*') { kwonly = true; return { name: p.name.name, kind: 'varargs' as const }; }
          if (p.star === '**') return { name: p.name.name, kind: 'varkw' as const };
          const d = fn.defaults[i];
          return { name: p.name.name, default: d === undefined ? REQUIRED : d, kind: kwonly ? 'kwonly' as const : 'pos' as const };
        }),
      };
      sigCache.set(fn, sig);
    }
    return sig;
  }

  async callFunction(fn: PyFunction, args: Value[], kwargs: Kwargs): Promise<Value> {
    const bound = bindArgs(this.signatureOf(fn), args, kwargs);
    const scope = new Scope(fn.closure);
    scope.frame = { fn };
    for (const p of fn.params) {
      if (p.star === '*') scope.vars.set(p.name.name, new PyTuple(bound.varargs));
      else if (p.star === '**') {
        const d = new PyDict();
        for (const [k, v] of bound.varkw) d.map.set(hashKey(k), [k, v]);
        scope.vars.set(p.name.name, d);
      } else scope.vars.set(p.name.name, bound.values.get(p.name.name)!);
    }
    if (this.depth >= this.recursionLimit) throw pyError('RecursionError', 'maximum recursion depth exceeded');
    this.depth++;
    const savedTag = this.currentTag;
    this.currentTag = fnTag.get(fn) ?? savedTag;
    try {
      if (!Array.isArray(fn.body)) return await this.ev(fn.body, scope);
      scope.localNames = localNamesOf(fn.body);
      const sig = await this.execBlock(fn.body, scope);
      return sig && sig.kind === 'return' ? sig.value : null;
    } finally {
      this.depth--;
      this.currentTag = savedTag;
    }
  }
}

const sigCache = new WeakMap<PyFunction, Signature>();

const BINARY_DUNDER: Partial<Record<N.BinaryOperator, string>> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow', '@': 'matmul',
  '&': 'and', '|': 'or', '^': 'xor', '<<': 'lshift', '>>': 'rshift',
};
const COMPARE_DUNDER: Partial<Record<N.CompareOperator, [string, string]>> = {
  '==': ['__eq__', '__eq__'], '!=': ['__ne__', '__ne__'], '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'],
  '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'],
};
/** Python's NotImplemented (returned by operator methods to decline). */
export const NOT_IMPLEMENTED = 'NotImplemented\u0000' as Value;
const fnTag = new WeakMap<PyFunction, object>();

function skipClass(scope: Scope): Scope {
  let s: Scope = scope;
  while (s.isClassBody && s.parent) s = s.parent;
  return s;
}

function attrName(e: N.Attribute): string {
  if (e.attr.kind === 'Missing') throw pyError('SyntaxError', 'invalid syntax');
  return e.attr.name;
}

function calleeName(fn: Value): string {
  if (fn instanceof PyBuiltin || fn instanceof PyFunction) return fn.name;
  if (fn instanceof PyClass) return fn.name;
  return typeName(fn);
}

/** The names a function body binds (so reading one before assignment is UnboundLocalError). */
function localNamesOf(body: N.Stmt[]): Set<string> {
  let set = localsCache.get(body);
  if (set) return set;
  set = new Set();
  const globals = new Set<string>();
  const target = (t: N.Expr) => {
    if (t.kind === 'Name') set!.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach(target);
    else if (t.kind === 'Starred') target(t.value);
  };
  const walk = (stmts: N.Stmt[]) => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'Assign': s.targets.forEach(target); break;
        case 'AugAssign': case 'AnnAssign': target(s.target); break;
        case 'For': target(s.target); walk(s.body); walk(s.orelse); break;
        case 'While': walk(s.body); walk(s.orelse); break;
        case 'If': walk(s.body); walk(s.orelse); break;
        case 'FunctionDef': case 'ClassDef': set!.add(s.name.name); break;
        case 'Import': case 'ImportFrom':
          for (const a of s.names) set!.add(a.asname?.name ?? a.name.split('.')[0]);
          break;
        case 'Try':
          walk(s.body); walk(s.orelse); walk(s.finalbody);
          for (const h of s.handlers) { if (h.name) set!.add(h.name.name); walk(h.body); }
          break;
        case 'With': walk(s.body); break;
        case 'Global': s.names.forEach((n) => globals.add(n.name)); break;
        default: break;
      }
    }
  };
  walk(body);
  for (const g of globals) set.delete(g);
  localsCache.set(body, set);
  return set;
}

export { exceptionClassFor };
export type { PyErrorType };
