// Shapes and dtypes of torch functions, tensor methods, indexing and operators, known
// without data. Where the engine has a shape-only helper (inferSize, wrapDim,
// broadcastShapes) it is used, so its messages are PyTorch's. Anything not known gives
// `unknown` parts and no error.

import { DType, isFloating, resultType } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import { broadcastShapes } from '../../engine/ops/broadcast';
import { wrapDim } from '../../engine/ops/dims';
import { inferSize } from '../../engine/ops/shape';
import { DTYPE_NAMES } from './library';
import { Dim, SType, UNKNOWN, intValue, knownShape, tensorT } from './types';

export interface Outcome { result: SType; error?: TorchError }

const ok = (result: SType): Outcome => ({ result });

/** Runs a shape helper that may throw PyTorch's error. */
function attempt(f: () => SType): Outcome {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof TorchError) return { result: UNKNOWN, error: e };
    return ok(UNKNOWN);
  }
}

export function dtypeOf(t: SType | undefined): DType | null | undefined {
  if (!t) return undefined;
  if (t.k === 'dtype') return t.dtype;
  if (t.k === 'none') return undefined;
  return null; // given but not known
}

/** `(2, 3)`, `[2, 3]`, `2, 3` (varargs) -> dims; null when not known. */
export function sizeFrom(args: SType[]): Dim[] | null {
  if (args.length === 1 && (args[0].k === 'tuple' || args[0].k === 'list')) {
    const a = args[0];
    if (a.k === 'list' && !a.items) return null;
    return (a.k === 'tuple' ? a.items : a.items!).map((x) => intValue(x) ?? null);
  }
  if (args.length === 1 && args[0].k === 'unknown') return null;
  if (args.some((a) => !(a.k === 'int' || a.k === 'bool' || a.k === 'unknown'))) return null;
  return args.map((a) => intValue(a) ?? null);
}

/** Shape and dtype of torch.tensor(data). */
export function literalTensor(data: SType, dtype: DType | null | undefined): SType {
  let kind = 0 as number; // 0 bool, 1 int, 2 float, -1 unknown
  let seenAny = false;
  const shapeOf = (t: SType): Dim[] | null => {
    if (t.k === 'bool' || t.k === 'int' || t.k === 'float') {
      const c = t.k === 'bool' ? 0 : t.k === 'int' ? 1 : 2;
      if (!seenAny) { kind = c; seenAny = true; } else if (kind !== -1) kind = Math.max(kind, c);
      return [];
    }
    if (t.k === 'tensor' && t.shape && t.shape.length === 0) { kind = -1; return []; }
    if ((t.k === 'tuple' || t.k === 'list') && (t.k === 'tuple' || t.items)) {
      const items = t.k === 'tuple' ? t.items : t.items!;
      if (items.length === 0) { if (!seenAny) { kind = 2; } return [0]; }
      const inner = items.map(shapeOf);
      const first = inner[0];
      if (!first || inner.some((s) => !s || s.length !== first.length)) return null;
      return [items.length, ...first.map((d, i) => (inner.every((s) => s![i] === d) ? d : null))];
    }
    kind = -1;
    return null;
  };
  const shape = shapeOf(data);
  const inferred: DType | null = kind === -1 ? null : kind === 0 ? (seenAny ? 'bool' : 'float32') : kind === 1 ? 'int64' : 'float32';
  return tensorT(shape, dtype === undefined ? inferred : dtype);
}

/**
 * torch.tensor's check of a nested list (torch/csrc/utils/tensor_new.cpp): sizes come
 * from the first element at each depth, then every sequence must have that length,
 * depth first. Only the ValueError is reported; anything unknown gives no error.
 */
function raggedError(data: SType): TorchError | undefined {
  const itemsOf = (t: SType): SType[] | null | undefined => {
    if (t.k === 'tuple') return t.items;
    if (t.k === 'list') return t.items; // null: unknown items
    return undefined; // not a sequence
  };
  const sizes: number[] = [];
  for (let t: SType = data; ;) {
    const items = itemsOf(t);
    if (items === undefined) break;
    if (items === null) return undefined;
    sizes.push(items.length);
    if (items.length === 0) break;
    t = items[0];
  }
  if (sizes.reduce((a, b) => a * b, 1) === 0) return undefined; // nothing is stored, nothing is checked
  let found: TorchError | undefined;
  let unsure = false;
  const visit = (t: SType, dim: number): void => {
    if (found || unsure) return;
    if (dim === sizes.length) { if (itemsOf(t) !== undefined || t.k === 'unknown') unsure = true; return; }
    const items = itemsOf(t);
    if (!items) { unsure = true; return; }
    if (items.length !== sizes[dim]) {
      found = new TorchError('ValueError', `expected sequence of length ${sizes[dim]} at dim ${dim} (got ${items.length})`);
      return;
    }
    for (const x of items) visit(x, dim + 1);
  };
  visit(data, 0);
  return unsure ? undefined : found;
}

