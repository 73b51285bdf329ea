// repr(tensor) / str(tensor), a faithful port of torch 1.13.1 torch/_tensor_str.py for
// the strided CPU dtypes PoolScript has. Structure and names follow the Python file so
// the two can be read side by side: _Formatter, _vector_str, _tensor_str_with_formatter,
// get_summarized_data, _add_suffixes, _str_intern.

import { DType } from '../../engine/dtype';
import { runtimeError, valueError } from '../../engine/errors';
import { Tensor } from '../../engine/tensor';
import { floatRepr, pyFormatDouble } from './pyFloat';
import { DEFAULT_PRINT_OPTIONS, PrintOptionsView as PrintOptions } from './printOptions';
import { intRepr, reprTuple } from './pyRepr';

export interface TensorReprExtras {
  /** appends `requires_grad=True` (a leaf that requires grad, e.g. a module weight) */
  requiresGrad?: boolean;
  /** appends `grad_fn=<Name>` instead of requires_grad */
  gradFn?: string;
  /** nn.Parameter: prefixed with 'Parameter containing:\n' as Parameter.__repr__ does */
  parameter?: boolean;
}

const isFloatDtype = (d: DType) => d === 'float32' || d === 'float64';

/** Python's '{}'.format of one element as tolist() would give it. */
function plainElement(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'True' : 'False';
  return intRepr(v);
}

class Formatter {
  readonly floating: boolean;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values: ArrayLike<number>, private readonly dtype: DType, private readonly opts: PrintOptions) {
    this.floating = isFloatDtype(dtype);
    if (!this.floating) {
      for (let i = 0; i < values.length; i++) {
        this.maxWidth = Math.max(this.maxWidth, plainElement(values[i], dtype).length);
      }
      // (the sci_mode override below applies but has no effect on non-floats)
      if (opts.sciMode !== null) this.sciMode = opts.sciMode;
      return;
    }
    const nz: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && v !== 0) nz.push(v);
    }
    // no valid number: PyTorch returns before applying the sci_mode option
    if (nz.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of nz) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
    }
    for (const v of nz) {
      if (v !== Math.ceil(v)) { this.intMode = false; break; }
    }
    const p = opts.precision;
    if (this.intMode) {
      if (max / min > 1000.0 || max > 1.0e8) {
        this.sciMode = true;
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, pyFormatDouble(v, 'e', specPrecision(p, 'e')).length);
      } else {
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, pyFormatDouble(v, 'f', 0).length + 1);
      }
    } else if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4) {
      this.sciMode = true;
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, pyFormatDouble(v, 'e', specPrecision(p, 'e')).length);
    } else {
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, pyFormatDouble(v, 'f', specPrecision(p, 'f')).length);
    }
    if (opts.sciMode !== null) this.sciMode = opts.sciMode;
  }

  width(): number { return this.maxWidth; }

  format(v: number): string {
    let ret: string;
    if (this.floating) {
      if (this.sciMode) {
        ret = pyFormatDouble(v, 'e', specPrecision(this.opts.precision, 'e'));
        if (ret.length < this.maxWidth) ret = ' '.repeat(this.maxWidth - ret.length) + ret;
      } else if (this.intMode) {
        ret = pyFormatDouble(v, 'f', 0);
        if (Number.isFinite(v)) ret += '.';
      } else {
        ret = pyFormatDouble(v, 'f', specPrecision(this.opts.precision, 'f'));
      }
    } else {
      ret = plainElement(v, this.dtype);
    }
    return ret.length < this.maxWidth ? ' '.repeat(this.maxWidth - ret.length) + ret : ret;
  }
}

/** A dense row-major view used while printing: values plus shape. */
interface Dense { values: ArrayLike<number>; shape: readonly number[] }

function sizeOf(shape: readonly number[], from: number): number {
  let n = 1;
  for (let i = from; i < shape.length; i++) n *= shape[i];
  return n;
}

/** The positions along an axis of length n that printing shows. Python's `self[-0:]` is the whole axis. */
function shownIndices(n: number, summarize: boolean, edge: number): number[] {
  const all = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
  if (summarize && n > 2 * edge) return [...all(0, edge), ...(edge === 0 ? all(0, n) : all(n - edge, n))];
  return all(0, n);
}

/** get_summarized_data: the values the formatter measures. */
function summarizedValues(d: Dense, summarize: boolean, opts: PrintOptions): number[] {
  const out: number[] = [];
  const walk = (dim: number, offset: number) => {
    if (dim === d.shape.length) { out.push(d.values[offset]); return; }
    const inner = sizeOf(d.shape, dim + 1);
    const idx = shownIndices(d.shape[dim], summarize, opts.edgeitems);
    for (const i of idx) walk(dim + 1, offset + i * inner);
  };
  walk(0, 0);
  return out;
}

