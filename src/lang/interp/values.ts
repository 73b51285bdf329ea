// The runtime values of PoolScript. Python ints are plain JS numbers (the common case
// in loops and shapes stays allocation-free); Python floats are boxed in PyFloat so
// `2` and `2.0` stay distinct, as Python keeps them. bool is a JS boolean, None is
// null, str a JS string, and tensors are the engine's Tensor itself.

import { Tensor } from '../../engine/tensor';
import type { DType } from '../../engine/dtype';
import { TorchError, PyErrorType } from '../../engine/errors';
import type * as N from '../syntax/nodes';

export class PyFloat {
  constructor(readonly v: number) {}
}

export class PyList {
  constructor(public items: Value[]) {}
}

/** A tuple; `torch.Size` is a tuple whose repr is `torch.Size([...])`. */
export class PyTuple {
  constructor(readonly items: Value[], readonly isSize = false) {}
}

/** A torch.return_types structseq (torch.max(x, dim) -> values, indices): a tuple with field names. */
export class PyNamedTuple extends PyTuple {
  constructor(items: Value[], readonly typeName: string, readonly fields: string[]) {
    super(items);
  }
}

export class PyDict {
  /** keyed by hashKey(key), insertion-ordered like Python 3.7+ dicts */
  readonly map = new Map<string, [Value, Value]>();
}

export class PySet {
  readonly map = new Map<string, Value>();
}

export class PyRange {
  constructor(readonly start: number, readonly stop: number, readonly step: number) {}
  get length(): number {
    const n = this.step > 0 ? Math.ceil((this.stop - this.start) / this.step) : Math.ceil((this.start - this.stop) / -this.step);
    return Math.max(0, n);
  }
}

export class PySlice {
  constructor(readonly start: Value, readonly stop: Value, readonly step: Value) {}
}

export class PyEllipsis {
  static readonly instance = new PyEllipsis();
}

/** torch.device('cpu') and friends (poolnb computes on the CPU only). */
export class PyDevice {
  constructor(readonly type: string, readonly index: number | null = null) {}
  get text(): string { return this.index === null ? this.type : `${this.type}:${this.index}`; }
}

/** `torch.float32` and friends. */
export class PyDType {
  constructor(readonly dtype: DType) {}
}

/** A JS-implemented callable: `fn(args, kwargs)`; kwargs keep call order. */
export type Kwargs = [string, Value][];
export type NativeFn = (args: Value[], kwargs: Kwargs, call: CallContext) => Value | Promise<Value>;

export class PyBuiltin {
  constructor(readonly name: string, readonly fn: NativeFn, readonly qualname = name) {}
}

/** A user function (`def` or `lambda`) with the scope it closes over. */
export class PyFunction {
  constructor(
    readonly name: string,
    readonly params: N.Param[],
    readonly defaults: (Value | undefined)[],
    readonly body: N.Stmt[] | N.Expr,
    readonly closure: Scope,
    readonly qualname: string,
    /** the class a method was defined in (for zero-argument super()) */
    public definingClass?: PyClass,
  ) {}
}

export class PyBoundMethod {
  constructor(readonly self: Value, readonly func: PyFunction | PyBuiltin) {}
}

/**
 * A class: user-defined (`class Net(nn.Module)`) or native (nn.MaxPool2d, ValueError).
 * Native classes construct through `native.construct`; user classes run `__init__`.
 */
export class PyClass {
  readonly dict = new Map<string, Value>();
  constructor(
    readonly name: string,
    readonly bases: PyClass[],
    readonly native?: NativeClass,
    readonly moduleName = '__main__',
  ) {}

  private mroCache?: PyClass[];

  /** Method resolution order: depth-first, left to right (enough for single inheritance). Bases never change after setup. */
  mro(): PyClass[] {
    if (this.mroCache) return this.mroCache;
    const out: PyClass[] = [this];
    for (const b of this.bases) for (const c of b.mro()) if (!out.includes(c)) out.push(c);
    return (this.mroCache = out);
  }

