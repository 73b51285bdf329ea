// Fast pooling kernels (WebAssembly SIMD) behind plain typed-array functions. Each returns false
// when it does not apply (not float32, WebAssembly unavailable, tiny call, unsupported geometry)
// and the caller then runs the TypeScript reference in src/engine/pool, which stays the readable
// specification; both give the same bits (test/engine/fast).
//
// The kernels are AssemblyScript (src/engine/fast/asm/poolKernels.as), compiled by
// `node scripts/build-wasm.js` into wasmBytes.generated.ts, which is committed: the build, the
// tests and every host (Node, the web worker extension host, the browser) then need neither the
// compiler nor a file read, and `node scripts/build-wasm.js --check` tells when it is stale.
// Large float32 tensors live in the kernels' memory (arena.ts), where the kernels work in place.
export { fastMaxPool2d } from './maxPool2d';
export { fastMaxPool3d } from './maxPool3d';
export { fastAvgPool2d } from './avgPool2d';
export { fastMeanPlanes, meanSupported } from './meanPlanes';
export { reloadKernelsForTest, setFastKernelsDisabled, wasmKernels } from './wasmRuntime';
export { fastKernelCalls, inPlaceKernelCalls, setTinyWorkThreshold } from './bands';
export { arenaFloat32, arenaStats, getArenaBudget, inArena, setArenaBudget, setArenaTestPolicy, ARENA_MIN_ELEMENTS, NURSERY_BYTES } from './arena';
export { parallelKernelCalls, servePeer, setKernelPeerSpawner, setParallelTestPolicy, PARALLEL_MIN_READS } from './parallel';
export type { KernelPeerSpawner } from './parallel';
