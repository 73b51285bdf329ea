// Small tensor helpers for Python semantics (iteration along dim 0).

import { Tensor } from '../../engine/tensor';

export { copyInto } from '../../engine/ops/indexing';

/** t[i] for 0 <= i < t.shape[0]: a view sharing storage. */
export function select0(t: Tensor, i: number): Tensor {
  return t.view(t.shape.slice(1), t.strides.slice(1), t.offset + i * t.strides[0]);
}
