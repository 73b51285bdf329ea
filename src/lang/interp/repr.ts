// str() and repr() of runtime values, as Python prints them. Tensors, Python floats
// and nn.Module reprs come from src/lang/format (one owner for PyTorch's printing);
// this file only walks containers and dispatches.

import { Tensor } from '../../engine/tensor';
import {
  PyBoundMethod, PyBuiltin, PyClass, PyDType, PyDict, PyEllipsis, PyFloat, PyFunction, PyInstance, PyIterator,
  PyDevice, PyList, PyModule, PyNamedTuple, PyParameter, PyRange, PySet, PySlice, PyTuple, PyUnsupported, Value, objectId,
} from './values';
import { printer } from './printer';
import { returnTypesRepr } from '../format/torchRepr';
import { intRepr, strRepr } from '../format/pyRepr';

export { strRepr };

const hex = (o: object) => '0x' + objectId(o).toString(16).padStart(12, '0');

/** reprs of user instances computed beforehand (their __repr__ is user code, run by the interpreter) */
export const userReprs: { map: Map<object, string> | null } = { map: null };

export function repr(v: Value, seen: Set<object> = new Set()): string {
  if (v === null) return 'None';
  switch (typeof v) {
    case 'number': return intRepr(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'True' : 'False';
    case 'string': return strRepr(v);
  }
  if (v instanceof PyFloat) return printer.floatRepr(v.v);
  if (v instanceof Tensor) {
    if (v instanceof PyParameter) return printer.tensorRepr(v, true);
    return printer.tensorRepr(v, false);
  }
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet) {
    if (seen.has(v)) return v instanceof PyList ? '[...]' : v instanceof PyDict ? '{...}' : '(...)';
    seen.add(v);
    try {
      if (v instanceof PyList) return '[' + v.items.map((x) => repr(x, seen)).join(', ') + ']';
      if (v instanceof PyNamedTuple) {
        return returnTypesRepr(v.typeName, v.fields.map((f, i) => [f, repr(v.items[i], seen)] as [string, string]));
      }
      if (v instanceof PyTuple) {
        if (v.isSize) return 'torch.Size([' + v.items.map((x) => repr(x, seen)).join(', ') + '])';
        if (v.items.length === 1) return '(' + repr(v.items[0], seen) + ',)';
        return '(' + v.items.map((x) => repr(x, seen)).join(', ') + ')';
      }
      if (v instanceof PySet) {
        if (v.map.size === 0) return 'set()';
        return '{' + [...v.map.values()].map((x) => repr(x, seen)).join(', ') + '}';
      }
      return '{' + [...v.map.values()].map(([k, x]) => repr(k, seen) + ': ' + repr(x, seen)).join(', ') + '}';
    } finally {
      seen.delete(v);
    }
  }
  if (v instanceof PyRange) {
    return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  }
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyEllipsis) return 'Ellipsis';
  if (v instanceof PyDType) return `torch.${v.dtype}`;
  if (v instanceof PyDevice) return v.index === null ? `device(type='${v.type}')` : `device(type='${v.type}', index=${v.index})`;
  if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
  if (v instanceof PyFunction) {
    return v.name === '<lambda>' ? `<function <lambda> at ${hex(v)}>` : `<function ${v.qualname} at ${hex(v)}>`;
  }
  if (v instanceof PyBoundMethod) {
    const owner = v.self instanceof PyInstance ? v.self.cls.name : 'object';
    return `<bound method ${owner}.${v.func.name} of ${repr(v.self, seen)}>`;
  }
  if (v instanceof PyClass) {
    if (v.native?.errorType || v.moduleName === 'builtins') return `<class '${v.name}'>`;
    return `<class '${v.moduleName}.${v.name}'>`;
  }
  if (v instanceof PyInstance) {
    const user = userReprs.map?.get(v);
    if (user !== undefined) return user;
    if (v.module) return printer.moduleRepr(v);
    if (v.excArgs) {
      const a = v.excArgs;
      return `${v.cls.name}(${a.map((x) => repr(x)).join(', ')})`;
    }
    return `<${v.cls.moduleName}.${v.cls.name} object at ${hex(v)}>`;
  }
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyUnsupported) return `<unsupported '${v.name}'>`;
  if (v instanceof PyIterator) return `<${v.typeName} object at ${hex(v)}>`;
  return '<object>';
}

/** Python's str(): differs from repr for str itself, exceptions and a few objects. */
export function str(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyDevice) return v.text;
  if (v instanceof PyInstance && v.excArgs) {
    const a = v.excArgs;
    if (a.length === 0) return '';
    if (a.length === 1) return v.cls.mro().some((c) => c.name === 'KeyError' && c.moduleName === 'builtins') ? repr(a[0]) : str(a[0]);
    return repr(new PyTuple(a));
  }
  return repr(v);
}

