// What PoolScript refuses: the checker says it before the run, with the same message the
// interpreter raises when the code runs (so the two never drift apart), and features
// outside the subset get an information with what to write instead.

import * as assert from 'assert';
import { createStaticProject } from '../../../src/lang/check';
import { createSession } from '../../../src/lang';

function diags(src: string) {
  const p = createStaticProject();
  p.setCells([src]);
  return p.diagnostics(0);
}

describe('refusals', () => {
  const failing = [
    "f = open('data.txt')",
    'x = input()',
    "eval('1 + 1')",
    "exec('x = 1')",
    "import torchvision\nds = torchvision.datasets.CIFAR10('./data', train=False)",
    "from torch.utils.data import DataLoader\nloader = DataLoader([1, 2], batch_size=1)",
    "from torch.utils.tensorboard import SummaryWriter\nwriter = SummaryWriter('logs')",
    'import numpy as np\na = np.zeros(3)',
  ];
  for (const src of failing) {
    it(`same message as the interpreter: ${JSON.stringify(src)}`, async () => {
      const r = await createSession().run(src);
      assert.ok(r.error, 'the interpreter should refuse this');
      const errors = diags(src).filter((d) => d.severity === 'error');
      assert.strictEqual(errors.length, 1, JSON.stringify(diags(src)));
      assert.strictEqual(errors[0].message, `${r.error.type}: ${r.error.message}`);
    });
  }

  it('imports of unavailable modules get a warning with the advice, on the module name', () => {
    const src = 'import torchvision\nfrom torch.utils.tensorboard import SummaryWriter\nimport math';
    const ws = diags(src).filter((d) => d.severity === 'warning');
    assert.deepStrictEqual(ws.map((w) => src.slice(w.range.start, w.range.end)), ['torchvision', 'SummaryWriter']);
    assert.ok(ws[0].message.includes('image(path)'), ws[0].message);
  });

  const outside: [string, string][] = [
    ['while x > 0:\n    x -= 1', 'while loops are outside PoolScript'],
    ['f = lambda v: v + 1', 'lambda is outside PoolScript'],
    ['x = 1\ndel x', 'del is outside PoolScript'],
    ['try:\n    x = 1\nexcept Exception:\n    pass', 'try/except is outside PoolScript'],
    ['def g():\n    global x\n    x = 1', 'global and nonlocal are outside PoolScript'],
  ];
  for (const [src, msg] of outside) {
    it(`outside the subset (information): ${JSON.stringify(src.split('\n')[0])}`, () => {
      const d = diags(src).filter((x) => x.code === 'unsupported');
      assert.strictEqual(d.length, 1, JSON.stringify(diags(src)));
      assert.strictEqual(d[0].severity, 'info');
      assert.ok(d[0].message.startsWith(msg), d[0].message);
    });
  }

  it('a refused call inside a branch that may not run is not an error', () => {
    assert.deepStrictEqual(diags("x = torch.rand(3)\nif x.sum() > 1:\n    f = open('x')").filter((d) => d.severity === 'error'), []);
  });
});
