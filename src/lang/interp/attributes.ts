// Attribute access (x.name, x.name = v, del x.name) on every kind of value: instances
// of user classes and nn.Modules (with PyTorch's submodule/parameter registration),
// classes, modules (torch, nn, F), tensors and the methods of Python's builtin types.

import { Tensor } from '../../engine/tensor';
import {
  CallContext, PyBoundMethod, PyBuiltin, PyClass, PyFunction, PyInstance, PyMethodWrapper, PyModule, PyParameter, PyProperty,
  PySuper, PyTuple, PyUnsupported, Value, pyError, typeName,
} from './values';
import { builtinMethod } from './builtins/methods';
import { tensorAttr, setTensorAttr } from './builtins/tensor';
import { unsupportedMember } from './imports';

function bindIfFunction(v: Value, self: Value): Value {
  if (v instanceof PyMethodWrapper) {
    if (v.kind === 'staticmethod') return v.fn;
    if (v.kind === 'classmethod') return new PyBoundMethod(self instanceof PyInstance ? self.cls : self, v.fn as PyFunction);
  }
  if (v instanceof PyFunction || v instanceof PyBuiltin) return new PyBoundMethod(self, v);
  if (v instanceof PyProperty) return v.get(self);
  return v;
}

function noAttr(obj: Value, name: string): Error {
  if (obj instanceof PyModule) return pyError('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass) return pyError('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
  return pyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

export async function getAttr(obj: Value, name: string, ctx?: CallContext): Promise<Value> {
  // A user @property runs its getter (user code, hence async).
  if (obj instanceof PyInstance && ctx && !obj.dict.has(name)) {
    const v = obj.cls.lookup(name);
    if (v instanceof PyMethodWrapper && v.kind === 'property') return ctx.call(v.fn, [obj]);
  }
  if (obj instanceof PyMethodWrapper && obj.kind === 'property' && (name === 'setter' || name === 'getter')) {
    return new PyBuiltin(name, (args) => (name === 'setter'
      ? new PyMethodWrapper('property', obj.fn, args[0])
      : new PyMethodWrapper('property', args[0], obj.setter)));
  }
  return getAttrSync(obj, name);
}

export function getAttrSync(obj: Value, name: string): Value {
  if (obj instanceof PyInstance) {
    const own = obj.dict.get(name);
    if (own !== undefined) return own;
    if (obj.module) {
      if (name === 'training') return obj.module.training;
      const p = obj.module.parameters.get(name);
      if (p !== undefined) return p;
      const m = obj.module.modules.get(name);
      if (m !== undefined) return m;
    }
    if (name === '__class__') return obj.cls;
    if (name === '__dict__') throw pyError('NotImplementedError', 'poolnb: __dict__ is not part of PoolScript');
    if (obj.excArgs && name === 'args') {
      return new PyTuple(obj.excArgs);
    }
    const v = obj.cls.lookup(name);
    if (v !== undefined) return bindIfFunction(v, obj);
    if (obj.module) throw pyError('AttributeError', `'${obj.cls.name}' object has no attribute '${name}'`);
    throw noAttr(obj, name);
  }
  if (obj instanceof Tensor) {
    const v = tensorAttr(obj, name);
    if (v === undefined) throw pyError('AttributeError', `'${obj instanceof PyParameter ? 'Parameter' : 'Tensor'}' object has no attribute '${name}'`);
    return v;
  }
  if (obj instanceof PyModule) {
    const v = obj.attrs.get(name);
    if (v === undefined) {
      if (name === '__name__') return obj.name;
      throw noAttr(obj, name);
    }
    return v;
  }
  if (obj instanceof PyClass) {
    if (name === '__name__' || name === '__qualname__') return obj.name;
    if (name === '__module__') return obj.moduleName;
    const v = obj.lookup(name);
    if (v === undefined) throw noAttr(obj, name);
    if (v instanceof PyMethodWrapper && v.kind !== 'property') return bindIfFunction(v, obj);
    return v;
  }
  if (obj instanceof PySuper) {
    const self = obj.self;
    const mro = self instanceof PyInstance ? self.cls.mro() : [];
    const start = mro.indexOf(obj.cls);
    for (const c of mro.slice(start + 1)) {
      const v = c.dict.get(name);
      if (v !== undefined) return bindIfFunction(v, self);
    }
    throw pyError('AttributeError', `'super' object has no attribute '${name}'`);
  }
  if (obj instanceof PyUnsupported) return unsupportedMember(obj, name);
  if (obj instanceof PyFunction || obj instanceof PyBuiltin) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
  }
  if (obj instanceof PyBoundMethod) {
    if (name === '__self__') return obj.self;
    if (name === '__func__') return obj.func;
    if (name === '__name__') return obj.func.name;
  }
  const m = builtinMethod(obj, name);
  if (m !== undefined) return m;
  throw noAttr(obj, name);
}

export async function hasAttr(obj: Value, name: string, ctx?: CallContext): Promise<boolean> {
  try {
    await getAttr(obj, name, ctx);
    return true;
  } catch (e) {
    if (e instanceof Error && (e as { pyType?: string }).pyType === 'AttributeError') return false;
    throw e;
  }
}

export async function setAttr(obj: Value, name: string, v: Value, ctx?: CallContext): Promise<void> {
  if (obj instanceof PyInstance) {
    const prop = obj.cls.lookup(name);
    if (prop instanceof PyMethodWrapper && prop.kind === 'property') {
      if (prop.setter === null) throw pyError('AttributeError', `property '${name}' of '${obj.cls.name}' object has no setter`);
      if (ctx) await ctx.call(prop.setter, [obj, v]);
      return;
    }
    const m = obj.module;
    const isModule = v instanceof PyInstance && v.module !== undefined;
    if (!m && obj.cls.nativeBase()?.isModuleBase && (v instanceof PyParameter || isModule)) {
      throw pyError('AttributeError', v instanceof PyParameter
        ? 'cannot assign parameters before Module.__init__() call'
        : 'cannot assign module before Module.__init__() call');
    }
    if (m) {
      // torch.nn.Module.__setattr__: Parameters and Modules live in their own registries.
      if (v instanceof PyParameter) {
        obj.dict.delete(name);
        m.modules.delete(name);
        m.parameters.set(name, v);
        return;
      }
      if (m.parameters.has(name)) {
        if (v === null) { m.parameters.set(name, null); return; }
        throw pyError('TypeError', `cannot assign '${torchTypeName(v)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
      }
      if (isModule) {
        obj.dict.delete(name);
        m.parameters.delete(name);
        m.modules.set(name, v as PyInstance);
        return;
      }
      if (m.modules.has(name)) {
        if (v === null) { m.modules.set(name, null); return; }
        throw pyError('TypeError', `cannot assign '${torchTypeName(v)}' as child module '${name}' (torch.nn.Module or None expected)`);
      }
      if (name === 'training') { m.training = v === true || (typeof v === 'number' && v !== 0); return; }
      const setter = obj.cls.nativeBase()?.setAttr;
      if (setter && setter(obj, name, v)) return;
    }
    obj.dict.set(name, v);
    return;
  }
  if (obj instanceof Tensor) { setTensorAttr(obj, name, v); return; }
  if (obj instanceof PyClass) { obj.dict.set(name, v); return; }
  if (obj instanceof PyModule) { obj.attrs.set(name, v); return; }
  if (obj instanceof PyFunction) {
    throw pyError('AttributeError', `'function' object has no attribute '${name}'`);
  }
  const t = typeName(obj);
  if (builtinMethod(obj, name) !== undefined) throw pyError('AttributeError', `'${t}' object attribute '${name}' is read-only`);
  throw pyError('AttributeError', `'${t}' object has no attribute '${name}'`);
}

export function delAttr(obj: Value, name: string): void {
  if (obj instanceof PyInstance) {
    if (obj.dict.delete(name)) return;
    if (obj.module && (obj.module.parameters.delete(name) || obj.module.modules.delete(name))) return;
  }
  throw pyError('AttributeError', name);
}

function torchTypeName(v: Value): string {
  if (v instanceof Tensor) {
    const names: Record<string, string> = { float32: 'FloatTensor', float64: 'DoubleTensor', int64: 'LongTensor', int32: 'IntTensor', uint8: 'ByteTensor', bool: 'BoolTensor' };
    return 'torch.' + names[v.dtype];
  }
  return typeName(v);
}
