// Programs the pipeline fuzz test (pipeline.test.ts) or its brief found failing, each pinned
// through runProgram. Expected PyTorch/Python texts were measured with /usr/bin/python3
// (torch 1.13.1, Python 3); where poolnb deliberately differs (its element limit) the
// comment says what PyTorch does.

import * as assert from 'assert';
import { runProgram } from '../../../src/lang/run';
import { getElementLimit, setElementLimit } from '../../../src/engine/limits';

const HEAD = 'import torch\nfrom torch import nn\nimport torch.nn.functional as F\nx = torch.randn(1, 1, 4, 4)\n';

async function errorOf(src: string) {
  const r = await runProgram(HEAD + src, { stepLimit: 2000 });
  return r.error;
}

describe('pipeline fuzz regressions', () => {
  it('MaxPool2d(kernel_size=2**40, ceil_mode=True): PyTorch\'s "integer out of range" (was a WebAssembly divide by zero)', async () => {
    const e = await errorOf('y = nn.MaxPool2d(kernel_size=2**40, ceil_mode=True)(x)');
    assert.deepEqual(e && [e.type, e.message, e.line], ['RuntimeError', 'integer out of range', 5]);
  });

  it('AvgPool2d(kernel_size=2**40): C++ narrows the kernel to 0 in pool2d_shape_check, as PyTorch reports', async () => {
    const e = await errorOf('y = nn.AvgPool2d(kernel_size=2**40, ceil_mode=True)(x)');
    assert.deepEqual(e && [e.type, e.message], ['RuntimeError', 'kernel size should be greater than zero, but got kH: 0 kW: 0']);
  });

  it('F.interpolate(x, size=(5, 2**40)) hits the element limit (was "Invalid array length")', async () => {
    // PyTorch: RuntimeError: [enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate
    // memory: you tried to allocate 21990232555520 bytes. poolnb refuses at its element limit instead.
    const saved = getElementLimit();
    setElementLimit(100_000);
    try {
      const e = await errorOf('y = F.interpolate(x, size=(5, 2**40))');
      assert.equal(e?.type, 'RuntimeError');
      assert.match(e!.message, /^poolnb: a tensor of shape \[1, 1, 5, 1099511627776\] has 5497558138880 elements, more than the limit of 100000/);
    } finally {
      setElementLimit(saved);
    }
  });

  it('set_printoptions(precision=2**40) then printing: ValueError: precision too big (was an exhausted heap)', async () => {
    const r = await runProgram('import torch\ntorch.set_printoptions(precision=2**40)\nprint(torch.tensor([1., 2.]))\nprint(torch.tensor([1.5, 2.25]))\n');
    assert.equal(r.stdout, 'tensor([1., 2.])\n');
    assert.deepEqual(r.error && [r.error.type, r.error.message, r.error.line], ['ValueError', 'precision too big', 4]);
  });

  it("f'{1.5:.{2**63}f}': ValueError: Too many decimal digits in format string", async () => {
    const r = await runProgram("print(f'{1.5:.{2**63}f}')\n");
    assert.deepEqual(r.error && [r.error.type, r.error.message], ['ValueError', 'Too many decimal digits in format string']);
  });

  it('an unpacking error and the step budget are located at their statement (were without a line)', async () => {
    const e1 = await errorOf('a, = [1, 2]\n');
    assert.deepEqual(e1 && [e1.type, e1.message, e1.line], ['ValueError', 'too many values to unpack (expected 1)', 5]);
    const e2 = await errorOf('def f():\n    while True:\n        pass\nf()\n');
    assert.equal(e2?.type, 'RuntimeError');
    assert.match(e2!.message, /step budget/);
    assert.ok(e2!.line !== undefined && e2!.line >= 5 && e2!.line <= 8, `line ${e2!.line}`);
  });

  it('nn.ModuleList / Sequential children that are not modules: PyTorch\'s TypeErrors (was "m.dict is not iterable" when printed)', async () => {
    // measured with torch 1.13.1
    const cases: [string, string][] = [
      ['nn.ModuleList(x)', 'torch.FloatTensor is not a Module subclass'],
      ['nn.ModuleList([1])', 'int is not a Module subclass'],
      ['nn.ModuleList(5)', 'ModuleList.extend should be called with an iterable, but got int'],
      ['nn.ModuleList([nn.ReLU()]).append(3)', 'int is not a Module subclass'],
      ['nn.ModuleList([nn.ReLU()]).extend([3])', 'int is not a Module subclass'],
      ['nn.ModuleList([nn.ReLU()]).extend(3)', 'ModuleList.extend should be called with an iterable, but got int'],
      ['nn.Sequential(3)', 'int is not a Module subclass'],
      ['nn.Sequential(nn.ReLU()).append(3)', 'int is not a Module subclass'],
    ];
    for (const [expr, message] of cases) {
      const e = await errorOf(`print(${expr})\n`);
      assert.deepEqual(e && [e.type, e.message, e.line], ['TypeError', message, 5], expr);
    }
  });

  it("torch.rand/randn/randint/rand_like and Conv2d's init consult the run's cancel token while filling", async () => {
    // a token that counts how often it is read: the random fills read it every 64k elements
    const reads = async (stmt: string) => {
      let n = 0;
      const token = { get cancelled() { n++; return false; } };
      const r = await runProgram(`import torch\nfrom torch import nn\n${stmt}\n`, { token });
      assert.equal(r.error, undefined, stmt);
      return n;
    };
    const base = await reads('x = torch.zeros(2_000_000)');
    for (const stmt of ['x = torch.rand(2_000_000)', 'x = torch.randn(2_000_000)', 'x = torch.randint(0, 5, (2_000_000,))',
      'x = torch.rand_like(torch.zeros(2_000_000))', 'c = nn.Conv2d(100, 200, 10)']) {
      const n = await reads(stmt);
      assert.ok(n >= base + 10, `${stmt}: ${n} reads, zeros: ${base}`);
    }
  });
});
