// Static types: what the checker knows about a value without running the cell.
// Unknown parts stay unknown (`null` dims, `unknown` values) and never produce a
// diagnostic: the checker only speaks when it is sure.

import type { DType } from '../../engine/dtype';
import type { AxisDerivation } from '../../common/viewModel';
import type * as N from '../syntax/nodes';
import type { LibEntry } from './library';

export type Dim = number | null;

/** What a pooling call computed statically (for hover): the engine plan's derivation. */
export interface PlanInfo {
  op: string;
  params: Record<string, unknown>;
  derivation: AxisDerivation[];
  inputShape: number[];
}

export type SType =
  | { k: 'unknown' }
  | { k: 'tensor'; shape: Dim[] | null; dtype: DType | null; plan?: PlanInfo }
  | { k: 'int'; v?: number }
  | { k: 'float'; v?: number }
  | { k: 'bool'; v?: boolean }
  | { k: 'str'; v?: string }
  | { k: 'none' }
  /** `size`: a torch.Size; `names`: a named tuple's field names (torch.return_types.max ...) */
  | { k: 'tuple'; items: SType[]; size?: boolean; names?: string[] }
  /** items known when the list is built from a literal and not changed since */
  | { k: 'list'; items: SType[] | null; elem: SType }
  | { k: 'range'; length: number | null }
  | { k: 'dtype'; dtype: DType }
  /** a Python module object: torch, torch.nn, torch.nn.functional, or one PoolScript lacks */
  | { k: 'pymodule'; name: 'torch' | 'nn' | 'F' }
  | { k: 'unavailable'; name: string; advice: string }
  /** a library function or class; `table` says where it lives */
  | { k: 'lib'; table: 'torch' | 'nn' | 'F' | 'builtin' | 'helper'; entry: LibEntry }
  /** a bound tensor method */
  | { k: 'method'; self: SType; entry: LibEntry }
  /** an nn layer instance (MaxPool2d(...), Sequential(...)): effective arguments by name */
  | { k: 'layer'; cls: string; args: Record<string, SType>; children?: SType[] }
  /** a user function; `self` is set for a method bound to an instance */
  | { k: 'function'; def: N.FunctionDef; cell: number; self?: SType; /** defined inside another function */ nested?: boolean }
  | { k: 'class'; def: N.ClassDef; cell: number; isModule: boolean; methods: Map<string, N.FunctionDef> }
  | { k: 'instance'; cls: Extract<SType, { k: 'class' }>; attrs: Map<string, SType> }
  /** super() inside a method */
  | { k: 'super' };

export const UNKNOWN: SType = { k: 'unknown' };

export function tensorT(shape: Dim[] | null, dtype: DType | null = 'float32'): SType {
  return { k: 'tensor', shape, dtype };
}

/** All dims known? Then the concrete shape. */
export function knownShape(t: SType): number[] | undefined {
  if (t.k !== 'tensor' || !t.shape || t.shape.some((d) => d === null)) return undefined;
  return t.shape as number[];
}

/** A Python int value known statically (bools count, as in Python). */
export function intValue(t: SType): number | undefined {
  if (t.k === 'int') return t.v;
  if (t.k === 'bool' && t.v !== undefined) return t.v ? 1 : 0;
  return undefined;
}

export function isIntLike(t: SType): boolean {
  return t.k === 'int' || t.k === 'bool';
}

/** The join of two types (for branches and loops): what is the same in both. */
export function join(a: SType, b: SType): SType {
  if (a === b) return a;
  if (a.k !== b.k) {
    if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float')) return UNKNOWN;
    return UNKNOWN;
  }
  switch (a.k) {
    case 'tensor': {
      const bt = b as typeof a;
      let shape: Dim[] | null = null;
      if (a.shape && bt.shape && a.shape.length === bt.shape.length) shape = a.shape.map((d, i) => (d === bt.shape![i] ? d : null));
      return { k: 'tensor', shape, dtype: a.dtype === bt.dtype ? a.dtype : null };
    }
    case 'int': case 'float': case 'bool': case 'str':
      return a.v === (b as typeof a).v ? a : { k: a.k } as SType;
    case 'tuple': {
      const bt = b as typeof a;
      if (a.items.length !== bt.items.length) return UNKNOWN;
      return { k: 'tuple', items: a.items.map((x, i) => join(x, bt.items[i])), size: a.size && bt.size };
    }
    case 'list': {
      const bl = b as typeof a;
      return { k: 'list', items: null, elem: join(a.elem, bl.elem) };
    }
    case 'none': return a;
    case 'dtype': return a.dtype === (b as typeof a).dtype ? a : UNKNOWN;
    case 'pymodule': return a.name === (b as typeof a).name ? a : UNKNOWN;
    case 'lib': return a.entry === (b as typeof a).entry ? a : UNKNOWN;
    case 'function': return a.def === (b as typeof a).def ? a : UNKNOWN;
    case 'class': return a.def === (b as typeof a).def ? a : UNKNOWN;
    case 'instance': return a.cls.def === (b as typeof a).cls.def ? a : UNKNOWN;
    default: return UNKNOWN;
  }
}

