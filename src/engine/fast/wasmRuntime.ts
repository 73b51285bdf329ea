// Loads the embedded WebAssembly pooling kernels once, on first use, synchronously (Node, the web
// worker extension host and workers allow synchronous compilation of a small module), and owns
// their linear memory: a scratch area the kernels copy bands of JS-heap tensors through, and the
// tensor arena (src/engine/fast/arena.ts), where large float32 tensors live so that the kernels
// read and write them in place.
//
// The memory has its final size from the start and is never grown: growing a private WebAssembly
// memory detaches its ArrayBuffer, which would empty every tensor view handed out. Pages nobody
// has touched cost no physical memory, so reserving the arena up front is cheap. Where the host
// allows it (Node and its workers, cross-origin-isolated pages) the memory is shared, so that a
// second thread can pool half of a tensor's planes in place (parallel.ts); V8 then copies between
// it and the JS heap with relaxed-atomic word copies, as fast as memcpy only when both offsets
// agree modulo 8, so scratch copies are placed congruently (`congruent`). Elsewhere a private
// memory is used. When WebAssembly or its SIMD is unavailable, `wasmKernels()` returns null and
// callers fall back to the TypeScript reference.

import { POOL_KERNELS_WASM_BASE64 } from './wasmBytes.generated';
import { SHARED_POOL_KERNELS_WASM_BASE64 } from './wasmSharedBytes.generated';
import { BlockAllocator } from './blockAllocator';
import { decodeBase64 } from '../../common/base64';

/** The kernels' exports (see src/engine/fast/asm/poolKernels.as for their contracts). */
export interface PoolKernelExports {
  hasNaN(ptr: number, n: number): number;
  maxPool2d(inP: number, outP: number, idxP: number, hv: number, hc: number, planes: number, inRows: number, rowBase: number,
            H: number, W: number, oh0: number, ohN: number, OW: number,
            kH: number, kW: number, sH: number, sW: number, pH: number, pW: number, dH: number, dW: number,
            mode: number): void;
  avgPool2d(inP: number, outP: number, planes: number, inRows: number, rowBase: number,
            H: number, W: number, oh0: number, ohN: number, OW: number,
            kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
            countIncludePad: number, divisorOverride: number): void;
  meanPlanes(inP: number, outP: number, planes: number, n: number, tmp: number): void;
  heapBase(): number;
}

/** The kernels, views of their memory, and its allocator. */
export interface WasmKernels {
  readonly k: PoolKernelExports;
  /** The WebAssembly.Memory when it is shared (a second thread may instantiate the kernels over it), else null. */
  readonly sharedMemory: object | null;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  /** Blocks of the memory: the scratch area and the arena's tensors. */
  readonly blocks: BlockAllocator;
  /** Byte address of a scratch area of at least `bytes` bytes, valid until the next call; -1 if the memory cannot hold it. */
  scratch(bytes: number): number;
  /** Byte address of `a` when it is a view of this memory (a tensor in the arena), else -1. */
  addressOf(a: { buffer: ArrayBufferLike; byteOffset: number }): number;
}

interface WasmMemory { readonly buffer: ArrayBufferLike; grow(pages: number): number }

// The few WebAssembly globals used, typed locally: the project's lib setting has no DOM types.
export interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** The shared build's declared maximum (scripts/build-wasm.js): 1 GiB. */
const SHARED_MAX_PAGES = 16384;

/** The kernels instantiated over a shared memory (this thread's, or a peer thread's: parallel.ts). */
export function instantiateShared(wa: WasmGlobal, memory: object): PoolKernelExports {
  const module = new wa.Module(decodeBase64(SHARED_POOL_KERNELS_WASM_BASE64));
  return new wa.Instance(module, { env: { memory } }).exports as PoolKernelExports;
}

/** The WebAssembly global of this host, if any. */
export function webAssembly(): WasmGlobal | null {
  return (globalThis as unknown as { WebAssembly?: WasmGlobal }).WebAssembly ?? null;
}

