// Completion: members after torch. / nn. / F. / a tensor / a layer, keyword arguments
// inside call parentheses, names in scope (including earlier cells).

import * as assert from 'assert';
import { createStaticProject } from '../../../src/lang/check';

function labels(cells: string[], cell = cells.length - 1, offset = cells[cell].length): string[] {
  const p = createStaticProject();
  p.setCells(cells);
  return p.completions(cell, offset).map((c) => c.label);
}

describe('completion', () => {
  it('after `torch.`: functions and dtypes', () => {
    const l = labels(['torch.']);
    for (const x of ['tensor', 'arange', 'zeros', 'reshape', 'float32', 'int64', 'nn', 'manual_seed']) assert.ok(l.includes(x), x);
  });

  it('after `nn.`: every pooling module', () => {
    const l = labels(['pool = nn.']);
    for (const x of ['MaxPool1d', 'MaxPool2d', 'MaxPool3d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'AdaptiveMaxPool1d', 'LPPool2d',
      'MaxUnpool2d', 'FractionalMaxPool2d', 'Sequential', 'Conv2d', 'Module', 'functional']) assert.ok(l.includes(x), x);
  });

  it('after `F.` with a prefix: filtered', () => {
    const l = labels(['y = F.max_']);
    assert.deepStrictEqual(l.sort(), ['max_pool1d', 'max_pool2d', 'max_pool3d', 'max_unpool1d', 'max_unpool2d', 'max_unpool3d']);
  });

  it('after a tensor variable: tensor methods and attributes', () => {
    const l = labels(['x = torch.rand(1, 1, 4, 4)', 'x.']);
    for (const x of ['shape', 'size', 'reshape', 'view', 'unsqueeze', 'max', 'item', 'tolist', 'dtype']) assert.ok(l.includes(x), x);
  });

  it('after a layer: its parameters', () => {
    const l = labels(['pool = nn.MaxPool2d(3)\npool.']);
    for (const x of ['kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices']) assert.ok(l.includes(x), x);
  });

  it('inside a constructor: keyword arguments not given yet, after the positional ones', () => {
    const l = labels(['nn.MaxPool2d(3, ceil_mode=True, ']);
    const kws = l.filter((x) => x.endsWith('='));
    assert.deepStrictEqual(kws, ['stride=', 'padding=', 'dilation=', 'return_indices=']);
  });

  it('inside an F call: its keyword arguments (not `input`)', () => {
    const src = 'y = F.avg_pool2d(x, 2, )';
    const l = labels([src], 0, src.length - 1);
    const kws = l.filter((x) => x.endsWith('='));
    assert.deepStrictEqual(kws, ['stride=', 'padding=', 'ceil_mode=', 'count_include_pad=', 'divisor_override=']);
  });

  it('names in scope include earlier cells, builtins and helpers', () => {
    const l = labels(['pool = nn.MaxPool2d(2)\ninput_image = torch.rand(1, 1, 4, 4)', 'y = ']);
    for (const x of ['pool', 'input_image', 'torch', 'nn', 'F', 'print', 'range', 'show', 'explain', 'image']) assert.ok(l.includes(x), x);
  });

  it('parameters inside a function body', () => {
    const src = 'def down(tensor_in, k=2):\n    return F.max_pool2d(tens';
    const l = labels([src]);
    assert.ok(l.includes('tensor_in'));
  });

  it('nothing in comments or strings', () => {
    assert.deepStrictEqual(labels(['# torch.']), []);
    assert.deepStrictEqual(labels(["s = 'torch."]), []);
  });

  it('members of a user module instance', () => {
    const l = labels(['class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.pool = nn.MaxPool2d(2)\n\n    def forward(self, x):\n        return self.pool(x)\n\nnet = Net()\nnet.']);
    assert.ok(l.includes('pool'));
    assert.ok(l.includes('forward'));
  });
});