function numel(shape: Dim[] | null): number | null {
  if (!shape || shape.some((d) => d === null)) return null;
  return (shape as number[]).reduce((a, b) => a * b, 1);
}

function defaultFloat(dtype: DType | null | undefined): DType | null {
  return dtype === undefined ? 'float32' : dtype;
}

/** torch.<name>(...) */
export function torchFunction(name: string, args: SType[], kwargs: Record<string, SType>): Outcome {
  const dtype = dtypeOf(kwargs.dtype);
  switch (name) {
    case 'tensor': {
      if (!args[0]) return ok(UNKNOWN);
      const ragged = raggedError(args[0]);
      if (ragged) return { result: UNKNOWN, error: ragged };
      return ok(literalTensor(args[0], dtype));
    }
    case 'zeros': case 'ones': case 'rand': case 'randn': case 'empty':
      return ok(tensorT(sizeFrom(args), defaultFloat(dtype)));
    case 'full': {
      const fill = args[1] ?? kwargs.fill_value;
      const fd: DType | null = !fill ? null : fill.k === 'bool' ? 'bool' : fill.k === 'int' ? 'int64' : fill.k === 'float' ? 'float32' : null;
      return ok(tensorT(args[0] ? sizeFrom([args[0]]) : null, dtype === undefined ? fd : dtype));
    }
    case 'zeros_like': case 'ones_like': case 'rand_like': case 'randn_like': {
      const x = args[0];
      if (!x || x.k !== 'tensor') return ok(UNKNOWN);
      return ok(tensorT(x.shape, dtype === undefined ? x.dtype : dtype));
    }
    case 'arange': {
      const nums = args.map((a) => (a.k === 'int' || a.k === 'float' || a.k === 'bool' ? a : null));
      if (nums.some((n) => n === null) || args.length === 0) return ok(tensorT([null], dtype ?? null));
      const allInt = nums.every((n) => n!.k !== 'float');
      const vals = nums.map((n) => (n!.k === 'bool' ? (n!.v === undefined ? undefined : n!.v ? 1 : 0) : (n as { v?: number }).v));
      const [start, end, step] = args.length === 1 ? [0, vals[0], 1] : [vals[0], vals[1], vals[2] ?? 1];
      const len = start === undefined || end === undefined || step === undefined || step === 0 ? null : Math.max(0, Math.ceil((end - start) / step));
      return ok(tensorT([len], dtype === undefined ? (allInt ? 'int64' : 'float32') : dtype));
    }
    case 'linspace': {
      const steps = intValue(args[2] ?? kwargs.steps ?? UNKNOWN);
      return ok(tensorT([steps ?? null], defaultFloat(dtype)));
    }
    case 'eye': {
      const n = intValue(args[0] ?? UNKNOWN) ?? null;
      const m = args[1] && args[1].k !== 'none' ? intValue(args[1]) ?? null : n;
      return ok(tensorT([n, m], defaultFloat(dtype)));
    }
    case 'randint': {
      const size = args.length >= 2 ? args[args.length - 1] : kwargs.size;
      return ok(tensorT(size ? sizeFrom([size]) : null, dtype === undefined ? 'int64' : dtype));
    }
    case 'cat': case 'stack': return joinTensors(name, args[0] ?? kwargs.tensors, intValue(args[1] ?? kwargs.dim ?? { k: 'int', v: 0 }));
    case 'manual_seed': return ok(UNKNOWN);
    case 'set_printoptions': return ok({ k: 'none' });
    case 'allclose': case 'equal': case 'is_tensor': return ok({ k: 'bool' });
    case 'numel': {
      const x = args[0];
      const n = x && x.k === 'tensor' ? numel(x.shape) : null;
      return ok({ k: 'int', v: n ?? undefined });
    }
    default: {
      // torch.f(x, ...) mirrors x.f(...) for these
      const x = args[0] ?? kwargs.input;
      if (x && x.k === 'tensor' && TENSOR_MIRRORS.has(name)) return tensorMethod(x, name, args.slice(1), kwargs);
      return ok(UNKNOWN);
    }
  }
}

