// Display values -> view model: tensor data encodings, module views, sequences, and
// the pooling view (derivation from engine/outputSize, windows from engine/windows)
// checked against the op's own indices: every max-pool winner lies in its window.

import * as assert from 'assert';
import { PoolSession } from '../../../src/lang/session';
import { jsonNumber } from '../../../src/lang/display/toView';
import { encodeBase64 as base64 } from '../../../src/common/base64';
import type { PoolingView, SequenceView, TensorView } from '../../../src/common/viewModel';

async function display(src: string) {
  const r = await new PoolSession().run(src);
  assert.strictEqual(r.error, undefined, JSON.stringify(r.error));
  const d = r.outputs.filter((o) => o.kind === 'display');
  return d.map((o) => (o as { view: unknown }).view);
}

describe('display views', () => {
  it('base64 matches Node\'s encoder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      assert.strictEqual(base64(bytes), Buffer.from(bytes).toString('base64'));
    }
    assert.deepStrictEqual([NaN, Infinity, -Infinity, -0, 2.5].map(jsonNumber), ['nan', 'inf', '-inf', -0, 2.5]);
  });

  it('int64 tensors above 1000 elements travel as float64 bytes', async () => {
    const [v] = await display('torch.arange(2000)') as TensorView[];
    assert.strictEqual(v.dtype, 'int64');
    const bytes = Buffer.from((v.data as { bytes: string }).bytes, 'base64');
    const values = new Float64Array(bytes.buffer, bytes.byteOffset, 2000);
    assert.strictEqual(values[1999], 1999);
  });

  for (const [name, src, nd] of [
    ['max_pool1d', 'x = torch.randn(2, 3, 11)\ny, i = F.max_pool1d(x, 3, 2, 1, 2, True, True)\ny', 1],
    ['max_pool2d', 'x = torch.randn(1, 2, 7, 6)\ny, i = nn.MaxPool2d((3, 2), stride=2, padding=1, dilation=(1, 2), return_indices=True, ceil_mode=True)(x)\ny', 2],
    ['max_pool3d', 'x = torch.randn(1, 1, 5, 4, 6)\ny, i = F.max_pool3d(x, 2, return_indices=True)\ny', 3],
    ['adaptive_max_pool2d', 'x = torch.randn(1, 1, 7, 5)\ny, i = nn.AdaptiveMaxPool2d((3, 2), return_indices=True)(x)\ny', 2],
  ] as [string, string, number][]) {
    it(`${name}: derivation per axis, and each winner inside its window`, async () => {
      const s = new PoolSession();
      const r = await s.run(src);
      const v = (r.outputs[0] as { view: TensorView }).view;
      const p = v.pooling as PoolingView;
      assert.strictEqual(p.op, name);
      if (!name.startsWith('adaptive')) {
        assert.strictEqual(p.derivation.length, nd);
        p.derivation.forEach((d, k) => assert.strictEqual(d.output, v.shape[v.shape.length - nd + k]));
      }
      const idx = await s.run('i.flatten().tolist()');
      const winners = JSON.parse((idx.outputs[0] as { text: string }).text) as number[];
      const outPlane = v.shape.slice(-nd).reduce((a, b) => a * b, 1);
      assert.strictEqual(p.windows!.length, outPlane);
      for (let o = 0; o < outPlane; o++) assert.ok(p.windows![o].includes(winners[o]), `window ${o} misses winner ${winners[o]}`);
    });
  }

  it('a max pool without return_indices still carries its winners (the same as return_indices gives)', async () => {
    const s = new PoolSession();
    const plain = await s.run('x = torch.tensor([[[[1., 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]]])\nnn.MaxPool2d(3, ceil_mode=True)(x)');
    const v = (plain.outputs[0] as { view: TensorView }).view;
    const withIdx = await s.run('F.max_pool2d(x, 3, ceil_mode=True, return_indices=True)[1].flatten().tolist()');
    const expected = JSON.parse((withIdx.outputs[0] as { text: string }).text) as number[];
    assert.deepStrictEqual(expected, [1, 3, 15, 18]); // PyTorch 1.13.1, semantics doc [X1]
    assert.deepStrictEqual((v.pooling!.indices!.data as { values: number[] }).values, expected);
  });

  it('lists of tensors display as sequences; other values as text', async () => {
    const [seq, text] = await display('show([torch.ones(1), torch.zeros(2)])\n{"a": 1}') as [SequenceView, { kind: string; text: string }];
    assert.strictEqual(seq.kind, 'sequence');
    assert.deepStrictEqual(seq.items.map((i) => (i as TensorView).shape), [[1], [2]]);
    assert.deepStrictEqual(text, { kind: 'text', text: "{'a': 1}" });
  });

  it('explain(layer, x) runs the layer and displays its output with the pooling view', async () => {
    const [v] = await display('explain(nn.AvgPool2d(2, ceil_mode=True), torch.ones(1, 1, 5, 5))') as TensorView[];
    assert.deepStrictEqual(v.shape, [1, 1, 3, 3]);
    assert.strictEqual(v.pooling?.op, 'avg_pool2d');
    assert.deepStrictEqual(v.pooling?.derivation.map((d) => d.output), [3, 3]);
  });
});
