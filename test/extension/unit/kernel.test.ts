// The kernel with a stand-in vscode module: ordering, interrupt, restart, and the outputs
// a real PoolScript session's results become.
import { FakeController, FakeExecution, notebooks, NotebookCellKind } from './vscodeMock';
import { strict as assert } from 'assert';
import type { CellResult, Session } from '../../../src/lang/api';
import { createSession } from '../../../src/lang';
import { PoolnbKernel } from '../../../src/extension/kernel';

const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function fakeCell(index: number, source: string) {
  return { index, kind: NotebookCellKind.Code, document: { languageId: 'poolscript', getText: () => source } };
}
const notebook = { uri: { toString: () => 'untitled:nb-1' } };

/** A session that records overlapping runs and can be made to wait or fail. */
class ScriptedSession implements Session {
  log: string[] = [];
  active = 0;
  maxActive = 0;
  async run(source: string, options?: { token?: { cancelled: boolean } }): Promise<CellResult> {
    this.active++; this.maxActive = Math.max(this.maxActive, this.active);
    this.log.push(`start ${source}`);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 1));
      if (options?.token?.cancelled) {
        this.active--;
        this.log.push(`cancelled ${source}`);
        return { outputs: [], error: { type: 'KeyboardInterrupt', message: '' }, durationMs: 0 };
      }
    }
    this.active--;
    this.log.push(`end ${source}`);
    if (source.startsWith('fail')) return { outputs: [], error: { type: 'ValueError', message: 'no' }, durationMs: 0 };
    return { outputs: [{ kind: 'stdout', text: `${source}\n` }], durationMs: 0 };
  }
  reset() { this.log.push('reset'); }
}

function setup(sessionFor: () => Session) {
  const kernel = new PoolnbKernel(sessionFor);
  const controller: FakeController = notebooks.controllers[notebooks.controllers.length - 1];
  const run = (...cells: ReturnType<typeof fakeCell>[]) => controller.executeHandler!(cells, notebook, controller) as Promise<void>;
  return { kernel, controller, run };
}