const TENSOR_MIRRORS = new Set(['reshape', 'flatten', 'squeeze', 'unsqueeze', 'permute', 'transpose', 'max', 'min', 'sum', 'mean',
  'argmax', 'argmin', 'abs', 'relu', 'clone']);

function joinTensors(name: string, list: SType | undefined, dim: number | undefined): Outcome {
  if (!list || (list.k !== 'tuple' && list.k !== 'list')) return ok(UNKNOWN);
  const items = list.k === 'tuple' ? list.items : list.items;
  if (!items || items.length === 0 || dim === undefined) return ok(UNKNOWN);
  const ts = items.map((t) => (t.k === 'tensor' ? t : null));
  if (ts.some((t) => !t || !t.shape)) return ok(UNKNOWN);
  const shapes = ts.map((t) => t!.shape!);
  const rank = shapes[0].length;
  if (shapes.some((s) => s.length !== rank)) return ok(UNKNOWN);
  const dtypes = ts.map((t) => t!.dtype);
  const dtype = dtypes.every((d) => d !== null) ? (dtypes as DType[]).reduce((a, b) => resultType([{ dtype: a, kind: 'tensor' }, { dtype: b, kind: 'tensor' }])) : null;
  return attempt(() => {
    if (name === 'stack') {
      const d = wrapDim(dim, rank + 1);
      const base = shapes[0].map((x, i) => (shapes.every((s) => s[i] === x) ? x : null));
      return tensorT([...base.slice(0, d), items.length, ...base.slice(d)], dtype);
    }
    const d = wrapDim(dim, rank);
    const out = shapes[0].map((x, i) => {
      if (i === d) return shapes.every((s) => s[i] !== null) ? shapes.reduce((a, s) => a + (s[i] as number), 0) : null;
      return shapes.every((s) => s[i] === x) ? x : null;
    });
    return tensorT(out, dtype);
  });
}

const REDUCE_DTYPE: Record<string, (d: DType | null) => DType | null> = {
  max: (d) => d, min: (d) => d, argmax: () => 'int64', argmin: () => 'int64',
  sum: (d) => (d === null ? null : isFloating(d) ? d : 'int64'), mean: (d) => d,
};

