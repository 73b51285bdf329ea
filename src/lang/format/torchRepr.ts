// The small torch reprs: torch.Size, dtypes, and the named tuples of torch.return_types.

import { DType } from '../../engine/dtype';

/** repr(torch.Size(shape)), e.g. 'torch.Size([1, 1, 2, 2])', 'torch.Size([])' */
export function sizeRepr(shape: readonly number[]): string {
  return 'torch.Size([' + shape.join(', ') + '])';
}

/** repr(torch.float32) == 'torch.float32' (torch.float / torch.long print their canonical names) */
export function dtypeRepr(dtype: DType): string {
  return 'torch.' + dtype;
}

/**
 * repr of a torch.return_types structseq, e.g. torch.max(x, dim=1):
 * 'torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))'.
 * `fields` carry already-rendered reprs.
 */
export function returnTypesRepr(name: string, fields: readonly (readonly [string, string])[]): string {
  return 'torch.return_types.' + name + '(\n' + fields.map(([k, v]) => k + '=' + v).join(',\n') + ')';
}
