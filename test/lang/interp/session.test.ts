// Sessions: one namespace across cells in execution order, displays of the last
// expression and show(), error ranges, cancellation, the step budget and the
// recursion limit.

import * as assert from 'assert';
import { PoolSession } from '../../../src/lang/session';
import type { TensorView } from '../../../src/common/viewModel';

const stdout = (r: { outputs: { kind: string; text: string }[] }) => r.outputs.filter((o) => o.kind === 'stdout').map((o) => o.text).join('');

describe('session', () => {
  it('shares one namespace across cells, in execution order', async () => {
    const s = new PoolSession();
    await s.run('x = torch.arange(4.0)');
    await s.run('y = x * 2');
    const r = await s.run('print(y.tolist())');
    assert.strictEqual(stdout(r), '[0.0, 2.0, 4.0, 6.0]\n');
    s.reset();
    const after = await s.run('y');
    assert.deepStrictEqual(after.error && [after.error.type, after.error.message], ['NameError', "name 'y' is not defined"]);
  });

  it('predefines torch, nn and F', async () => {
    const r = await new PoolSession().run('print(torch.__name__, nn.MaxPool2d(2), F.relu(torch.tensor(-1.0)))');
    assert.strictEqual(stdout(r), 'torch MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) tensor(0.)\n');
  });

  it('displays the value of a trailing expression, not None', async () => {
    const s = new PoolSession();
    const r = await s.run('x = torch.ones(1, 1, 4, 4)\nnn.MaxPool2d(2)(x)');
    assert.strictEqual(r.outputs.length, 1);
    const d = r.outputs[0];
    assert.ok(d.kind === 'display');
    const v = d.view as TensorView;
    assert.strictEqual(v.kind, 'tensor');
    assert.deepStrictEqual(v.shape, [1, 1, 2, 2]);
    assert.deepStrictEqual(v.data, { encoding: 'list', values: [1, 1, 1, 1] });
    assert.strictEqual(d.text, 'tensor([[[[1., 1.],\n          [1., 1.]]]])');
    assert.ok(v.pooling);
    assert.strictEqual(v.pooling.op, 'max_pool2d');
    assert.deepStrictEqual(v.pooling.derivation.map((a) => [a.axis, a.output]), [['H', 2], ['W', 2]]);
    assert.deepStrictEqual(v.pooling.windows, [[0, 1, 4, 5], [2, 3, 6, 7], [8, 9, 12, 13], [10, 11, 14, 15]]);
    const none = await s.run('print("x")\nNone');
    assert.deepStrictEqual(none.outputs.map((o) => o.kind), ['stdout']);
  });

  it('show() displays with its mode and title; non-finite values travel as strings', async () => {
    const r = await new PoolSession().run('show(torch.tensor([float("nan"), float("inf"), -float("inf"), 1.0]), mode="heatmap", title="t")');
    const v = (r.outputs[0] as { view: TensorView }).view;
    assert.deepStrictEqual(v.data, { encoding: 'list', values: ['nan', 'inf', '-inf', 1] });
    assert.deepStrictEqual(v.display, { mode: 'heatmap', title: 't' });
  });

  it('sends tensors above 1000 elements as base64 bytes', async () => {
    const r = await new PoolSession().run('torch.ones(1001)');
    const v = (r.outputs[0] as { view: TensorView }).view;
    assert.strictEqual(v.data.encoding, 'base64');
    const bytes = Buffer.from((v.data as { bytes: string }).bytes, 'base64');
    assert.strictEqual(bytes.length, 1001 * 4);
    assert.strictEqual(new Float32Array(bytes.buffer, bytes.byteOffset, 1001)[1000], 1);
  });

  it('keeps stdout written before an error, and locates the error', async () => {
    const src = 'print("before")\nx = torch.ones(1, 1, 2, 2)\ny = nn.MaxPool2d(3)(x)';
    const r = await new PoolSession().run(src);
    assert.strictEqual(stdout(r), 'before\n');
    assert.ok(r.error);
    assert.strictEqual(r.error.type, 'RuntimeError');
    assert.deepStrictEqual(r.error.lineCol, { line: 3, column: 4 });
    assert.strictEqual(src.slice(r.error.range!.start, r.error.range!.end), 'nn.MaxPool2d(3)(x)');
  });

  it('reports syntax errors with their range', async () => {
    const r = await new PoolSession().run('x = (1,');
    assert.ok(r.error);
    assert.strictEqual(r.error.type, 'SyntaxError');
  });

  it('stops a runaway loop at the step budget', async () => {
    const r = await new PoolSession({ stepLimit: 10_000 }).run('while True:\n    pass');
    assert.ok(r.error);
    assert.strictEqual(r.error.type, 'RuntimeError');
    assert.match(r.error.message, /step budget/);
  });

  it('the step budget cannot be caught by the program', async () => {
    const r = await new PoolSession({ stepLimit: 10_000 }).run('try:\n    while True:\n        pass\nexcept Exception:\n    print("caught")');
    assert.strictEqual(stdout(r), '');
    assert.match(r.error!.message, /step budget/);
  });

  it('raises RecursionError past the recursion limit', async () => {
    const r = await new PoolSession().run('def f(n):\n    return f(n + 1)\nf(0)');
    assert.deepStrictEqual([r.error?.type, r.error?.message], ['RecursionError', 'maximum recursion depth exceeded']);
  });

  it('yields to the event loop during a long loop, so a timer can cancel it', async () => {
    const token = { cancelled: false };
    const s = new PoolSession();
    const running = s.run('n = 0\nwhile True:\n    n += 1', { token });
    setTimeout(() => { token.cancelled = true; }, 20);
    const r = await running; // never settles if the loop blocked the event loop
    assert.strictEqual(r.error?.type, 'KeyboardInterrupt');
    const after = await s.run('print(n > 0)');
    assert.strictEqual(stdout(after), 'True\n');
  });

  it('polls the cancel token at least every 1024 steps', async () => {
    let polls = 0;
    let flippedAt = -1;
    const s = new PoolSession();
    await s.run('n = 0');
    const token = {
      get cancelled() {
        polls++;
        return flippedAt >= 0;
      },
    };
    // flip once the loop has polled a few times
    const run = s.run('while True:\n    n += 1', { token });
    while (polls < 3) await new Promise((r) => setImmediate(r));
    flippedAt = polls;
    const r = await run;
    assert.strictEqual(r.error?.type, 'KeyboardInterrupt');
    // the next poll after the flip stops the run
    assert.ok(polls - flippedAt <= 2, `polled ${polls - flippedAt} more times after the flip`);
  });

  it('keeps print options per session, also when two sessions run at once', async () => {
    const a = new PoolSession(), b = new PoolSession();
    await a.run('torch.set_printoptions(precision=2)');
    const loop = 'out = []\nfor i in range(3):\n    out.append(str(torch.tensor([1 / 3])))\nprint(out)';
    const [ra, rb] = await Promise.all([a.run(loop), b.run(loop)]);
    assert.strictEqual(stdout(ra), "['tensor([0.33])', 'tensor([0.33])', 'tensor([0.33])']\n");
    assert.strictEqual(stdout(rb), "['tensor([0.3333])', 'tensor([0.3333])', 'tensor([0.3333])']\n");
  });

  it('explains the use of unsupported libraries', async () => {
    const r = await new PoolSession().run('import torchvision\nfrom torch.utils.data import DataLoader\nds = torchvision.datasets.CIFAR10("./data", download=True)');
    assert.strictEqual(r.error?.type, 'NotImplementedError');
    assert.match(r.error!.message, /image\(path\)/);
    const r2 = await new PoolSession().run('from torch.utils.data import DataLoader\nDataLoader([1], batch_size=1)');
    assert.match(r2.error!.message, /DataLoader/);
  });

  it('displays modules with their effective parameters', async () => {
    const r = await new PoolSession().run('nn.AvgPool2d(3, stride=2)');
    const v = (r.outputs[0] as { view: { kind: string; name: string; params: Record<string, unknown> } }).view;
    assert.strictEqual(v.kind, 'module');
    assert.strictEqual(v.name, 'AvgPool2d');
    assert.deepStrictEqual(v.params.kernel_size, 3);
    assert.deepStrictEqual(v.params.stride, 2);
  });
});