/** x.<name>(...) for a tensor x. */
export function tensorMethod(x: Extract<SType, { k: 'tensor' }>, name: string, args: SType[], kwargs: Record<string, SType>): Outcome {
  const shape = x.shape;
  const rank = shape ? shape.length : null;
  const same = (dtype: DType | null = x.dtype) => tensorT(shape, dtype);
  switch (name) {
    case 'size': {
      const d = args[0] ?? kwargs.dim;
      if (!d || d.k === 'none') return ok(sizeType(shape));
      const dv = intValue(d);
      if (dv === undefined || rank === null) return ok({ k: 'int' });
      return attempt(() => ({ k: 'int', v: shape![wrapDim(dv, rank, false)] ?? undefined }));
    }
    case 'dim': return ok({ k: 'int', v: rank ?? undefined });
    case 'numel': return ok({ k: 'int', v: numel(shape) ?? undefined });
    case 'item': return ok(x.dtype === null ? UNKNOWN : isFloating(x.dtype) ? { k: 'float' } : x.dtype === 'bool' ? { k: 'bool' } : { k: 'int' });
    case 'tolist': return ok({ k: 'list', items: null, elem: UNKNOWN });
    case 'clone': case 'contiguous': case 'detach': case 'abs': case 'relu': case 'cpu': return ok(same());
    case 'float': return ok(same('float32'));
    case 'double': return ok(same('float64'));
    case 'long': return ok(same('int64'));
    case 'int': return ok(same('int32'));
    case 'bool': return ok(same('bool'));
    case 'to': case 'type': {
      const d = dtypeOf(args[0] ?? kwargs.dtype);
      return ok(same(d === undefined ? x.dtype : d));
    }
    case 'reshape': case 'view': {
      const target = sizeFrom(args.length ? args : kwargs.shape ? [kwargs.shape] : []);
      if (!target) return ok(tensorT(null, x.dtype));
      const n = numel(shape);
      if (n === null || target.some((d) => d === null)) {
        return ok(tensorT(target.map((d) => (d === -1 ? null : d)), x.dtype));
      }
      return attempt(() => tensorT(inferSize(target as number[], n), x.dtype));
    }
    case 'flatten': {
      if (!shape || rank === null) return ok(tensorT(null, x.dtype));
      const s = intValue(args[0] ?? kwargs.start_dim ?? { k: 'int', v: 0 });
      const e = intValue(args[1] ?? kwargs.end_dim ?? { k: 'int', v: -1 });
      if (s === undefined || e === undefined) return ok(tensorT(null, x.dtype));
      return attempt(() => {
        if (rank === 0) return tensorT([1], x.dtype);
        const a = wrapDim(s, rank), b = wrapDim(e, rank);
        if (a > b) throw new TorchError('RuntimeError', 'flatten() has invalid args: start_dim cannot come after end_dim');
        const mid = shape.slice(a, b + 1);
        const prod = mid.some((d) => d === null) ? null : (mid as number[]).reduce((p, q) => p * q, 1);
        return tensorT([...shape.slice(0, a), prod, ...shape.slice(b + 1)], x.dtype);
      });
    }
    case 'permute': {
      const dims = sizeFrom(args.length ? args : kwargs.dims ? [kwargs.dims] : []);
      if (!shape || rank === null || !dims || dims.some((d) => d === null)) return ok(tensorT(rank === null ? null : new Array<Dim>(rank).fill(null), x.dtype));
      if (dims.length !== rank) return ok(tensorT(null, x.dtype));
      return attempt(() => tensorT((dims as number[]).map((d) => shape[wrapDim(d, rank)]), x.dtype));
    }
    case 'transpose': {
      const a = intValue(args[0] ?? kwargs.dim0 ?? UNKNOWN), b = intValue(args[1] ?? kwargs.dim1 ?? UNKNOWN);
      if (!shape || rank === null || a === undefined || b === undefined) return ok(tensorT(rank === null ? null : new Array<Dim>(rank).fill(null), x.dtype));
      return attempt(() => {
        const i = wrapDim(a, rank), j = wrapDim(b, rank);
        const out = shape.slice();
        [out[i], out[j]] = [out[j], out[i]];
        return tensorT(out, x.dtype);
      });
    }
    case 'unsqueeze': {
      const d = intValue(args[0] ?? kwargs.dim ?? UNKNOWN);
      if (!shape || rank === null || d === undefined) return ok(tensorT(null, x.dtype));
      return attempt(() => {
        const w = wrapDim(d, rank + 1);
        return tensorT([...shape.slice(0, w), 1, ...shape.slice(w)], x.dtype);
      });
    }
    case 'squeeze': {
      const dArg = args[0] ?? kwargs.dim;
      if (!shape || rank === null) return ok(tensorT(null, x.dtype));
      if (!dArg || dArg.k === 'none') {
        if (shape.some((d) => d === null)) return ok(tensorT(null, x.dtype));
        return ok(tensorT(shape.filter((d) => d !== 1), x.dtype));
      }
      const d = intValue(dArg);
      if (d === undefined) return ok(tensorT(null, x.dtype));
      return attempt(() => {
        if (rank === 0) return tensorT([], x.dtype);
        const w = wrapDim(d, rank);
        if (shape[w] === null) return tensorT(null, x.dtype);
        return tensorT(shape[w] === 1 ? [...shape.slice(0, w), ...shape.slice(w + 1)] : shape.slice(), x.dtype);
      });
    }
    case 'max': case 'min': case 'sum': case 'mean': case 'argmax': case 'argmin': {
      const dArg = args[0] ?? kwargs.dim;
      const keep = args[1] ?? kwargs.keepdim;
      const keepdim = !keep ? false : keep.k === 'bool' ? keep.v : undefined;
      let dtype = REDUCE_DTYPE[name](x.dtype);
      const dd = dtypeOf(kwargs.dtype);
      if (dd !== undefined && (name === 'sum' || name === 'mean')) dtype = dd;
      if (!dArg || dArg.k === 'none') {
        if (name === 'max' || name === 'min' || name === 'sum' || name === 'mean' || (keepdim === false)) return ok(tensorT([], dtype));
        return ok(tensorT(null, dtype));
      }
      const d = intValue(dArg);
      const pairResult = name === 'max' || name === 'min';
      const wrap = (t: SType): SType => (pairResult
        ? { k: 'tuple', items: [t, tensorT((t as { shape: Dim[] | null }).shape, 'int64')], names: ['values', 'indices'] } : t);
      if (!shape || rank === null || d === undefined || keepdim === undefined) return ok(wrap(tensorT(null, dtype)));
      return attempt(() => {
        const w = wrapDim(d, rank);
        const out = keepdim ? shape.map((s, i) => (i === w ? 1 : s)) : shape.filter((_, i) => i !== w);
        return wrap(tensorT(out, dtype));
      });
    }
    default: return ok(UNKNOWN);
  }
}

