// Methods of Python's builtin types: list, str, dict, tuple / torch.Size, float, int, dtype.

import {
  CallContext, Kwargs, PyBuiltin, PyDevice, PyDType, PyNamedTuple, PyDict, PyFloat, PyIterator, PyList, PySet, PyTuple, Value, hashKey,
  pyError, truthy, typeName,
} from '../values';
import { iterate, toArray } from '../iterate';
import { pyEquals } from '../operators';
import { repr } from '../repr';
import { bindArgs, sig } from '../args';
import { sortValues, strFormat } from './python';
import { isFloating, itemSize } from '../../../engine/dtype';

type Method = (self: any, args: Value[], kwargs: Kwargs, ctx: CallContext) => Value | Promise<Value>;

function exact(name: string, args: Value[], n: number): void {
  if (args.length !== n) {
    throw pyError('TypeError', n === 0
      ? `${name}() takes no arguments (${args.length} given)`
      : `${name}() takes exactly ${n === 1 ? 'one argument' : n + ' arguments'} (${args.length} given)`);
  }
}

const listMethods: Record<string, Method> = {
  append(self: PyList, args) { exact('list.append', args, 1); self.items.push(args[0]); return null; },
  extend(self: PyList, args) { exact('list.extend', args, 1); self.items.push(...toArray(args[0])); return null; },
  insert(self: PyList, args) {
    exact('insert', args, 2);
    let i = args[0] as number;
    const n = self.items.length;
    if (i < 0) i = Math.max(0, i + n);
    self.items.splice(Math.min(i, n), 0, args[1]);
    return null;
  },
  pop(self: PyList, args) {
    if (self.items.length === 0) throw pyError('IndexError', 'pop from empty list');
    let i = args.length ? (args[0] as number) : -1;
    if (i < 0) i += self.items.length;
    if (i < 0 || i >= self.items.length) throw pyError('IndexError', 'pop index out of range');
    return self.items.splice(i, 1)[0];
  },
  remove(self: PyList, args) {
    exact('list.remove', args, 1);
    const i = self.items.findIndex((x) => pyEquals(x, args[0]));
    if (i < 0) throw pyError('ValueError', 'list.remove(x): x not in list');
    self.items.splice(i, 1);
    return null;
  },
  index(self: PyList, args) {
    const i = self.items.findIndex((x) => pyEquals(x, args[0]));
    if (i < 0) throw pyError('ValueError', `${repr(args[0])} is not in list`);
    return i;
  },
  count(self: PyList, args) { return self.items.filter((x) => pyEquals(x, args[0])).length; },
  reverse(self: PyList) { self.items.reverse(); return null; },
  copy(self: PyList) { return new PyList(self.items.slice()); },
  clear(self: PyList) { self.items.length = 0; return null; },
  async sort(self: PyList, args, kwargs, ctx) {
    if (args.length) throw pyError('TypeError', 'sort() takes no positional arguments');
    const b = bindArgs({ qualname: 'sort', params: [{ name: 'key', default: null, kind: 'kwonly' }, { name: 'reverse', default: false, kind: 'kwonly' }] }, [], kwargs);
    self.items = await sortValues(self.items.slice(), b.values.get('key')!, truthy(b.values.get('reverse')!), ctx);
    return null;
  },
};

const tupleMethods: Record<string, Method> = {
  index(self: PyTuple, args) {
    const i = self.items.findIndex((x) => pyEquals(x, args[0]));
    if (i < 0) throw pyError('ValueError', 'tuple.index(x): x not in tuple');
    return i;
  },
  count(self: PyTuple, args) { return self.items.filter((x) => pyEquals(x, args[0])).length; },
};

const sizeMethods: Record<string, Method> = {
  ...tupleMethods,
  numel(self: PyTuple) { return self.items.reduce((a: number, b) => a * (b as number), 1); },
};

function strArg(name: string, v: Value): string {
  if (typeof v !== 'string') throw pyError('TypeError', `${name} arg must be None or str`);
  return v;
}

