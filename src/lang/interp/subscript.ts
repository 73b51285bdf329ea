// x[i], x[a:b:c], x[i] = v, del x[i] for Python containers; tensors go to tensorIndex.

import { Tensor } from '../../engine/tensor';
import { isIntegral } from '../../engine/dtype';
import { keyErrorKeys, PyBuiltin, PyInstance, PyDict, PyList, PyRange, PySlice, PyTuple, PyUnsupported, Value, hashKey, pyError, typeName } from './values';
import { tensorGetItem, tensorSetItem } from './tensorIndex';
import { repr } from './repr';
import { toArray } from './iterate';

/** operator.index(): ints, bools and one-element integer tensors. */
export function indexValue(v: Value, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor && v.numel === 1 && (isIntegral(v.dtype) || v.dtype === 'bool')) return v.item();
  if (v instanceof Tensor && v.numel === 1) {
    throw pyError('TypeError', 'only integer tensors of a single element can be converted to an index');
  }
  throw pyError('TypeError', `${what} indices must be integers or slices, not ${typeName(v)}`);
}

function sliceBound(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor && v.numel === 1 && isIntegral(v.dtype)) return v.item();
  throw pyError('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

/** slice.indices(len): [start, stop, step] clamped as CPython does. */
export function sliceIndices(s: PySlice, len: number): [number, number, number] {
  const step = sliceBound(s.step) ?? 1;
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  let start = sliceBound(s.start);
  let stop = sliceBound(s.stop);
  const lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
  if (start === null) start = step < 0 ? hi : lo;
  else {
    if (start < 0) start = Math.max(start + len, lo);
    else start = Math.min(start, hi);
  }
  if (stop === null) stop = step < 0 ? lo : hi;
  else {
    if (stop < 0) stop = Math.max(stop + len, lo);
    else stop = Math.min(stop, hi);
  }
  return [start, stop, step];
}

function sliceItems<T>(items: readonly T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(s, items.length);
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

function seqIndex(i: Value, len: number, what: string): number {
  let k = indexValue(i, what);
  if (k < 0) k += len;
  if (k < 0 || k >= len) throw pyError('IndexError', `${what} index out of range`);
  return k;
}

export function getItem(obj: Value, idx: Value): Value {
  if (obj instanceof Tensor) return tensorGetItem(obj, idx);
  if (obj instanceof PyList) {
    if (idx instanceof PySlice) return new PyList(sliceItems(obj.items, idx));
    return obj.items[seqIndex(idx, obj.items.length, 'list')];
  }
  if (obj instanceof PyTuple) {
    if (idx instanceof PySlice) return new PyTuple(sliceItems(obj.items, idx), obj.isSize);
    return obj.items[seqIndex(idx, obj.items.length, 'tuple')];
  }
  if (typeof obj === 'string') {
    const chars = [...obj];
    if (idx instanceof PySlice) return sliceItems(chars, idx).join('');
    if (typeof idx !== 'number' && typeof idx !== 'boolean' && !(idx instanceof Tensor)) {
      throw pyError('TypeError', 'string indices must be integers, not \'' + typeName(idx) + "'");
    }
    return chars[seqIndex(idx, chars.length, 'string')];
  }
  if (obj instanceof PyDict) {
    const e = obj.map.get(hashKey(idx));
    if (!e) {
      const err = pyError('KeyError', repr(idx));
      keyErrorKeys.set(err, idx);
      throw err;
    }
    return e[1];
  }
  if (obj instanceof PyRange) {
    if (idx instanceof PySlice) {
      const [start, stop, step] = sliceIndices(idx, obj.length);
      return new PyRange(obj.start + start * obj.step, obj.start + stop * obj.step, obj.step * step);
    }
    const k = seqIndex(idx, obj.length, 'range object');
    return obj.start + k * obj.step;
  }
  if (obj instanceof PyUnsupported) throw pyError('NotImplementedError', obj.advice);
  if (obj instanceof PyInstance) {
    const gi = obj.cls.lookup('__getitem__');
    if (gi instanceof PyBuiltin) return gi.fn([obj, idx], [], undefined as never) as Value;
  }
  throw pyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(obj: Value, idx: Value, v: Value): void {
  if (obj instanceof Tensor) { tensorSetItem(obj, idx, v); return; }
  if (obj instanceof PyList) {
    if (idx instanceof PySlice) {
      const [start, stop, step] = sliceIndices(idx, obj.items.length);
      const items = toArray(v);
      if (step === 1) {
        obj.items.splice(start, Math.max(0, stop - start), ...items);
        return;
      }
      const targets: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) targets.push(i);
      else for (let i = start; i > stop; i += step) targets.push(i);
      if (targets.length !== items.length) {
        throw pyError('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${targets.length}`);
      }
      targets.forEach((t, j) => { obj.items[t] = items[j]; });
      return;
    }
    obj.items[seqIndex(idx, obj.items.length, 'list assignment')] = v;
    return;
  }
  if (obj instanceof PyDict) { obj.map.set(hashKey(idx), [idx, v]); return; }
  throw pyError('TypeError', `'${typeName(obj)}' object does not support item assignment`);
}

export function delItem(obj: Value, idx: Value): void {
  if (obj instanceof PyList) {
    if (idx instanceof PySlice) {
      const [start, stop, step] = sliceIndices(idx, obj.items.length);
      const drop = new Set<number>();
      if (step > 0) for (let i = start; i < stop; i += step) drop.add(i);
      else for (let i = start; i > stop; i += step) drop.add(i);
      obj.items = obj.items.filter((_, i) => !drop.has(i));
      return;
    }
    obj.items.splice(seqIndex(idx, obj.items.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!obj.map.delete(hashKey(idx))) throw pyError('KeyError', repr(idx));
    return;
  }
  throw pyError('TypeError', `'${typeName(obj)}' object doesn't support item deletion`);
}
