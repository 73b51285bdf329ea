// Tensor subscripts: converts Python index values (ints, slices, None, ..., bools,
// lists, tensors) into the engine's Index and calls its getitem / setitem.

import { Tensor } from '../../engine/tensor';
import { ELLIPSIS, Index, IndexItem, getitem, setitem, slice } from '../../engine/ops/indexing';
import { tensor as makeTensor } from '../../engine/ops/factories';
import { PyEllipsis, PyList, PySlice, PyTuple, Value, pyError, typeName } from './values';
import { toScalar } from './operators';

const BAD_INDEX = 'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got ';

function bound(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor && v.numel === 1 && v.dtype !== 'float32' && v.dtype !== 'float64') return v.item();
  throw pyError('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

function nested(v: Value): unknown {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(nested);
  if (v instanceof Tensor) return v;
  const s = toScalar(v);
  if (s === undefined) throw pyError('IndexError', BAD_INDEX + typeName(v) + ')');
  return s;
}

function item(v: Value): IndexItem {
  if (typeof v === 'number') return v;
  if (v === null) return null;
  if (v instanceof PySlice) return slice(bound(v.start), bound(v.stop), bound(v.step));
  if (v instanceof PyEllipsis) return ELLIPSIS;
  if (typeof v === 'boolean') return Tensor.scalar(v ? 1 : 0, 'bool');
  if (v instanceof Tensor) return v;
  if (v instanceof PyList) return makeTensor(nested(v) as never);
  throw pyError('IndexError', BAD_INDEX + typeName(v) + ')');
}

export function toIndex(idx: Value): Index {
  if (idx instanceof PyTuple && !idx.isSize) return idx.items.map(item);
  return item(idx);
}

export function tensorGetItem(t: Tensor, idx: Value): Tensor {
  return getitem(t, toIndex(idx));
}

export function tensorSetItem(t: Tensor, idx: Value, v: Value): void {
  if (v instanceof Tensor) { setitem(t, toIndex(idx), v); return; }
  const s = toScalar(v);
  if (s === undefined) {
    if (v instanceof PyList || v instanceof PyTuple) { setitem(t, toIndex(idx), makeTensor(nested(v) as never, t.dtype)); return; }
    throw pyError('TypeError', `can't assign a ${typeName(v)} to a ${torchTensorType(t)}`);
  }
  setitem(t, toIndex(idx), s);
}

export function torchTensorType(t: Tensor): string {
  const names: Record<string, string> = { float32: 'FloatTensor', float64: 'DoubleTensor', int64: 'LongTensor', int32: 'IntTensor', uint8: 'ByteTensor', bool: 'BoolTensor' };
  return 'torch.' + names[t.dtype];
}