function stripChars(s: string, chars: Value, left: boolean, right: boolean): string {
  const set = chars === null || chars === undefined ? ' \t\n\r\x0b\x0c' : strArg('strip', chars);
  let a = 0, b = s.length;
  if (left) while (a < b && set.includes(s[a])) a++;
  if (right) while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

const strMethods: Record<string, Method> = {
  join(self: string, args) {
    exact('str.join', args, 1);
    const parts = toArray(args[0]);
    parts.forEach((p, i) => {
      if (typeof p !== 'string') throw pyError('TypeError', `sequence item ${i}: expected str instance, ${typeName(p)} found`);
    });
    return parts.join(self);
  },
  split(self: string, args, kwargs) {
    const b = bindArgs(sig('split', ['sep', null], ['maxsplit', -1]), args, kwargs);
    const sep = b.values.get('sep')!, max = b.values.get('maxsplit') as number;
    if (sep === null) {
      const parts = self.trim().split(/\s+/).filter((x) => x !== '');
      if (max >= 0 && parts.length > max + 1) {
        const re = /\S+/g;
        const out: string[] = [];
        let m: RegExpExecArray | null;
        while ((m = re.exec(self)) && out.length < max) out.push(m[0]);
        out.push(self.slice(re.lastIndex).replace(/^\s+/, '').replace(/\s+$/, ''));
        return new PyList(out);
      }
      return new PyList(parts);
    }
    const s = strArg('split', sep);
    if (s === '') throw pyError('ValueError', 'empty separator');
    const parts = self.split(s);
    if (max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(s)]);
    return new PyList(parts);
  },
  strip(self: string, args) { return stripChars(self, args[0] ?? null, true, true); },
  lstrip(self: string, args) { return stripChars(self, args[0] ?? null, true, false); },
  rstrip(self: string, args) { return stripChars(self, args[0] ?? null, false, true); },
  upper(self: string) { return self.toUpperCase(); },
  lower(self: string) { return self.toLowerCase(); },
  title(self: string) { return self.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()); },
  capitalize(self: string) { return self ? self[0].toUpperCase() + self.slice(1).toLowerCase() : self; },
  replace(self: string, args) {
    const [a, b, n] = args as [string, string, number?];
    if (n === undefined || n < 0) return self.split(a).join(b);
    let out = self;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const k = out.indexOf(a, from);
      if (k < 0) break;
      out = out.slice(0, k) + b + out.slice(k + a.length);
      from = k + b.length;
    }
    return out;
  },
  startswith(self: string, args) {
    const p = args[0];
    if (p instanceof PyTuple) return p.items.some((x) => self.startsWith(x as string));
    return self.startsWith(strArg('startswith', p));
  },
  endswith(self: string, args) {
    const p = args[0];
    if (p instanceof PyTuple) return p.items.some((x) => self.endsWith(x as string));
    return self.endsWith(strArg('endswith', p));
  },
  find(self: string, args) { return self.indexOf(strArg('find', args[0])); },
  rfind(self: string, args) { return self.lastIndexOf(strArg('rfind', args[0])); },
  index(self: string, args) {
    const i = self.indexOf(strArg('index', args[0]));
    if (i < 0) throw pyError('ValueError', 'substring not found');
    return i;
  },
  count(self: string, args) {
    const s = strArg('count', args[0]);
    if (s === '') return self.length + 1;
    return self.split(s).length - 1;
  },
  center(self: string, args) {
    const w = args[0] as number, f = (args[1] as string) ?? ' ';
    const total = Math.max(0, w - self.length);
    const left = Math.floor(total / 2) + (total & w & 1);
    return f.repeat(left) + self + f.repeat(total - left);
  },
  ljust(self: string, args) { return self + ((args[1] as string) ?? ' ').repeat(Math.max(0, (args[0] as number) - self.length)); },
  rjust(self: string, args) { return ((args[1] as string) ?? ' ').repeat(Math.max(0, (args[0] as number) - self.length)) + self; },
  zfill(self: string, args) {
    const w = args[0] as number;
    const sign = self[0] === '-' || self[0] === '+' ? self[0] : '';
    const body = sign ? self.slice(1) : self;
    return sign + '0'.repeat(Math.max(0, w - self.length)) + body;
  },
  isdigit(self: string) { return /^\d+$/.test(self); },
  isalpha(self: string) { return /^[A-Za-z]+$/.test(self); },
  isspace(self: string) { return /^\s+$/.test(self); },
  splitlines(self: string) { return new PyList(self.split(/\r?\n/).filter((x, i, a) => i < a.length - 1 || x !== '')); },
  format(self: string, args, kwargs, ctx) { return strFormat(self, args, kwargs, ctx); },
  encode() { throw pyError('NotImplementedError', 'poolnb: bytes are not part of PoolScript'); },
};

