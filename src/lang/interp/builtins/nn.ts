// torch.nn: nn.Module (as a base class for user modules, with PyTorch's registration of
// submodules and parameters), the built-in layers, nn.Parameter, and
// torch.nn.functional. Signatures (parameter order, defaults, CPython qualnames for
// TypeErrors) come from src/lang/check/library.ts, the one table of them.

import { TorchError } from '../../../engine/errors';
import { Tensor } from '../../../engine/tensor';
import * as ew from '../../../engine/ops/elementwise';
import * as shp from '../../../engine/ops/shape';
import * as ops from '../../../engine/ops';
import { defaultGenerator } from '../../../engine/random';
import { F_FUNCTIONS, LibEntry, LibParam, NN_CLASSES } from '../../check/library';
import { PyFloat as FmtFloat, PyTuple as FmtTuple, PyData } from '../../format/pyRepr';
import { extraReprFor, moduleRepr, ModuleReprNode } from '../../format/moduleRepr';
import {
  CallContext, Kwargs, ModuleState, NativeFn, PyBuiltin, PyClass, PyFloat, PyInstance, PyIterator, PyList, PyModule,
  PyParameter, PySlice, PyTuple, Value, pyError, typeName, truthy,
} from '../values';
import { ParamSpec, REQUIRED, Signature, bindArgs } from '../args';
import { intArg, intOrInts, shapeArgs } from '../convert';
import { printer } from '../printer';
import { str } from '../repr';
import { checkDevice, tensorArg, torchTypeString } from './tensor';
import {
  adaptiveAvgCall, adaptiveMaxCall, avgPoolCall, fractionalCall, lpPoolCall, maxPoolCall, maxUnpoolCall,
} from './pooling';
import type { Builtins } from './python';
import { sliceIndices } from '../subscript';
import { track } from '../autograd';
import { toArray } from '../iterate';

function libDefault(d: LibParam['default']): Value {
  if (d === undefined) return null;
  if (Array.isArray(d)) return new PyList(d.slice());
  if (typeof d === 'number' && !Number.isInteger(d)) return new PyFloat(d);
  return d as Value;
}

/** A CPython-style signature from a library entry (optionally with a leading `self`). */
export function libSignature(e: LibEntry, qualname: string, withSelf: boolean): Signature {
  const params: ParamSpec[] = (e.params ?? []).map((p) => ({
    name: p.name,
    kind: p.kind,
    default: 'default' in p ? libDefault(p.default) : p.kind === 'varargs' || p.kind === 'varkw' ? undefined : REQUIRED,
  }));
  return { qualname, params: withSelf ? [{ name: 'self', default: REQUIRED }, ...params] : params };
}

const NN_ENTRY = new Map(NN_CLASSES.map((e) => [e.name, e]));
const F_ENTRY = new Map(F_FUNCTIONS.map((e) => [e.name, e]));

export function newModuleState(): ModuleState {
  return { modules: new Map(), parameters: new Map(), training: true };
}

function selfOf(args: Value[], what: string): PyInstance {
  const s = args[0];
  if (!(s instanceof PyInstance)) throw pyError('TypeError', `descriptor '${what}' requires a 'Module' object but received a '${typeName(s)}'`);
  return s;
}

/** Converts attribute values to the format module's PyData for extra_repr. */
function toPyData(v: Value): PyData {
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof PyFloat) return new FmtFloat(v.v);
  if (v instanceof PyTuple) return new FmtTuple(v.items.map(toPyData));
  if (v instanceof PyList) return v.items.map(toPyData);
  return null;
}

export function moduleNode(m: PyInstance): ModuleReprNode {
  const attrs: Record<string, PyData> = {};
  for (const [k, v] of m.dict) attrs[k] = toPyData(v);
  if (m.module?.parameters.has('bias') && m.module.parameters.get('bias') === null) attrs.bias = null;
  const native = m.module?.extraRepr;
  const extra = native ? native(m) : m.cls.nativeBase()?.isModuleBase && builtinLayerName(m) ? extraReprFor(builtinLayerName(m)!, attrs) : '';
  const children: [string, ModuleReprNode][] = [];
  for (const [k, c] of m.module?.modules ?? []) if (c) children.push([k, moduleNode(c)]);
  return { name: m.cls.name, extraRepr: extra, children };
}

/** The built-in layer class a module instance is (or derives from), for extra_repr. */
function builtinLayerName(m: PyInstance): string | undefined {
  for (const c of m.cls.mro()) if (c.moduleName.startsWith('torch.nn.modules.') && c.name !== 'Module') return c.name;
  return undefined;
}

