// Python iteration over PoolScript values (for loops, unpacking, list(), ...).

import { Tensor } from '../../engine/tensor';
import { checkItems, PyBuiltin, PyInstance, PyDict, PyIterator, PyList, PyRange, PySet, PyTuple, PyUnsupported, Value, pyError, typeName } from './values';
import { select0 } from './tensorUtil';

export function* iterate(v: Value): Iterable<Value> {
  if (v instanceof PyList) {
    // A list may grow while it is iterated (Python sees the new items).
    for (let i = 0; i < v.items.length; i++) yield v.items[i];
    return;
  }
  if (v instanceof PyTuple) { yield* v.items; return; }
  if (v instanceof PyRange) {
    const { start, stop, step } = v;
    if (step > 0) for (let i = start; i < stop; i += step) yield i;
    else for (let i = start; i > stop; i += step) yield i;
    return;
  }
  if (typeof v === 'string') { yield* v; return; }
  if (v instanceof PyDict) { for (const [k] of [...v.map.values()]) yield k; return; }
  if (v instanceof PySet) { yield* [...v.map.values()]; return; }
  if (v instanceof PyIterator) {
    for (let x = v.next(); x !== undefined; x = v.next()) yield x;
    return;
  }
  if (v instanceof Tensor) {
    if (v.ndim === 0) throw pyError('TypeError', 'iteration over a 0-d tensor');
    for (let i = 0; i < v.shape[0]; i++) yield select0(v, i);
    return;
  }
  if (v instanceof PyUnsupported) throw pyError('NotImplementedError', v.advice);
  if (v instanceof PyInstance) {
    const it = v.cls.lookup('__iter__');
    if (it instanceof PyBuiltin) { yield* iterate(it.fn([v], [], undefined as never) as Value); return; }
  }
  throw pyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function toArray(v: Value): Value[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  if (v instanceof PyRange) checkItems(v.length);
  return [...iterate(v)];
}
