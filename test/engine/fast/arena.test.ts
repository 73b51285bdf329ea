// The tensor arena (src/engine/fast/arena.ts): where storages go, that they start zeroed, that a
// collected tensor's block comes back, the budget, and that pooling a tensor that lives in the
// arena — in place, without copies — gives exactly what pooling the same values in the JS heap gives.
import { strict as assert } from 'assert';
import { Tensor } from '../../../src/engine/tensor';
import { adaptiveAvgPool, avgPool, maxPool } from '../../../src/engine/pool';
import {
  arenaFloat32, arenaStats, fastKernelCalls, getArenaBudget, inArena, inPlaceKernelCalls, setArenaBudget, setArenaTestPolicy, ARENA_MIN_ELEMENTS, NURSERY_BYTES,
} from '../../../src/engine/fast';

const gc = (globalThis as { gc?: () => void }).gc;

/** Lets the finalizers of collected storages run (they run as tasks, after a collection). */
async function collect(): Promise<void> {
  if (!gc) throw new Error('run mocha with --expose-gc (.mocharc.json node-option)');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

function filled(shape: number[], seed: number, where: 'arena' | 'heap'): Tensor {
  const budget = getArenaBudget();
  if (where === 'heap') setArenaBudget(0);
  try {
    const t = Tensor.empty(shape, 'float32');
    const s = t.storage as Float32Array;
    let x = seed >>> 0;
    for (let i = 0; i < s.length; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      s[i] = i % 97 === 0 ? NaN : i % 89 === 0 ? -Infinity : ((x >>> 8) % 2001 - 1000) / 64; // ties, NaN, -inf
    }
    assert.equal(inArena(s), where === 'arena');
    return t;
  } finally {
    setArenaBudget(budget);
  }
}

function sameBits(a: Tensor, b: Tensor, what: string): void {
  assert.deepEqual(a.shape, b.shape, what);
  const x = new Uint32Array(Float32Array.from(a.storage as Float32Array).buffer);
  const y = new Uint32Array(Float32Array.from(b.storage as Float32Array).buffer);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) assert.fail(`${what}: element ${i}: ${a.storage[i]} vs ${b.storage[i]}`);
}

