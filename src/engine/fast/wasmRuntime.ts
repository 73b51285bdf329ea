// Loads the embedded WebAssembly pooling kernels once, on first use, synchronously (Node, the web
// worker extension host and workers allow synchronous compilation of a small module), and owns
// their linear memory: a scratch area the kernels copy bands of JS-heap tensors through, and the
// tensor arena (src/engine/fast/arena.ts), where large float32 tensors live so that the kernels
// read and write them in place.
//
// The memory is grown once, at load, to its final size and never again: growing a WebAssembly
// memory detaches its ArrayBuffer, which would empty every tensor view handed out. Pages nobody
// has touched cost no physical memory, so reserving the arena up front is cheap. (A shared memory
// would grow without detaching, but V8 copies between a SharedArrayBuffer and the JS heap with
// relaxed-atomic word copies, up to 10x slower than memcpy when an offset is not 8-byte aligned —
// measured while building this; see docs/design.md.) When WebAssembly or its SIMD is unavailable,
// `wasmKernels()` returns null and callers fall back to the TypeScript reference.

import { POOL_KERNELS_WASM_BASE64 } from './wasmBytes.generated';
import { BlockAllocator } from './blockAllocator';
import { decodeBase64 } from '../../common/base64';

/** The kernels' exports (see src/engine/fast/asm/poolKernels.as for their contracts). */
export interface PoolKernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
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
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  /** Blocks of the memory: the scratch area and the arena's tensors. */
  readonly blocks: BlockAllocator;
  /** Byte address of a scratch area of at least `bytes` bytes, valid until the next call; -1 if the memory cannot hold it. */
  scratch(bytes: number): number;
  /** Byte address of `a` when it is a view of this memory (a tensor in the arena), else -1. */
  addressOf(a: { buffer: ArrayBufferLike; byteOffset: number }): number;
}

// The few WebAssembly globals used, typed locally: the project's lib setting has no DOM types.
interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const PAGE = 65536;
const MiB = 1024 * 1024;

/**
 * Sizes tried for the memory, largest first: room for the arena's default budget (256 MiB) and
 * the scratch area; a host that refuses falls back to less arena, then to scratch only.
 */
const MEMORY_SIZES = [288 * MiB, 64 * MiB, 16 * MiB];

let state: WasmKernels | null | undefined;
let disabled = false;

/** Turns the fast kernels off (true) or back on (false); tests and benchmarks use it to run the reference. */
export function setFastKernelsDisabled(off: boolean): void { disabled = off; }

/** The loaded kernels, or null when WebAssembly SIMD is unavailable or the kernels are disabled. */
export function wasmKernels(): WasmKernels | null {
  if (disabled) return null;
  if (state !== undefined) return state;
  state = null;
  const wa = (globalThis as unknown as { WebAssembly?: WasmGlobal }).WebAssembly;
  if (!wa) return null;
  try {
    state = load(wa);
  } catch {
    state = null; // no SIMD support, or synchronous compilation refused (browser main thread)
  }
  return state;
}

function load(wa: WasmGlobal): WasmKernels {
  const module = new wa.Module(decodeBase64(POOL_KERNELS_WASM_BASE64));
  const k = new wa.Instance(module, {}).exports as PoolKernelExports;
  const memory = k.memory;
  for (const size of MEMORY_SIZES) {
    const pages = Math.ceil(size / PAGE) - memory.buffer.byteLength / PAGE;
    try { if (pages > 0) memory.grow(pages); break; } catch { /* try a smaller size */ }
  }
  // the buffer is final from here on (never grown again), so these views stay valid
  const buffer = memory.buffer;
  const f32 = new Float32Array(buffer), f64 = new Float64Array(buffer);
  const blocks = new BlockAllocator(k.heapBase(), {
    growTo: (end) => end <= buffer.byteLength,
    zero: (from, to) => { f32.fill(0, from >> 2, to >> 2); },
  });
  let scratchAt = -1, scratchBytes = 0;
  return {
    k, f32, f64, blocks,
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
