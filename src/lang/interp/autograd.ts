// What PyTorch's autograd shows without computing gradients: which tensors require
// grad, and the grad_fn name a result prints (`grad_fn=<MaxPool2DWithIndicesBackward0>`).
// poolnb has no backward pass; this only keeps printing identical.

import { Tensor } from '../../engine/tensor';
import { PyParameter, Value } from './values';

const leafFlags = new WeakMap<Tensor, boolean>();
const gradFns = new WeakMap<Tensor, string>();

/** torch.no_grad() nesting */
export const gradMode = { enabled: true };

export function setRequiresGrad(t: Tensor, on: boolean): void {
  if (t instanceof PyParameter) t.requiresGrad = on;
  else leafFlags.set(t, on);
}

export function requiresGrad(t: Tensor): boolean {
  if (gradFns.has(t)) return true;
  if (t instanceof PyParameter) return t.requiresGrad;
  return leafFlags.get(t) ?? false;
}

export function gradFnOf(t: Tensor): string | undefined {
  return gradFns.get(t);
}

/** Marks `out` (and returns it) as made by `name` when grad mode is on and an input requires grad. */
export function track<T extends Value>(out: T, name: string, inputs: readonly Value[]): T {
  if (!gradMode.enabled || !(out instanceof Tensor)) return out;
  if (inputs.some((x) => x instanceof Tensor && requiresGrad(x))) gradFns.set(out, name);
  return out;
}

/** grad_fn names of the pooling ops by op name and dims (1-D ops end in a squeeze). */
export function poolGradFn(op: string, nd: number, outputSize1?: boolean): string {
  if (nd === 1 && !/unpool/.test(op)) return op.startsWith('lp') ? 'PowBackward0' : 'SqueezeBackward1';
  if (op.startsWith('lp')) return 'PowBackward0';
  const D = `${nd}D`;
  if (op.startsWith('max_pool')) return `MaxPool${D}WithIndicesBackward0`;
  if (op.startsWith('avg_pool')) return `AvgPool${D}Backward0`;
  if (op.startsWith('adaptive_avg')) return outputSize1 ? 'MeanBackward1' : `AdaptiveAvgPool${D}Backward0`;
  if (op.startsWith('adaptive_max')) return `AdaptiveMaxPool${D}Backward0`;
  if (op.startsWith('max_unpool')) return `MaxUnpool${D}Backward0`;
  if (op.startsWith('fractional')) return `FractionalMaxPool${D}Backward0`;
  return 'Backward0';
}
