// The StaticProject across cells: names flow downwards, edits re-check only what they
// affect, parses are cached by text, and a later cell's changes never leak upwards.

import * as assert from 'assert';
import { createStaticProject } from '../../../src/lang/check';

const errors = (p: ReturnType<typeof createStaticProject>, cell: number) =>
  p.diagnostics(cell).filter((d) => d.severity === 'error').map((d) => d.message);

describe('static project', () => {
  it('names come from the cells above; a name bound in a later cell is not a NameError', () => {
    const p = createStaticProject();
    p.setCells(['y = later + 1', 'x = torch.ones(1, 1, 4, 4)', 'later = 2\nz = F.max_pool2d(x, 2)\nprint(nowhere)']);
    assert.deepStrictEqual(errors(p, 0), []);
    assert.deepStrictEqual(errors(p, 2), ["NameError: name 'nowhere' is not defined"]);
    assert.ok(p.hover(2, 'later = 2\nz'.length - 1)!.markdown.includes('Tensor[1, 1, 2, 2] float32'));
  });

  it('an edit in a later cell does not leak into the cells above', () => {
    const net = 'class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.pool = nn.MaxPool2d(2)\n\n    def forward(self, x):\n        return self.pool(x)\nnet = Net()';
    const p = createStaticProject();
    p.setCells([net, 'net.pool = nn.MaxPool2d(9)', 'y = net(torch.rand(1, 1, 4, 4))']);
    assert.deepStrictEqual(errors(p, 2), ['RuntimeError: Given input size: (1x4x4). Calculated output size: (1x0x0). Output size is too small']);
    p.setCells([net, 'pass', 'y = net(torch.rand(1, 1, 4, 4))']);
    assert.deepStrictEqual(errors(p, 2), []);
  });

  it('caches parses by text and keeps unchanged cells\' trees', () => {
    const p = createStaticProject();
    p.setCells(['x = 1', 'y = x + 1']);
    const m0 = p.module(0), m1 = p.module(1);
    p.setCells(['x = 1', 'y = x + 2']);
    assert.strictEqual(p.module(0), m0);
    assert.notStrictEqual(p.module(1), m1);
    p.setCells(['x = 1', 'y = x + 1']);
    assert.strictEqual(p.module(1), m1);
  });

  it('a cell with a syntax error reports only the SyntaxError (it would not run)', () => {
    const p = createStaticProject();
    p.setCells(['y = F.max_pool2d(torch.ones(1, 1, 2, 2), 3)\nz = (']);
    assert.deepStrictEqual(errors(p, 0), ["SyntaxError: '(' was never closed"]);
  });

  it('out-of-range cells and offsets are harmless', () => {
    const p = createStaticProject();
    p.setCells(['x = 1']);
    assert.deepStrictEqual(p.diagnostics(5), []);
    assert.strictEqual(p.hover(-1, 0), undefined);
    assert.deepStrictEqual(p.completions(3, 0), []);
    assert.strictEqual(p.hover(0, 999), undefined);
  });
});