/** x.<name> (non-call attributes). */
export function tensorAttribute(x: Extract<SType, { k: 'tensor' }>, name: string): SType | undefined {
  switch (name) {
    case 'shape': return sizeType(x.shape);
    case 'ndim': return { k: 'int', v: x.shape ? x.shape.length : undefined };
    case 'dtype': return x.dtype ? { k: 'dtype', dtype: x.dtype } : UNKNOWN;
    case 'T': return tensorT(x.shape ? x.shape.slice().reverse() : null, x.dtype);
    case 'data': return x;
    default: return undefined;
  }
}

export function sizeType(shape: Dim[] | null): SType {
  if (!shape) return UNKNOWN;
  return { k: 'tuple', items: shape.map((d) => (d === null ? { k: 'int' } : { k: 'int', v: d })), size: true };
}

// ------------------------------------------------------------ indexing

export type IndexItem =
  | { kind: 'int'; v?: number }
  | { kind: 'slice'; start: number | null | undefined; stop: number | null | undefined; step: number | null | undefined }
  | { kind: 'none' }
  | { kind: 'ellipsis' }
  | { kind: 'unknown' };

/** Length of a Python slice over n items (PySlice_AdjustIndices). */
export function sliceLength(n: number, start: number | null, stop: number | null, step: number | null): number {
  const st = step ?? 1;
  if (st === 0) return 0;
  let a: number, b: number;
  if (st > 0) {
    a = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    b = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    return b > a ? Math.floor((b - a - 1) / st) + 1 : 0;
  }
  a = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
  b = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
  return a > b ? Math.floor((a - b - 1) / -st) + 1 : 0;
}

export function indexTensor(x: Extract<SType, { k: 'tensor' }>, items: IndexItem[]): Outcome {
  if (!x.shape || items.some((i) => i.kind === 'unknown')) return ok(tensorT(null, x.dtype));
  const shape = x.shape;
  const consuming = items.filter((i) => i.kind === 'int' || i.kind === 'slice').length;
  const ellipses = items.filter((i) => i.kind === 'ellipsis').length;
  if (ellipses > 1) return ok(tensorT(null, x.dtype));
  if (consuming > shape.length) {
    return {
      result: UNKNOWN,
      error: new TorchError('IndexError', `too many indices for tensor of dimension ${shape.length}`),
    };
  }
  const out: Dim[] = [];
  let d = 0;
  for (const it of items) {
    if (it.kind === 'none') { out.push(1); continue; }
    if (it.kind === 'ellipsis') {
      const skip = shape.length - consuming;
      for (let k = 0; k < skip; k++) out.push(shape[d++]);
      continue;
    }
    const size = shape[d++];
    if (it.kind === 'int') {
      if (it.v !== undefined && size !== null && (it.v >= size || it.v < -size)) {
        return {
          result: UNKNOWN,
          error: new TorchError('IndexError', `index ${it.v} is out of bounds for dimension ${d - 1} with size ${size}`),
        };
      }
      continue;
    }
    if (it.kind === 'slice') {
      if (size === null || it.start === undefined || it.stop === undefined || it.step === undefined) { out.push(null); continue; }
      out.push(sliceLength(size, it.start, it.stop, it.step));
    }
  }
  while (d < shape.length) out.push(shape[d++]);
  return ok(tensorT(out, x.dtype));
}

// ------------------------------------------------------------ operators

type Scalarish = { k: 'int' | 'float' | 'bool'; v?: number | boolean };

