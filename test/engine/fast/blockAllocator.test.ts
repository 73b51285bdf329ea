// The arena's block allocator on its own (no WebAssembly): alignment and slack, best-fit reuse,
// coalescing back into the top, zeroing of reused bytes only, the budget and the no-fresh-memory mode.
import { strict as assert } from 'assert';
import { BLOCK_ALIGN, BLOCK_SLACK, BlockAllocator } from '../../../src/engine/fast/blockAllocator';

function make(start = 100, memory = 1 << 20) {
  const zeroed: [number, number][] = [];
  const a = new BlockAllocator(start, {
    fits: (end) => end <= memory,
    zero: (from, to) => { zeroed.push([from, to]); },
  });
  return { a, zeroed };
}

describe('engine/fast: arena block allocator', () => {
  it('aligns every block to a cache line and leaves slack after it', () => {
    const { a } = make(100);
    const x = a.alloc(10), y = a.alloc(200);
    assert.equal(x, 128); // first aligned offset at or after 100
    assert.equal(x % BLOCK_ALIGN, 0);
    assert.equal(y % BLOCK_ALIGN, 0);
    assert.ok(y >= x + 10 + BLOCK_SLACK, `block at ${y} leaves no slack after the one at ${x}`);
    assert.equal(a.liveBytes, (64 + BLOCK_SLACK) + (256 + BLOCK_SLACK));
  });

  it('gives freed space back to the top, merging neighbours in any order', () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2], [0, 2, 1], [2, 0, 1]]) {
      const { a } = make(0);
      const blocks = [a.alloc(1000), a.alloc(3000), a.alloc(500)];
      for (const i of order) a.release(blocks[i]);
      assert.equal(a.liveBytes, 0, `order ${order}`);
      assert.equal(a.extentBytes, 0, `order ${order}: the top did not come back down`);
      assert.equal(a.freeRanges, 0, `order ${order}`);
    }
  });

  it('reuses the best-fitting hole and splits it', () => {
    const { a } = make(0);
    const big = a.alloc(4096), sep1 = a.alloc(64), small = a.alloc(256), sep2 = a.alloc(64);
    a.release(big);
    a.release(small);
    assert.equal(a.freeRanges, 2);
    assert.equal(a.alloc(200), small, 'a 200-byte block belongs in the 256-byte hole, not the 4 KB one');
    const part = a.alloc(1000);
    assert.equal(part, big, 'the next block splits the large hole');
    assert.equal(a.alloc(1000), big + 1024 + BLOCK_SLACK);
    assert.ok(sep1 > 0 && sep2 > 0);
  });

  it('zeroes only bytes an earlier block used (fresh memory is already zero)', () => {
    const { a, zeroed } = make(0);
    const x = a.alloc(1000);
    assert.deepEqual(zeroed, []);
    a.release(x);
    const y = a.alloc(500);
    assert.equal(y, x);
    assert.deepEqual(zeroed, [[x, x + 512 + BLOCK_SLACK]]);
    zeroed.length = 0;
    // a block reaching past everything handed out so far zeroes only the used part
    const z = a.alloc(2000);
    assert.deepEqual(zeroed, [[z, 1024 + BLOCK_SLACK]]);
  });

  it('refuses a block past the budget or the memory, and fresh memory when asked not to take any', () => {
    const { a } = make(0, 10_000);
    assert.equal(a.alloc(5000, 4000), -1, 'over the budget');
    assert.equal(a.alloc(20_000), -1, 'over the memory');
    const x = a.alloc(2000);
    assert.equal(a.alloc(100, Infinity, false), -1, 'no freed space yet');
    a.release(x);
    assert.equal(a.alloc(100, Infinity, false), x, 'freed space is reused');
    assert.equal(a.alloc(5000, Infinity, false), -1, 'larger than anything touched before');
  });

  it('ignores a release of an offset it never handed out (and a second release of one)', () => {
    const { a } = make(0);
    const x = a.alloc(100);
    a.release(12345);
    a.release(x);
    a.release(x);
    assert.equal(a.liveBytes, 0);
    assert.equal(a.alloc(100), x);
  });

  it('keeps its books straight through 20,000 random allocations and releases', () => {
    let seed = 42;
    const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 2 ** 32; };
    const { a } = make(64, 1 << 30);
    const live = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      if (live.size > 0 && rnd() < 0.48) {
        const keys = [...live.keys()];
        const off = keys[Math.floor(rnd() * keys.length)];
        a.release(off);
        live.delete(off);
      } else {
        const bytes = 1 + Math.floor(rnd() ** 3 * 100_000);
        const off = a.alloc(bytes);
        assert.ok(off >= 64 && off % BLOCK_ALIGN === 0);
        for (const [o, b] of live) {
          assert.ok(off + bytes + BLOCK_SLACK <= o || o + b + BLOCK_SLACK <= off, `block ${off}+${bytes} overlaps ${o}+${b}`);
        }
        live.set(off, bytes);
      }
    }
    for (const off of live.keys()) a.release(off);
    assert.equal(a.liveBytes, 0);
    assert.equal(a.extentBytes, 0);
    assert.equal(a.freeRanges, 0);
  });
});
