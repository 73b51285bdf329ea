// format(value, spec): the f-string / str.format hook. Numbers and strings go to the
// format module's mini-language; a 0-d Tensor formats its item() (Tensor.__format__),
// anything else accepts only the empty spec, as object.__format__ does.

import { Tensor } from '../../engine/tensor';
import { formatWithSpec } from '../format/formatSpec';
import { kindOfDtype } from '../../engine/ops/scalar';
import { PyFloat, PyParameter, Value, pyError, typeName } from './values';
import { str } from './repr';

export function formatValue(v: Value, spec: string): string {
  if (typeof v === 'string') return formatWithSpec({ kind: 'str', value: v }, spec);
  if (typeof v === 'number' || typeof v === 'bigint') return formatWithSpec({ kind: 'int', value: v }, spec);
  if (typeof v === 'boolean') return formatWithSpec({ kind: 'bool', value: v }, spec);
  if (v instanceof PyFloat) return formatWithSpec({ kind: 'float', value: v.v }, spec);
  if (v instanceof Tensor && !(v instanceof PyParameter) && v.ndim === 0) {
    const x = v.item();
    const kind = kindOfDtype(v.dtype);
    if (kind === 'bool') return formatWithSpec({ kind: 'bool', value: x !== 0 }, spec);
    if (kind === 'int') return formatWithSpec({ kind: 'int', value: x }, spec);
    return formatWithSpec({ kind: 'float', value: x }, spec);
  }
  if (spec === '') return str(v);
  throw pyError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
}
