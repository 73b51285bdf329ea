// A notebook must not exhaust the extension host's memory: tensors larger than a
// configurable element limit are refused with a clear error before allocation.

import { runtimeError } from './errors';

let maxElements = 64 * 1024 * 1024; // 64 Mi elements = 256 MB of float32

export function setElementLimit(n: number): void { maxElements = n; }
export function getElementLimit(): number { return maxElements; }

export function checkElementLimit(n: number, shape: readonly number[]): void {
  if (n > maxElements) {
    throw runtimeError(
      `poolnb: a tensor of shape [${shape.join(', ')}] has ${n} elements, more than the limit of ` +
      `${maxElements} (setting poolnb.maxTensorElements)`,
    );
  }
}