async function callModule(self: PyInstance, args: Value[], kwargs: Kwargs, ctx: CallContext): Promise<Value> {
  const fwd = self.dict.get('forward') ?? self.cls.lookup('forward');
  if (fwd === undefined) {
    throw pyError('NotImplementedError', `Module [${self.cls.name}] is missing the required "forward" function`);
  }
  if (self.dict.has('forward')) return ctx.call(fwd, args, kwargs);
  return ctx.call(fwd, [self, ...args], kwargs);
}

export function installNn(b: Builtins, torch: PyModule): { nn: PyModule; F: PyModule; Module: PyClass } {
  const nn = new PyModule('torch.nn');
  const F = new PyModule('torch.nn.functional');
  const fn = (name: string, f: NativeFn, q = name) => new PyBuiltin(name, f, q);

  // ---------------------------------------------------------------- nn.Module
  const Module = new PyClass('Module', [b.object], { isModuleBase: true }, 'torch.nn.modules.module');
  const md = Module.dict;
  md.set('__init__', fn('__init__', (args) => {
    const self = selfOf(args, '__init__');
    if (args.length > 1) throw pyError('TypeError', `Module.__init__() takes 1 positional argument but ${args.length} were given`);
    if (!self.module) self.module = newModuleState();
    return null;
  }, 'Module.__init__'));
  md.set('__call__', fn('__call__', (args, kwargs, ctx) => callModule(selfOf(args, '__call__'), args.slice(1), kwargs, ctx), 'Module.__call__'));
  const params = (m: PyInstance, prefix: string, out: [string, PyParameter][], seen: Set<object>) => {
    for (const [k, p] of m.module?.parameters ?? []) if (p && !seen.has(p)) { seen.add(p); out.push([prefix + k, p]); }
    for (const [k, c] of m.module?.modules ?? []) if (c) params(c, prefix + k + '.', out, seen);
  };
  md.set('parameters', fn('parameters', (args) => {
    const out: [string, PyParameter][] = [];
    params(selfOf(args, 'parameters'), '', out, new Set());
    return new PyIterator(out.map(([, p]) => p), 'generator');
  }));
  md.set('named_parameters', fn('named_parameters', (args) => {
    const out: [string, PyParameter][] = [];
    params(selfOf(args, 'named_parameters'), '', out, new Set());
    return new PyIterator(out.map(([k, p]) => new PyTuple([k, p])), 'generator');
  }));
  md.set('children', fn('children', (args) => new PyIterator([...(selfOf(args, 'children').module?.modules.values() ?? [])].filter((c): c is PyInstance => c !== null), 'generator')));
  md.set('named_children', fn('named_children', (args) => new PyIterator([...(selfOf(args, 'named_children').module?.modules ?? [])].filter(([, c]) => c).map(([k, c]) => new PyTuple([k, c])), 'generator')));
  md.set('modules', fn('modules', (args) => {
    const out: PyInstance[] = [];
    const walk = (m: PyInstance) => { out.push(m); for (const c of m.module?.modules.values() ?? []) if (c) walk(c); };
    walk(selfOf(args, 'modules'));
    return new PyIterator(out, 'generator');
  }));
  const setTraining = (m: PyInstance, mode: boolean) => {
    if (m.module) m.module.training = mode;
    for (const c of m.module?.modules.values() ?? []) if (c) setTraining(c, mode);
  };
  md.set('train', fn('train', (args) => { const s = selfOf(args, 'train'); setTraining(s, args.length > 1 ? truthy(args[1]) : true); return s; }));
  md.set('eval', fn('eval', (args) => { const s = selfOf(args, 'eval'); setTraining(s, false); return s; }));
  md.set('to', fn('to', (args) => {
    const self = selfOf(args, 'to');
    const hasParams = (m: PyInstance): boolean => [...(m.module?.parameters.values() ?? [])].some((p) => p) ||
      [...(m.module?.modules.values() ?? [])].some((c) => c !== null && hasParams(c));
    if (hasParams(self)) for (const x of args.slice(1)) checkDevice(x);
    return self;
  }));
  md.set('cpu', fn('cpu', (args) => selfOf(args, 'cpu')));
  md.set('zero_grad', fn('zero_grad', () => null));
  md.set('requires_grad_', fn('requires_grad_', (args) => selfOf(args, 'requires_grad_')));
  md.set('add_module', fn('add_module', (args) => {
    const [self, name, m] = args as [PyInstance, string, PyInstance | null];
    self.module ??= newModuleState();
    self.module.modules.set(name, m);
    return null;
  }));
  md.set('register_parameter', fn('register_parameter', (args) => {
    const [self, name, p] = args as [PyInstance, string, PyParameter | null];
    self.module ??= newModuleState();
    self.module.parameters.set(name, p);
    return null;
  }));
  md.set('extra_repr', fn('extra_repr', () => ''));
  nn.attrs.set('Module', Module);
  printer.moduleRepr = (m) => moduleRepr(moduleNode(m));

  // ---------------------------------------------------------------- built-in layers
  const layer = (
    name: string, moduleName: string,
    init: (self: PyInstance, a: Map<string, Value>, rest: Value[], ctx: CallContext) => void,
    forward: (self: PyInstance, args: Value[], kwargs: Kwargs, ctx: CallContext) => Value | Promise<Value>,
    sigOverride?: Signature,
  ): PyClass => {
    const cls = new PyClass(name, [Module], undefined, `torch.nn.modules.${moduleName}`);
    const entry = NN_ENTRY.get(name);
    const sig = sigOverride ?? (entry ? libSignature(entry, entry.qualname ?? `${name}.__init__`, true) : { qualname: `${name}.__init__`, params: [{ name: 'self', default: REQUIRED }] });
    cls.dict.set('__init__', fn('__init__', (args, kwargs, ctx) => {
      const bound = bindArgs(sig, args, kwargs);
      const self = bound.values.get('self') as PyInstance;
      self.module ??= newModuleState();
      init(self, bound.values, bound.varargs, ctx);
      return null;
    }, sig.qualname));
    cls.dict.set('forward', fn('forward', (args, kwargs, ctx) => forward(selfOf(args, 'forward'), args.slice(1), kwargs, ctx), `${name}.forward`));
    nn.attrs.set(name, cls);
    return cls;
  };
  const fwdSig = (name: string, ...rest: ParamSpec[]): Signature => ({ qualname: `${name}.forward`, params: [{ name: 'self', default: REQUIRED }, { name: 'input', default: REQUIRED }, ...rest] });
  const bindFwd = (self: PyInstance, s: Signature, args: Value[], kwargs: Kwargs) => bindArgs(s, [self, ...args], kwargs).values;
  const attr = (self: PyInstance, k: string): Value => self.dict.get(k) ?? null;
  const setAll = (self: PyInstance, a: Map<string, Value>, keys: string[]) => { for (const k of keys) self.dict.set(k, a.get(k)!); };

  for (const nd of [1, 2, 3] as const) {
    const mp = `MaxPool${nd}d`;
    const mpSig = fwdSig(mp);
    layer(mp, 'pooling', (self, a) => {
      setAll(self, a, ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode']);
      if (a.get('stride') === null) self.dict.set('stride', a.get('kernel_size')!);
    }, (self, args, kwargs, ctx) => {
      const input = bindFwd(self, mpSig, args, kwargs).get('input')!;
      return maxPoolCall(nd, new Map([['input', input], ...['kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'].map((k) => [k, attr(self, k)] as [string, Value])]), ctx);
    });
    const ap = `AvgPool${nd}d`;
    const apSig = fwdSig(ap);
    layer(ap, 'pooling', (self, a) => {
      setAll(self, a, nd === 1 ? ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad'] : ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override']);
      if (a.get('stride') === null) self.dict.set('stride', a.get('kernel_size')!);
      // AvgPool1d stores _single(...) tuples
      if (nd === 1) for (const k of ['kernel_size', 'stride', 'padding']) {
        const v = self.dict.get(k)!;
        if (typeof v === 'number') self.dict.set(k, new PyTuple([v]));
      }
    }, (self, args, kwargs, ctx) => {
      const input = bindFwd(self, apSig, args, kwargs).get('input')!;
      const keys = ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'];
      return avgPoolCall(nd, new Map([['input', input], ...keys.map((k) => [k, attr(self, k)] as [string, Value])]), ctx);
    });
    const aap = `AdaptiveAvgPool${nd}d`;
    const aapSig = fwdSig(aap);
    layer(aap, 'pooling', (self, a) => setAll(self, a, ['output_size']), (self, args, kwargs, ctx) =>
      adaptiveAvgCall(nd, new Map([['input', bindFwd(self, aapSig, args, kwargs).get('input')!], ['output_size', attr(self, 'output_size')]]), ctx));
    const amp = `AdaptiveMaxPool${nd}d`;
    const ampSig = fwdSig(amp);
    layer(amp, 'pooling', (self, a) => setAll(self, a, ['output_size', 'return_indices']), (self, args, kwargs, ctx) =>
      adaptiveMaxCall(nd, new Map([['input', bindFwd(self, ampSig, args, kwargs).get('input')!], ['output_size', attr(self, 'output_size')], ['return_indices', attr(self, 'return_indices')]]), ctx));
    const up = `MaxUnpool${nd}d`;
    const upSig = fwdSig(up, { name: 'indices', default: REQUIRED }, { name: 'output_size', default: null });
    layer(up, 'pooling', (self, a) => {
      const one = (v: Value): Value => (typeof v === 'number' ? new PyTuple(new Array(nd).fill(v)) : v);
      self.dict.set('kernel_size', one(a.get('kernel_size')!));
      self.dict.set('stride', one(a.get('stride') ?? a.get('kernel_size')!) ?? null);
      if (a.get('stride') === null) self.dict.set('stride', one(a.get('kernel_size')!));
      self.dict.set('padding', one(a.get('padding')!));
    }, (self, args, kwargs, ctx) => {
      const v = bindFwd(self, upSig, args, kwargs);
      return maxUnpoolCall(nd, new Map([['input', v.get('input')!], ['indices', v.get('indices')!], ['kernel_size', attr(self, 'kernel_size')], ['stride', attr(self, 'stride')], ['padding', attr(self, 'padding')], ['output_size', v.get('output_size')!]]), ctx);
    });
  }
  for (const nd of [1, 2] as const) {
    const lp = `LPPool${nd}d`;
    const lpSig = fwdSig(lp);
    layer(lp, 'pooling', (self, a) => setAll(self, a, ['norm_type', 'kernel_size', 'stride', 'ceil_mode']), (self, args, kwargs, ctx) => {
      const input = bindFwd(self, lpSig, args, kwargs).get('input')!;
      const p = attr(self, 'norm_type');
      // The module passes float(norm_type).
      const pf = typeof p === 'number' ? new PyFloat(p) : p;
      return lpPoolCall(nd, new Map([['input', input], ['norm_type', pf], ['kernel_size', attr(self, 'kernel_size')], ['stride', attr(self, 'stride')], ['ceil_mode', attr(self, 'ceil_mode')]]), true, ctx);
    });
  }
  for (const nd of [2, 3] as const) {
    const fm = `FractionalMaxPool${nd}d`;
    const fmSig = fwdSig(fm);
    layer(fm, 'pooling', (self, a) => {
      setAll(self, a, ['kernel_size', 'output_size', 'output_ratio', 'return_indices', '_random_samples']);
      if (a.get('output_size') === null && a.get('output_ratio') === null) {
        throw pyError('ValueError', `FractionalMaxPool${nd}d requires specifying either an output size, or a pooling ratio`);
      }
      if (a.get('output_size') !== null && a.get('output_ratio') !== null) {
        throw pyError('ValueError', 'only one of output_size and output_ratio may be specified');
      }
      const ratio = a.get('output_ratio')!;
      if (ratio !== null) {
        const rs = ratio instanceof PyTuple || ratio instanceof PyList ? ratio.items : new Array(nd).fill(ratio);
        const num = (v: Value) => (v instanceof PyFloat ? v.v : (v as number));
        if (!rs.every((r) => num(r) > 0 && num(r) < 1)) throw pyError('ValueError', `output_ratio must be between 0 and 1 (got ${str(ratio)})`);
      }
    }, (self, args, kwargs, ctx) => {
      const input = bindFwd(self, fmSig, args, kwargs).get('input')!;
      return fractionalCall(nd, new Map([['input', input], ...['kernel_size', 'output_size', 'output_ratio', 'return_indices', '_random_samples'].map((k) => [k, attr(self, k)] as [string, Value])]), ctx);
    });
  }
  const reluSig = fwdSig('ReLU');
  layer('ReLU', 'activation', (self, a) => setAll(self, a, ['inplace']), (self, args, kwargs) => {
    const x = tensorArg('relu', bindFwd(self, reluSig, args, kwargs).get('input')!);
    const r = track(ew.relu(x), 'ReluBackward0', [x]);
    if (truthy(attr(self, 'inplace'))) { ops.copyInto(x, r); return x; }
    return r;
  });
  const idSig = fwdSig('Identity');
  layer('Identity', 'linear', () => undefined, (self, args, kwargs) => bindFwd(self, idSig, args, kwargs).get('input')!);
  const flSig = fwdSig('Flatten');
  layer('Flatten', 'flatten', (self, a) => setAll(self, a, ['start_dim', 'end_dim']), (self, args, kwargs) => {
    const x = tensorArg('flatten', bindFwd(self, flSig, args, kwargs).get('input')!);
    return track(shp.flatten(x, intArg('flatten', 'start_dim', attr(self, 'start_dim')), intArg('flatten', 'end_dim', attr(self, 'end_dim'))), 'ReshapeAliasBackward0', [x]);
  });
  /** A container's child must be a module: torch.typename names the offender (torch.FloatTensor for a tensor). */
  const asModule = (m: Value): PyInstance => {
    if (!(m instanceof PyInstance && m.module !== undefined) && !(m instanceof PyInstance && m.cls.nativeBase()?.isModuleBase)) {
      throw pyError('TypeError', `${m instanceof Tensor ? torchTypeString(m) : typeName(m)} is not a Module subclass`);
    }
    return m;
  };
  /** ModuleList(modules) / extend(modules): any iterable of modules. */
  const modulesOf = (ms: Value): PyInstance[] => {
    let items: Value[];
    try {
      items = toArray(ms);
    } catch (e) {
      if (e instanceof TorchError && e.pyType === 'TypeError' && !(ms instanceof Tensor)) {
        throw pyError('TypeError', `ModuleList.extend should be called with an iterable, but got ${typeName(ms)}`);
      }
      throw e;
    }
    return items.map(asModule);
  };
  const seqSig = { qualname: 'Sequential.forward', params: [{ name: 'self', default: REQUIRED }, { name: 'input', default: REQUIRED }] } as Signature;
  const Sequential = layer('Sequential', 'container', (self, _a, rest) => {
    rest.forEach((m, i) => self.module!.modules.set(String(i), asModule(m)));
  }, async (self, args, kwargs, ctx) => {
    let x: Value = bindFwd(self, seqSig, args, kwargs).get('input')!;
    for (const m of self.module!.modules.values()) if (m) x = await ctx.call(m, [x]);
    return x;
  }, { qualname: 'Sequential.__init__', params: [{ name: 'self', default: REQUIRED }, { name: 'args', kind: 'varargs' }] });
  Sequential.dict.set('__iter__', fn('__iter__', (args) => new PyIterator([...selfOf(args, '__iter__').module!.modules.values()].filter((m): m is PyInstance => m !== null), 'iterator')));
  Sequential.dict.set('__len__', fn('__len__', (args) => selfOf(args, '__len__').module!.modules.size));
  Sequential.dict.set('__getitem__', fn('__getitem__', (args) => {
    const [self, idx] = args as [PyInstance, Value];
    const mods = [...self.module!.modules.values()];
    if (idx instanceof PySlice) {
      const [start, stop, step] = sliceIndices(idx, mods.length);
      const out = new PyInstance(Sequential);
      out.module = newModuleState();
      let j = 0;
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.module.modules.set(String(j++), mods[i]);
      return out;
    }
    let i = intArg('__getitem__', 'idx', idx);
    if (i < -mods.length || i >= mods.length) throw pyError('IndexError', `index ${i} is out of range`);
    if (i < 0) i += mods.length;
    return mods[i];
  }));
  Sequential.dict.set('append', fn('append', (args) => {
    const [self, m] = args as [PyInstance, Value];
    self.module!.modules.set(String(self.module!.modules.size), asModule(m));
    return self;
  }));

  // nn.ModuleList: registered children without a forward of its own.
  const ModuleList = new PyClass('ModuleList', [Module], undefined, 'torch.nn.modules.container');
  ModuleList.dict.set('__init__', fn('__init__', (args, kwargs) => {
    const bound = bindArgs({ qualname: 'ModuleList.__init__', params: [{ name: 'self', default: REQUIRED }, { name: 'modules', default: null }] }, args, kwargs);
    const self = bound.values.get('self') as PyInstance;
    self.module ??= newModuleState();
    const mods = bound.values.get('modules')!;
    if (mods !== null) for (const m of modulesOf(mods)) self.module.modules.set(String(self.module.modules.size), m);
    return null;
  }, 'ModuleList.__init__'));
  for (const k of ['__len__', '__getitem__', '__iter__']) ModuleList.dict.set(k, Sequential.dict.get(k)!);
  ModuleList.dict.set('append', Sequential.dict.get('append')!);
  ModuleList.dict.set('extend', fn('extend', (args) => {
    const [self, ms] = args as [PyInstance, Value];
    for (const m of modulesOf(ms)) self.module!.modules.set(String(self.module!.modules.size), m);
    return self;
  }));
  nn.attrs.set('ModuleList', ModuleList);

  for (const nd of [1, 2] as const) {
    const name = `Conv${nd}d`;
    const cSig = fwdSig(name);
    layer(name, 'conv', (self, a, _rest, ctx) => {
      const tup = (v: Value): PyTuple => (v instanceof PyTuple || v instanceof PyList) ? new PyTuple(v.items.slice()) : new PyTuple(new Array(nd).fill(v));
      const inC = intArg(name, 'in_channels', a.get('in_channels')!), outC = intArg(name, 'out_channels', a.get('out_channels')!);
      const groups = intArg(name, 'groups', a.get('groups')!);
      if (groups <= 0) throw pyError('ValueError', 'groups must be a positive integer');
      if (inC % groups !== 0) throw pyError('ValueError', 'in_channels must be divisible by groups');
      if (outC % groups !== 0) throw pyError('ValueError', 'out_channels must be divisible by groups');
      const k = tup(a.get('kernel_size')!);
      // The weight is torch.empty((out, in / groups, *kernel_size)): its size must be ints.
      k.items.forEach((x, i) => {
        if (typeof x !== 'number') {
          throw pyError('TypeError', `empty(): argument 'size' must be tuple of SymInts, but found element of type ${typeName(x)} at pos ${i + 3}`);
        }
      });
      self.dict.set('in_channels', inC);
      self.dict.set('out_channels', outC);
      self.dict.set('kernel_size', k);
      self.dict.set('stride', tup(a.get('stride')!));
      const pad = a.get('padding')!;
      self.dict.set('padding', typeof pad === 'string' ? pad : tup(pad));
      self.dict.set('dilation', tup(a.get('dilation')!));
      self.dict.set('groups', groups);
      self.dict.set('padding_mode', a.get('padding_mode')!);
      // kaiming_uniform_(a=sqrt(5)) gives U(-1/sqrt(fan_in), 1/sqrt(fan_in)); poolnb's stream differs from PyTorch's.
      const kk = k.items.map((x) => x as number);
      const fanIn = (inC / groups) * kk.reduce((x, y) => x * y, 1);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      const w = ops.rand([outC, inC / groups, ...kk], 'float32', defaultGenerator, ctx.token);
      for (let i = 0; i < w.numel; i++) w.storage[i] = Math.fround((w.storage[i] * 2 - 1) * bound);
      self.module!.parameters.set('weight', PyParameter.of(w));
      if (truthy(a.get('bias')!)) {
        const bb = ops.rand([outC], 'float32', defaultGenerator, ctx.token);
        for (let i = 0; i < bb.numel; i++) bb.storage[i] = Math.fround((bb.storage[i] * 2 - 1) * bound);
        self.module!.parameters.set('bias', PyParameter.of(bb));
      } else {
        self.module!.parameters.set('bias', null);
      }
    }, (self, args, kwargs, ctx) => {
      const x = tensorArg(`conv${nd}d`, bindFwd(self, cSig, args, kwargs).get('input')!);
      const p = self.module!.parameters;
      const pad = attr(self, 'padding');
      const f = nd === 1 ? ops.conv1d : ops.conv2d;
      return track(f(x, p.get('weight')!, {
        bias: p.get('bias') ?? null,
        stride: intOrInts(`conv${nd}d`, 'stride', attr(self, 'stride')),
        padding: typeof pad === 'string' ? pad : intOrInts(`conv${nd}d`, 'padding', pad),
        dilation: intOrInts(`conv${nd}d`, 'dilation', attr(self, 'dilation')),
        groups: attr(self, 'groups') as number,
      }, ctx.token), 'ConvolutionBackward0', [x, p.get('weight') ?? null, p.get('bias') ?? null]);
    });
  }

  // nn.Parameter(data, requires_grad=True)
  const Parameter = new PyClass('Parameter', [b.types.get('Tensor') ?? b.object], {
    construct: (_c, args, kwargs) => {
      const bound = bindArgs({ qualname: 'Parameter.__new__', params: [{ name: 'data', default: null }, { name: 'requires_grad', default: true }] }, args, kwargs);
      const d = bound.values.get('data')!;
      const t = d === null ? Tensor.empty([0], 'float32') : tensorArg('Parameter', d, 'data');
      const p = PyParameter.of(t);
      p.requiresGrad = truthy(bound.values.get('requires_grad')!);
      return p;
    },
  }, 'torch.nn.parameter');
  nn.attrs.set('Parameter', Parameter);
  b.types.set('Parameter', Parameter);
  nn.attrs.set('functional', F);
  nn.attrs.set('modules', nn);

  // ---------------------------------------------------------------- torch.nn.functional
  const fSig = (name: string, q?: string): Signature => {
    const e = F_ENTRY.get(name);
    if (!e) throw new Error(`no library entry for F.${name}`);
    return libSignature(e, q ?? e.qualname ?? name, false);
  };
  const defF = (name: string, impl: (a: Map<string, Value>, ctx: CallContext, args: Value[], kwargs: Kwargs) => Value | Promise<Value>, sigFor?: (args: Value[], kwargs: Kwargs) => Signature) => {
    const base = sigFor ? undefined : fSig(name);
    F.attrs.set(name, fn(name, (args, kwargs, ctx) => impl(bindArgs(sigFor ? sigFor(args, kwargs) : base!, args, kwargs).values, ctx, args, kwargs)));
  };
  /** boolean_dispatch: the flag decides which Python function (and qualname) runs. */
  const dispatch = (name: string, flag: string, index: number) => (args: Value[], kwargs: Kwargs): Signature => {
    const e = F_ENTRY.get(name)!;
    const kw = kwargs.find(([k]) => k === flag);
    const on = kw ? truthy(kw[1]) : index < args.length ? truthy(args[index]) : false;
    return libSignature(e, on ? e.qualnameWithIndices! : e.qualname!, false);
  };
  for (const nd of [1, 2, 3] as const) {
    defF(`max_pool${nd}d`, (a, ctx) => maxPoolCall(nd, a, ctx), dispatch(`max_pool${nd}d`, 'return_indices', 6));
    defF(`avg_pool${nd}d`, (a, ctx) => avgPoolCall(nd, a, ctx));
    defF(`adaptive_avg_pool${nd}d`, (a, ctx) => adaptiveAvgCall(nd, a, ctx));
    defF(`adaptive_max_pool${nd}d`, (a, ctx) => adaptiveMaxCall(nd, a, ctx), dispatch(`adaptive_max_pool${nd}d`, 'return_indices', 2));
    defF(`max_unpool${nd}d`, (a, ctx) => maxUnpoolCall(nd, a, ctx));
  }
  for (const nd of [1, 2] as const) defF(`lp_pool${nd}d`, (a, ctx) => lpPoolCall(nd, a, false, ctx));
  for (const nd of [2, 3] as const) {
    defF(`fractional_max_pool${nd}d`, (a, ctx) => {
      if (a.get('output_size') === null && a.get('output_ratio') === null) {
        throw pyError('ValueError', `fractional_max_pool${nd}d requires specifying either an output_size or an output_ratio`);
      }
      return fractionalCall(nd, a, ctx);
    }, dispatch(`fractional_max_pool${nd}d`, 'return_indices', 4));
  }
  defF('relu', (a) => {
    const x = tensorArg('relu', a.get('input')!);
    const r = track(ew.relu(x), 'ReluBackward0', [x]);
    if (truthy(a.get('inplace')!)) { ops.copyInto(x, r); return x; }
    return r;
  });
  defF('pad', (a) => {
    const x = tensorArg('pad', a.get('input')!);
    const padV = a.get('pad')!;
    const mode = a.get('mode')!;
    if (typeof mode !== 'string') throw pyError('TypeError', `pad(): argument 'mode' must be str, not ${typeName(mode)}`);
    const v = a.get('value')!;
    return track(ops.pad(x, shapeArgs('pad', [padV], 'pad'), mode, v === null ? null : v instanceof PyFloat ? ops.pyFloat(v.v) : typeof v === 'number' ? ops.pyInt(v) : null), 'ConstantPadNdBackward0', [x]);
  });
  defF('interpolate', (a, ctx) => {
    const x = tensorArg('interpolate', a.get('input')!);
    const size = a.get('size')!, sf = a.get('scale_factor')!;
    const op = `upsample_nearest${x.ndim - 2}d`;
    const num = (v: Value, i = 0) => {
      if (v instanceof PyFloat) return v.v;
      if (typeof v === 'number') return v;
      throw pyError('TypeError', `${op}(): argument 'scale_factors' must be tuple of floats, but found element of type ${typeName(v)} at pos ${i + 1}`);
    };
    if (sf instanceof Tensor) throw pyError('TypeError', `${op}() received an invalid combination of arguments - got (Tensor, NoneType, list), but expected one of:\n * (Tensor input, tuple of SymInts output_size, tuple of floats scale_factors)\n`);
    return track(ops.interpolate(x, {
      size: size === null ? null : typeof size === 'number' ? size : shapeArgs('interpolate', [size], 'size'),
      scaleFactor: sf === null ? null : sf instanceof PyList || sf instanceof PyTuple ? sf.items.map((v, i) => num(v, i)) : num(sf),
      mode: str(a.get('mode')!),
      recomputeScaleFactor: a.get('recompute_scale_factor') as boolean | null,
    }, ctx.token), `UpsampleNearest${x.ndim - 2}DBackward1`, [x]);
  });
  for (const nd of [1, 2] as const) {
    const name = `conv${nd}d`;
    defF(name, (a, ctx) => {
      const x = tensorArg(name, a.get('input')!), w = tensorArg(name, a.get('weight')!, 'weight', 2);
      const bias = a.get('bias')!;
      const pad = a.get('padding')!;
      return track((nd === 1 ? ops.conv1d : ops.conv2d)(x, w, {
        bias: bias === null ? null : tensorArg(name, bias, 'bias', 3),
        stride: intOrInts(name, 'stride', a.get('stride')!, 4),
        padding: typeof pad === 'string' ? pad : intOrInts(name, 'padding', pad, 5),
        dilation: intOrInts(name, 'dilation', a.get('dilation')!, 6),
        groups: intArg(name, 'groups', a.get('groups')!, 7),
      }, ctx.token), 'ConvolutionBackward0', [x, w, bias]);
    });
  }
  // The C builtins under torch.* (torch.max_pool2d, ...): no return_indices, stride defaults to [].
  const cSig = (name: string, params: ParamSpec[]): Signature => ({ qualname: name, params: [{ name: 'input', default: REQUIRED }, ...params] });
  const K: ParamSpec = { name: 'kernel_size', default: REQUIRED };
  const emptyStride = (a: Map<string, Value>) => {
    const st = a.get('stride')!;
    if ((st instanceof PyList || st instanceof PyTuple) && st.items.length === 0) a.set('stride', null);
    return a;
  };
  for (const nd of [1, 2, 3] as const) {
    const s = cSig(`max_pool${nd}d`, [K, { name: 'stride', default: new PyList([]) }, { name: 'padding', default: 0 }, { name: 'dilation', default: 1 }, { name: 'ceil_mode', default: false }]);
    torch.attrs.set(`max_pool${nd}d`, fn(`max_pool${nd}d`, (args, kwargs, ctx) => {
      const a = emptyStride(bindArgs(s, args, kwargs).values);
      a.set('return_indices', false);
      return maxPoolCall(nd, a, ctx);
    }));
  }
  const avg1 = cSig('avg_pool1d', [K, { name: 'stride', default: new PyList([]) }, { name: 'padding', default: 0 }, { name: 'ceil_mode', default: false }, { name: 'count_include_pad', default: true }]);
  torch.attrs.set('avg_pool1d', fn('avg_pool1d', (args, kwargs, ctx) => avgPoolCall(1, emptyStride(bindArgs(avg1, args, kwargs).values), ctx)));
  const ad1 = cSig('adaptive_avg_pool1d', [{ name: 'output_size', default: REQUIRED }]);
  torch.attrs.set('adaptive_avg_pool1d', fn('adaptive_avg_pool1d', (args, kwargs, ctx) => adaptiveAvgCall(1, bindArgs(ad1, args, kwargs).values, ctx)));
  const am1 = cSig('adaptive_max_pool1d', [{ name: 'output_size', default: REQUIRED }]);
  torch.attrs.set('adaptive_max_pool1d', fn('adaptive_max_pool1d', (args, kwargs, ctx) => {
    const a = bindArgs(am1, args, kwargs).values;
    a.set('return_indices', true);
    return adaptiveMaxCall(1, a, ctx);
  }));
  torch.attrs.set('nn', nn);
  return { nn, F, Module };
}
