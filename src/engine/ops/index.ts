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
// - Numerics (checked against fixtures from PyTorch 1.13.1 on x86/AVX2, see
//   scripts/gen_ops_fixtures.py): + - * / // % sqrt, the pow special cases, comparisons,
//   casts, arange/linspace (incl. their vectorized paths and FMA rounding), float sums and
//   means (PyTorch's cascade order, cascadeSum.ts) are bit-exact. Known differences:
//   exp, log and pow with a general exponent within 1 ulp (SLEEF or MKL in PyTorch);
//   conv1d/conv2d are bit-exact where PyTorch uses im2col + GEMM (single images, small
//   kernels) and within float32 accumulation error (1e-6 of the convolution of absolute
//   values) where it uses oneDNN; float sums past 32768 elements may split across threads in
//   PyTorch (agree to 1e-6 relative; bit-exact on the 2-thread machine measured); int64
//   values are exact only below 2^53.
// - Layout: element-wise results take TensorIterator's layout (x.t() + 1 is transposed too);
//   reductions, cat, factories and advanced indexing give contiguous results.
// - torch.empty fills zeros. Tensor.item() here (item()) raises PyTorch's ValueError for
//   more than one element; the core Tensor.item() keeps its RuntimeError.
// - Random numbers (rand, randn, randint, randperm) are deterministic under manual_seed but
//   are NOT PyTorch's stream (see ../random.ts).

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
