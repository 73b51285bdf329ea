// The torch namespace: factories, shape functions, reductions, comparisons, dtypes,
// torch.Tensor / torch.Size, manual_seed, set_printoptions, no_grad.

import { Tensor } from '../../../engine/tensor';
import { DTYPES, DType } from '../../../engine/dtype';
import * as ops from '../../../engine/ops';
import { defaultGenerator } from '../../../engine/random';
import { TorchError, CancelToken } from '../../../engine/errors';
import { setFractionalSeed } from '../../../engine/pool';
import {
  NativeFn, PyBuiltin, PyClass, PyDevice, PyDType, PyFloat, PyInstance, PyList, PyModule, PyTuple, Value, pyError, truthy, typeName,
} from '../values';
import { REQUIRED, bindArgs, sig } from '../args';
import { dtypeArg, intArg, scalarArg, shapeArgs, toNested, sizeValue } from '../convert';
import { printer } from '../printer';
import { extreme, operand, parseDevice, tensorArg, tensorAttr } from './tensor';
import type { Builtins } from './python';
import { gradMode, setRequiresGrad, track } from '../autograd';

function withGrad(t: Tensor, flag: Value): Tensor {
  if (truthy(flag)) {
    if (t.dtype !== 'float32' && t.dtype !== 'float64') throw pyError('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
    setRequiresGrad(t, true);
  }
  return t;
}

const KW = (name: string, d: Value) => ({ name, default: d, kind: 'kwonly' as const });

/** The tensor-method implementation of `name`, called as torch.name(input, ...). */
function viaMethod(name: string): NativeFn {
  return (args, kwargs, ctx) => {
    const inputKw = kwargs.find(([k]) => k === 'input');
    const input = inputKw ? inputKw[1] : args[0];
    const rest = inputKw ? args : args.slice(1);
    const t = tensorArg(name, input);
    const m = tensorAttr(t, name) as PyBuiltin;
    const shift = (e: unknown) => {
      // torch.f(input, ...) counts `input` as position 1; the method form does not.
      if (e instanceof TorchError && e.pyType === 'TypeError' && !inputKw) {
        e.message = e.message.replace(/\(position (\d+)\)/, (_m, n: string) => `(position ${Number(n) + 1})`);
      }
      return e;
    };
    try {
      const r = m.fn(rest, kwargs.filter(([k]) => k !== 'input'), ctx);
      return r instanceof Promise ? r.catch((e) => { throw shift(e); }) : r;
    } catch (e) {
      throw shift(e);
    }
  };
}

export function installTorch(b: Builtins): PyModule {
  const torch = new PyModule('torch');
  const a = torch.attrs;
  const fn = (name: string, f: NativeFn) => a.set(name, new PyBuiltin(name, f));

  // torch.Tensor(data) / torch.Tensor(2, 3) and the typed legacy constructors (torch.FloatTensor, ...).
  // Sized forms give zeros where PyTorch leaves memory uninitialised.
  const legacy = (dtype: DType) => (_c: PyClass, args: Value[]): Value => {
    if (args.length === 0) return ops.zeros([0], dtype);
    if (args.length === 1 && (args[0] instanceof PyList || args[0] instanceof PyTuple)) return ops.tensor(toNested(args[0]), dtype);
    if (args.every((x) => typeof x === 'number')) return ops.zeros(args as number[], dtype);
    if (args.length === 1 && args[0] instanceof Tensor) return args[0];
    throw pyError('TypeError', `new(): invalid data type '${typeName(args[0])}'`);
  };
  const TensorClass = new PyClass('Tensor', [b.object], { construct: legacy('float32') }, 'torch');
  const legacyNames: [string, DType][] = [['FloatTensor', 'float32'], ['DoubleTensor', 'float64'], ['LongTensor', 'int64'], ['IntTensor', 'int32'], ['ByteTensor', 'uint8'], ['BoolTensor', 'bool']];
  for (const [n, d] of legacyNames) a.set(n, new PyClass(n, [TensorClass], { construct: legacy(d) }, 'torch'));
  b.types.set('Tensor', TensorClass);
  a.set('Tensor', TensorClass);
  const SizeClass = new PyClass('Size', [b.types.get('tuple')!], {
    construct: (_c, args) => sizeValue(args.length ? shapeArgs('Size', [args[0]]) : []),
  }, 'torch');
  b.types.set('Size', SizeClass);
  a.set('Size', SizeClass);
  const dtypeClass = new PyClass('dtype', [b.object], undefined, 'torch');
  b.types.set('dtype', dtypeClass);
  a.set('dtype', dtypeClass);
  for (const d of DTYPES) a.set(d, new PyDType(d));
  const alias: [string, DType][] = [['float', 'float32'], ['double', 'float64'], ['long', 'int64'], ['int', 'int32']];
  for (const [n, d] of alias) a.set(n, new PyDType(d));
  for (const n of ['float16', 'half', 'bfloat16', 'complex64', 'cfloat', 'int16', 'short', 'int8']) {
    a.set(n, new PyBuiltin(n, () => { throw pyError('NotImplementedError', `poolnb: torch.${n} is not part of PoolScript`); }));
  }

  fn('tensor', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'tensor', params: [{ name: 'data', default: REQUIRED }, KW('dtype', null), KW('requires_grad', false), KW('device', null)] }, args, kwargs);
    const data = bd.values.get('data')!;
    const t = ops.tensor(toNested(data), dtypeArg('tensor', bd.values.get('dtype')!));
    return withGrad(t, bd.values.get('requires_grad')!);
  });
  a.set('as_tensor', a.get('tensor')!);
  const factory = (name: string, make: (shape: number[], dtype: DType | null, extra: Map<string, Value>, token: CancelToken | undefined) => Tensor, extra: [string, Value][] = []) =>
    fn(name, (args, kwargs, ctx) => {
      const bd = bindArgs({ qualname: name, params: [{ name: 'size', kind: 'varargs' }, ...extra.map(([n, d]) => KW(n, d)), KW('dtype', null), KW('requires_grad', false), KW('device', null)] }, args, kwargs);
      const sizeKw = kwargs.find(([k]) => k === 'size');
      const shape = shapeArgs(name, sizeKw ? [sizeKw[1]] : bd.varargs);
      return withGrad(make(shape, dtypeArg(name, bd.values.get('dtype')!), bd.values, ctx.token), bd.values.get('requires_grad')!);
    });
  factory('zeros', (s, d) => ops.zeros(s, d ?? 'float32'));
  factory('ones', (s, d) => ops.ones(s, d ?? 'float32'));
  factory('empty', (s, d) => ops.zeros(s, d ?? 'float32'));
  factory('rand', (s, d, _e, token) => ops.rand(s, d ?? 'float32', defaultGenerator, token));
  factory('randn', (s, d, _e, token) => ops.randn(s, d ?? 'float32', defaultGenerator, token));
  fn('full', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'full', params: [{ name: 'size', default: REQUIRED }, { name: 'fill_value', default: REQUIRED }, KW('dtype', null), KW('requires_grad', false), KW('device', null)] }, args, kwargs);
    return ops.full(shapeArgs('full', [bd.values.get('size')!]), scalarArg('full', 'fill_value', bd.values.get('fill_value')!, 2), dtypeArg('full', bd.values.get('dtype')!));
  });
  for (const name of ['zeros_like', 'ones_like', 'rand_like', 'randn_like', 'empty_like']) {
    fn(name, (args, kwargs, ctx) => {
      const bd = bindArgs({ qualname: name, params: [{ name: 'input', default: REQUIRED }, KW('dtype', null), KW('requires_grad', false), KW('device', null)] }, args, kwargs);
      const t = tensorArg(name, bd.values.get('input')!);
      const d = dtypeArg(name, bd.values.get('dtype')!) ?? t.dtype;
      if (name === 'ones_like') return ops.ones(t.shape, d);
      if (name === 'rand_like') return ops.rand(t.shape, d, defaultGenerator, ctx.token);
      if (name === 'randn_like') return ops.randn(t.shape, d, defaultGenerator, ctx.token);
      return ops.zeros(t.shape, d);
    });
  }
  fn('full_like', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'full_like', params: [{ name: 'input', default: REQUIRED }, { name: 'fill_value', default: REQUIRED }, KW('dtype', null)] }, args, kwargs);
    const t = tensorArg('full_like', bd.values.get('input')!);
    return ops.full(t.shape, scalarArg('full_like', 'fill_value', bd.values.get('fill_value')!, 2), dtypeArg('full_like', bd.values.get('dtype')!) ?? t.dtype);
  });
  fn('eye', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'eye', params: [{ name: 'n', default: REQUIRED }, { name: 'm', default: null }, KW('dtype', null), KW('requires_grad', false)] }, args, kwargs);
    const m = bd.values.get('m')!;
    return ops.eye(intArg('eye', 'n', bd.values.get('n')!, 1), m === null ? null : intArg('eye', 'm', m, 2), dtypeArg('eye', bd.values.get('dtype')!) ?? 'float32');
  });
  fn('arange', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'arange', params: [{ name: 'start', default: REQUIRED }, { name: 'end', default: null }, { name: 'step', default: 1 }, KW('dtype', null), KW('requires_grad', false), KW('device', null)] }, args, kwargs);
    const endKw = kwargs.some(([k]) => k === 'end');
    const s = bd.values.get('start')!, e = bd.values.get('end')!, st = bd.values.get('step')!;
    return ops.arange(scalarArg('arange', 'start', s), e === null ? (endKw ? null : null) : scalarArg('arange', 'end', e), scalarArg('arange', 'step', st), dtypeArg('arange', bd.values.get('dtype')!));
  });
  fn('linspace', (args, kwargs) => {
    const bd = bindArgs({ qualname: 'linspace', params: [{ name: 'start', default: REQUIRED }, { name: 'end', default: REQUIRED }, { name: 'steps', default: REQUIRED }, KW('dtype', null), KW('requires_grad', false)] }, args, kwargs);
    return ops.linspace(scalarArg('linspace', 'start', bd.values.get('start')!), scalarArg('linspace', 'end', bd.values.get('end')!), intArg('linspace', 'steps', bd.values.get('steps')!, 3), dtypeArg('linspace', bd.values.get('dtype')!));
  });
  fn('randint', (args, kwargs, ctx) => {
    // randint(high, size) or randint(low, high, size)
    const sizeKw = kwargs.find(([k]) => k === 'size');
    const pos = args.slice();
    const size = sizeKw ? sizeKw[1] : pos.pop();
    if (size === undefined) throw pyError('TypeError', 'randint() missing 1 required positional arguments: "size"');
    const low = pos.length === 2 ? intArg('randint', 'low', pos[0]) : 0;
    const high = intArg('randint', 'high', pos.length === 2 ? pos[1] : pos[0] ?? (kwargs.find(([k]) => k === 'high')?.[1] ?? 0));
    const d = dtypeArg('randint', kwargs.find(([k]) => k === 'dtype')?.[1] ?? null);
    return ops.randint(low, high, shapeArgs('randint', [size]), d ?? 'int64', defaultGenerator, ctx.token);
  });
  const Generator = new PyClass('Generator', [b.object], undefined, 'torch._C');
  fn('manual_seed', (args, kwargs) => {
    const bd = bindArgs(sig('manual_seed', 'seed'), args, kwargs);
    const seed = intArg('manual_seed', 'seed', bd.values.get('seed')!);
    defaultGenerator.manualSeed(seed);
    setFractionalSeed(seed);
    return new PyInstance(Generator);
  });
  fn('seed', () => defaultGenerator.initialSeed());
  fn('initial_seed', () => defaultGenerator.initialSeed());
  const tensorList = (name: string, v: Value): Tensor[] => {
    if (!(v instanceof PyList || v instanceof PyTuple)) {
      throw pyError('TypeError', `${name}(): argument 'tensors' (position 1) must be tuple of Tensors, not ${typeName(v)}`);
    }
    return v.items.map((x, i) => {
      if (!(x instanceof Tensor)) throw pyError('TypeError', `expected Tensor as element ${i} in argument 0, but got ${typeName(x)}`);
      return x;
    });
  };
  for (const name of ['cat', 'concat', 'stack']) {
    fn(name, (args, kwargs, ctx) => {
      const bd = bindArgs(sig(name, 'tensors', ['dim', 0]), args, kwargs);
      const ts = tensorList(name, bd.values.get('tensors')!);
      const dim = intArg(name, 'dim', bd.values.get('dim')!);
      return track(name === 'stack' ? ops.stack(ts, dim, ctx.token) : ops.cat(ts, dim, ctx.token), name === 'stack' ? 'StackBackward0' : 'CatBackward0', ts);
    });
  }
  for (const name of ['reshape', 'flatten', 'squeeze', 'unsqueeze', 'permute', 'transpose', 'sum', 'mean', 'argmax', 'argmin',
    'abs', 'sqrt', 'exp', 'log', 'sign', 'relu', 'clamp', 'clip', 'clone', 'numel', 't', 'add', 'sub', 'mul', 'div', 'pow',
    'remainder', 'floor_divide', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'equal', 'allclose', 'neg', 'narrow', 'split',
    'logical_not', 'unflatten', 'maximum', 'minimum', 'masked_fill', 'any', 'all', 'is_floating_point',
    'floor', 'ceil', 'trunc', 'round', 'reciprocal', 'chunk']) {
    fn(name, viaMethod(name));
  }
  fn('max', (args, kwargs) => extreme('max', tensorArg('max', args[0] ?? kwargs.find(([k]) => k === 'input')?.[1] ?? null), args.slice(1), kwargs.filter(([k]) => k !== 'input')));
  fn('min', (args, kwargs) => extreme('min', tensorArg('min', args[0] ?? kwargs.find(([k]) => k === 'input')?.[1] ?? null), args.slice(1), kwargs.filter(([k]) => k !== 'input')));
  fn('where', (args) => {
    const [c, x, y] = args;
    return ops.where(tensorArg('where', c, 'condition'), operand('where', x, 'input'), operand('where', y, 'other'));
  });
  fn('is_tensor', (args) => args[0] instanceof Tensor);
  fn('numel', (args) => tensorArg('numel', args[0]).numel);
  fn('set_printoptions', (args, kwargs) => {
    const bd = bindArgs(sig('set_printoptions', ['precision', null], ['threshold', null], ['edgeitems', null], ['linewidth', null], ['profile', null], ['sci_mode', null]), args, kwargs);
    const n = (k: string) => {
      const v = bd.values.get(k)!;
      if (v === null) return null;
      if (v instanceof PyFloat) return v.v;
      if (typeof v === 'bigint') return Number(v); // any Python int is accepted (2**63 fails later, when printing)
      return intArg('set_printoptions', k, v);
    };
    const prof = bd.values.get('profile')!;
    const sci = bd.values.get('sci_mode')!;
    printer.options.set({
      precision: n('precision'), threshold: n('threshold'), edgeitems: n('edgeitems'), linewidth: n('linewidth'),
      profile: prof === null ? null : String(prof), sciMode: sci === null ? null : truthy(sci),
    });
    return null;
  });
  fn('get_default_dtype', () => new PyDType('float32'));
  a.set('__version__', '1.13.1');
  const DeviceClass = new PyClass('device', [b.object], {
    construct: (_c, args) => {
      const [t, i] = args;
      if (typeof t !== 'string') throw pyError('TypeError', `device() received an invalid combination of arguments - got (${typeName(t)}), but expected one of:`);
      const d = parseDevice(t);
      return typeof i === 'number' ? new PyDevice(d.type, i) : d;
    },
  }, 'torch');
  b.types.set('device', DeviceClass);
  a.set('device', DeviceClass);
  const cuda = new PyModule('torch.cuda');
  cuda.attrs.set('is_available', new PyBuiltin('is_available', () => false));
  cuda.attrs.set('device_count', new PyBuiltin('device_count', () => 0));
  a.set('cuda', cuda);
  b.modules.set('torch.cuda', cuda);
  fn('is_grad_enabled', () => gradMode.enabled);

  // Context managers that change nothing poolnb computes (no autograd here).
  const NoGrad = new PyClass('no_grad', [b.object], undefined, 'torch.autograd.grad_mode');
  const saved: boolean[] = [];
  NoGrad.dict.set('__enter__', new PyBuiltin('__enter__', () => { saved.push(gradMode.enabled); gradMode.enabled = false; return null; }));
  NoGrad.dict.set('__exit__', new PyBuiltin('__exit__', () => { gradMode.enabled = saved.pop() ?? true; return false; }));
  NoGrad.dict.set('__call__', new PyBuiltin('__call__', (args) => args[1]));
  a.set('no_grad', NoGrad);
  a.set('inference_mode', NoGrad);

  // torch.max_pool2d & co. (the C builtins under torch.*) share F's implementations.
  return torch;
}

