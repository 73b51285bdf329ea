// Python's format-spec mini-language (format(v, spec), f"{v:spec}", str.format), as
// CPython 3.11 implements it in Python/formatter_unicode.c, for the value kinds
// PoolScript has: int, bool, float and str. Conversions (!r / !s) are applied by the
// caller, which then formats the resulting str.

import { TorchError } from '../../engine/errors';
import { FloatCode, pyFormatDouble } from './pyFloat';
import { intRepr } from './pyRepr';

export type FormatArg =
  | { kind: 'int'; value: number | bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string };

export interface ParsedSpec {
  fill: string;
  align: '<' | '>' | '=' | '^' | '';
  sign: '+' | '-' | ' ' | '';
  z: boolean;
  alt: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number; // -1 when absent
  type: string; // '' when absent
  fillSpecified: boolean;
  alignSpecified: boolean;
}

const valueError = (m: string) => new TorchError('ValueError', m);

const ALIGNS = '<>=^';

/** Parses a spec; `typeName` only shapes the error message, `defaultAlign` is '<' for str. */
export function parseFormatSpec(spec: string, typeName: string, defaultAlign: '<' | '>' = '>'): ParsedSpec {
  const chars = [...spec];
  const r: ParsedSpec = {
    fill: ' ', align: '', sign: '', z: false, alt: false, width: -1, grouping: '',
    precision: -1, type: '', fillSpecified: false, alignSpecified: false,
  };
  let i = 0;
  if (chars.length >= 2 && ALIGNS.includes(chars[1])) {
    r.fill = chars[0]; r.align = chars[1] as ParsedSpec['align'];
    r.fillSpecified = true; r.alignSpecified = true; i = 2;
  } else if (chars.length >= 1 && ALIGNS.includes(chars[0])) {
    r.align = chars[0] as ParsedSpec['align']; r.alignSpecified = true; i = 1;
  }
  if (i < chars.length && '+- '.includes(chars[i])) { r.sign = chars[i] as ParsedSpec['sign']; i++; }
  if (i < chars.length && chars[i] === 'z') { r.z = true; i++; }
  if (i < chars.length && chars[i] === '#') { r.alt = true; i++; }
  if (i < chars.length && chars[i] === '0' && !r.fillSpecified) {
    r.fill = '0';
    if (!r.alignSpecified && defaultAlign === '>') r.align = '=';
    i++;
  }
  let w = '';
  while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') w += chars[i++];
  if (w) r.width = specInteger(w);
  if (i < chars.length && chars[i] === ',') { r.grouping = ','; i++; }
  if (i < chars.length && chars[i] === '_') {
    if (r.grouping) throw valueError("Cannot specify both ',' and '_'.");
    r.grouping = '_'; i++;
  }
  if (i < chars.length && chars[i] === ',') throw valueError("Cannot specify both ',' and '_'.");
  if (i < chars.length && chars[i] === '.') {
    i++;
    let p = '';
    while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') p += chars[i++];
    if (!p) throw valueError('Format specifier missing precision');
    r.precision = specInteger(p);
  }
  if (chars.length - i > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (i < chars.length) r.type = chars[i];
  if (r.grouping) {
    const ok = r.grouping === ','
      ? ['', 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F'].includes(r.type)
      : ['', 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 'b', 'o', 'x', 'X'].includes(r.type);
    if (!ok) throw valueError(`Cannot specify '${r.grouping}' with '${r.type}'.`);
  }
  return r;
}

function unknownCode(type: string, typeName: string): TorchError {
  return valueError(`Unknown format code '${type}' for object of type '${typeName}'`);
}

/** Inserts `sep` every `every` digits from the right, zero-padding to `minWidth` as CPython does. */
function group(digits: string, sep: string, every: number, minWidth: number): string {
  const doGroup = (d: string) => {
    if (!sep) return d;
    let out = '';
    for (let k = d.length; k > 0; k -= every) {
      const part = d.slice(Math.max(0, k - every), k);
      out = out ? part + sep + out : part;
    }
    return out;
  };
  let d = digits;
  let g = doGroup(d);
  while (g.length < minWidth) { d = '0' + d; g = doGroup(d); }
  return g;
}

/** Lays out sign + number body within the width, with fill and alignment. */
function pad(signStr: string, body: string, p: ParsedSpec, defaultAlign: '<' | '>'): string {
  const align = p.align || defaultAlign;
  const len = [...signStr].length + [...body].length;
  const n = Math.max(0, p.width - len);
  switch (align) {
    case '<': return signStr + body + p.fill.repeat(n);
    case '>': return p.fill.repeat(n) + signStr + body;
    case '=': return signStr + p.fill.repeat(n) + body;
    case '^': {
      const left = Math.floor(n / 2);
      return p.fill.repeat(left) + signStr + body + p.fill.repeat(n - left);
    }
  }
  return signStr + body;
}

function signOf(negative: boolean, p: ParsedSpec): string {
  if (negative) return '-';
  if (p.sign === '+') return '+';
  if (p.sign === ' ') return ' ';
  return '';
}

/** The digits of a number body with grouping applied to its integer part (zero fill grouped too). */
function numberBody(intPart: string, rest: string, p: ParsedSpec, signLen: number, every = 3): string {
  const sep = p.grouping;
  const zeroFill = p.fill === '0' && p.align === '=';
  const minInt = zeroFill ? Math.max(0, p.width - signLen - [...rest].length) : 0;
  if (!sep) return (zeroFill ? intPart.padStart(minInt, '0') : intPart) + rest;
  return group(intPart, sep, every, minInt) + rest;
}

function formatInt(v: bigint, p: ParsedSpec, typeName: string): string {
  if (p.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  const type = p.type || 'd';
  if (p.z) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (type === 'c') {
    if (p.sign) throw valueError("Sign not allowed with integer format specifier 'c'");
    if (p.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0n || v >= 0x110000n) throw new TorchError('OverflowError', '%c arg not in range(0x110000)');
    return pad('', String.fromCodePoint(Number(v)), p, '>');
  }
  const radix: Record<string, number> = { d: 10, n: 10, b: 2, o: 8, x: 16, X: 16 };
  if (!(type in radix)) throw unknownCode(type, typeName);
  const negative = v < 0n;
  const mag = negative ? -v : v;
  let digits = mag.toString(radix[type]);
  if (type === 'X') digits = digits.toUpperCase();
  const prefix = p.alt && type !== 'd' && type !== 'n' ? '0' + (type === 'X' ? 'X' : type) : '';
  const signStr = signOf(negative, p) + prefix;
  const body = numberBody(digits, '', p, signStr.length, radix[type] === 10 ? 3 : 4);
  return pad(signStr, body, p, '>');
}

function formatFloat(x: number, p: ParsedSpec, typeName: string): string {
  let type = p.type;
  let precision = p.precision;
  let addDot0 = false;
  let pct = false;
  // ('' is the omitted type, which String.includes accepts)
  if (!'eEfFgGn%'.includes(type)) throw unknownCode(type, typeName);
  let code: FloatCode;
  if (type === '') {
    addDot0 = true;
    code = precision < 0 ? 'r' : 'g';
  } else {
    if (type === 'n') type = 'g';
    if (type === '%') { x *= 100; pct = true; type = 'f'; }
    code = type.toLowerCase() as FloatCode;
    if (precision < 0) precision = 6;
  }
  const upper = type === 'E' || type === 'F' || type === 'G';
  let s = pyFormatDouble(x, code, precision, { addDot0, alt: p.alt, upper });
  let negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  // 'z': a negative value that rounds to zero prints as positive zero
  if (negative && p.z && /^[0.]+([eE][+-]\d+)?$/.test(s)) negative = false;
  if (pct) s += '%';
  const signStr = signOf(negative, p);
  // split the integer part (grouped) from the rest ('.xxx', 'e+05', '%')
  const m = /^(\d*)(.*)$/s.exec(s)!;
  const body = Number.isFinite(x) ? numberBody(m[1], m[2], p, signStr.length) : s;
  return pad(signStr, body, p, '>');
}

function formatStr(s: string, p: ParsedSpec, typeName: string): string {
  if (p.type !== '' && p.type !== 's') throw unknownCode(p.type, typeName);
  if (p.sign) throw valueError('Sign not allowed in string format specifier');
  if (p.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (p.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  if (p.grouping) throw valueError(`Cannot specify '${p.grouping}' with 's'.`);
  let body = s;
  if (p.precision >= 0) body = [...s].slice(0, p.precision).join('');
  return pad('', body, p, '<');
}

/** format(value, spec) for int / bool / float / str. */
export function formatWithSpec(arg: FormatArg, spec: string): string {
  switch (arg.kind) {
    case 'str': {
      if (spec === '') return arg.value;
      return formatStr(arg.value, parseFormatSpec(spec, 'str', '<'), 'str');
    }
    case 'bool':
    case 'int': {
      const typeName = arg.kind;
      const big = arg.kind === 'bool' ? (arg.value ? 1n : 0n) : BigInt(arg.value);
      if (spec === '') return arg.kind === 'bool' ? (arg.value ? 'True' : 'False') : intRepr(arg.value as number | bigint);
      const p = parseFormatSpec(spec, typeName);
      if ('eEfFgG%'.includes(p.type) && p.type !== '') return formatFloat(Number(big), p, typeName);
      return formatInt(big, p, typeName);
    }
    case 'float': {
      if (spec === '') return pyFormatDouble(arg.value, 'r', 0, { addDot0: true });
      return formatFloat(arg.value, parseFormatSpec(spec, 'float'), 'float');
    }
  }
}

/** CPython's get_integer: a width or precision past Py_ssize_t is refused while parsing. */
function specInteger(digits: string): number {
  if (BigInt(digits) > 2n ** 63n - 1n) throw valueError('Too many decimal digits in format string');
  return parseInt(digits, 10);
}