describe('kernel (with a stand-in vscode module)', () => {
  it('registers poolnb.kernel for poolnb notebooks, PoolScript cells, with execution order', () => {
    const { controller, kernel } = setup(() => new ScriptedSession());
    assert.equal(controller.id, 'poolnb.kernel');
    assert.equal(controller.notebookType, 'poolnb');
    assert.deepEqual(controller.supportedLanguages, ['poolscript']);
    assert.equal(controller.supportsExecutionOrder, true);
    kernel.dispose();
  });

  it('runs cells one after another, in order, even when two runs are requested at once', async () => {
    const session = new ScriptedSession();
    const { controller, kernel, run } = setup(() => session);
    await Promise.all([run(fakeCell(0, 'a'), fakeCell(1, 'b')), run(fakeCell(2, 'c'))]);
    assert.equal(session.maxActive, 1, 'never two cells at once');
    assert.deepEqual(session.log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    assert.deepEqual(controller.executions.map((e) => e.executionOrder), [1, 2, 3]);
    assert.ok(controller.executions.every((e) => e.ended?.success === true));
    assert.equal(dec(controller.executions[1].outputs[0].items[0].data), 'b\n');
    kernel.dispose();
  });

  it('stops the rest of a run after a failing cell, as Jupyter does', async () => {
    const session = new ScriptedSession();
    const { controller, kernel, run } = setup(() => session);
    await run(fakeCell(0, 'fail'), fakeCell(1, 'never'));
    assert.deepEqual(session.log, ['start fail', 'end fail']);
    assert.equal(controller.executions.length, 1);
    assert.equal(controller.executions[0].ended?.success, false);
    kernel.dispose();
  });

  it('interrupt cancels the running cell and drops the queued ones', async () => {
    const session = new ScriptedSession();
    const { controller, kernel, run } = setup(() => session);
    const done = run(fakeCell(0, 'long'), fakeCell(1, 'queued'));
    const later = run(fakeCell(2, 'later'));
    await new Promise((r) => setTimeout(r, 5));
    controller.interruptHandler!(notebook);
    await Promise.all([done, later]);
    assert.deepEqual(session.log, ['start long', 'cancelled long']);
    const error = JSON.parse(dec(controller.executions[0].outputs[0].items[0].data));
    assert.equal(error.name, 'KeyboardInterrupt');
    // the next run works again
    await run(fakeCell(0, 'again'));
    assert.deepEqual(session.log.slice(-2), ['start again', 'end again']);
    kernel.dispose();
  });

  it('restart gives a fresh session and restarts execution order at 1', async () => {
    let made = 0;
    const { controller, kernel, run } = setup(() => { made++; return new ScriptedSession(); });
    await run(fakeCell(0, 'a'), fakeCell(1, 'b'));
    kernel.restart(notebook as never);
    await run(fakeCell(0, 'a'));
    assert.equal(made, 2);
    assert.deepEqual(controller.executions.map((e) => e.executionOrder), [1, 2, 1]);
    kernel.dispose();
  });

  describe('with a real PoolScript session', () => {
    let controller: FakeController;
    let kernel: PoolnbKernel;
    let run: (...cells: ReturnType<typeof fakeCell>[]) => Promise<void>;
    beforeEach(() => ({ controller, kernel, run } = setup(() => createSession())));
    afterEach(() => kernel.dispose());
    // the imports are optional in PoolScript; written out, the cells are plain Python too
    const IMPORTS = 'import torch\nfrom torch import nn\n';
    const last = (): FakeExecution => controller.executions[controller.executions.length - 1];

    it('a displayed tensor is ONE output with the view model and PyTorch\'s text', async () => {
      await run(fakeCell(0, IMPORTS + 'x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)\nnn.MaxPool2d(2)(x)'));
      assert.equal(last().ended?.success, true);
      assert.equal(last().outputs.length, 1);
      const [view, text] = last().outputs[0].items;
      assert.equal(view.mime, 'application/vnd.poolnb.value+json');
      assert.equal(text.mime, 'text/plain');
      const model = JSON.parse(dec(view.data));
      assert.equal(model.kind, 'tensor');
      assert.deepEqual(model.shape, [1, 1, 2, 2]);
      assert.equal(model.pooling?.op, 'max_pool2d');
      // what PyTorch 1.13.1 prints (same text as test/integration/kernel.test.ts checks in VS Code)
      assert.equal(dec(text.data).trimEnd(), 'tensor([[[[ 5.,  7.],\n          [13., 15.]]]])');
    });

    it('print output is merged into one stdout output; state flows to the next cell', async () => {
      await run(fakeCell(0, IMPORTS + 'a = torch.ones(1, 1, 4, 4)\nprint(1)\nprint(2)'), fakeCell(1, 'print(nn.AvgPool2d(2)(a).shape)'));
      const [first, second] = controller.executions;
      assert.equal(first.outputs.length, 1);
      assert.equal(first.outputs[0].items[0].mime, 'application/vnd.code.notebook.stdout');
      assert.equal(dec(first.outputs[0].items[0].data), '1\n2\n');
      assert.equal(dec(second.outputs[0].items[0].data), 'torch.Size([1, 1, 2, 2])\n');
    });

    it('an error is an error output with PyTorch\'s exception and the cell line and column', async () => {
      await run(fakeCell(4, IMPORTS + 'x = torch.ones(1, 1, 2, 2)\ny = nn.MaxPool2d(3)(x)'));
      assert.equal(last().ended?.success, false);
      const item = last().outputs[last().outputs.length - 1].items[0];
      assert.equal(item.mime, 'application/vnd.code.notebook.error');
      const error = JSON.parse(dec(item.data));
      assert.equal(error.name, 'RuntimeError');
      assert.equal(error.message, 'Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
      assert.match(error.stack, /^ {2}Cell 5, line 4, column \d+$/m);
      assert.match(error.stack, /\nRuntimeError: Given input size/);
    });
  });
});
