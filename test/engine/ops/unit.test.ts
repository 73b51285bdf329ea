// Behaviour the fixtures cannot show: shared storage, cancellation, the element limit,
// deterministic random numbers and the Python-scalar convention.

import * as assert from 'assert';
import { CancelledError, TorchError } from '../../../src/engine/errors';
import { getElementLimit, setElementLimit } from '../../../src/engine/limits';
import { Generator } from '../../../src/engine/random';
import * as ops from '../../../src/engine/ops';

describe('ops: views and writes', () => {
  it('a view shares storage: writing through y = x[0] changes x', () => {
    const x = ops.reshape(ops.arange(6), [2, 3]);
    const y = ops.getitem(x, 0);
    ops.setitem(y, 1, 50);
    assert.deepStrictEqual(ops.tolist(x), [[0, 50, 2], [3, 4, 5]]);
    ops.setitem(ops.t(x), [ops.slice(), 1], ops.tensor([7, 8, 9]));
    assert.deepStrictEqual(ops.tolist(x), [[0, 50, 2], [7, 8, 9]]);
  });

  it('mask assignment writes only the selected elements', () => {
    const x = ops.arange(6);
    ops.setitem(x, ops.gt(x, 3), 0);
    assert.deepStrictEqual(ops.tolist(x), [0, 1, 2, 3, 0, 0]);
  });
});

describe('ops: Python scalars', () => {
  it('int and float scalars promote differently', () => {
    const i = ops.tensor([1, 2]);
    assert.strictEqual(ops.add(i, 1).dtype, 'int64');
    assert.strictEqual(ops.add(i, ops.pyFloat(1)).dtype, 'float32');
    assert.strictEqual(ops.add(i, 1.5).dtype, 'float32');
    assert.strictEqual(ops.add(i, true).dtype, 'int64');
    assert.strictEqual(ops.add(ops.tensor([true]), true).dtype, 'bool');
    assert.deepStrictEqual(ops.item(ops.sum(i)), { value: 3, kind: 'int' });
    assert.deepStrictEqual(ops.item(ops.mean(ops.toFloat(i))), { value: 1.5, kind: 'float' });
  });
});

describe('ops: cancellation and limits', () => {
  it('a cancelled token stops a long element-wise op and a convolution', () => {
    const token = { cancelled: true };
    const big = ops.zeros([300, 300]);
    assert.throws(() => ops.add(big, 1, token), CancelledError);
    assert.throws(() => ops.conv2d(ops.zeros([1, 1, 8, 8]), ops.zeros([1, 1, 3, 3]), {}, token), CancelledError);
    assert.throws(() => ops.sum(big, 0, false, null, token), CancelledError);
    // one long row: the cascade itself must look at the token
    assert.throws(() => ops.sum(ops.zeros([1 << 20]), null, false, null, token), CancelledError);
    assert.throws(() => ops.interpolate(ops.zeros([1, 1, 300, 300]), { scaleFactor: 2 }, token), CancelledError);
  });

  it('refuses tensors over the element limit before allocating', () => {
    const old = getElementLimit();
    setElementLimit(1000);
    try {
      assert.throws(() => ops.zeros([100, 100]), (e: unknown) => e instanceof TorchError && /more than the limit/.test(e.message));
      assert.throws(() => ops.add(ops.zeros([10, 1]), ops.zeros([1, 200])), TorchError);
    } finally {
      setElementLimit(old);
    }
  });
});

describe('random numbers (poolnb stream, deterministic)', () => {
  it('manual_seed restarts the same stream', () => {
    const g = new Generator();
    g.manualSeed(42);
    const a = ops.tolist(ops.rand([5], 'float32', g));
    const b = ops.tolist(ops.randn([3], 'float32', g));
    g.manualSeed(42);
    assert.deepStrictEqual(ops.tolist(ops.rand([5], 'float32', g)), a);
    assert.deepStrictEqual(ops.tolist(ops.randn([3], 'float32', g)), b);
    g.manualSeed(43);
    assert.notDeepStrictEqual(ops.tolist(ops.rand([5], 'float32', g)), a);
  });

  it('rand is in [0, 1), randint in [low, high), randn roughly standard', () => {
    const g = new Generator(7);
    const u = ops.rand([10000], 'float32', g).toStorage();
    assert.ok(u.every((v) => v >= 0 && v < 1));
    const r = ops.randint(-3, 4, [10000], 'int64', g).toStorage();
    assert.ok(r.every((v) => Number.isInteger(v) && v >= -3 && v < 4));
    assert.deepStrictEqual([...new Set(r)].sort((p, q) => p - q), [-3, -2, -1, 0, 1, 2, 3]);
    const z = Array.from(ops.randn([20000], 'float64', g).toStorage());
    const mean = z.reduce((p, q) => p + q, 0) / z.length;
    const varc = z.reduce((p, q) => p + (q - mean) ** 2, 0) / z.length;
    assert.ok(Math.abs(mean) < 0.05 && Math.abs(varc - 1) < 0.05, `mean ${mean} var ${varc}`);
    assert.throws(() => ops.randint(3, 3, [1]), /random_ expects 'from' to be less than 'to'/);
    const p = Array.from(ops.randperm(50, 'int64', g).toStorage());
    assert.deepStrictEqual(p.slice().sort((a, b) => a - b), Array.from({ length: 50 }, (_, k) => k));
    assert.notDeepStrictEqual(p, Array.from({ length: 50 }, (_, k) => k));
    assert.throws(() => ops.randperm(-1), /Trying to create tensor with negative dimension -1: \[-1\]/);
    assert.deepStrictEqual(ops.randnLike(ops.zeros([2, 3], 'float64'), null, g).shape, [2, 3]);
    assert.strictEqual(ops.randLike(ops.zeros([2], 'float64'), null, g).dtype, 'float64');
  });
});