/** `Tensor[1, 1, 2, 2] float32`, `int = 3`, `MaxPool2d(kernel_size=3, ...)` ... (for hover). */
export function describe(t: SType): string {
  switch (t.k) {
    case 'unknown': return 'unknown';
    case 'tensor': {
      const shape = t.shape ? `[${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]` : '[...]';
      return `Tensor${shape} ${t.dtype ?? '?'}`;
    }
    case 'int': return t.v !== undefined ? `int = ${t.v}` : 'int';
    case 'float': return t.v !== undefined ? `float = ${t.v}` : 'float';
    case 'bool': return t.v !== undefined ? `bool = ${t.v ? 'True' : 'False'}` : 'bool';
    case 'str': return t.v !== undefined ? `str = ${JSON.stringify(t.v).length > 40 ? 'str' : JSON.stringify(t.v)}` : 'str';
    case 'none': return 'None';
    case 'tuple':
      if (t.size) return `torch.Size([${t.items.map((x) => (x.k === 'int' && x.v !== undefined ? x.v : '?')).join(', ')}])`;
      return `tuple[${t.items.map(describe).join(', ')}]`;
    case 'list': return t.items ? `list[${t.items.length}] of ${describe(t.elem)}` : `list of ${describe(t.elem)}`;
    case 'range': return t.length !== null ? `range (${t.length} items)` : 'range';
    case 'dtype': return `torch.${t.dtype}`;
    case 'pymodule': return t.name === 'torch' ? 'module torch' : t.name === 'nn' ? 'module torch.nn' : 'module torch.nn.functional';
    case 'unavailable': return `${t.name} (not available)`;
    case 'lib': return `${t.table === 'nn' ? 'class ' : 'function '}${prefixOf(t.table)}${t.entry.name}`;
    case 'method': return `method Tensor.${t.entry.name}`;
    case 'layer': return `${t.cls}(${layerArgsText(t)})`;
    case 'function': return `function ${t.def.name.name}(${t.def.params.map((p) => p.name.name).join(', ')})`;
    case 'class': return `class ${t.def.name.name}`;
    case 'instance': return `${t.cls.def.name.name} instance`;
    case 'super': return 'super()';
  }
}

export function prefixOf(table: string): string {
  switch (table) {
    case 'torch': return 'torch.';
    case 'nn': return 'nn.';
    case 'F': return 'F.';
    default: return '';
  }
}

export function valueText(t: SType): string {
  switch (t.k) {
    case 'int': case 'float': return t.v !== undefined ? String(t.v) : '?';
    case 'bool': return t.v !== undefined ? (t.v ? 'True' : 'False') : '?';
    case 'none': return 'None';
    case 'str': return t.v !== undefined ? `'${t.v}'` : '?';
    case 'tuple': return `(${t.items.map(valueText).join(', ')}${t.items.length === 1 ? ',' : ''})`;
    case 'list': return t.items ? `[${t.items.map(valueText).join(', ')}]` : '[...]';
    default: return '?';
  }
}

function layerArgsText(t: Extract<SType, { k: 'layer' }>): string {
  if (t.children) return `${t.children.length} layers`;
  return Object.entries(t.args).map(([k, v]) => `${k}=${valueText(v)}`).join(', ');
}

/**
 * A deep copy of a scope's values that keeps aliasing (two names for one list stay one
 * list). Each cell is checked on a copy of the scope above it, so changes a cell makes to
 * shared objects (instance attributes, list items, x.data) never leak into the cached
 * analysis of the cells above.
 */
export function cloneValues(vars: ReadonlyMap<string, SType>): Map<string, SType> {
  const memo = new Map<SType, SType>();
  const c = (t: SType): SType => {
    const hit = memo.get(t);
    if (hit) return hit;
    switch (t.k) {
      case 'tensor': { const o = { ...t, shape: t.shape ? t.shape.slice() : null }; memo.set(t, o); return o; }
      case 'tuple': { const o = { ...t, items: [] as SType[] }; memo.set(t, o); o.items = t.items.map(c); return o; }
      case 'list': {
        const o: Extract<SType, { k: 'list' }> = { k: 'list', items: null, elem: UNKNOWN };
        memo.set(t, o);
        o.items = t.items ? t.items.map(c) : null;
        o.elem = c(t.elem);
        return o;
      }
      case 'layer': {
        const o: Extract<SType, { k: 'layer' }> = { k: 'layer', cls: t.cls, args: {} };
        memo.set(t, o);
        for (const [k, v] of Object.entries(t.args)) o.args[k] = c(v);
        if (t.children) o.children = t.children.map(c);
        return o;
      }
      case 'instance': {
        const o: Extract<SType, { k: 'instance' }> = { k: 'instance', cls: t.cls, attrs: new Map() };
        memo.set(t, o);
        for (const [k, v] of t.attrs) o.attrs.set(k, c(v));
        return o;
      }
      case 'method': { const o = { ...t }; memo.set(t, o); o.self = c(t.self); return o; }
      case 'function': {
        if (!t.self) return t;
        const o = { ...t }; memo.set(t, o); o.self = c(t.self); return o;
      }
      default: return t;
    }
  };
  const out = new Map<string, SType>();
  for (const [k, v] of vars) out.set(k, c(v));
  return out;
}
