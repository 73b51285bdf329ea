// The output-size module, window provenance and cancellation, as the UI layers use them.

import * as assert from 'assert';
import { CancelledError, TorchError } from '../../../src/engine/errors';
import { adaptiveBins, deriveAxis, poolCost, pooledSize, unpoolDefaultSize } from '../../../src/engine/outputSize';
import { getElementLimit, setElementLimit } from '../../../src/engine/limits';
import { Tensor } from '../../../src/engine/tensor';
import { poolWindow } from '../../../src/engine/windows';
import { adaptiveMaxPool, avgPool, fractionalMaxPool, maxPool } from '../../../src/engine/pool';

const arange = (n: number, shape: number[]) => Tensor.fromValues(Array.from({ length: n }, (_, i) => i + 1), shape, 'float32');

describe('output size, derivations and cost', () => {
  it('derives the ceil correction of [S2] (L=5, k=2, s=2, p=1)', () => {
    const d = deriveAxis('L', 5, 2, 2, 1, 1, true);
    assert.strictEqual(d.output, 3);
    assert.strictEqual(d.ceilCorrection, true);
    assert.strictEqual(d.formula, 'ceil((L + 2p - (k-1) - 1) / s) + 1');
    assert.strictEqual(d.substituted, 'ceil((5 + 2 - 1 - 1) / 2) + 1');
    assert.strictEqual(pooledSize(5, 2, 2, 1, 1, true), 3);
    assert.strictEqual(deriveAxis('W', 5, 3, 3, 0, 1, false).ceilCorrection, false);
  });

  it('adaptive bins and the unpool default size follow ATen / F._unpool_output_size', () => {
    assert.deepStrictEqual(adaptiveBins(10, 3), [{ start: 0, end: 4 }, { start: 3, end: 7 }, { start: 6, end: 10 }]);
    assert.deepStrictEqual(adaptiveBins(3, 5).map((b) => b.start), [0, 0, 1, 1, 2]);
    assert.strictEqual(unpoolDefaultSize(2, 2, 2, 0), 4);
    assert.strictEqual(unpoolDefaultSize(3, 3, 2, 1), 5);
  });

  it('counts window reads exactly (brute force over a padded, dilated, ceil geometry)', () => {
    const axes = [deriveAxis('H', 7, 3, 2, 1, 2, true), deriveAxis('W', 6, 2, 1, 1, 1, false)];
    let reads = 0;
    const x = arange(42, [1, 1, 7, 6]);
    const o = maxPool(2, x, { kernelSize: [3, 2], stride: [2, 1], padding: [1, 1], dilation: [2, 1], ceilMode: true });
    for (let oh = 0; oh < axes[0].output; oh++) {
      for (let ow = 0; ow < axes[1].output; ow++) reads += poolWindow(o.output.provenance!, [7, 6], [oh, ow]).taps.filter((t) => t >= 0).length;
    }
    const c = poolCost('max', 3, axes);
    assert.strictEqual(c.windowReads, 3 * reads);
    assert.strictEqual(c.outputElements, 3 * o.output.numel);
  });
});

describe('window provenance', () => {
  it('marks padding taps and reports the winner of max pooling', () => {
    const x = arange(16, [1, 1, 4, 4]);
    const { output } = maxPool(2, x, { kernelSize: 3, stride: 2, padding: 1, returnIndices: true });
    assert.strictEqual(output.provenance!.op, 'max_pool2d');
    assert.deepStrictEqual(output.provenance!.params.kernelSize, [3, 3]);
    const w = poolWindow(output.provenance!, [4, 4], [0, 0]);
    assert.deepStrictEqual(w.taps, [-1, -1, -1, -1, 0, 1, -1, 4, 5]);
    assert.strictEqual(w.winner, 5);
    assert.strictEqual(poolWindow(output.provenance!, [4, 4], [1, 1]).winner, 15);
  });

  it('covers avg, adaptive and fractional windows', () => {
    const x = arange(10, [1, 1, 10]);
    assert.deepStrictEqual(poolWindow(avgPool(1, x, { kernelSize: 3, stride: 2, padding: 1 }).provenance!, [10], [0]).taps, [-1, 0, 1]);
    const a = adaptiveMaxPool(1, x, 3, true);
    assert.deepStrictEqual(poolWindow(a.output.provenance!, [10], [1]), { taps: [3, 4, 5, 6], winner: 6 });
    const y = arange(49, [1, 1, 7, 7]);
    const f = fractionalMaxPool(2, y, 2, [3, 4], null, true, Tensor.fromValues([0.1, 0.7], [1, 1, 2], 'float32'));
    const w = poolWindow(f.output.provenance!, [7, 7], [0, 0]);
    assert.strictEqual(w.winner, f.indices!.at(0));
    assert.ok(w.taps.includes(w.winner!));
  });
});

describe('cancellation', () => {
  it('a long pooling loop stops once the token fires', () => {
    let polls = 0;
    const token = { get cancelled() { polls++; return polls > 3; } };
    // float64 runs the engine's own loops (the WebAssembly fast path takes float32 only)
    const x = Tensor.full([1, 1, 600, 600], 1, 'float64');
    assert.throws(() => maxPool(2, x, { kernelSize: 3, stride: 1 }, token), (e: unknown) => e instanceof CancelledError);
    assert.throws(() => avgPool(2, x, { kernelSize: 3, stride: 1 }, { cancelled: true }), (e: unknown) => e instanceof TorchError && e.pyType === 'KeyboardInterrupt');
    assert.ok(polls >= 4);
  });

  it('refuses outputs above the element limit before allocating', () => {
    const old = getElementLimit();
    const x = Tensor.full([1, 2, 20], 0, 'float32');
    setElementLimit(30);
    try {
      assert.throws(() => maxPool(1, x, { kernelSize: 1 }), /more than the limit/);
    } finally {
      setElementLimit(old);
    }
  });
});