  lookup(name: string): Value | undefined {
    const mro = this.mro();
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  isSubclassOf(other: PyClass): boolean {
    return this.mro().includes(other);
  }

  nativeBase(): NativeClass | undefined {
    for (const c of this.mro()) if (c.native) return c.native;
    return undefined;
  }
}

export interface NativeClass {
  /** Creates and initialises an instance of `cls` (which may be a user subclass). */
  construct?(cls: PyClass, args: Value[], kwargs: Kwargs, call: CallContext): Value | Promise<Value>;
  /** For exception classes: the Python error type it stands for. */
  errorType?: string;
  /** nn.Module: instances register submodules and parameters on assignment */
  isModuleBase?: boolean;
  /** A native setter for attributes (returns false to store in the instance dict). */
  setAttr?(inst: PyInstance, name: string, v: Value): boolean;
}

/** An instance of a PyClass: attributes live in `dict`; nn.Module state in `module`. */
export class PyInstance {
  readonly dict = new Map<string, Value>();
  module?: ModuleState;
  /** for exception instances */
  excArgs?: Value[];
  constructor(readonly cls: PyClass) {}
}

/** The state nn.Module keeps besides plain attributes (submodules and parameters in order). */
export interface ModuleState {
  modules: Map<string, PyInstance | null>;
  parameters: Map<string, PyParameter | null>;
  training: boolean;
  /** for built-in layers: the computation and the repr's argument text */
  forward?: NativeFn;
  extraRepr?: (self: PyInstance) => string;
}

/** torch, torch.nn, math ... : a namespace object. */
export class PyModule {
  readonly attrs = new Map<string, Value>();
  constructor(readonly name: string) {}
}

/** A name bound by an import PoolScript cannot run (torchvision, numpy, ...): any use explains. */
export class PyUnsupported {
  constructor(readonly name: string, readonly advice: string) {}
}

/**
 * nn.Parameter(t): a Tensor (so every op takes it) that shares t's storage and
 * prints as `Parameter containing:`. `p.data = x` swaps its contents in place, as in PyTorch.
 */
export class PyParameter extends Tensor {
  requiresGrad = true;
  static of(t: Tensor): PyParameter {
    return new PyParameter(t.dtype, t.storage, t.shape, t.strides, t.offset);
  }
  replaceData(t: Tensor): void {
    // The engine's fields are readonly for engine code; a Parameter really is rebound.
    Object.assign(this as object, { dtype: t.dtype, storage: t.storage, shape: t.shape.slice(), strides: t.strides.slice(), offset: t.offset });
  }
  /** `.data`: a plain tensor over the same storage */
  plain(): Tensor {
    return new Tensor(this.dtype, this.storage, this.shape, this.strides, this.offset);
  }
}

/** The result of `show(...)`/displayed expressions: the value plus how to draw it. */
export interface DisplayRequest {
  value: Value;
  mode?: 'grid' | 'heatmap' | 'image';
  title?: string;
  /** explain(layer, x): the layer and its output */
  explain?: { layer: Value; input: Tensor; output: Tensor };
}

/** What a native function may need from the interpreter. */
export interface CallContext {
  call(fn: Value, args: Value[], kwargs?: Kwargs): Promise<Value>;
  write(text: string): void;
  display(req: DisplayRequest): void;
  repr(v: Value): string;
  str(v: Value): string;
  /** str()/repr() that run a user class's __str__ / __repr__ */
  strOf(v: Value): Promise<string>;
  reprOf(v: Value): Promise<string>;
  /** operators with user classes' dunder methods (for sorted, min, max, sum) */
  compareValues(op: '<' | '>' | '==', a: Value, b: Value): Promise<Value>;
  addValues(a: Value, b: Value): Promise<Value>;
  readFile?(path: string): Promise<Uint8Array>;
  token?: { readonly cancelled: boolean };
}

export type Value =
  | number | bigint | boolean | null | string
  | PyFloat | PyList | PyTuple | PyDict | PySet | PyRange | PySlice | PyEllipsis | PyDType
  | PyBuiltin | PyFunction | PyBoundMethod | PyClass | PyInstance | PyModule | PyUnsupported
  | Tensor | PyIterator | PyProperty | PySuper | PyMethodWrapper | PyDevice;

/** A one-shot iterator (enumerate, zip, iter(), generator expressions are materialised eagerly). */
export class PyIterator {
  private i = 0;
  constructor(readonly items: Value[], readonly typeName = 'list_iterator') {}
  next(): Value | undefined {
    return this.i < this.items.length ? this.items[this.i++] : undefined;
  }
  rest(): Value[] {
    const r = this.items.slice(this.i);
    this.i = this.items.length;
    return r;
  }
}

/** @staticmethod / @classmethod / @property wrappers of user functions in a class body. */
export class PyMethodWrapper {
  constructor(readonly kind: 'staticmethod' | 'classmethod' | 'property', readonly fn: Value, readonly setter: Value = null) {}
}

/** `super()` / `super(C, self)`: attribute lookup starts after `cls` in self's MRO. */
export class PySuper {
  constructor(readonly cls: PyClass, readonly self: Value) {}
}

/** A read-only computed attribute on a native class (e.g. Module.training). */
export class PyProperty {
  constructor(readonly get: (self: Value) => Value) {}
}

/** Variables of one function activation or of the notebook (globals). */
export class Scope {
  readonly vars = new Map<string, Value>();
  /** names declared `global` in this function */
  globals?: Set<string>;
  /** names declared `nonlocal` in this function */
  nonlocals?: Set<string>;
  /** names the function body assigns (reading one unassigned is UnboundLocalError) */
  localNames?: Set<string>;
  /** the function activation this scope belongs to (for zero-argument super()) */
  frame?: { fn: PyFunction };
  /** a class body's qualified name when the class is defined inside a function */
  classQual?: string;
  constructor(readonly parent: Scope | undefined, readonly isClassBody = false, readonly className?: string) {}
}

// ------------------------------------------------------------------ helpers

export function pyError(type: PyErrorType, message: string): TorchError {
  return new TorchError(type, message);
}

/** The key of a KeyError raised by a lookup (its message is repr(key); e.args is (key,)). */
export const keyErrorKeys = new WeakMap<TorchError, Value>();

export const isInt = (v: Value): v is number => typeof v === 'number';
export const isFloat = (v: Value): v is PyFloat => v instanceof PyFloat;
export const isNumber = (v: Value): boolean => typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat || typeof v === 'boolean';

/** Containers past this many items would exhaust the host's memory: MemoryError instead (as CPython eventually raises). */
export const MAX_ITEMS = 50_000_000;

export function checkItems(n: number): void {
  if (n > MAX_ITEMS) throw pyError('MemoryError', '');
}

/** The numeric value of an int/float/bool (callers have checked isNumber). */
export function num(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyError('TypeError', `expected a number, got '${typeName(v)}'`);
}

export function float(v: number): PyFloat {
  return new PyFloat(v);
}

/** Python's `type(v).__name__`. */
export function typeName(v: Value): string {
  if (v === null) return 'NoneType';
  switch (typeof v) {
    case 'number': return 'int';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'string': return 'str';
  }
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return v.isSize ? 'Size' : 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PySet) return 'set';
  if (v instanceof PyRange) return 'range';
  if (v instanceof PySlice) return 'slice';
  if (v instanceof PyEllipsis) return 'ellipsis';
  if (v instanceof PyDType) return 'dtype';
  if (v instanceof PyBuiltin) return 'builtin_function_or_method';
  if (v instanceof PyFunction) return 'function';
  if (v instanceof PyBoundMethod) return 'method';
  if (v instanceof PyClass) return 'type';
  if (v instanceof PyInstance) return v.cls.name;
  if (v instanceof PyModule) return 'module';
  if (v instanceof PyParameter) return 'Parameter';
  if (v instanceof Tensor) return 'Tensor';
  if (v instanceof PyIterator) return v.typeName;
  if (v instanceof PyMethodWrapper) return v.kind;
  if (v instanceof PyDevice) return 'device';
  return 'object';
}

