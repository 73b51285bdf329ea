// repr() and str() of the plain Python values PoolScript has (None, bool, int, float,
// str, list, tuple, dict), written exactly as CPython writes them. Containers take
// their elements' reprs from the caller (`PyData` here, or already-rendered strings via
// reprList / reprTuple / reprDict), so the interpreter can plug in tensors and modules.

import { floatRepr } from './pyFloat';

/** A Python float; plain JS numbers in PyData are Python ints. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python tuple (JS arrays in PyData are Python lists). */
export class PyTuple {
  constructor(readonly items: readonly PyData[]) {}
}

/** A value already rendered: its repr (and optionally a different str). */
export class PyRendered {
  constructor(readonly repr: string, readonly str: string = repr) {}
}

export type PyData =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | PyTuple
  | PyRendered
  | readonly PyData[]
  | ReadonlyMap<PyData, PyData>;

/** str(int): exact for any integer-valued double (2**60 prints all its digits). */
export function intRepr(x: number | bigint): string {
  if (typeof x === 'bigint') return x.toString();
  if (Number.isSafeInteger(x)) return String(x);
  if (!Number.isFinite(x)) throw new RangeError(`not an integer: ${x}`);
  return BigInt(x).toString();
}

export { floatRepr };

export function boolRepr(b: boolean): string {
  return b ? 'True' : 'False';
}

/** repr(str): CPython's quote choice and escapes (unicode_repr). */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && !isPrintable(c)) {
      if (c <= 0xff) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

// Python's str.isprintable for non-ASCII: not a separator (other than space) nor a
// control/format/unassigned/surrogate/private-use character.
function isPrintable(c: number): boolean {
  const ch = String.fromCodePoint(c);
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch);
}

export function reprList(items: readonly string[]): string {
  return '[' + items.join(', ') + ']';
}

export function reprTuple(items: readonly string[]): string {
  return items.length === 1 ? '(' + items[0] + ',)' : '(' + items.join(', ') + ')';
}

export function reprDict(pairs: readonly (readonly [string, string])[]): string {
  return '{' + pairs.map(([k, v]) => k + ': ' + v).join(', ') + '}';
}

export function pyRepr(v: PyData): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return boolRepr(v);
  if (typeof v === 'number' || typeof v === 'bigint') return intRepr(v);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyTuple) return reprTuple(v.items.map(pyRepr));
  if (v instanceof PyRendered) return v.repr;
  if (v instanceof Map) return reprDict([...v.entries()].map(([k, x]) => [pyRepr(k), pyRepr(x)] as const));
  return reprList((v as readonly PyData[]).map(pyRepr));
}

/** str(v): strings print bare; everything else as its repr (containers repr their items). */
export function pyStr(v: PyData): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyRendered) return v.str;
  return pyRepr(v);
}
