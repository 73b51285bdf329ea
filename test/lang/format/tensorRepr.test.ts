// print(tensor) character for character against torch 1.13.1 (test/fixtures/format/tensors.json).
import * as assert from 'assert';
import { TorchError } from '../../../src/engine/errors';
import { formatTensor, PrintOptions } from '../../../src/lang/format';
import { loadFixture, makeTensor } from './fixtures';

interface TensorCase {
  name: string;
  dtype: string;
  shape: number[];
  values: (number | string)[];
  options: { precision?: number; threshold?: number; edgeitems?: number; linewidth?: number; profile?: string; sci_mode?: boolean };
  expected?: string;
  /** PyTorch itself raises while printing (edgeitems=0 with a summarised 2-d tensor) */
  error?: string;
  extras?: { parameter?: boolean; gradFn?: string; requiresGrad?: boolean };
}

describe('formatTensor (torch._tensor_str port)', () => {
  const cases = loadFixture<TensorCase>('tensors.json');
  it('has at least 500 fixtures', () => assert.ok(cases.length >= 500, String(cases.length)));
  for (const c of cases) {
    it(c.name, () => {
      const opts = new PrintOptions();
      const o = c.options;
      if (Object.keys(o).length) {
        opts.set({ precision: o.precision, threshold: o.threshold, edgeitems: o.edgeitems, linewidth: o.linewidth, profile: o.profile, sciMode: o.sci_mode });
      }
      const t = makeTensor(c.dtype, c.shape, c.values);
      if (c.error !== undefined) {
        assert.throws(() => formatTensor(t, opts, c.extras), (e: unknown) => e instanceof TorchError && `${e.pyType}: ${e.message}` === c.error);
      } else {
        assert.strictEqual(formatTensor(t, opts, c.extras), c.expected);
      }
    });
  }

  it('prints a non-contiguous view as its logical order', () => {
    const t = makeTensor('float32', [2, 3], [1, 2, 3, 4, 5, 6]);
    const tt = t.view([3, 2], [1, 3]);
    assert.strictEqual(formatTensor(tt), 'tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])');
  });

  it('adds requires_grad and Parameter prefixes', () => {
    const t = makeTensor('float32', [2], [0.5, -1]);
    assert.strictEqual(formatTensor(t, undefined, { requiresGrad: true, parameter: true }),
      'Parameter containing:\ntensor([ 0.5000, -1.0000], requires_grad=True)');
  });
});

describe('PrintOptions', () => {
  it('resets sci_mode when set_printoptions omits it, as PyTorch does', () => {
    const o = new PrintOptions();
    o.set({ sciMode: true });
    o.set({ precision: 2 });
    assert.strictEqual(o.sciMode, null);
    assert.strictEqual(o.precision, 2);
  });
  it('profile full makes threshold infinite', () => {
    const o = new PrintOptions();
    o.set({ profile: 'full' });
    assert.strictEqual(o.threshold, Infinity);
    o.reset();
    assert.strictEqual(o.threshold, 1000);
  });
});