/** Python truthiness; tensors follow PyTorch (one element, else RuntimeError). */
export function truthy(v: Value): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'string': return v.length > 0;
  }
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.map.size > 0;
  if (v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof Tensor) {
    const t = v;
    if (t.numel === 0) throw pyError('RuntimeError', 'Boolean value of Tensor with no values is ambiguous');
    if (t.numel > 1) throw pyError('RuntimeError', 'Boolean value of Tensor with more than one value is ambiguous');
    return t.at(0) !== 0;
  }
  return true;
}

/** A key for dict/set membership: equal Python values (1, 1.0, True) share a key. */
export function hashKey(v: Value): string {
  if (v === null) return 'N';
  switch (typeof v) {
    case 'number': return `n${v}`;
    case 'bigint': return `n${v}`;
    case 'boolean': return `n${v ? 1 : 0}`;
    case 'string': return `s${v}`;
  }
  if (v instanceof PyFloat) return `n${v.v}`;
  if (v instanceof PyTuple) return `t(${v.items.map(hashKey).join(',')})`;
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet) {
    throw pyError('TypeError', `unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PyDType) return `d${v.dtype}`;
  if (v instanceof PyDevice) return `D${v.text}`;
  return `o${objectId(v as object)}`;
}

const ids = new WeakMap<object, number>();
let nextId = 0x7f0000001000;
/** A stable id for `id(x)`, `is` and object hashing. */
export function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId;
    nextId += 0x40;
    ids.set(o, id);
  }
  return id;
}

export function asTensor(v: Value): Tensor | undefined {
  return v instanceof Tensor ? v : undefined;
}