const dictMethods: Record<string, Method> = {
  keys(self: PyDict) { return new PyList([...self.map.values()].map(([k]) => k)); },
  values(self: PyDict) { return new PyList([...self.map.values()].map(([, v]) => v)); },
  items(self: PyDict) { return new PyList([...self.map.values()].map(([k, v]) => new PyTuple([k, v]))); },
  get(self: PyDict, args) { const e = self.map.get(hashKey(args[0])); return e ? e[1] : (args[1] ?? null); },
  pop(self: PyDict, args) {
    const h = hashKey(args[0]);
    const e = self.map.get(h);
    if (!e) {
      if (args.length > 1) return args[1];
      throw pyError('KeyError', repr(args[0]));
    }
    self.map.delete(h);
    return e[1];
  },
  setdefault(self: PyDict, args) {
    const h = hashKey(args[0]);
    const e = self.map.get(h);
    if (e) return e[1];
    self.map.set(h, [args[0], args[1] ?? null]);
    return args[1] ?? null;
  },
  update(self: PyDict, args, kwargs) {
    if (args.length) {
      const src = args[0];
      if (src instanceof PyDict) for (const [k, v] of src.map) self.map.set(k, v);
      else for (const pair of iterate(src)) { const kv = toArray(pair); self.map.set(hashKey(kv[0]), [kv[0], kv[1]]); }
    }
    for (const [k, v] of kwargs) self.map.set(hashKey(k), [k, v]);
    return null;
  },
  copy(self: PyDict) { const d = new PyDict(); for (const [k, v] of self.map) d.map.set(k, v); return d; },
  clear(self: PyDict) { self.map.clear(); return null; },
};

const setMethods: Record<string, Method> = {
  add(self: PySet, args) { self.map.set(hashKey(args[0]), args[0]); return null; },
  discard(self: PySet, args) { self.map.delete(hashKey(args[0])); return null; },
  remove(self: PySet, args) { if (!self.map.delete(hashKey(args[0]))) throw pyError('KeyError', repr(args[0])); return null; },
};

const floatMethods: Record<string, Method> = {
  is_integer(self: PyFloat) { return Number.isInteger(self.v); },
  __round__(self: PyFloat) { return Math.round(self.v); },
};

const intMethods: Record<string, Method> = {
  bit_length(self: number) { return self === 0 ? 0 : Math.floor(Math.log2(Math.abs(self))) + 1; },
};

function table(obj: Value): Record<string, Method> | undefined {
  if (obj instanceof PyList) return listMethods;
  if (typeof obj === 'string') return strMethods;
  if (obj instanceof PyTuple) return obj.isSize ? sizeMethods : tupleMethods;
  if (obj instanceof PyDict) return dictMethods;
  if (obj instanceof PySet) return setMethods;
  if (obj instanceof PyFloat) return floatMethods;
  if (typeof obj === 'number') return intMethods;
  return undefined;
}

/** `obj.name` for builtin-typed values (a bound method), or undefined. */
export function builtinMethod(obj: Value, name: string): Value | undefined {
  if (obj instanceof PyDType) {
    if (name === 'is_floating_point') return isFloating(obj.dtype);
    if (name === 'itemsize') return itemSize(obj.dtype);
    return undefined;
  }
  if (obj instanceof PyDevice) {
    if (name === 'type') return obj.type;
    if (name === 'index') return obj.index;
    return undefined;
  }
  if (obj instanceof PyNamedTuple) {
    const i = obj.fields.indexOf(name);
    if (i >= 0) return obj.items[i];
  }
  if (obj instanceof PyFloat) {
    if (name === 'real') return obj;
    if (name === 'imag') return new PyFloat(0);
  }
  if (obj instanceof PyIterator && name === '__next__') {
    return new PyBuiltin('__next__', () => {
      const v = obj.next();
      if (v === undefined) throw pyError('StopIteration', '');
      return v;
    });
  }
  const t = table(obj);
  const m = t && Object.prototype.hasOwnProperty.call(t, name) ? t[name] : undefined;
  if (!m) return undefined;
  const owner = typeName(obj);
  return new PyBuiltin(name, (args, kwargs, ctx) => m(obj, args, kwargs, ctx), `${owner}.${name}`);
}

