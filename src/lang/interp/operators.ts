// Python's operators on PoolScript values: int/float/bool arithmetic with CPython's
// results and messages, sequence concatenation/repetition, comparisons, and the
// tensor forms, which go to the engine's element-wise ops (broadcasting, promotion).

import type * as N from '../syntax/nodes';
import { Tensor } from '../../engine/tensor';
import { category, scalarTypeName } from '../../engine/dtype';
import * as ew from '../../engine/ops/elementwise';
import { Scalar, pyBool, pyFloat, pyInt } from '../../engine/ops/scalar';
import { copyInto } from './tensorUtil';
import { formatValue } from './formatting';
import { repr, str } from './repr';
import { track } from './autograd';

const BIN_GRAD: Partial<Record<N.BinaryOperator, string>> = {
  '+': 'AddBackward0', '-': 'SubBackward0', '*': 'MulBackward0', '/': 'DivBackward0', '**': 'PowBackward0',
};
import {
  MAX_ITEMS, PyDevice, PyDict, PyDType, PyFloat, PyList, PyRange, PySet, PyTuple, Value, hashKey, pyError, typeName,
} from './values';

const TYPE = 'TypeError';

/** A Python number operand as the engine's scalar (keeps int vs float vs bool). */
export function toScalar(v: Value): Scalar | undefined {
  if (typeof v === 'number') return pyInt(v);
  if (typeof v === 'bigint') return pyInt(Number(v));
  if (v instanceof PyFloat) return pyFloat(v.v);
  if (typeof v === 'boolean') return pyBool(v);
  return undefined;
}

type Num = number | bigint | boolean | PyFloat;
function isNum(v: Value): v is Num {
  return typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat || typeof v === 'bigint';
}
const numOf = (v: Num): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'bigint' ? Number(v) : v.v);
const isIntLike = (v: Value): v is number | boolean | bigint => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';
const bigOf = (v: number | boolean | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? (v ? 1 : 0) : v));
/** A Python int result: a JS number while exact, a bigint beyond 2^53. */
export const normInt = (v: bigint): number | bigint => (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);