/**
 * Where to put a scratch copy of data that sits at byte `heapOffset` of a JS-heap array: at
 * `scratchAt` or 4 bytes further, so that both offsets agree modulo 8 (V8's fast copy between a
 * SharedArrayBuffer and the heap needs that; `scratchAt` is 8-aligned, and 8 bytes of room must follow).
 */
export function congruent(scratchAt: number, heapOffset: number): number { return scratchAt + (heapOffset & 4); }

const PAGE = 65536;
const MiB = 1024 * 1024;

/**
 * Sizes tried for the memory, largest first: room for the arena's default budget (256 MiB) and
 * the scratch area; a host that refuses falls back to less arena, then to scratch only.
 */
const MEMORY_SIZES = [288 * MiB, 64 * MiB, 16 * MiB];

let state: WasmKernels | null | undefined;
let disabled = false;
let preferShared = true;

/** Turns the fast kernels off (true) or back on (false); tests and benchmarks use it to run the reference. */
export function setFastKernelsDisabled(off: boolean): void { disabled = off; }

/**
 * Tests only: reloads the kernels over a shared memory or a private one (what a host without
 * SharedArrayBuffer gets). Tensors already in the old memory stay valid, in the JS heap's eyes.
 */
export function reloadKernelsForTest(shared: boolean): void { preferShared = shared; state = undefined; }

/** The loaded kernels, or null when WebAssembly SIMD is unavailable or the kernels are disabled. */
export function wasmKernels(): WasmKernels | null {
  if (disabled) return null;
  if (state !== undefined) return state;
  state = null;
  const wa = webAssembly();
  if (!wa) return null;
  if (preferShared) state = tryLoad(() => loadShared(wa));
  if (!state) state = tryLoad(() => loadPrivate(wa));
  return state;
}

function tryLoad(load: () => WasmKernels): WasmKernels | null {
  try {
    return load();
  } catch {
    return null; // no SIMD or threads, no shared memory here, or synchronous compilation refused (browser main thread)
  }
}

function loadShared(wa: WasmGlobal): WasmKernels {
  let memory: WasmMemory | null = null;
  for (const size of MEMORY_SIZES) {
    try { memory = new wa.Memory({ initial: Math.ceil(size / PAGE), maximum: SHARED_MAX_PAGES, shared: true }); break; } catch { /* smaller */ }
  }
  if (!memory) throw new Error('no shared memory');
  return withMemory(instantiateShared(wa, memory), memory.buffer, memory);
}

function loadPrivate(wa: WasmGlobal): WasmKernels {
  const module = new wa.Module(decodeBase64(POOL_KERNELS_WASM_BASE64));
  const k = new wa.Instance(module, {}).exports as PoolKernelExports & { memory: WasmMemory };
  for (const size of MEMORY_SIZES) {
    const pages = Math.ceil(size / PAGE) - k.memory.buffer.byteLength / PAGE;
    try { if (pages > 0) k.memory.grow(pages); break; } catch { /* try a smaller size */ }
  }
  return withMemory(k, k.memory.buffer, null);
}

function withMemory(k: PoolKernelExports, buffer: ArrayBufferLike, sharedMemory: object | null): WasmKernels {
  // the buffer is final (the memory is never grown), so these views stay valid
  const f32 = new Float32Array(buffer), f64 = new Float64Array(buffer);
  const blocks = new BlockAllocator(k.heapBase(), {
    fits: (end) => end <= buffer.byteLength,
    zero: (from, to) => { f32.fill(0, from >> 2, to >> 2); },
  });
  let scratchAt = -1, scratchBytes = 0;
  return {
    k, f32, f64, blocks, sharedMemory,
    scratch(bytes: number): number {
      if (bytes > scratchBytes) {
        if (scratchAt >= 0) blocks.release(scratchAt);
        scratchBytes = Math.max(bytes, MiB);
        scratchAt = blocks.alloc(scratchBytes);
        if (scratchAt < 0) scratchBytes = 0;
      }
      return scratchAt;
    },
    addressOf: (a) => a.buffer === buffer ? a.byteOffset : -1,
  };
}
