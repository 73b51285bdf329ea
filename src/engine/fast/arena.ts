// The tensor arena: large float32 storages are allocated inside the kernels' WebAssembly memory, so that the SIMD kernels read their inputs and write their outputs in place instead of
// copying every band in and out (for a global average pool the copy alone cost as much as the
// kernel). The arena is invisible to the rest of the engine: a storage is an ordinary Float32Array,
// only its buffer differs.
//
// Lifetime: each storage's block is freed by a FinalizationRegistry when its Float32Array is
// collected. Invariant this relies on: nothing keeps a *different* view of a storage's bytes
// (a subarray, a Uint8Array over its buffer) beyond the synchronous code that made it — finalizers
// only run between tasks, so such short-lived views are safe; tensors share the storage object
// itself, never a copy of the view.
//
// Bounds: the garbage collector cannot see this memory, so dead storages may wait for their
// finalizer for a while; the arena therefore has a budget (bytes from its start to the end of its
// highest block). A storage that does not fit is an ordinary JS-heap Float32Array — correct, only
// slower to pool — and so is every storage on a host without WebAssembly SIMD.

import { BlockAllocator } from './blockAllocator';
import { wasmKernels } from './wasmRuntime';

/** Storages smaller than this (64 KB) stay in the JS heap: copying them is cheaper than tracking them. */
export const ARENA_MIN_ELEMENTS = 1 << 14;

let minElements = ARENA_MIN_ELEMENTS;
let reusedMayTakeFresh = false;

/**
 * Tests only: `minElements` 0 puts every float32 storage in the arena, and `reusedMayTakeFresh`
 * lets 'reused' storages take fresh memory, so that small fixtures exercise the in-place kernels.
 */
export function setArenaTestPolicy(p: { minElements?: number; reusedMayTakeFresh?: boolean }): void {
  minElements = p.minElements ?? ARENA_MIN_ELEMENTS;
  reusedMayTakeFresh = p.reusedMayTakeFresh ?? false;
}

let budgetBytes = 256 * 1024 * 1024;

/** Sets how many bytes of tensors the arena may span (0 turns it off: every storage in the JS heap). */
export function setArenaBudget(bytes: number): void { budgetBytes = Math.max(0, bytes); }
export function getArenaBudget(): number { return budgetBytes; }

/** Frees a collected storage's block (the allocator is held, not looked up: tests may reload the kernels). */
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry<{ blocks: BlockAllocator; off: number }>((h) => h.blocks.release(h.off))
  : null;

/**
 * Where a new storage may go. 'arena': anywhere in the arena (the default: tensors a notebook makes
 * and keeps). 'reused': only into arena memory an earlier, freed storage used, else the JS heap —
 * for results that are usually short-lived (pooling outputs): the first touch of never-used pages
 * costs a page fault per 4 KB (about 4 GB/s here), more than the JS heap's recycled memory, and a
 * loop of short-lived results would otherwise walk through fresh pages until finalizers catch up.
 */
export type Placement = 'arena' | 'reused';

/**
 * Bytes of arena touched in one go the first time a 'reused' storage finds no freed memory: a
 * nursery for short-lived results until the first collection frees some. Paid once (4,096 page
 * faults, a few ms) and only by sessions that pool large tensors. Without it a loop of pooling
 * calls writes every output into fresh pages (W4: 0.44 ms a call instead of 0.40).
 */
export const NURSERY_BYTES = 16 * 1024 * 1024;
let nurseryTouched = false;

/** A zeroed Float32Array of n elements in the arena, or null when it belongs in the JS heap. */
export function arenaFloat32(n: number, placement: Placement = 'arena'): Float32Array | null {
  if (n < minElements || n * 4 > budgetBytes || !registry) return null;
  const w = wasmKernels();
  if (!w) return null;
  const fresh = placement === 'arena' || reusedMayTakeFresh;
  let off = w.blocks.alloc(n * 4, budgetBytes, fresh);
  if (off < 0 && !fresh && !nurseryTouched) {
    nurseryTouched = true;
    const at = w.blocks.alloc(NURSERY_BYTES, budgetBytes);
    if (at >= 0) {
      w.f32.fill(0, at >> 2, (at + NURSERY_BYTES) >> 2); // the first write to each page faults it in
      w.blocks.release(at);
      off = w.blocks.alloc(n * 4, budgetBytes, false);
    }
  }
  if (off < 0) return null;
  const a = new Float32Array(w.f32.buffer, off, n);
  registry.register(a, { blocks: w.blocks, off });
  return a;
}

/** Whether a storage lives in the arena (tests and the benchmark report it). */
export function inArena(a: { buffer: ArrayBufferLike; byteOffset: number }): boolean {
  const w = wasmKernels();
  return !!w && w.addressOf(a) >= 0;
}

/** The arena's occupancy in bytes, or null when there is none on this host. */
export function arenaStats(): { live: number; extent: number; touched: number; budget: number } | null {
  const b = wasmKernels()?.blocks;
  return b ? { live: b.liveBytes, extent: b.extentBytes, touched: b.touchedBytes, budget: budgetBytes } : null;
}
