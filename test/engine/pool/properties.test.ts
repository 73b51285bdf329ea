// Property-based tests of the pooling ops (fast-check): laws that hold for every input,
// complementing the PyTorch fixtures with many more shapes and parameters.

import * as assert from 'assert';
import fc from 'fast-check';
import { TorchError } from '../../../src/engine/errors';
import { Tensor } from '../../../src/engine/tensor';
import {
  adaptiveAvgPool, adaptiveAvgPoolShape, adaptiveMaxPool, adaptiveMaxPoolShape, avgPool, avgPoolShape,
  fractionalMaxPool, fractionalMaxPoolShape, lpPool, lpPoolShape, maxPool, maxPoolShape, maxUnpool, maxUnpoolShape,
} from '../../../src/engine/pool';

/** PyTorch's pooling_output_shape, written out independently of src/engine/outputSize.ts. */
function formula(L: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const eff = d * (k - 1) + 1;
  let out = ceil ? Math.ceil((L + 2 * p - eff) / s) + 1 : Math.floor((L + 2 * p - eff) / s) + 1;
  if (ceil && (out - 1) * s >= L + p) out -= 1;
  return out;
}

const nd = fc.constantFrom<1 | 2 | 3>(1, 2, 3);

/** Valid kernel geometry for one axis plus an input length that yields at least one output. */
const axis = fc.record({
  k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
  L: fc.integer({ min: 1, max: 9 }), pFrac: fc.integer({ min: 0, max: 2 }),
}).map((a) => ({ ...a, p: Math.min(a.pFrac, Math.floor(a.k / 2)) }))
  .filter((a) => formula(a.L, a.k, a.s, a.p, a.d, false) >= 1);

function values(n: number, seed: number, ints = false): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    out.push(ints ? (a % 9) - 4 : ((a / 2 ** 32) - 0.5) * 20);
  }
  return out;
}

function tensor(shape: number[], seed: number, ints = false): Tensor {
  return Tensor.fromValues(values(shape.reduce((x, y) => x * y, 1), seed, ints), shape, 'float32');
}

function outcome(f: () => number[]): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    if (e instanceof TorchError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
}

function sameBits(a: Tensor, b: Tensor): void {
  assert.deepStrictEqual(a.shape, b.shape);
  for (let i = 0; i < a.numel; i++) assert.ok(Object.is(a.at(i), b.at(i)), `element ${i}: ${a.at(i)} vs ${b.at(i)}`);
}

