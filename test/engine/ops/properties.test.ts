// Property-based checks (fast-check) of rules that hold for all inputs: reshape round trips,
// the broadcasting shape rule, cat/split inverses, slicing like Python's, integer sums.

import * as assert from 'assert';
import fc from 'fast-check';
import { TorchError } from '../../../src/engine/errors';
import { Tensor } from '../../../src/engine/tensor';
import * as ops from '../../../src/engine/ops';

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });
const arange = (shape: number[]) => ops.reshape(ops.arange(shape.reduce((a, b) => a * b, 1)), shape);
const values = (t: Tensor) => Array.from(t.toStorage());

describe('ops properties', () => {
  it('reshape to any factorisation and back keeps values and shares storage', () => {
    fc.assert(fc.property(shapeArb, fc.infiniteStream(fc.nat()), (shape, picks) => {
      const x = arange(shape);
      // Redistribute the prime factors of numel into a new shape.
      const factors: number[] = [];
      let n = x.numel;
      for (let p = 2; n > 1; p++) while (n % p === 0) { factors.push(p); n /= p; }
      const it = picks[Symbol.iterator]();
      const rank = 1 + (it.next().value as number) % 4;
      const target = new Array<number>(rank).fill(1);
      for (const f of factors) target[(it.next().value as number) % rank] *= f;
      const y = ops.reshape(x, target);
      assert.deepStrictEqual(y.shape, target);
      assert.strictEqual(y.storage, x.storage);
      const z = ops.reshape(y, shape);
      assert.deepStrictEqual(values(z), values(x));
      assert.deepStrictEqual(ops.view(y, [-1]).shape, [x.numel]);
    }));
  });

  it('broadcasting follows the size-1 rule and fails with PyTorch\'s message otherwise', () => {
    fc.assert(fc.property(shapeArb, shapeArb, (a, b) => {
      const n = Math.max(a.length, b.length);
      const pa = [...new Array(n - a.length).fill(1), ...a], pb = [...new Array(n - b.length).fill(1), ...b];
      const ok = pa.every((s, i) => s === pb[i] || s === 1 || pb[i] === 1);
      if (ok) {
        const expected = pa.map((s, i) => Math.max(s, pb[i]));
        assert.deepStrictEqual(ops.broadcastShapes(a, b), expected);
        assert.deepStrictEqual(ops.add(ops.zeros(a), ops.ones(b)).shape, expected);
      } else {
        assert.throws(() => ops.add(ops.zeros(a), ops.ones(b)),
          (e: unknown) => e instanceof TorchError && e.pyType === 'RuntimeError' &&
            /^The size of tensor a \(\d+\) must match the size of tensor b \(\d+\) at non-singleton dimension \d+$/.test(e.message));
      }
    }));
  });

  it('split undoes cat along any dim', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (shape, na, nb, dPick) => {
        const d = dPick % shape.length;
        const sa = shape.slice(), sb = shape.slice();
        sa[d] = na;
        sb[d] = nb;
        const a = arange(sa), b = ops.add(arange(sb), 1000);
        const [a2, b2] = ops.split(ops.cat([a, b], d), [na, nb], d);
        assert.deepStrictEqual(a2.shape, sa);
        assert.deepStrictEqual(values(a2), values(a));
        assert.deepStrictEqual(values(b2), values(b));
        const st = ops.stack([a, a], d);
        assert.deepStrictEqual(values(ops.getitem(st, [...new Array(d).fill(ops.slice()), 1])), values(a));
      }));
  });

  it('slicing a vector matches Python slice semantics', () => {
    const opt = fc.option(fc.integer({ min: -12, max: 12 }), { nil: null });
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), opt, opt, fc.integer({ min: 1, max: 4 }), (n, start, stop, step) => {
      const x = ops.arange(n);
      const got = values(ops.getitem(x, ops.slice(start, stop, step)));
      // Python: indices(len) for a positive step
      const norm = (v: number | null, dflt: number) => (v === null ? dflt : v < 0 ? Math.max(v + n, 0) : Math.min(v, n));
      const expected: number[] = [];
      for (let i = norm(start, 0); i < norm(stop, n); i += step) expected.push(i);
      assert.deepStrictEqual(got, expected);
    }));
  });

  it('integer sums are exact and reduce dims in any order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 3 }),
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 125, maxLength: 125 }), (shape, pool) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const x = ops.tensor(pool.slice(0, n)).view(shape, ops.reshape(ops.zeros([n]), shape).strides);
        const total = pool.slice(0, n).reduce((a, b) => a + b, 0);
        assert.strictEqual(ops.sum(x).item(), total);
        assert.strictEqual(ops.sum(ops.sum(x, 0), 0).numel, shape.length === 2 ? 1 : shape[2]);
        assert.strictEqual(ops.sum(ops.sum(x, -1)).item(), total);
        assert.strictEqual(ops.sum(x).dtype, 'int64');
      }));
  });
});