function vectorStr(d: Dense, offset: number, indent: number, summarize: boolean, fmt: Formatter, opts: PrintOptions): string {
  const elementLength = fmt.width() + 2;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const n = d.shape[d.shape.length - 1];
  const e = opts.edgeitems;
  let data: string[];
  if (summarize && n > 2 * e) {
    data = [];
    for (let i = 0; i < e; i++) data.push(fmt.format(d.values[offset + i]));
    data.push(' ...');
    for (let i = e === 0 ? 0 : n - e; i < n; i++) data.push(fmt.format(d.values[offset + i]));
  } else {
    data = [];
    for (let i = 0; i < n; i++) data.push(fmt.format(d.values[offset + i]));
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function tensorStrWithFormatter(
  d: Dense, dimFrom: number, offset: number, indent: number, summarize: boolean, fmt: Formatter, opts: PrintOptions,
): string {
  const dim = d.shape.length - dimFrom;
  if (dim === 0) return fmt.format(d.values[offset]);
  if (dim === 1) return vectorStr(d, offset, indent, summarize, fmt, opts);
  const n = d.shape[dimFrom];
  const inner = sizeOf(d.shape, dimFrom + 1);
  const e = opts.edgeitems;
  const sub = (i: number) => tensorStrWithFormatter(d, dimFrom + 1, offset + i * inner, indent + 1, summarize, fmt, opts);
  let slices: string[];
  if (summarize && n > 2 * e) {
    slices = [];
    for (let i = 0; i < e; i++) slices.push(sub(i));
    slices.push('...');
    for (let i = n - e; i < n; i++) slices.push(sub(i));
  } else {
    slices = [];
    for (let i = 0; i < n; i++) slices.push(sub(i));
  }
  return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str: the bracketed body of a non-empty tensor. */
function tensorStr(t: Tensor, indent: number, opts: PrintOptions): string {
  if (t.numel === 0) return '[]';
  const d: Dense = { values: t.toStorage(), shape: t.shape };
  const summarize = t.numel > opts.threshold;
  // get_summarized_data stacks an empty list for dims >= 2 when edgeitems is 0
  if (summarize && opts.edgeitems === 0 && t.ndim >= 2) throw runtimeError('stack expects a non-empty TensorList');
  const fmt = new Formatter(summarize ? summarizedValues(d, true, opts) : d.values, t.dtype, opts);
  return tensorStrWithFormatter(d, 0, 0, indent, summarize, fmt, opts);
}

function addSuffixes(tensorStr: string, suffixes: string[], indent: number, opts: PrintOptions): string {
  const parts = [tensorStr];
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > opts.linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** str(tuple(shape)) */
function shapeTuple(shape: readonly number[]): string {
  return reprTuple(shape.map((s) => String(s)));
}

/** repr(t) / str(t) / print(t), exactly as torch 1.13.1 prints a CPU tensor. */
export function formatTensor(t: Tensor, opts: PrintOptions = DEFAULT_PRINT_OPTIONS, extras: TensorReprExtras = {}): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let body: string;
  if (t.numel === 0) {
    if (t.ndim !== 1) suffixes.push('size=' + shapeTuple(t.shape));
    if (t.dtype !== 'float32') suffixes.push('dtype=torch.' + t.dtype);
    body = '[]';
  } else {
    const hasDefaultDtype = t.dtype === 'float32' || t.dtype === 'int64' || t.dtype === 'bool';
    if (!hasDefaultDtype) suffixes.push('dtype=torch.' + t.dtype);
    body = tensorStr(t, indent, opts);
  }
  if (extras.gradFn) suffixes.push(`grad_fn=<${extras.gradFn}>`);
  else if (extras.requiresGrad) suffixes.push('requires_grad=True');
  const repr = addSuffixes(prefix + body, suffixes, indent, opts);
  return extras.parameter ? 'Parameter containing:\n' + repr : repr;
}

/**
 * torch's _Formatter writes the precision into a format string ('{:.%df}'): a negative one
 * leaves no digits after the dot, a fractional one is a malformed spec, and one past Py_ssize_t
 * is too long for the parser.
 */
function specPrecision(p: number, code: 'e' | 'f'): number {
  if (!(p >= 0) || p === Infinity) throw valueError('Format specifier missing precision'); // '.-1f', '.nanf', '.inff'
  // a float precision (set_printoptions(precision=0.5)) makes '.0.5f'; an integral float is taken as its int
  if (!Number.isInteger(p)) throw valueError(`Invalid format specifier '.${floatRepr(p)}${code}' for object of type 'float'`);
  if (p >= 2 ** 63) throw valueError('Too many decimal digits in format string');
  return p;
}