/** Int arithmetic in arbitrary precision (Python ints), used when a result leaves the exact double range. */
function bigIntOp(op: N.BinaryOperator, l: number | boolean | bigint, r: number | boolean | bigint): Value | undefined {
  const a = bigOf(l), b = bigOf(r);
  switch (op) {
    case '+': return normInt(a + b);
    case '-': return normInt(a - b);
    case '*': return normInt(a * b);
    case '//': {
      if (b === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
      const q = a / b;
      return normInt((a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q);
    }
    case '%': {
      if (b === 0n) throw pyError('ZeroDivisionError', 'integer modulo by zero');
      const m = a % b;
      return normInt(m !== 0n && ((m < 0n) !== (b < 0n)) ? m + b : m);
    }
    case '**':
      if (b < 0n) return undefined;
      return normInt(a ** b);
    default: return undefined;
  }
}

function unsupported(op: string, l: Value, r: Value): Error {
  const shown = op === '**' ? '** or pow()' : op;
  return pyError(TYPE, `unsupported operand type(s) for ${shown}: '${typeName(l)}' and '${typeName(r)}'`);
}

/** CPython's float floor division / modulo (Objects/floatobject.c float_divmod). */
export function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) { mod += wx; div -= 1; }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = (vx / wx) < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function numberOp(op: N.BinaryOperator, l: Num, r: Num): Value | undefined {
  const a = numOf(l), b = numOf(r);
  const ints = isIntLike(l) && isIntLike(r);
  if (ints && (typeof l === 'bigint' || typeof r === 'bigint' || !exactIntResult(op, a, b))) {
    const big = bigIntOp(op, l as number | bigint | boolean, r as number | bigint | boolean);
    if (big !== undefined) return big;
  }
  switch (op) {
    case '+': return ints ? a + b : new PyFloat(a + b);
    case '-': return ints ? a - b : new PyFloat(a - b);
    case '*': return ints ? a * b : new PyFloat(a * b);
    case '/':
      if (b === 0) throw pyError('ZeroDivisionError', ints ? 'division by zero' : 'float division by zero');
      return new PyFloat(a / b);
    case '//':
      if (b === 0) throw pyError('ZeroDivisionError', ints ? 'integer division or modulo by zero' : 'float floor division by zero');
      return ints ? Math.floor(a / b) : new PyFloat(floatDivmod(a, b)[0]);
    case '%':
      if (b === 0) throw pyError('ZeroDivisionError', ints ? 'integer modulo by zero' : 'float modulo');
      if (ints) return a - Math.floor(a / b) * b;
      return new PyFloat(floatDivmod(a, b)[1]);
    case '**': {
      if (a === 0 && b < 0) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      if (ints && b >= 0) return intPow(a, b);
      return new PyFloat(Math.pow(a, b));
    }
    case '<<': case '>>': case '&': case '|': case '^': {
      if (!ints) return undefined;
      if (typeof l === 'boolean' && typeof r === 'boolean' && op !== '<<' && op !== '>>') {
        return op === '&' ? l && r : op === '|' ? l || r : l !== r;
      }
      const x = BigInt(a), y = BigInt(b);
      if ((op === '<<' || op === '>>') && b < 0) throw pyError('ValueError', 'negative shift count');
      const z = op === '<<' ? x << y : op === '>>' ? x >> y : op === '&' ? x & y : op === '|' ? x | y : x ^ y;
      return Number(z);
    }
    case '@': return undefined;
  }
}

/** Whether a double computes this int op exactly (else the bigint path runs). */
function exactIntResult(op: N.BinaryOperator, a: number, b: number): boolean {
  const safe = (x: number) => Number.isSafeInteger(x);
  switch (op) {
    case '+': return safe(a + b);
    case '-': return safe(a - b);
    case '*': return safe(a * b);
    case '**': return b < 0 || safe(Math.pow(a, b));
    default: return true;
  }
}

function intPow(a: number, b: number): number {
  let r = 1, base = a, e = b;
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return r;
}

function tensorOp(op: N.BinaryOperator, a: Tensor | Scalar, b: Tensor | Scalar): Tensor | undefined {
  switch (op) {
    case '+': return ew.add(a, b);
    case '-': return ew.sub(a, b);
    case '*': return ew.mul(a, b);
    case '/': return ew.div(a, b);
    case '//': return ew.floorDivide(a, b);
    case '%': return ew.remainder(a, b);
    case '**': return ew.pow(a, b);
    case '&': return ew.bitwiseAnd(a, b);
    case '|': return ew.bitwiseOr(a, b);
    case '^': return ew.bitwiseXor(a, b);
    default: return undefined;
  }
}

export function binaryOp(op: N.BinaryOperator, l: Value, r: Value, inplace: boolean): Value {
  if (l instanceof Tensor || r instanceof Tensor) {
    const a = l instanceof Tensor ? l : toScalar(l);
    const b = r instanceof Tensor ? r : toScalar(r);
    if (a === undefined || b === undefined) throw unsupported(op + (inplace ? '=' : ''), l, r);
    if (op === '@') throw pyError('NotImplementedError', 'poolnb: matrix multiplication (@) is not part of PoolScript');
    const res0 = tensorOp(op, a, b);
    if (!res0) throw unsupported(op, l, r);
    const res = track(res0, BIN_GRAD[op] ?? 'Backward0', [l, r]);
    if (inplace && l instanceof Tensor) {
      if (category(res.dtype) > category(l.dtype) || (res.dtype !== 'bool' && l.dtype === 'bool')) {
        throw pyError('RuntimeError', `result type ${scalarTypeName(res.dtype)} can't be cast to the desired output type ${scalarTypeName(l.dtype)}`);
      }
      copyInto(l, res);
      return l;
    }
    return res;
  }
  if (isNum(l) && isNum(r)) {
    const v = numberOp(op, l, r);
    if (v === undefined) throw unsupported(op + (inplace ? '=' : ''), l, r);
    return v;
  }
  if (op === '+') {
    if (typeof l === 'string') {
      if (typeof r === 'string') return l + r;
      throw pyError(TYPE, `can only concatenate str (not "${typeName(r)}") to str`);
    }
    if (l instanceof PyList) {
      if (inplace) {
        if (r instanceof PyList || r instanceof PyTuple) { l.items.push(...r.items); return l; }
        throw pyError(TYPE, `'${typeName(r)}' object is not iterable`);
      }
      if (r instanceof PyList) return new PyList([...l.items, ...r.items]);
      throw pyError(TYPE, `can only concatenate list (not "${typeName(r)}") to list`);
    }
    if (l instanceof PyTuple && !l.isSize) {
      if (r instanceof PyTuple) return new PyTuple([...l.items, ...r.items]);
      throw pyError(TYPE, `can only concatenate tuple (not "${typeName(r)}") to tuple`);
    }
    if (l instanceof PyTuple && l.isSize && r instanceof PyTuple) return new PyTuple([...l.items, ...r.items], true);
  }
  if (op === '*') {
    const rep = (seq: Value, n: Value): Value | undefined => {
      if (!isIntLike(n)) return undefined;
      const k = Math.max(0, numOf(n));
      const len = typeof seq === 'string' ? seq.length : seq instanceof PyList || seq instanceof PyTuple ? seq.items.length : 0;
      if (len * k > MAX_ITEMS) throw pyError('MemoryError', '');
      if (typeof seq === 'string') return seq.repeat(k);
      if (seq instanceof PyList) {
        if (inplace) { const items = seq.items.slice(); seq.items.length = 0; for (let i = 0; i < k; i++) seq.items.push(...items); return seq; }
        return new PyList(repeat(seq.items, k));
      }
      if (seq instanceof PyTuple) return new PyTuple(repeat(seq.items, k), seq.isSize);
      return undefined;
    };
    const v = rep(l, r) ?? rep(r, l);
    if (v !== undefined) return v;
    const isSeq = (x: Value) => typeof x === 'string' || x instanceof PyList || x instanceof PyTuple;
    if (isSeq(l) && !isIntLike(r) && !(r instanceof Tensor)) throw pyError(TYPE, `can't multiply sequence by non-int of type '${typeName(r)}'`);
    if (isSeq(r) && !isIntLike(l) && !(l instanceof Tensor)) throw pyError(TYPE, `can't multiply sequence by non-int of type '${typeName(l)}'`);
  }
  if (op === '%' && typeof l === 'string') return percentFormat(l, r);
  if (op === '|' && l instanceof PyDict && r instanceof PyDict) {
    const d = new PyDict();
    for (const [k, v] of l.map) d.map.set(k, v);
    for (const [k, v] of r.map) d.map.set(k, v);
    return d;
  }
  throw unsupported(op + (inplace ? '=' : ''), l, r);
}

function repeat(items: Value[], k: number): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < k; i++) out.push(...items);
  return out;
}

