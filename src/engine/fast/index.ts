// Fast pooling kernels (WebAssembly SIMD) behind plain typed-array functions. Each returns false
// when it does not apply, and the caller then runs the TypeScript reference in src/engine/pool,
// which stays the readable specification.
export { fastMaxPool2d } from './maxPool2d';
export { fastAvgPool2d } from './avgPool2d';
export { fastMeanPlanes, meanSupported } from './meanPlanes';
export { setFastKernelsDisabled, wasmKernels } from './wasmRuntime';
export { fastKernelCalls, setTinyWorkThreshold } from './bands';
