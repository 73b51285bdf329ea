// Python's builtins namespace: print, range, len, the type constructors, min/max/sum,
// round (banker's rounding), enumerate, zip, isinstance, super, exceptions ...

import { Tensor } from '../../../engine/tensor';
import { isFloating } from '../../../engine/dtype';
import * as ew from '../../../engine/ops/elementwise';
import {
  CallContext, Kwargs, NativeFn, PyBoundMethod, PyBuiltin, PyClass, PyDict, PyEllipsis, PyFloat, PyFunction,
  PyInstance, PyIterator, PyList, PyMethodWrapper, PyModule, PyRange, PySet, PySlice, PySuper, PyTuple, Value,
  hashKey, objectId, pyError, truthy, typeName,
} from '../values';
import { REQUIRED, bindArgs, sig } from '../args';
import { iterate, toArray } from '../iterate';
import { binaryOp } from '../operators';
import { repr, str } from '../repr';
import { formatValue } from '../formatting';
import { getAttr, hasAttr, setAttr } from '../attributes';
import { makeExceptionClasses } from '../exceptions';

export interface Builtins {
  /** the builtins namespace (what a name resolves to when no scope has it) */
  names: Map<string, Value>;
  object: PyClass;
  superFn: PyBuiltin;
  exceptions: Map<string, PyClass>;
  /** importable modules by dotted name ('torch', 'torch.nn', 'torch.nn.functional', ...) */
  modules: Map<string, PyModule>;
  /** Python type constructors by name, for isinstance / type() */
  types: Map<string, PyClass>;
  /** the class of a value (type(x)) */
  classOf(v: Value): PyClass;
}

const fn = (name: string, f: NativeFn) => new PyBuiltin(name, f);

function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs.length) throw pyError('TypeError', `${name}() takes no keyword arguments`);
}

function argCount(name: string, args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) {
      throw pyError('TypeError', `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${args.length} given)`);
    }
    if (args.length < min) throw pyError('TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    throw pyError('TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

/** Python int(x) of a number-like value. */
export function toInt(v: Value, base?: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.v)) throw pyError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v.v)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(v.v) + 0;
  }
  if (typeof v === 'string') {
    const b = base ?? 10;
    const s = v.trim().replace(/_/g, '');
    const re = b === 10 ? /^[+-]?\d+$/ : b === 16 ? /^[+-]?(0x)?[0-9a-f]+$/i : b === 2 ? /^[+-]?(0b)?[01]+$/i : b === 8 ? /^[+-]?(0o)?[0-7]+$/i : /^[+-]?[0-9a-z]+$/i;
    if (!re.test(s) || v.trim() === '') throw pyError('ValueError', `invalid literal for int() with base ${b}: ${repr(v)}`);
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '').replace(/^0[xbo]/i, '');
    const n = parseInt(body, b);
    if (Number.isNaN(n)) throw pyError('ValueError', `invalid literal for int() with base ${b}: ${repr(v)}`);
    return neg ? -n : n;
  }
  if (v instanceof Tensor) {
    if (v.numel !== 1) throw pyError('ValueError', 'only one element tensors can be converted to Python scalars');
    const x = v.item();
    if (Number.isNaN(x)) throw pyError('ValueError', 'cannot convert float NaN to integer');
    return Math.trunc(x) + 0;
  }
  throw pyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

export function toFloat(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/_/g, '').toLowerCase();
    if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(s)) return NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return parseFloat(s);
    throw pyError('ValueError', `could not convert string to float: ${repr(v)}`);
  }
  if (v instanceof Tensor) {
    if (v.numel !== 1) throw pyError('ValueError', 'only one element tensors can be converted to Python scalars');
    return v.item();
  }
  throw pyError('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** round(x, n) for floats, with CPython's correctly rounded half-even result. */
export function roundFloat(x: number, nd: number): number {
  if (!Number.isFinite(x)) return x;
  if (nd > 22) return x;
  if (nd < 0) {
    const p = Math.pow(10, -nd);
    return roundHalfEven(x / p) * p;
  }
  const exact = x.toFixed(Math.min(100, nd + 60));
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + nd);
  if (/^50*$/.test(tail)) {
    // An exact tie: round to the even neighbour.
    const kept = exact.slice(0, dot + 1 + nd).replace(/\.$/, '');
    const lastDigit = parseInt(kept[kept.length - 1], 10);
    if (lastDigit % 2 === 0) return parseFloat(kept);
  }
  return parseFloat(x.toFixed(nd));
}

