// Tensor attributes and methods (x.shape, x.view(...), x.max(dim=1), ...), each a thin
// binding from Python arguments to an engine op.

import { Tensor } from '../../../engine/tensor';
import { DType, category, isFloating, itemSize, scalarTypeName } from '../../../engine/dtype';
import * as ew from '../../../engine/ops/elementwise';
import * as shp from '../../../engine/ops/shape';
import * as red from '../../../engine/ops/reduce';
import * as conv from '../../../engine/ops/convert';
import { copyInto } from '../../../engine/ops/indexing';
import { TensorOrScalar } from '../../../engine/ops/scalar';
import {
  CallContext, Kwargs, PyBuiltin, PyDevice, PyDType, PyNamedTuple, PyTuple, Value, pyError, truthy, typeName,
} from '../values';
import { ParamSpec, bindArgs, sig, Signature } from '../args';
import {
  boolArg, dtypeArg, fromNestedList, intArg, scalarArg, shapeArgs, sizeValue, tensorItem,
} from '../convert';
import { toScalar } from '../operators';
import { gradFnOf, requiresGrad, setRequiresGrad, track } from '../autograd';

/** The grad_fn PyTorch 1.13 gives each method's result (by dim arguments where they matter). */
const METHOD_GRAD_FN: Record<string, string | ((a: Map<string, Value>) => string)> = {
  view: 'ViewBackward0', reshape: 'ReshapeAliasBackward0', flatten: 'ReshapeAliasBackward0', permute: 'PermuteBackward0',
  transpose: 'TransposeBackward0', t: 'TBackward0', squeeze: (a) => (a.get('dim') === null ? 'SqueezeBackward0' : 'SqueezeBackward1'),
  unsqueeze: 'UnsqueezeBackward0', clone: 'CloneBackward0', contiguous: 'CloneBackward0', expand: 'ExpandBackward0',
  sum: (a) => (a.get('dim') === null ? 'SumBackward0' : 'SumBackward1'), mean: (a) => (a.get('dim') === null ? 'MeanBackward0' : 'MeanBackward1'),
  abs: 'AbsBackward0', neg: 'NegBackward0', sqrt: 'SqrtBackward0', exp: 'ExpBackward0', log: 'LogBackward0', relu: 'ReluBackward0',
  add: 'AddBackward0', sub: 'SubBackward0', mul: 'MulBackward0', div: 'DivBackward0', pow: 'PowBackward0',
  clamp: 'ClampBackward1', float: 'ToCopyBackward0', double: 'ToCopyBackward0', to: 'ToCopyBackward0',
};

/** The method call being bound: which parameters were given positionally (for `(position N)` in TypeErrors). */
let callInfo: { params: string[]; positional: number } = { params: [], positional: 0 };

/** intArg for a method parameter, with the position clause PyTorch adds for positional arguments. */
function ia(fn: string, name: string, v: Value): number {
  const i = callInfo.params.indexOf(name);
  return intArg(fn, name, v, i >= 0 && i < callInfo.positional ? i + 1 : undefined);
}

type Impl = (self: Tensor, a: Map<string, Value>, rest: Value[], ctx: CallContext) => Value | Promise<Value>;

interface MethodDef { sig: Signature; impl: Impl }
const METHODS = new Map<string, MethodDef>();

function def(name: string, params: (string | [string, Value] | ParamSpec)[], impl: Impl): void {
  METHODS.set(name, { sig: sig(name, ...params), impl });
}

/** A tensor or Python-number operand for element-wise ops. */
export function operand(fn: string, v: Value, name = 'other'): TensorOrScalar {
  if (v instanceof Tensor) return v;
  const s = toScalar(v);
  if (s === undefined) throw pyError('TypeError', `${fn}(): argument '${name}' (position 1) must be Tensor, not ${typeName(v)}`);
  return s;
}

export function tensorArg(fn: string, v: Value, name = 'input', pos = 1): Tensor {
  if (v instanceof Tensor) return v;
  throw pyError('TypeError', `${fn}(): argument '${name}' (position ${pos}) must be Tensor, not ${typeName(v)}`);
}

function optDim(fn: string, v: Value | undefined): number | number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || (v as unknown) instanceof Array) return shapeArgs(fn, [v], 'dim');
  if (typeof v === 'object' && v !== null && 'items' in v) return shapeArgs(fn, [v], 'dim');
  return intArg(fn, 'dim', v);
}

export function returnTypes(name: string, r: red.ValuesIndices): PyNamedTuple {
  return new PyNamedTuple([r.values, r.indices], name, ['values', 'indices']);
}