function operandOf(t: SType): { dtype: DType; kind: 'tensor' | 'zerodim' | 'scalar' } | null {
  if (t.k === 'tensor') {
    if (t.dtype === null || !t.shape) return null;
    return { dtype: t.dtype, kind: t.shape.length === 0 ? 'zerodim' : 'tensor' };
  }
  if (t.k === 'int') return { dtype: 'int64', kind: 'scalar' };
  if (t.k === 'float') return { dtype: 'float64', kind: 'scalar' };
  if (t.k === 'bool') return { dtype: 'bool', kind: 'scalar' };
  return null;
}

function broadcastDims(a: Dim[], b: Dim[]): Dim[] | TorchError {
  if (a.every((d) => d !== null) && b.every((d) => d !== null)) {
    try { return broadcastShapes(a as number[], b as number[]); } catch (e) { if (e instanceof TorchError) return e; throw e; }
  }
  const n = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1, y = b[b.length - n + i] ?? 1;
    if (x === null || y === null) out.push(x === 1 ? y : y === 1 ? x : null);
    else if (x === y || y === 1) out.push(x);
    else if (x === 1) out.push(y);
    else out.push(null);
  }
  return out;
}

const COMPARE = new Set(['<', '>', '<=', '>=', '==', '!=']);

/** `a op b` where at least one side is a tensor. */
export function tensorBinary(op: string, a: SType, b: SType): Outcome {
  const ta = a.k === 'tensor' ? a : null, tb = b.k === 'tensor' ? b : null;
  const sa = ta ? ta.shape : [], sb = tb ? tb.shape : [];
  let shape: Dim[] | null = null;
  if (sa && sb) {
    const r = broadcastDims(sa, sb);
    if (r instanceof TorchError) return { result: UNKNOWN, error: r };
    shape = r;
  }
  const oa = operandOf(a), ob = operandOf(b);
  let dtype: DType | null = null;
  if (COMPARE.has(op)) dtype = 'bool';
  else if (oa && ob) {
    dtype = resultType([oa, ob]);
    if (op === '/' && !isFloating(dtype)) dtype = 'float32';
  }
  return ok(tensorT(shape, dtype));
}

/** Python arithmetic on known scalars (ints stay ints, `/` gives a float), for sizes like `n - 1`. */
export function scalarBinary(op: string, a: Scalarish, b: Scalarish): SType {
  const isFloat = a.k === 'float' || b.k === 'float';
  const av = typeof a.v === 'boolean' ? (a.v ? 1 : 0) : a.v;
  const bv = typeof b.v === 'boolean' ? (b.v ? 1 : 0) : b.v;
  const known = av !== undefined && bv !== undefined;
  const num = (k: 'int' | 'float', v: number | undefined): SType => (v === undefined || !Number.isFinite(v) ? { k } : { k, v });
  switch (op) {
    case '+': return num(isFloat ? 'float' : 'int', known ? av! + bv! : undefined);
    case '-': return num(isFloat ? 'float' : 'int', known ? av! - bv! : undefined);
    case '*': return num(isFloat ? 'float' : 'int', known ? av! * bv! : undefined);
    case '/': return num('float', known && bv !== 0 ? av! / bv! : undefined);
    case '//': return num(isFloat ? 'float' : 'int', known && bv !== 0 ? Math.floor(av! / bv!) : undefined);
    case '%': return num(isFloat ? 'float' : 'int', known && bv !== 0 ? av! - Math.floor(av! / bv!) * bv! : undefined);
    case '**': {
      if (!isFloat && known && bv! < 0) return num('float', av! ** bv!);
      return num(isFloat ? 'float' : 'int', known ? av! ** bv! : undefined);
    }
    case '<': case '>': case '<=': case '>=': case '==': case '!=': {
      if (!known) return { k: 'bool' };
      const r = op === '<' ? av! < bv! : op === '>' ? av! > bv! : op === '<=' ? av! <= bv! : op === '>=' ? av! >= bv! : op === '==' ? av! === bv! : av! !== bv!;
      return { k: 'bool', v: r };
    }
    default: return UNKNOWN;
  }
}

export function dtypeFromName(name: string): SType | undefined {
  const d = DTYPE_NAMES[name];
  return d ? { k: 'dtype', dtype: d } : undefined;
}

export { knownShape };