export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function pyLen(v: Value): number {
  if (typeof v === 'string') return [...v].length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.map.size;
  if (v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof Tensor) {
    if (v.ndim === 0) throw pyError('TypeError', 'len() of a 0-d tensor');
    return v.shape[0];
  }
  if (v instanceof PyInstance && v.module) {
    const lenFn = v.cls.lookup('__len__');
    if (lenFn instanceof PyBuiltin) return lenFn.fn([v], [], undefined as never) as number;
  }
  throw pyError('TypeError', `object of type '${typeName(v)}' has no len()`);
}

async function minMax(name: 'min' | 'max', args: Value[], kwargs: Kwargs, ctx: CallContext): Promise<Value> {
  let key: Value = null;
  let dflt: Value | undefined;
  for (const [k, v] of kwargs) {
    if (k === 'key') key = v;
    else if (k === 'default') dflt = v;
    else throw pyError('TypeError', `'${k}' is an invalid keyword argument for ${name}()`);
  }
  if (args.length === 0) throw pyError('TypeError', `${name} expected at least 1 argument, got 0`);
  let items: Value[];
  if (args.length === 1) {
    items = toArray(args[0]);
    if (items.length === 0) {
      if (dflt !== undefined) return dflt;
      throw pyError('ValueError', `${name}() arg is an empty sequence`);
    }
  } else {
    if (dflt !== undefined) throw pyError('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  let best = items[0];
  let bestKey = key !== null ? await ctx.call(key, [best]) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key !== null ? await ctx.call(key, [items[i]]) : items[i];
    const better = truthy(await ctx.compareValues(name === 'max' ? '>' : '<', k, bestKey));
    if (better) { best = items[i]; bestKey = k; }
  }
  return best;
}

/** CPython's str.format for `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`, `:spec`. */
export async function strFormat(fmt: string, args: Value[], kwargs: Kwargs, ctx: CallContext): Promise<string> {
  let out = '';
  let auto = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i += 2; continue; }
      let depth = 1, j = i + 1;
      while (j < fmt.length && depth > 0) { if (fmt[j] === '{') depth++; else if (fmt[j] === '}') depth--; j++; }
      if (depth > 0) throw pyError('ValueError', "Single '{' encountered in format string");
      const field = fmt.slice(i + 1, j - 1);
      i = j;
      const m = /^([^!:.[]*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (!m) throw pyError('ValueError', 'unmatched format field');
      const [, head, chain, conv, specRaw] = m;
      let v: Value;
      if (head === '') {
        if (auto >= args.length) throw pyError('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(head)) {
        const k = parseInt(head, 10);
        if (k >= args.length) throw pyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
        v = args[k];
      } else {
        const kv = kwargs.find(([n]) => n === head);
        if (!kv) throw pyError('KeyError', repr(head));
        v = kv[1];
      }
      for (const part of chain.match(/\.[A-Za-z_]\w*|\[[^\]]*\]/g) ?? []) {
        if (part.startsWith('.')) v = await getAttr(v, part.slice(1), ctx);
        else {
          const key = part.slice(1, -1);
          const { getItem } = await import('../subscript');
          v = getItem(v, /^\d+$/.test(key) ? parseInt(key, 10) : key);
        }
      }
      const spec = specRaw ? await strFormat(specRaw, args, kwargs, ctx) : '';
      if (conv === 'r' || conv === 'a') v = repr(v);
      else if (conv === 's') v = str(v);
      out += formatValue(v, spec);
    } else if (c === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i += 2; continue; }
      throw pyError('ValueError', "Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function makePythonBuiltins(): Builtins {
  const names = new Map<string, Value>();
  const types = new Map<string, PyClass>();
  const exceptions = makeExceptionClasses();
  const object = new PyClass('object', [], undefined, 'builtins');
  object.dict.set('__init__', fn('__init__', () => null));
  types.set('object', object);

  const typeClass = (name: string, construct: (args: Value[], kwargs: Kwargs, ctx: CallContext) => Value | Promise<Value>) => {
    const c = new PyClass(name, [object], { construct: (_cls, args, kwargs, ctx) => construct(args, kwargs, ctx) }, 'builtins');
    types.set(name, c);
    names.set(name, c);
    return c;
  };

  typeClass('int', (args, kwargs) => {
    noKwargs('int', kwargs.filter(([k]) => k !== 'base'));
    if (args.length === 0) return 0;
    const base = kwargs.find(([k]) => k === 'base')?.[1] ?? args[1];
    if (base !== undefined && typeof args[0] !== 'string') throw pyError('TypeError', "int() can't convert non-string with explicit base");
    return toInt(args[0], base === undefined ? undefined : (base as number));
  });
  typeClass('float', (args, kwargs) => {
    noKwargs('float', kwargs);
    argCount('float', args, 0, 1);
    return new PyFloat(args.length ? toFloat(args[0]) : 0);
  });
  const boolCls = typeClass('bool', (args, kwargs) => {
    noKwargs('bool', kwargs);
    return args.length ? truthy(args[0]) : false;
  });
  // bool derives from int (set before any mro() is asked for)
  boolCls.bases.splice(0, 1, types.get('int')!);
  typeClass('str', (args, kwargs, ctx) => {
    noKwargs('str', kwargs);
    return args.length ? ctx.strOf(args[0]) : '';
  });
  typeClass('list', (args, kwargs) => {
    noKwargs('list', kwargs);
    argCount('list', args, 0, 1);
    return new PyList(args.length ? toArray(args[0]) : []);
  });
  typeClass('tuple', (args, kwargs) => {
    noKwargs('tuple', kwargs);
    argCount('tuple', args, 0, 1);
    return new PyTuple(args.length ? toArray(args[0]) : []);
  });
  typeClass('dict', (args, kwargs) => {
    const d = new PyDict();
    if (args.length) {
      const src = args[0];
      if (src instanceof PyDict) for (const [k, v] of src.map) d.map.set(k, v);
      else {
        for (const pair of iterate(src)) {
          const kv = toArray(pair);
          if (kv.length !== 2) throw pyError('ValueError', `dictionary update sequence element #0 has length ${kv.length}; 2 is required`);
          d.map.set(hashKey(kv[0]), [kv[0], kv[1]]);
        }
      }
    }
    for (const [k, v] of kwargs) d.map.set(hashKey(k), [k, v]);
    return d;
  });
  typeClass('set', (args) => {
    const s = new PySet();
    if (args.length) for (const v of iterate(args[0])) s.map.set(hashKey(v), v);
    return s;
  });
  typeClass('range', (args, kwargs) => {
    noKwargs('range', kwargs);
    if (args.length === 0) throw pyError('TypeError', 'range expected at least 1 argument, got 0');
    if (args.length > 3) throw pyError('TypeError', `range expected at most 3 arguments, got ${args.length}`);
    const ints = args.map((a) => {
      if (typeof a === 'number') return a;
      if (typeof a === 'boolean') return a ? 1 : 0;
      if (a instanceof Tensor && a.numel === 1 && !isFloating(a.dtype)) return a.item();
      throw pyError('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
    });
    const [start, stop, step] = ints.length === 1 ? [0, ints[0], 1] : [ints[0], ints[1], ints[2] ?? 1];
    if (step === 0) throw pyError('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(start, stop, step);
  });
  typeClass('slice', (args) => {
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0] ?? null, args[1] ?? null, args[2] ?? null);
  });
  typeClass('type', (args, _kw) => {
    argCount('type', args, 1, 1);
    return classOf(args[0]);
  });
  names.set('object', object);
  for (const [n, c] of exceptions) names.set(n, c);
  names.set('Ellipsis', PyEllipsis.instance);
  names.set('__name__', '__main__');
  for (const kind of ['staticmethod', 'classmethod', 'property'] as const) {
    names.set(kind, fn(kind, (args) => {
      if (args.length < 1) throw pyError('TypeError', `${kind} expected 1 argument, got 0`);
      return new PyMethodWrapper(kind, args[0], kind === 'property' ? args[1] ?? null : null);
    }));
  }
  names.set('NotImplemented', 'NotImplemented\u0000');

  const superFn = fn('super', (args) => {
    if (args.length !== 2) throw pyError('RuntimeError', 'super(): no arguments');
    const [cls, self] = args;
    if (!(cls instanceof PyClass)) throw pyError('TypeError', `super() argument 1 must be type, not ${typeName(cls)}`);
    if (!(self instanceof PyInstance) || !self.cls.isSubclassOf(cls)) {
      throw pyError('TypeError', 'super(type, obj): obj must be an instance or subtype of type');
    }
    return new PySuper(cls, self);
  });
  names.set('super', superFn);

  names.set('print', fn('print', async (args, kwargs, ctx) => {
    let sep = ' ', end = '\n';
    for (const [k, v] of kwargs) {
      if (k === 'sep') {
        if (v !== null && typeof v !== 'string') throw pyError('TypeError', `sep must be None or a string, not ${typeName(v)}`);
        sep = v ?? ' ';
      } else if (k === 'end') {
        if (v !== null && typeof v !== 'string') throw pyError('TypeError', `end must be None or a string, not ${typeName(v)}`);
        end = v ?? '\n';
      } else if (k === 'flush' || k === 'file') {
        if (k === 'file' && v !== null) throw pyError('NotImplementedError', 'poolnb: print(file=...) is not part of PoolScript (no file access)');
      } else {
        throw pyError('TypeError', `'${k}' is an invalid keyword argument for print()`);
      }
    }
    const parts: string[] = [];
    for (const a of args) parts.push(await ctx.strOf(a));
    ctx.write(parts.join(sep) + end);
    return null;
  }));
  names.set('len', fn('len', async (args, kwargs, ctx) => {
    noKwargs('len', kwargs);
    argCount('len', args, 1, 1);
    const v = args[0];
    const user = v instanceof PyInstance ? v.cls.lookup('__len__') : undefined;
    if (user instanceof PyFunction) {
      const n = await ctx.call(user, [v]);
      if (typeof n !== 'number') throw pyError('TypeError', `'${typeName(n)}' object cannot be interpreted as an integer`);
      if (n < 0) throw pyError('ValueError', '__len__() should return >= 0');
      return n;
    }
    return pyLen(v);
  }));
  names.set('repr', fn('repr', (args, _k, ctx) => { argCount('repr', args, 1, 1); return ctx.reprOf(args[0]); }));
  names.set('abs', fn('abs', (args) => {
    argCount('abs', args, 1, 1);
    const v = args[0];
    if (typeof v === 'number') return Math.abs(v);
    if (typeof v === 'bigint') return v < 0n ? -v : v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof PyFloat) return new PyFloat(Math.abs(v.v));
    if (v instanceof Tensor) return ew.abs(v);
    throw pyError('TypeError', `bad operand type for abs(): '${typeName(v)}'`);
  }));
  names.set('min', fn('min', (a, k, c) => minMax('min', a, k, c)));
  names.set('max', fn('max', (a, k, c) => minMax('max', a, k, c)));
  names.set('sum', fn('sum', async (args, kwargs, ctx) => {
    const b = bindArgs(sig('sum', 'iterable', ['start', 0]), args, kwargs);
    let acc: Value = b.values.get('start')!;
    if (typeof acc === 'string') throw pyError('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    for (const v of toArray(b.values.get('iterable')!)) {
      acc = acc instanceof PyInstance || v instanceof PyInstance ? await ctx.addValues(acc, v) : binaryOp('+', acc, v, false);
    }
    return acc;
  }));
  names.set('round', fn('round', (args, kwargs) => {
    const b = bindArgs(sig('round', 'number', ['ndigits', null]), args, kwargs);
    const x = b.values.get('number')!, nd = b.values.get('ndigits')!;
    if (x instanceof Tensor) throw pyError('TypeError', "type Tensor doesn't define __round__ method");
    if (typeof x === 'number' || typeof x === 'boolean') {
      const n = typeof x === 'boolean' ? (x ? 1 : 0) : x;
      if (nd === null) return n;
      const k = toInt(nd);
      if (k >= 0) return n;
      const p = Math.pow(10, -k);
      return roundHalfEven(n / p) * p;
    }
    if (x instanceof PyFloat) {
      if (nd === null) {
        if (Number.isNaN(x.v)) throw pyError('ValueError', 'cannot convert float NaN to integer');
        if (!Number.isFinite(x.v)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
        return roundHalfEven(x.v) + 0;
      }
      return new PyFloat(roundFloat(x.v, toInt(nd)));
    }
    throw pyError('TypeError', `type ${typeName(x)} doesn't define __round__ method`);
  }));
  names.set('enumerate', fn('enumerate', (args, kwargs) => {
    const b = bindArgs(sig('enumerate', 'iterable', ['start', 0]), args, kwargs);
    const start = toInt(b.values.get('start')!);
    return new PyIterator(toArray(b.values.get('iterable')!).map((v, i) => new PyTuple([start + i, v])), 'enumerate');
  }));
  names.set('zip', fn('zip', (args, kwargs) => {
    const strict = kwargs.find(([k]) => k === 'strict')?.[1] ?? false;
    const lists = args.map((a) => toArray(a));
    const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
    if (truthy(strict) && lists.some((l) => l.length !== n)) throw pyError('ValueError', 'zip() argument 2 is shorter than argument 1');
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(new PyTuple(lists.map((l) => l[i])));
    return new PyIterator(out, 'zip');
  }));
  names.set('reversed', fn('reversed', (args) => {
    argCount('reversed', args, 1, 1);
    const v = args[0];
    if (!(v instanceof PyList || v instanceof PyTuple || v instanceof PyRange || typeof v === 'string')) {
      throw pyError('TypeError', `'${typeName(v)}' object is not reversible`);
    }
    return new PyIterator(toArray(v).reverse(), 'list_reverseiterator');
  }));
  names.set('sorted', fn('sorted', async (args, kwargs, ctx) => {
    const b = bindArgs({ qualname: 'sorted', params: [{ name: 'iterable', default: REQUIRED }, { name: 'key', default: null, kind: 'kwonly' }, { name: 'reverse', default: false, kind: 'kwonly' }] }, args, kwargs);
    const items = toArray(b.values.get('iterable')!);
    return new PyList(await sortValues(items, b.values.get('key')!, truthy(b.values.get('reverse')!), ctx));
  }));
  names.set('any', fn('any', (args) => { argCount('any', args, 1, 1); for (const v of iterate(args[0])) if (truthy(v)) return true; return false; }));
  names.set('all', fn('all', (args) => { argCount('all', args, 1, 1); for (const v of iterate(args[0])) if (!truthy(v)) return false; return true; }));
  names.set('map', fn('map', async (args, _k, ctx) => {
    if (args.length < 2) throw pyError('TypeError', 'map() must have at least two arguments.');
    const lists = args.slice(1).map(toArray);
    const n = Math.min(...lists.map((l) => l.length));
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(await ctx.call(args[0], lists.map((l) => l[i])));
    return new PyIterator(out, 'map');
  }));
  names.set('filter', fn('filter', async (args, _k, ctx) => {
    argCount('filter', args, 2, 2);
    const out: Value[] = [];
    for (const v of iterate(args[1])) {
      if (args[0] === null ? truthy(v) : truthy(await ctx.call(args[0], [v]))) out.push(v);
    }
    return new PyIterator(out, 'filter');
  }));
  names.set('isinstance', fn('isinstance', (args) => {
    argCount('isinstance', args, 2, 2);
    return isInstance(args[0], args[1]);
  }));
  names.set('issubclass', fn('issubclass', (args) => {
    argCount('issubclass', args, 2, 2);
    const [c, t] = args;
    if (!(c instanceof PyClass)) throw pyError('TypeError', 'issubclass() arg 1 must be a class');
    const ts = t instanceof PyTuple ? t.items : [t];
    return ts.some((x) => x instanceof PyClass && c.isSubclassOf(x));
  }));
  names.set('hasattr', fn('hasattr', async (args, _k, ctx) => {
    argCount('hasattr', args, 2, 2);
    if (typeof args[1] !== 'string') throw pyError('TypeError', 'hasattr(): attribute name must be string');
    return hasAttr(args[0], args[1], ctx);
  }));
  names.set('getattr', fn('getattr', async (args, _k, ctx) => {
    argCount('getattr', args, 2, 3);
    if (typeof args[1] !== 'string') throw pyError('TypeError', 'getattr(): attribute name must be string');
    if (args.length === 3 && !(await hasAttr(args[0], args[1], ctx))) return args[2];
    return getAttr(args[0], args[1], ctx);
  }));
  names.set('setattr', fn('setattr', async (args, _k, ctx) => {
    argCount('setattr', args, 3, 3);
    if (typeof args[1] !== 'string') throw pyError('TypeError', "attribute name must be string, not '" + typeName(args[1]) + "'");
    await setAttr(args[0], args[1], args[2], ctx);
    return null;
  }));
  names.set('id', fn('id', (args) => {
    const v = args[0];
    return typeof v === 'object' && v !== null ? objectId(v) : objectId({ v });
  }));
  names.set('hash', fn('hash', (args) => {
    const v = args[0];
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    hashKey(v);
    return typeof v === 'object' && v !== null ? objectId(v) : 0;
  }));
  names.set('callable', fn('callable', (args) => {
    const v = args[0];
    return v instanceof PyBuiltin || v instanceof PyFunction || v instanceof PyBoundMethod || v instanceof PyClass ||
      (v instanceof PyInstance && (v.module !== undefined || v.cls.lookup('__call__') !== undefined));
  }));
  names.set('iter', fn('iter', (args) => { argCount('iter', args, 1, 1); return new PyIterator(toArray(args[0])); }));
  names.set('next', fn('next', (args) => {
    argCount('next', args, 1, 2);
    const it = args[0];
    if (!(it instanceof PyIterator)) throw pyError('TypeError', `'${typeName(it)}' object is not an iterator`);
    const v = it.next();
    if (v === undefined) {
      if (args.length === 2) return args[1];
      throw pyError('StopIteration', '');
    }
    return v;
  }));
  names.set('divmod', fn('divmod', (args) => {
    argCount('divmod', args, 2, 2);
    return new PyTuple([binaryOp('//', args[0], args[1], false), binaryOp('%', args[0], args[1], false)]);
  }));
  names.set('pow', fn('pow', (args) => {
    argCount('pow', args, 2, 3);
    const r = binaryOp('**', args[0], args[1], false);
    return args.length === 3 ? binaryOp('%', r, args[2], false) : r;
  }));
  names.set('chr', fn('chr', (args) => String.fromCodePoint(toInt(args[0]))));
  names.set('ord', fn('ord', (args) => {
    const s = args[0];
    if (typeof s !== 'string' || [...s].length !== 1) throw pyError('TypeError', `ord() expected a character, but string of length ${typeof s === 'string' ? s.length : 0} found`);
    return s.codePointAt(0)!;
  }));
  names.set('hex', fn('hex', (args) => { const n = toInt(args[0]); return (n < 0 ? '-0x' : '0x') + Math.abs(n).toString(16); }));
  names.set('bin', fn('bin', (args) => { const n = toInt(args[0]); return (n < 0 ? '-0b' : '0b') + Math.abs(n).toString(2); }));
  names.set('format', fn('format', (args) => { argCount('format', args, 1, 2); return formatValue(args[0], args.length > 1 ? str(args[1]) : ''); }));
  const refuse = (name: string, why: string) => names.set(name, fn(name, () => { throw pyError('NotImplementedError', `poolnb: ${name}() is not part of PoolScript (${why})`); }));
  refuse('open', 'no file access; load a picture with image(path)');
  refuse('input', 'a notebook cell cannot read from the keyboard');
  refuse('exec', 'code is written in cells');
  refuse('eval', 'code is written in cells');
  refuse('globals', 'not supported');
  refuse('locals', 'not supported');
  refuse('vars', 'not supported');
  refuse('dir', 'not supported');
  refuse('__import__', 'use an import statement');

  function classOf(v: Value): PyClass {
    if (v instanceof PyInstance) return v.cls;
    const t = typeName(v);
    const known = types.get(t);
    if (known) return known;
    let c = types.get('$' + t);
    if (!c) {
      c = new PyClass(t, [object], undefined, 'builtins');
      types.set('$' + t, c);
    }
    return c;
  }

  function isInstance(v: Value, t: Value): boolean {
    if (t instanceof PyTuple) return t.items.some((x) => isInstance(v, x));
    if (!(t instanceof PyClass)) throw pyError('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
    if (t === object) return true;
    // Python ints/floats are distinct, bool is an int, Parameters are Tensors.
    return classOf(v).isSubclassOf(t);
  }

  return { names, object, superFn, exceptions, modules: new Map(), types, classOf };
}

export async function sortValues(items: Value[], key: Value, reverse: boolean, ctx: CallContext): Promise<Value[]> {
  const keys: Value[] = [];
  for (const v of items) keys.push(key !== null ? await ctx.call(key, [v]) : v);
  const less = async (a: number, b: number) => truthy(await ctx.compareValues('<', keys[a], keys[b]));
  // A stable merge sort using only `<`, as CPython's sort does (reverse keeps equal items in order).
  const sort = async (idx: number[]): Promise<number[]> => {
    if (idx.length < 2) return idx;
    const mid = idx.length >> 1;
    const [l, r] = [await sort(idx.slice(0, mid)), await sort(idx.slice(mid))];
    const out: number[] = [];
    let i = 0, j = 0;
    while (i < l.length && j < r.length) {
      const takeRight = reverse ? await less(l[i], r[j]) : await less(r[j], l[i]);
      out.push(takeRight ? r[j++] : l[i++]);
    }
    return out.concat(l.slice(i), r.slice(j));
  };
  return (await sort(items.map((_, i) => i))).map((i) => items[i]);
}

