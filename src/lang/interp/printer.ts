// The interpreter's link to src/lang/format: the print options of the running session
// and the reprs PyTorch defines (tensors, Parameters, nn.Module trees).

import { Tensor } from '../../engine/tensor';
import { formatTensor } from '../format/tensorRepr';
import { PrintOptions } from '../format/printOptions';
import { floatRepr } from '../format/pyFloat';
import type { PyInstance } from './values';
import { gradFnOf, requiresGrad } from './autograd';

export const printer = {
  /** torch.set_printoptions state of the session that is running (sessions run one at a time) */
  options: new PrintOptions(),
  /** Module.__repr__ lives with the nn builtins; they install it here. */
  moduleRepr: (m: PyInstance): string => m.cls.name + '()',
  floatRepr,
  tensorRepr(t: Tensor, parameter: boolean): string {
    const gradFn = gradFnOf(t);
    return formatTensor(t, printer.options, { parameter, gradFn, requiresGrad: !gradFn && requiresGrad(t) });
  },
};