describe('session random state', () => {
  it('a new session (a new Python process) starts from the default seed', async () => {
    const first = await new PoolSession().run('print(torch.rand(3).tolist())');
    await new PoolSession().run('torch.rand(100)');
    const again = await new PoolSession().run('print(torch.rand(3).tolist())');
    assert.strictEqual(stdout(again), stdout(first));
  });
});

describe('error locations', () => {
  const cases: [string, string, string][] = [
    ['x = 1\nprint(undefined_name + x)', 'NameError', 'undefined_name'],
    ['t = torch.ones(2)\ny = t.foo', 'AttributeError', 't.foo'],
    ['def f(x):\n    return nn.MaxPool2d(3)(x)\nf(torch.ones(1, 1, 2, 2))', 'RuntimeError', 'nn.MaxPool2d(3)(x)'],
    ['a = [1]\nb = a[3] + 1', 'IndexError', 'a[3]'],
  ];
  for (const [src, type, text] of cases) {
    it(`${type} underlines ${text}`, async () => {
      const r = await new PoolSession().run(src);
      assert.strictEqual(r.error?.type, type);
      assert.strictEqual(src.slice(r.error!.range!.start, r.error!.range!.end), text);
    });
  }
});

describe('session queue', () => {
  it('runs cells submitted together one after another, in order', async () => {
    const s = new PoolSession();
    const [a, b] = await Promise.all([
      s.run('x = 0\nfor i in range(3000):\n    x += 1\nprint("a", x)'),
      s.run('print("b", x)'),
    ]);
    assert.strictEqual(stdout(a), 'a 3000\n');
    assert.strictEqual(stdout(b), 'b 3000\n');
  });
});