describe('engine/fast: the tensor arena', () => {
  it('holds large float32 storages; small ones and other dtypes stay in the JS heap', () => {
    assert.equal(inArena(Tensor.empty([ARENA_MIN_ELEMENTS], 'float32').storage), true);
    assert.equal(inArena(Tensor.empty([ARENA_MIN_ELEMENTS - 1], 'float32').storage), false);
    assert.equal(inArena(Tensor.empty([ARENA_MIN_ELEMENTS * 2], 'float64').storage), false);
    assert.equal(inArena(Tensor.empty([ARENA_MIN_ELEMENTS * 2], 'int64').storage), false);
  });

  it('hands out zeroed storage even where a collected tensor wrote before', async () => {
    await collect();
    const before = arenaStats()!.live;
    (function dirty() {
      const t = Tensor.empty([1 << 16], 'float32');
      (t.storage as Float32Array).fill(7.5);
    })();
    await collect();
    assert.equal(arenaStats()!.live, before, 'the collected tensor\'s block was not freed');
    for (let k = 0; k < 4; k++) {
      const t = Tensor.empty([1 << 16], 'float32');
      assert.ok(inArena(t.storage));
      assert.ok((t.storage as Float32Array).every((v) => Object.is(v, 0)), 'a reused block was not zeroed');
    }
  });

  it('frees a block when its tensor is collected, and never while a view of the tensor lives', async () => {
    await collect();
    const before = arenaStats()!.live;
    let view: Tensor | undefined = (() => {
      const t = Tensor.full([64, 1024], 3, 'float32');
      return new Tensor('float32', t.storage, [1024, 64], [1, 1024]); // a transposed view, sharing the storage
    })();
    await collect();
    assert.ok(arenaStats()!.live > before, 'freed while a view still used the storage');
    assert.equal(view.at(5), 3);
    view = undefined;
    await collect();
    assert.equal(arenaStats()!.live, before);
  });

  it('falls back to the JS heap past its budget, and with a budget of 0', () => {
    const budget = getArenaBudget();
    try {
      setArenaBudget(0);
      assert.equal(inArena(Tensor.empty([1 << 16], 'float32').storage), false);
      setArenaBudget(arenaStats()!.extent + (1 << 20));
      const kept: Tensor[] = [];
      for (let i = 0; i < 8; i++) kept.push(Tensor.empty([1 << 16], 'float32')); // 8 × 256 KB against 1 MB of room
      const placed = kept.map((t) => inArena(t.storage));
      assert.ok(placed[0], 'the first fits');
      assert.equal(placed[7], false, 'the budget was not enforced');
      assert.ok(kept.every((t) => t.storage.length === 1 << 16 && t.storage[100] === 0));
    } finally {
      setArenaBudget(budget);
    }
  });

  it('pooling outputs take freed arena memory or the one-time nursery, never fresh pages past it', async () => {
    await collect();
    const x = filled([4, 8, 64, 64], 1, 'arena');
    const first = maxPool(2, x, { kernelSize: 2 }).output; // also sizes the kernels' scratch area
    const touched = arenaStats()!.touched;
    const outs: Tensor[] = [];
    for (let i = 0; i < 300; i++) outs.push(maxPool(2, x, { kernelSize: 2 }).output); // 300 × 128 KB, twice the nursery
    assert.ok(arenaStats()!.touched <= touched + NURSERY_BYTES + 4096, 'outputs took fresh arena pages past the nursery');
    assert.ok(inArena(outs[0].storage), 'the nursery did not serve the first outputs');
    assert.ok(!inArena(outs[299].storage), 'the outputs past the nursery should be JS-heap arrays');
    for (const o of outs) sameBits(o, first, 'an output in the nursery or the heap');
    outs.length = 0;
    await collect();
    const z = maxPool(2, x, { kernelSize: 2 }).output;
    assert.equal(inArena(z.storage), true, 'a freed block was not reused for the output');
    assert.equal(arenaStats()!.touched <= touched + NURSERY_BYTES + 4096, true);
    sameBits(z, first, 'output in a reused block');
  });

  for (const outputs of ['the JS heap', 'the arena'])
  it(`pools a tensor in the arena exactly as the same values in the JS heap (max, avg, adaptive mean, views; outputs in ${outputs})`, () => {
    setArenaTestPolicy({ reusedMayTakeFresh: outputs === 'the arena' });
    const shapes: number[][] = [[2, 16, 70, 90], [1, 3, 257, 129], [64, 7, 7 * 37]];
    try {
    for (const [i, shape] of shapes.entries()) {
      const a = filled(shape, 10 + i, 'arena'), h = filled(shape, 10 + i, 'heap');
      const nd = shape.length === 4 ? 2 : 1;
      const run = (x: Tensor) => [
        maxPool(nd, x, { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }),
        maxPool(nd, x, { kernelSize: 2, dilation: 2, returnIndices: true }),
        avgPool(nd, x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false }),
        avgPool(nd, x, { kernelSize: 4, stride: 3, ceilMode: true, divisorOverride: 5 }),
        adaptiveAvgPool(nd, x, 1),
      ];
      const calls0 = inPlaceKernelCalls(), fast0 = fastKernelCalls();
      const ra = run(a);
      const calls1 = inPlaceKernelCalls();
      const rh = run(h);
      // every op but the mean of planes of 512 or more elements (no kernel for ATen's order there)
      assert.equal(calls1 - calls0, shape.length === 4 ? 4 : 5, 'the kernels did not read the arena tensor in place');
      assert.equal(fastKernelCalls() - fast0, 2 * (calls1 - calls0));
      assert.equal(inPlaceKernelCalls(), calls1, 'a heap tensor cannot be read in place');
      if (outputs === 'the arena') {
        for (const r of ra) {
          const o = r instanceof Tensor ? r : r.output;
          assert.equal(inArena(o.storage), o.numel >= ARENA_MIN_ELEMENTS, `output ${JSON.stringify(o.shape)}`);
        }
      }
      for (let k = 0; k < ra.length; k++) {
        const oa = ra[k] instanceof Tensor ? ra[k] as Tensor : (ra[k] as { output: Tensor }).output;
        const oh = rh[k] instanceof Tensor ? rh[k] as Tensor : (rh[k] as { output: Tensor }).output;
        sameBits(oa, oh, `${JSON.stringify(shape)} op ${k}`);
        const ia = (ra[k] as { indices?: Tensor }).indices, ih = (rh[k] as { indices?: Tensor }).indices;
        if (ia || ih) assert.deepEqual(Array.from(ia!.storage), Array.from(ih!.storage));
      }
      // a view starting inside the storage (x[1:]) is pooled from its offset, in place
      if (shape.length === 4) {
        const va = a.view([shape[0] - 1, ...shape.slice(1)], a.strides, a.strides[0]);
        const vh = h.view([shape[0] - 1, ...shape.slice(1)], h.strides, h.strides[0]);
        sameBits(adaptiveAvgPool(2, va, 1), adaptiveAvgPool(2, vh, 1), 'view at an offset');
        sameBits(maxPool(2, va, { kernelSize: 3 }).output, maxPool(2, vh, { kernelSize: 3 }).output, 'max of a view at an offset');
      }
    }
    } finally {
      setArenaTestPolicy({});
    }
  });

  it('arenaFloat32 refuses small requests (the heap is cheaper for them)', () => {
    assert.equal(arenaFloat32(100), null);
    assert.ok(arenaFloat32(ARENA_MIN_ELEMENTS) instanceof Float32Array);
  });
});