describe('pooling properties (fast-check)', () => {
  it('output size equals the pooling formula on every axis (max and avg, floor and ceil)', () => {
    fc.assert(fc.property(nd, fc.array(axis, { minLength: 3, maxLength: 3 }), fc.boolean(), (n, axes, ceil) => {
      const ax = axes.slice(0, n);
      const shape = [1, 2, ...ax.map((a) => a.L)];
      const x = tensor(shape, 7);
      const args = { kernelSize: ax.map((a) => a.k), stride: ax.map((a) => a.s), padding: ax.map((a) => a.p), ceilMode: ceil };
      const m = maxPool(n, x, { ...args, dilation: ax.map((a) => a.d), returnIndices: true });
      assert.deepStrictEqual(m.output.shape.slice(2), ax.map((a) => formula(a.L, a.k, a.s, a.p, a.d, ceil)));
      if (n < 3 || ax.every((a) => a.L >= a.k)) {
        const v = avgPool(n, x, args);
        assert.deepStrictEqual(v.shape.slice(2), ax.map((a) => formula(a.L, a.k, a.s, a.p, 1, ceil)));
      }
    }), { numRuns: 300 });
  });

  it('an unbatched input gives exactly the batched result (every op)', () => {
    fc.assert(fc.property(nd, fc.array(axis, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 4 }), (n, axes, seed, o) => {
      const ax = axes.slice(0, n);
      const spatial = ax.map((a) => a.L);
      const b = tensor([1, 3, ...spatial], seed);
      const u = new Tensor('float32', b.storage, [3, ...spatial]);
      const kp = { kernelSize: ax.map((a) => a.k), stride: ax.map((a) => a.s), padding: ax.map((a) => a.p) };
      const drop = (t: Tensor) => new Tensor(t.dtype, t.storage, t.shape.slice(1));
      const mb = maxPool(n, b, { ...kp, dilation: ax.map((a) => a.d), returnIndices: true });
      const mu = maxPool(n, u, { ...kp, dilation: ax.map((a) => a.d), returnIndices: true });
      sameBits(mu.output, drop(mb.output));
      sameBits(mu.indices!, drop(mb.indices!));
      if (n < 3 || ax.every((a) => a.L >= a.k)) sameBits(avgPool(n, u, kp), drop(avgPool(n, b, kp)));
      sameBits(adaptiveAvgPool(n, u, o), drop(adaptiveAvgPool(n, b, o)));
      sameBits(adaptiveMaxPool(n, u, o, true).indices!, drop(adaptiveMaxPool(n, b, o, true).indices!));
      if (n < 3) {
        const ks = ax.map((a) => a.k).slice(0, 1)[0];
        const lp = (t: Tensor) => lpPool(n as 1 | 2, t, 2, ks, null, false, { normIsInt: false, fromModule: true });
        if (ax.every((a) => a.L >= ks)) sameBits(lp(u), drop(lp(b)));
      }
    }), { numRuns: 200 });
  });

  it('max >= average over the same windows (integer inputs, padding excluded)', () => {
    fc.assert(fc.property(nd, fc.array(axis, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean(), (n, axes, seed, ceil) => {
      const ax = axes.slice(0, n);
      if (n === 3 && ax.some((a) => a.L < a.k)) return;
      const x = tensor([2, ...ax.map((a) => a.L)], seed, true);
      const args = { kernelSize: ax.map((a) => a.k), stride: ax.map((a) => a.s), padding: ax.map((a) => a.p), ceilMode: ceil };
      const mx = maxPool(n, x, args).output;
      const av = avgPool(n, x, { ...args, countIncludePad: false });
      assert.deepStrictEqual(mx.shape, av.shape);
      for (let i = 0; i < mx.numel; i++) assert.ok(mx.at(i) >= av.at(i), `${mx.at(i)} < ${av.at(i)}`);
    }), { numRuns: 300 });
  });

  it('unpool(pool(x)) puts every maximum back at its index', () => {
    fc.assert(fc.property(nd, fc.array(axis, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 1e6 }), (n, axes, seed) => {
      const ax = axes.slice(0, n).map((a) => ({ ...a, d: 1 }));
      const spatial = ax.map((a) => a.L);
      const x = tensor([2, 2, ...spatial], seed);
      const kp = { kernelSize: ax.map((a) => a.k), stride: ax.map((a) => a.s), padding: ax.map((a) => a.p) };
      const { output, indices } = maxPool(n, x, { ...kp, returnIndices: true });
      const u = maxUnpool(n, output, indices!, kp.kernelSize, kp.stride, kp.padding, spatial);
      assert.deepStrictEqual(u.shape, x.shape);
      const inPlane = spatial.reduce((a, b) => a * b, 1), outPlane = output.numel / 4;
      for (let pl = 0; pl < 4; pl++) {
        for (let i = 0; i < outPlane; i++) {
          const at = indices!.at(pl * outPlane + i);
          assert.ok(Object.is(u.at(pl * inPlane + at), x.at(pl * inPlane + at)), 'the max is back at its place');
          assert.ok(Object.is(output.at(pl * outPlane + i), x.at(pl * inPlane + at)), 'the index points at the max');
        }
      }
      let nonZero = 0;
      for (let i = 0; i < u.numel; i++) if (u.at(i) !== 0) nonZero++;
      assert.ok(nonZero <= output.numel);
    }), { numRuns: 300 });
  });

  const anyInt = fc.integer({ min: -2, max: 5 });
  const anyArg = fc.oneof(anyInt, fc.array(anyInt, { minLength: 0, maxLength: 4 }));
  const anyShape = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 6 });
  const anyDtype = fc.constantFrom('float32', 'float64', 'int64', 'int32', 'uint8', 'bool' as const);

  it('the shape validator and the op agree: same shape or same error (max, avg, adaptive)', () => {
    fc.assert(fc.property(nd, anyShape, anyDtype, anyArg, fc.option(anyArg), anyArg, anyArg, fc.boolean(), fc.boolean(), fc.option(fc.integer({ min: -2, max: 3 })),
      (n, shape, dtype, k, s, p, d, ceil, ri, div) => {
        if (shape.reduce((a, b) => a * b, 1) > 5000) return;
        const x = Tensor.full(shape, 1, dtype);
        const ma = { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceil, returnIndices: ri };
        assert.strictEqual(outcome(() => maxPoolShape(n, shape, dtype, ma).outputShape), outcome(() => maxPool(n, x, ma).output.shape));
        const aa = { kernelSize: k, stride: s, padding: p, ceilMode: ceil, divisorOverride: n > 1 ? div : null };
        assert.strictEqual(outcome(() => avgPoolShape(n, shape, dtype, aa).outputShape), outcome(() => avgPool(n, x, aa).shape));
        const os = typeof k === 'number' ? k : k;
        assert.strictEqual(outcome(() => adaptiveAvgPoolShape(n, shape, dtype, os).outputShape), outcome(() => adaptiveAvgPool(n, x, os).shape));
        assert.strictEqual(outcome(() => adaptiveMaxPoolShape(n, shape, dtype, os, ri).outputShape), outcome(() => adaptiveMaxPool(n, x, os, ri).output.shape));
      }), { numRuns: 1500 });
  });

  it('the shape validator and the op agree: same shape or same error (LP, unpool, fractional)', () => {
    fc.assert(fc.property(fc.constantFrom<1 | 2 | 3>(1, 2, 3), anyShape, anyDtype, anyArg, fc.option(anyArg), anyArg, fc.boolean(), fc.constantFrom(1, 2, 3, 1.5, 0, -1),
      fc.option(fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 5 })), fc.boolean(),
      (n, shape, dtype, k, s, p, ceil, norm, os, ri) => {
        if (shape.reduce((a, b) => a * b, 1) > 5000) return;
        const x = Tensor.full(shape, 1, dtype);
        if (n < 3) {
          const o = { normIsInt: Number.isInteger(norm) && ceil, fromModule: !ceil };
          const nn = n as 1 | 2;
          assert.strictEqual(outcome(() => lpPoolShape(nn, shape, dtype, norm, k, s, ceil, o).outputShape),
            outcome(() => lpPool(nn, x, norm, k, s, ceil, o).shape));
        }
        const idx = Tensor.full(shape, 0, ri ? 'int64' : 'int32');
        assert.strictEqual(outcome(() => maxUnpoolShape(n, shape, dtype, shape, idx.dtype, k, s, p, os).outputShape),
          outcome(() => maxUnpool(n, x, idx, k, s, p, os).shape));
        if (n > 1) {
          const fn = n as 2 | 3;
          assert.strictEqual(outcome(() => fractionalMaxPoolShape(fn, shape, dtype, k, os, ceil ? 0.5 : null, ri).outputShape),
            outcome(() => fractionalMaxPool(fn, x, k, os, ceil ? 0.5 : null, ri).output.shape));
        }
      }), { numRuns: 1500 });
  });

  it('fractional max pooling without samples is deterministic per seed and picks window maxima', () => {
    const x = tensor([2, 3, 9, 8], 11);
    const a = fractionalMaxPool(2, x, 2, [4, 3], null, true);
    for (let i = 0; i < a.output.numel; i++) {
      const plane = Math.floor(i / 12);
      assert.ok(Object.is(a.output.at(i), x.at(plane * 72 + a.indices!.at(i))));
    }
    assert.deepStrictEqual(a.output.shape, [2, 3, 4, 3]);
  });

  it('a non-contiguous (transposed) view pools exactly like its contiguous copy', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1e6 }), (h, w, seed) => {
      const base = tensor([1, 2, w, h], seed);
      // swap the last two axes: a strided view over the same storage
      const view = base.view([1, 2, h, w], [base.strides[0], base.strides[1], base.strides[3], base.strides[2]]);
      const copy = new Tensor('float32', view.toStorage(), view.shape);
      const k = Math.min(h, w, 2);
      sameBits(maxPool(2, view, { kernelSize: k, padding: k > 1 ? 1 : 0, returnIndices: true }).indices!,
        maxPool(2, copy, { kernelSize: k, padding: k > 1 ? 1 : 0, returnIndices: true }).indices!);
      sameBits(avgPool(2, view, { kernelSize: k }), avgPool(2, copy, { kernelSize: k }));
      sameBits(adaptiveAvgPool(2, view, [2, 3]), adaptiveAvgPool(2, copy, [2, 3]));
    }), { numRuns: 100 });
  });
});
