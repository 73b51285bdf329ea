// A best-fit allocator of byte ranges inside one linear memory, for the tensor arena
// (src/engine/fast/arena.ts). Pure bookkeeping: it never touches the memory itself, it asks its
// owner whether a block fits and to zero reused bytes. Kept separate so that its rules (alignment,
// slack, coalescing, the budget) are tested without WebAssembly.

/** Every block starts on a cache line. */
export const BLOCK_ALIGN = 64;

/**
 * Readable bytes left after every block: the SIMD kernels may load up to one vector past the last
 * element of a row they read in place, and that load must stay inside the memory. Its contents
 * never reach a result (the kernels discard those lanes), so it may belong to the next block.
 */
export const BLOCK_SLACK = 64;

export interface BlockAllocatorHost {
  /** Whether the memory reaches byte `end` (it has its final size from the start). */
  fits(end: number): boolean;
  /** Sets bytes [from, to) to zero (they held an earlier block's data). */
  zero(from: number, to: number): void;
}

export class BlockAllocator {
  /** Free ranges below `top`, sorted by offset, never adjacent (coalesced), none ending at `top`. */
  private readonly free: { off: number; size: number }[] = [];
  /** Sizes of the live blocks, by offset. */
  private readonly live = new Map<number, number>();
  /** End of the highest live block: bytes from here on are unused. */
  private top: number;
  /** Bytes from here on have never been handed out, so the memory still holds its initial zeros. */
  private pristine: number;
  private liveTotal = 0;

  private readonly start: number;

  /** `start`: the first byte the allocator may use. */
  constructor(start: number, private readonly host: BlockAllocatorHost) {
    this.start = this.top = this.pristine = roundUp(start);
  }

  /**
   * Offset of a zeroed block of at least `bytes` bytes (plus slack), or -1 when the block would
   * reach more than `limit` bytes past the start (a budget), or the memory cannot grow, or — with
   * `fresh` false — the block would need memory never handed out before (see arena.ts: first
   * touches of fresh pages cost page faults, which a short-lived block should not pay).
   */
  alloc(bytes: number, limit = Infinity, fresh = true): number {
    const size = roundUp(Math.max(bytes, 1)) + BLOCK_SLACK;
    // best fit among the free ranges keeps large holes for large tensors
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i];
      if (f.size >= size && (best < 0 || f.size < this.free[best].size)) best = i;
    }
    let off: number;
    if (best >= 0) {
      const f = this.free[best];
      off = f.off;
      if (f.size === size) this.free.splice(best, 1);
      else { f.off += size; f.size -= size; }
    } else {
      // (no free range ends at `top`: release() lowers `top` instead)
      off = this.top;
      const end = off + size;
      if (end - this.start > limit || (!fresh && end > this.pristine) || !this.host.fits(end)) return -1;
      this.top = end;
    }
    if (off < this.pristine) this.host.zero(off, Math.min(off + size, this.pristine));
    this.pristine = Math.max(this.pristine, off + size);
    this.live.set(off, size);
    this.liveTotal += size;
    return off;
  }

  /** Returns a block to the free ranges (merging with its neighbours); unknown offsets are ignored. */
  release(off: number): void {
    const size = this.live.get(off);
    if (size === undefined) return;
    this.live.delete(off);
    this.liveTotal -= size;
    const free = this.free;
    let lo = 0, hi = free.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (free[mid].off < off) lo = mid + 1; else hi = mid; }
    let block = { off, size };
    const prev = free[lo - 1];
    if (prev && prev.off + prev.size === off) { prev.size += size; block = prev; lo--; } else free.splice(lo, 0, block);
    const next = free[lo + 1];
    if (next && block.off + block.size === next.off) { block.size += next.size; free.splice(lo + 1, 1); }
    if (block.off + block.size === this.top) { this.top = block.off; free.splice(lo, 1); }
  }

  /** Bytes in live blocks (slack included). */
  get liveBytes(): number { return this.liveTotal; }
  /** Bytes from `start` to the end of the highest live block. */
  get extentBytes(): number { return this.top - this.start; }
  /** Bytes ever handed out (the memory the process has touched). */
  get touchedBytes(): number { return this.pristine - this.start; }
  get freeRanges(): number { return this.free.length; }
}

function roundUp(n: number): number { return Math.ceil(n / BLOCK_ALIGN) * BLOCK_ALIGN; }
