// The general tensor operations of the engine (everything but pooling), as PyTorch 1.13.1
// defines them. The interpreter calls these for `torch.*`, tensor methods and operators.
//
// Conventions
// - Python scalars: a `Scalar` is `number | boolean | PyScalar`. Python ints and floats
//   promote differently (`int_tensor + 1` stays int64, `int_tensor + 1.0` becomes float32),
//   so pass Python floats as `pyFloat(v)` (or `{ value, kind: 'float' }`) — a bare JS number
//   counts as a Python int when it is integral and as a float otherwise; a JS boolean is a
//   Python bool. `item()` returns a PyScalar whose kind follows the tensor's dtype.
// - Python tuples/lists of ints (shapes, dims) are plain `number[]`; Python None is `null`
//   or an omitted argument; dtypes are DType strings ('float32', 'int64', ...).
// - Errors are TorchError with PyTorch's exception type and message.
// - Ops that can run long take an optional trailing `token?: CancelToken` and check it
//   periodically (throwing the KeyboardInterrupt CancelledError); all outputs are
//   allocated through Tensor.empty/full, so the element limit applies.
// - Views: view/reshape(of viewable data)/permute/transpose/t/squeeze/unsqueeze/expand/
//   narrow/split and basic indexing share storage with their input, as in PyTorch.
// - Numerics: + - * / sqrt, sums of up to 32768 elements, means, comparisons, casts,
//   floor division and remainder are bit-exact with PyTorch on x86 (AVX2). exp, log and
//   pow with a general exponent are within 1 ulp; conv1d/conv2d and larger float sums are
//   within ~1e-6 relative (PyTorch's order there depends on the backend / thread count).
// - Random numbers (rand, randn, randint) are deterministic under manual_seed but are NOT
//   PyTorch's stream (see ../random.ts).

export * from './scalar';
export { wrapDim, shapeText } from './dims';
export { broadcastShapes } from './broadcast';
export * from './factories';
export * from './shape';
export * from './indexing';
export * from './join';
export * from './elementwise';
export * from './reduce';
export * from './convert';
export * from './conv';
export * from './pad';
export * from './interpolate';
export { Generator, defaultGenerator, manualSeed } from '../random';