/** `'%d items, %.2f' % (n, x)`: the printf-style operator for the common conversions. */
function percentFormat(fmt: string, args: Value): string {
  const list = args instanceof PyTuple ? args.items : [args];
  let i = 0;
  const out = fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdirfeEgGxX%])/g, (_m, flags: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    if (i >= list.length) throw pyError(TYPE, 'not enough arguments for format string');
    const v = list[i++];
    const spec = `${flags.includes('-') ? '<' : ''}${flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''}${flags.includes('0') ? '0' : ''}${width ?? ''}${prec !== undefined ? '.' + prec : ''}`;
    if (conv === 's') return formatValue(str(v), spec.replace(/\.\d+$/, ''));
    if (conv === 'r') return formatValue(repr(v), spec);
    if (conv === 'd' || conv === 'i') {
      if (!isNum(v) && !(v instanceof Tensor)) throw pyError(TYPE, `%${conv} format: a real number is required, not ${typeName(v)}`);
      const n = v instanceof Tensor ? v.item() : numOf(v as number);
      return formatValue(Math.trunc(n), spec + 'd');
    }
    if (!isNum(v) && !(v instanceof Tensor)) throw pyError(TYPE, `must be real number, not ${typeName(v)}`);
    const n = v instanceof Tensor ? v.item() : numOf(v as number);
    return formatValue(conv === 'x' || conv === 'X' ? Math.trunc(n) : new PyFloat(n), spec + conv);
  });
  if (i < list.length) throw pyError(TYPE, 'not all arguments converted during string formatting');
  return out;
}

export function unaryOp(op: N.UnaryOperator, v: Value): Value {
  if (v instanceof Tensor) {
    if (op === '-') return track(ew.neg(v), 'NegBackward0', [v]);
    if (op === '~') return ew.bitwiseNot(v);
    if (op === '+') return v;
  }
  if (typeof v === 'bigint') {
    if (op === '-') return normInt(-v);
    if (op === '+') return v;
    if (op === '~') return normInt(-v - 1n);
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (op === '-') return 0 - n;
    if (op === '+') return n;
    if (op === '~') return -n - 1;
  }
  if (v instanceof PyFloat) {
    if (op === '-') return new PyFloat(-v.v);
    if (op === '+') return v;
  }
  throw pyError(TYPE, `bad operand type for unary ${op}: '${typeName(v)}'`);
}