/** max/min with the three overloads: (), (dim, keepdim), (other). */
export function extreme(which: 'max' | 'min', self: Tensor, args: Value[], kwargs: Kwargs): Value {
  const other = kwargs.find(([k]) => k === 'other')?.[1] ?? (args[0] instanceof Tensor ? args[0] : undefined);
  if (other instanceof Tensor) {
    const gt = which === 'max' ? ew.ge(self, other) : ew.le(self, other);
    const nanA = ew.ne(self, self);
    return ew.where(ew.logicalOr(gt, nanA), self, other);
  }
  const b = bindArgs(sig(which, ['dim', null], ['keepdim', false]), args, kwargs);
  const dim = b.values.get('dim')!;
  if (dim === null) {
    if (b.values.get('keepdim') === true) throw pyError('TypeError', `${which}() received an invalid combination of arguments - got (keepdim=bool, ), but expected one of:\n * ()\n * (Tensor other)\n * (int dim, bool keepdim)\n * (name dim, bool keepdim)`);
    if (self.numel === 0) {
      throw pyError('RuntimeError', `${which}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
    }
    return which === 'max' ? red.max(self) : red.min(self);
  }
  const d = intArg(which, 'dim', dim);
  const keep = boolArg(which, 'keepdim', b.values.get('keepdim')!);
  return returnTypes(which, which === 'max' ? red.maxDim(self, d, keep) : red.minDim(self, d, keep));
}

const toDtype: Record<string, DType> = { float: 'float32', double: 'float64', long: 'int64', int: 'int32', bool: 'bool', byte: 'uint8' };
for (const [name, d] of Object.entries(toDtype)) def(name, [], (t) => conv.to(t, d));
def('half', [], () => { throw pyError('NotImplementedError', 'poolnb: float16 is not part of PoolScript'); });
def('to', ['*args', '**kwargs'], (t, _a, rest) => {
  for (const x of rest) checkDevice(x);
  const d = rest.find((x) => x instanceof PyDType) as PyDType | undefined;
  const other = rest.find((x) => x instanceof Tensor) as Tensor | undefined;
  if (d) return conv.to(t, d.dtype);
  if (other) return conv.to(t, other.dtype);
  return t;
});
def('cuda', [], () => { throw pyError('AssertionError', 'Torch not compiled with CUDA enabled'); });
def('type', [['dtype', null]], (t, a) => {
  const d = a.get('dtype')!;
  if (d === null) return torchTypeString(t);
  if (d instanceof PyDType) return conv.to(t, d.dtype);
  throw pyError('TypeError', `type(): argument 'dtype' must be torch.dtype, not ${typeName(d)}`);
});
def('cpu', [], (t) => t);
def('detach', [], (t) => plain(t));
def('numpy', [], () => { throw pyError('NotImplementedError', 'poolnb: numpy is not available; use .tolist() or print the tensor'); });
def('size', [['dim', null]], (t, a) => {
  const d = a.get('dim')!;
  if (d === null) return sizeValue(t.shape);
  const k = ia('size', 'dim', d);
  const nd = t.ndim;
  if (k < -Math.max(nd, 1) || k >= Math.max(nd, 1)) {
    throw pyError('IndexError', `Dimension out of range (expected to be in range of [${-Math.max(nd, 1)}, ${Math.max(nd, 1) - 1}], but got ${k})`);
  }
  return t.shape[k < 0 ? k + nd : k];
});
def('dim', [], (t) => t.ndim);
def('ndimension', [], (t) => t.ndim);
def('numel', [], (t) => t.numel);
def('nelement', [], (t) => t.numel);
def('element_size', [], (t) => itemSize(t.dtype));
def('is_contiguous', [], (t) => t.isContiguous());
def('is_floating_point', [], (t) => isFloating(t.dtype));
def('stride', [['dim', null]], (t, a) => {
  const d = a.get('dim')!;
  if (d === null) return new PyTuple(t.strides.slice());
  const k = ia('stride', 'dim', d);
  return t.strides[k < 0 ? k + t.ndim : k];
});
def('storage_offset', [], (t) => t.offset);
def('item', [], (t) => tensorItem(t));
def('tolist', [], (t) => fromNestedList(conv.tolist(t), t.dtype));
def('view', ['*size'], (t, _a, rest) => {
  if (rest.length === 1 && rest[0] instanceof PyDType) {
    throw pyError('NotImplementedError', 'poolnb: view(dtype) is not part of PoolScript');
  }
  return shp.view(t, shapeArgs('view', rest));
});
def('view_as', ['other'], (t, a) => shp.view(t, tensorArg('view_as', a.get('other')!, 'other').shape));
def('reshape', ['*shape'], (t, _a, rest) => shp.reshape(t, shapeArgs('reshape', rest, 'shape')));
def('reshape_as', ['other'], (t, a) => shp.reshape(t, tensorArg('reshape_as', a.get('other')!, 'other').shape));
def('flatten', [['start_dim', 0], ['end_dim', -1]], (t, a) => shp.flatten(t, ia('flatten', 'start_dim', a.get('start_dim')!), ia('flatten', 'end_dim', a.get('end_dim')!)));
def('unflatten', ['dim', 'sizes'], (t, a) => shp.unflatten(t, ia('unflatten', 'dim', a.get('dim')!), shapeArgs('unflatten', [a.get('sizes')!], 'sizes')));
def('permute', ['*dims'], (t, _a, rest) => shp.permute(t, shapeArgs('permute', rest, 'dims')));
def('transpose', ['dim0', 'dim1'], (t, a) => shp.transpose(t, ia('transpose', 'dim0', a.get('dim0')!), ia('transpose', 'dim1', a.get('dim1')!)));
def('t', [], (t) => shp.t(t));
def('squeeze', [['dim', null]], (t, a) => {
  const d = a.get('dim')!;
  return shp.squeeze(t, d === null ? null : ia('squeeze', 'dim', d));
});
def('unsqueeze', ['dim'], (t, a) => shp.unsqueeze(t, ia('unsqueeze', 'dim', a.get('dim')!)));
def('expand', ['*sizes'], (t, _a, rest) => shp.expand(t, shapeArgs('expand', rest, 'sizes')));
def('expand_as', ['other'], (t, a) => shp.expand(t, tensorArg('expand_as', a.get('other')!, 'other').shape));
def('contiguous', [], (t) => shp.contiguous(t));
def('clone', [], (t) => shp.clone(t));
def('narrow', ['dim', 'start', 'length'], (t, a) => shp.narrow(t, ia('narrow', 'dim', a.get('dim')!), ia('narrow', 'start', a.get('start')!), ia('narrow', 'length', a.get('length')!)));
def('split', ['split_size', ['dim', 0]], (t, a) => {
  const s = a.get('split_size')!;
  const sizes = typeof s === 'number' ? s : shapeArgs('split', [s], 'split_size');
  return new PyTuple(shp.split(t, sizes, ia('split', 'dim', a.get('dim')!)));
});
def('sum', [['dim', null], ['keepdim', false], { name: 'dtype', default: null, kind: 'kwonly' }], (t, a) =>
  red.sum(t, optDim('sum', a.get('dim')), boolArg('sum', 'keepdim', a.get('keepdim')!), dtypeArg('sum', a.get('dtype')!)));
def('mean', [['dim', null], ['keepdim', false], { name: 'dtype', default: null, kind: 'kwonly' }], (t, a) =>
  red.mean(t, optDim('mean', a.get('dim')), boolArg('mean', 'keepdim', a.get('keepdim')!), dtypeArg('mean', a.get('dtype')!)));
def('argmax', [['dim', null], ['keepdim', false]], (t, a) => {
  const d = a.get('dim')!;
  return red.argmax(t, d === null ? null : ia('argmax', 'dim', d), boolArg('argmax', 'keepdim', a.get('keepdim')!));
});
def('argmin', [['dim', null], ['keepdim', false]], (t, a) => {
  const d = a.get('dim')!;
  return red.argmin(t, d === null ? null : ia('argmin', 'dim', d), boolArg('argmin', 'keepdim', a.get('keepdim')!));
});
def('any', [], (t) => Tensor.scalar(t.toStorage().some((x) => x !== 0) ? 1 : 0, 'bool'));
def('all', [], (t) => Tensor.scalar(t.toStorage().every((x) => x !== 0) ? 1 : 0, 'bool'));
def('abs', [], (t) => ew.abs(t));
def('neg', [], (t) => ew.neg(t));
def('sqrt', [], (t) => ew.sqrt(t));
def('exp', [], (t) => ew.exp(t));
def('log', [], (t) => ew.log(t));
def('sign', [], (t) => ew.sign(t));
def('relu', [], (t) => ew.relu(t));
def('logical_not', [], (t) => ew.logicalNot(t));
def('clamp', [['min', null], ['max', null]], (t, a) => ew.clamp(t, opt(a.get('min')!), opt(a.get('max')!)));
def('clip', [['min', null], ['max', null]], (t, a) => ew.clamp(t, opt(a.get('min')!), opt(a.get('max')!)));
const binary: [string, (x: TensorOrScalar, y: TensorOrScalar) => Tensor][] = [
  ['add', ew.add], ['sub', ew.sub], ['mul', ew.mul], ['div', ew.div], ['pow', ew.pow], ['remainder', ew.remainder],
  ['floor_divide', ew.floorDivide], ['eq', ew.eq], ['ne', ew.ne], ['lt', ew.lt], ['le', ew.le], ['gt', ew.gt], ['ge', ew.ge],
  ['multiply', ew.mul], ['subtract', ew.sub], ['divide', ew.div], ['greater', ew.gt], ['less', ew.lt],
];
for (const [name, f] of binary) {
  def(name, ['other'], (t, a) => f(t, operand(name, a.get('other')!)));
  def(name + '_', ['other'], (t, a) => inplace(t, f(t, operand(name + '_', a.get('other')!))));
}
def('maximum', ['other'], (t, a) => ew.maximum(t, tensorArg('maximum', a.get('other')!, 'other')));
def('minimum', ['other'], (t, a) => ew.minimum(t, tensorArg('minimum', a.get('other')!, 'other')));
def('floor', [], (t) => ew.floor(t));
def('ceil', [], (t) => ew.ceil(t));
def('trunc', [], (t) => ew.trunc(t));
def('round', [], (t) => ew.round(t));
def('reciprocal', [], (t) => ew.reciprocal(t));
def('chunk', ['chunks', ['dim', 0]], (t, a) => new PyTuple(shp.chunk(t, ia('chunk', 'chunks', a.get('chunks')!), ia('chunk', 'dim', a.get('dim')!))));
def('equal', ['other'], (t, a) => conv.equal(t, tensorArg('equal', a.get('other')!, 'other')));
def('allclose', ['other', ['rtol', 1e-5], ['atol', 1e-8], ['equal_nan', false]], (t, a) =>
  conv.allclose(t, tensorArg('allclose', a.get('other')!, 'other'), num(a.get('rtol')!), num(a.get('atol')!), truthy(a.get('equal_nan')!)));
def('fill_', ['value'], (t, a) => { copyInto(t, scalarArg('fill_', 'value', a.get('value')!)); return t; });
def('zero_', [], (t) => { copyInto(t, 0); return t; });
def('copy_', ['src'], (t, a) => { copyInto(t, tensorArg('copy_', a.get('src')!, 'src')); return t; });
def('clamp_', [['min', null], ['max', null]], (t, a) => inplace(t, ew.clamp(t, opt(a.get('min')!), opt(a.get('max')!))));
def('relu_', [], (t) => inplace(t, ew.relu(t)));
def('abs_', [], (t) => inplace(t, ew.abs(t)));
def('requires_grad_', [['requires_grad', true]], (t, a) => { setRequiresGrad(t, truthy(a.get('requires_grad')!)); return t; });
def('masked_fill', ['mask', 'value'], (t, a) => ew.where(tensorArg('masked_fill', a.get('mask')!, 'mask'), scalarArg('masked_fill', 'value', a.get('value')!), t));
def('backward', [], () => { throw pyError('NotImplementedError', 'poolnb: autograd (backward) is not part of PoolScript'); });

/** A device argument (str or torch.device): only the CPU exists, as in a CPU build of PyTorch. */
export function checkDevice(x: Value): void {
  const dev = typeof x === 'string' ? parseDevice(x) : x instanceof PyDevice ? x : null;
  if (dev && dev.type === 'cuda') throw pyError('AssertionError', 'Torch not compiled with CUDA enabled');
}

const DEVICE_TYPES = ['cpu', 'cuda', 'ipu', 'xpu', 'mkldnn', 'opengl', 'opencl', 'ideep', 'hip', 've', 'fpga', 'ort', 'xla', 'lazy', 'vulkan', 'mps', 'meta', 'hpu', 'privateuseone'];

export function parseDevice(s: string): PyDevice {
  const m = /^([a-z]+)(?::(\d+))?$/.exec(s);
  if (!m || !DEVICE_TYPES.includes(m[1])) {
    throw pyError('RuntimeError', `Expected one of ${DEVICE_TYPES.join(', ')} device type at start of device string: ${s}`);
  }
  return new PyDevice(m[1], m[2] === undefined ? null : parseInt(m[2], 10));
}

function num(v: Value): number {
  const s = toScalar(v);
  if (s === undefined) throw pyError('TypeError', `expected a number, got ${typeName(v)}`);
  return typeof s === 'object' ? s.value : Number(s);
}

function opt(v: Value): TensorOrScalar | null {
  if (v === null) return null;
  return operand('clamp', v, 'min');
}

function inplace(t: Tensor, r: Tensor): Tensor {
  if (category(r.dtype) > category(t.dtype)) {
    throw pyError('RuntimeError', `result type ${scalarTypeName(r.dtype)} can't be cast to the desired output type ${scalarTypeName(t.dtype)}`);
  }
  copyInto(t, r);
  return t;
}

function plain(t: Tensor): Tensor {
  return new Tensor(t.dtype, t.storage, t.shape, t.strides, t.offset);
}

export function torchTypeString(t: Tensor): string {
  const names: Record<string, string> = { float32: 'FloatTensor', float64: 'DoubleTensor', int64: 'LongTensor', int32: 'IntTensor', uint8: 'ByteTensor', bool: 'BoolTensor' };
  return 'torch.' + names[t.dtype];
}

/** user attributes set on tensors */
const extraAttrs = new WeakMap<Tensor, Map<string, Value>>();

export function tensorAttr(t: Tensor, name: string): Value | undefined {
  switch (name) {
    case 'shape': return sizeValue(t.shape);
    case 'dtype': return new PyDType(t.dtype);
    case 'ndim': return t.ndim;
    case 'T': return t.ndim < 2 ? t : shp.permute(t, t.shape.map((_, i) => t.ndim - 1 - i));
    case 'data': return plain(t);
    case 'grad': return null;
    case 'grad_fn': return null;
    case 'is_leaf': return gradFnOf(t) === undefined;
    case 'requires_grad': return requiresGrad(t);
    case 'device': return new PyDevice('cpu');
    case 'is_cuda': return false;
    case 'max': return new PyBuiltin('max', (args, kwargs) => track(extreme('max', t, args, kwargs), 'MaxBackward1', [t]), 'Tensor.max');
    case 'min': return new PyBuiltin('min', (args, kwargs) => track(extreme('min', t, args, kwargs), 'MinBackward1', [t]), 'Tensor.min');
  }
  const m = METHODS.get(name);
  if (m) {
    return new PyBuiltin(name, (args, kwargs, ctx) => {
      // `x.reshape(shape=(2, 3))`: a *shape parameter may also be given by keyword.
      const star = m.sig.params.find((p) => p.kind === 'varargs');
      const kw = star && args.length === 0 ? kwargs.find(([k]) => k === star.name) : undefined;
      if (kw) { args = [kw[1]]; kwargs = kwargs.filter((e) => e !== kw); }
      const b = bindArgs(m.sig, args, kwargs);
      callInfo = { params: m.sig.params.map((p) => p.name), positional: args.length };
      const r = m.impl(t, b.values, b.varargs.length ? b.varargs : kwargsToRest(b.varkw), ctx);
      const g = METHOD_GRAD_FN[name];
      return g && !(r instanceof Promise) ? track(r, typeof g === 'string' ? g : g(b.values), [t, ...args]) : r;
    }, `Tensor.${name}`);
  }
  return extraAttrs.get(t)?.get(name);
}

function kwargsToRest(kw: Kwargs): Value[] {
  return kw.map(([, v]) => v);
}

export function setTensorAttr(t: Tensor, name: string, v: Value): void {
  if (name === 'data') {
    if (!(v instanceof Tensor)) throw pyError('TypeError', `data must be a Tensor, not ${typeName(v)}`);
    // `w.data = x` rebinds the tensor's contents (shape and dtype may change), as in PyTorch.
    Object.assign(t as object, { dtype: v.dtype, storage: v.storage, shape: v.shape.slice(), strides: v.strides.slice(), offset: v.offset });
    return;
  }
  if (name === 'requires_grad') {
    if (typeof v !== 'boolean') throw pyError('TypeError', 'requires_grad must be a bool');
    setRequiresGrad(t, v);
    return;
  }
  if (['shape', 'dtype', 'ndim', 'T', 'device', 'grad_fn', 'is_leaf'].includes(name) || METHODS.has(name)) {
    throw pyError('AttributeError', `attribute '${name}' of 'torch._C._TensorBase' objects is not writable`);
  }
  let m = extraAttrs.get(t);
  if (!m) extraAttrs.set(t, (m = new Map()));
  m.set(name, v);
}

export const TENSOR_METHOD_NAMES = [...METHODS.keys(), 'max', 'min'];