/** Python == on non-tensor values. */
export function pyEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'bigint' || typeof b === 'bigint') {
      if (a instanceof PyFloat || b instanceof PyFloat) return numOf(a) === numOf(b);
      return bigOf(a as number | bigint | boolean) === bigOf(b as number | bigint | boolean);
    }
    return numOf(a) === numOf(b);
  }
  if (a instanceof PyList && b instanceof PyList) return seqEquals(a.items, b.items);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEquals(a.items, b.items);
  if (a instanceof PyDType && b instanceof PyDType) return a.dtype === b.dtype;
  if (a instanceof PyDevice && b instanceof PyDevice) return a.text === b.text;
  if (a instanceof PyRange && b instanceof PyRange) return a.start === b.start && a.stop === b.stop && a.step === b.step;
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, [, v]] of a.map) {
      const o = b.map.get(k);
      if (!o || !pyEquals(v, o[1])) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.map.size !== b.map.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  return false;
}

function seqEquals(a: Value[], b: Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x instanceof Tensor || y instanceof Tensor) {
      if (x !== y) throw pyError('RuntimeError', 'Boolean value of Tensor with more than one value is ambiguous');
    } else if (!pyEquals(x, y)) return false;
  }
  return true;
}

/** Python's ordering (<, <=, >, >=) on non-tensor values, or TypeError. */
function pyLess(op: string, a: Value, b: Value): number {
  if (isNum(a) && isNum(b)) {
    const x = numOf(a), y = numOf(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      if (!pyEquals(a.items[i], b.items[i])) return pyLess(op, a.items[i], b.items[i]);
    }
    return a.items.length - b.items.length;
  }
  throw pyError(TYPE, `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function compareOp(op: N.CompareOperator, l: Value, r: Value): Value {
  if (l instanceof Tensor || r instanceof Tensor) {
    const a = l instanceof Tensor ? l : toScalar(l);
    const b = r instanceof Tensor ? r : toScalar(r);
    if (a === undefined || b === undefined) {
      if (op === '==') return false;
      if (op === '!=') return true;
      throw pyError(TYPE, `'${op}' not supported between instances of '${typeName(l)}' and '${typeName(r)}'`);
    }
    switch (op) {
      case '==': return ew.eq(a, b);
      case '!=': return ew.ne(a, b);
      case '<': return ew.lt(a, b);
      case '<=': return ew.le(a, b);
      case '>': return ew.gt(a, b);
      case '>=': return ew.ge(a, b);
    }
  }
  switch (op) {
    case '==': return pyEquals(l, r);
    case '!=': return !pyEquals(l, r);
    case '<': return pyLess(op, l, r) < 0;
    case '<=': return pyLess(op, l, r) <= 0;
    case '>': return pyLess(op, l, r) > 0;
    case '>=': return pyLess(op, l, r) >= 0;
  }
  return false;
}

export function containsOp(container: Value, item: Value): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyError(TYPE, `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    return container.items.some((x) => x === item || (!(x instanceof Tensor) && !(item instanceof Tensor) && pyEquals(x, item)));
  }
  if (container instanceof PyDict) return container.map.has(hashKey(item));
  if (container instanceof PySet) return container.map.has(hashKey(item));
  if (container instanceof PyRange) {
    if (!isNum(item)) return false;
    const n = numOf(item);
    if (!Number.isInteger(n)) return false;
    const { start, stop, step } = container;
    const inside = step > 0 ? n >= start && n < stop : n <= start && n > stop;
    return inside && (n - start) % step === 0;
  }
  if (container instanceof Tensor) {
    const s = item instanceof Tensor ? item : toScalar(item);
    if (s === undefined) throw pyError(TYPE, `unsupported operand type(s) for in: '${typeName(item)}' and 'Tensor'`);
    const eq = ew.eq(container, s);
    for (let i = 0; i < eq.numel; i++) if (eq.at(i)) return true;
    return false;
  }
  throw pyError(TYPE, `argument of type '${typeName(container)}' is not iterable`);
}

export function isOp(a: Value, b: Value): boolean {
  if (a instanceof PyFloat && b instanceof PyFloat) return a === b;
  if (a instanceof PyDType && b instanceof PyDType) return a.dtype === b.dtype;
  return a === b;
}
