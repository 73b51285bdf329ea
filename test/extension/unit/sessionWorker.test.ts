// Sessions in a worker (src/extension/worker/): the real worker bundles, built from the
// current sources, driven through WorkerSession as the kernel drives them. Long work must
// leave this (the extension host's) event loop free, an interrupt must stop even one long
// engine op part-way, and restart / crash / a worker that does not answer must leave a
// session that works.
import { FakeController, notebooks, NotebookCellKind } from './vscodeMock';
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CellResult } from '../../../src/lang/api';
import { nodeWorkerSpawner } from '../../../src/extension/worker/nodeTransport';
import { webWorkerSpawner } from '../../../src/extension/worker/webTransport';
import { STATE_LOST_NOTE, WorkerSession, WorkerSessionOptions } from '../../../src/extension/worker/workerSession';
import { createSession } from '../../../src/lang';
import { PoolnbKernel } from '../../../src/extension/kernel';
import type { WorkerPort } from '../../../src/extension/worker/port';
import { FakeWebWorker, workerBundles } from './workerBundles';

const IMPORTS = 'import torch\nimport torch.nn.functional as F\n';
const stdout = (r: CellResult) => r.outputs.filter((o) => o.kind === 'stdout').map((o) => (o as { text: string }).text).join('');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FIXTURE_PNG = path.resolve(__dirname, '../../fixtures/interp/images/gray.png');

/** Counts this thread's timer ticks while `work` runs: proof that the event loop was free. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => { ticks++; }, 5);
  try {
    const value = await work;
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

/** Starts a run and interrupts it after `after` ms: the result, the ms from interrupt to
 * answer, and this thread's timer ticks during the whole run. */
async function interruptAfter(session: WorkerSession, source: string, after: number) {
  const token = { cancelled: false };
  let interruptedAt = 0;
  const running = session.run(source, { token });
  const { value, ticks } = await ticksDuring((async () => {
    await sleep(after);
    interruptedAt = performance.now();
    token.cancelled = true;
    return running;
  })());
  return { result: value, latencyMs: performance.now() - interruptedAt, ticks };
}

describe('session worker (the real worker bundle)', function () {
  this.timeout(120_000);
  let bundles: { node: string; web: string };
  const sessions: WorkerSession[] = [];
  before(async () => { bundles = await workerBundles(); });
  afterEach(() => { while (sessions.length) sessions.pop()!.dispose(); });

  function nodeSession(opts: WorkerSessionOptions & { heapMb?: number } = {}): WorkerSession {
    const spawn = nodeWorkerSpawner(bundles.node, opts.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: opts.heapMb } } : {});
    const s = new WorkerSession(spawn, opts);
    sessions.push(s);
    return s;
  }

  it('runs a cell in the worker and returns its outputs (print and the displayed value)', async () => {
    const s = nodeSession();
    const r = await s.run(IMPORTS + 'x = torch.arange(16.).reshape(1, 1, 4, 4)\nprint(x.shape)\nF.max_pool2d(x, 2)');
    assert.equal(r.error, undefined);
    assert.equal(s.usesWorker, true);
    assert.equal(r.outputs.length, 2);
    assert.equal(stdout(r), 'torch.Size([1, 1, 4, 4])\n');
    const shown = r.outputs[1];
    assert.equal(shown.kind, 'display');
    if (shown.kind !== 'display') return;
    assert.equal(shown.view.kind, 'tensor');
    // the same answer as an in-process session gives
    const local = await createSession().run(IMPORTS + 'x = torch.arange(16.).reshape(1, 1, 4, 4)\nprint(x.shape)\nF.max_pool2d(x, 2)');
    assert.deepEqual(r.outputs, local.outputs);
  });

  it('keeps state across cells, and reports Python errors with their place in the cell', async () => {
    const s = nodeSession();
    assert.equal((await s.run(IMPORTS + 'x = torch.ones(1, 1, 4, 4)\nn = 3')).error, undefined);
    const r = await s.run('print(n, F.avg_pool2d(x, 2).shape)');
    assert.equal(stdout(r), '3 torch.Size([1, 1, 2, 2])\n');
    const bad = await s.run('y = 1\nF.max_pool2d(x, 7)');
    assert.equal(bad.error?.type, 'RuntimeError');
    assert.equal(bad.error?.lineCol?.line, 2);
    s.reset();
    assert.equal((await s.run('print(n)')).error?.type, 'NameError');
  });

  it('a long op runs while this event loop keeps ticking; an interrupt stops one long op part-way and the session survives', async () => {
    const s = nodeSession();
    assert.equal((await s.run(IMPORTS + 'x = torch.rand(1, 64, 1024, 1024)\nprint(x.numel())')).error, undefined);
    const whole = await ticksDuring(s.run('y = F.max_pool2d(x, 5, 1, 2)\nprint(y.shape)'));
    assert.equal(stdout(whole.value), 'torch.Size([1, 64, 1024, 1024])\n');
    assert.ok(whole.ticks > 0, 'the main thread ran timers while the worker pooled');
    // one op of tens of seconds (5x5x5 windows over 64 Mi elements through the TypeScript reference:
    // 3-D average pooling has no WebAssembly kernel), interrupted soon after it started
    const { result, latencyMs, ticks } = await interruptAfter(s, 'del y\nz = F.avg_pool3d(x, 5, 1, 2)', 100);
    assert.equal(result.error?.type, 'KeyboardInterrupt');
    assert.equal(result.error?.message, '', 'the worker stopped by itself (it was not terminated)');
    assert.ok(ticks > 0, 'the main thread ran timers during the interrupted run');
    console.log(`      max_pool2d over 64 Mi elements: ${whole.value.durationMs.toFixed(0)} ms; ` +
      `avg_pool3d interrupted 100 ms in: answered ${latencyMs.toFixed(0)} ms after the interrupt`);
    // x is still there: the state survived; z was never bound
    const after = await s.run('print(x.shape)');
    assert.equal(after.error, undefined);
    assert.equal(stdout(after), 'torch.Size([1, 64, 1024, 1024])\n');
    assert.equal((await s.run('z')).error?.type, 'NameError');
  });

  it('an interrupt stops a loop of heavy ops; a cancelled token is not left set for the next run', async () => {
    const s = nodeSession();
    await s.run(IMPORTS + 'x = torch.rand(1, 64, 1024, 1024)');
    const loop = 'for i in range(20):\n    y = F.max_pool2d(x, 3, 1, 1)\n';
    const { result, latencyMs, ticks } = await interruptAfter(s, loop, 1500);
    assert.equal(result.error?.type, 'KeyboardInterrupt');
    assert.equal(result.error?.message, '');
    assert.ok(ticks > 0);
    console.log(`      loop of max_pool2d: answered ${latencyMs.toFixed(0)} ms after the interrupt`);
    assert.equal(stdout(await s.run('print(x.shape[1], i < 19)')), '64 True\n');
  });

  it('pooling tensors in the arena on two threads gives PyTorch\'s output, and an interrupt mid-loop stops both threads', async () => {
    const s = nodeSession();
    // a corpus program of large tensors (in the arena, so the worker pools them in place, with its second
    // thread beside it: kernelPeer.js sits next to the bundle), against PyTorch's committed output
    const root = path.resolve(__dirname, '../../..');
    const want = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/corpus/large_tensors_in_place.json'), 'utf8')) as { stdout: string };
    const r = await s.run(fs.readFileSync(path.join(root, 'corpus/programs/hand/large_tensors_in_place.py'), 'utf8'));
    assert.equal(r.error, undefined);
    assert.equal(stdout(r), want.stdout);
    await s.run('x = torch.rand(1, 32, 1024, 1024)\nw = F.max_pool2d(x, 3, 1, 1)'); // 128 MB: fits the arena
    const { result } = await interruptAfter(s, 'for i in range(200):\n    y = F.max_pool2d(x, 3, 1, 1)\n', 500);
    assert.equal(result.error?.type, 'KeyboardInterrupt');
    assert.equal(result.error?.message, '', 'the worker stopped by itself (it was not terminated)');
    assert.equal(stdout(await s.run('print(torch.equal(F.max_pool2d(x, 3, 1, 1), w))')), 'True\n');
  });

  it('a worker that does not answer an interrupt in time is terminated: KeyboardInterrupt with a note, state lost, next run works', async () => {
    const s = nodeSession({ interruptGraceMs: 1 });
    await s.run('a = 5');
    // each step is one long big-integer power, which does not look at the interrupt (tensor ops and the
    // random factories now do, so a 1 ms grace could be met)
    const { result } = await interruptAfter(s, 'for i in range(20):\n    y = 7 ** 6_000_000\n', 300);
    assert.equal(result.error?.type, 'KeyboardInterrupt');
    assert.equal(result.error?.message, STATE_LOST_NOTE);
    const next = await s.run('print(1 + 1)\nprint(a)');
    assert.equal(stdout(next), '2\n');
    assert.equal(next.error?.type, 'NameError');
  });

  it('restart terminates the worker and clears the state', async () => {
    const s = nodeSession();
    await s.run('a = 41');
    assert.equal(stdout(await s.run('print(a + 1)')), '42\n');
    s.restart();
    assert.equal((await s.run('print(a)')).error?.type, 'NameError');
    assert.equal(stdout(await s.run('print(7)')), '7\n');
  });

  it('a worker that crashes (out of memory) is reported as the cell\'s error, and the next run works', async () => {
    const s = nodeSession({ heapMb: 24 });
    await s.run('a = 1');
    const r = await s.run('big = list(range(30000000))');
    assert.equal(r.error?.type, 'MemoryError');
    assert.match(r.error!.message, /variables were lost/);
    const next = await s.run('print(2 * 21)');
    assert.equal(next.error, undefined);
    assert.equal(stdout(next), '42\n');
  });

  it('image(path) reads the file through the extension host', async () => {
    const asked: string[] = [];
    const s = nodeSession({
      readFile: async (p) => {
        asked.push(p);
        if (p === 'gray.png') return new Uint8Array(fs.readFileSync(FIXTURE_PNG));
        throw new Error('ENOENT');
      },
    });
    const local = await createSession({ io: { readFile: async () => new Uint8Array(fs.readFileSync(FIXTURE_PNG)) } })
      .run('t = image("gray.png")\nprint(t.shape, t.sum())');
    const r = await s.run('t = image("gray.png")\nprint(t.shape, t.sum())');
    assert.equal(r.error, undefined);
    assert.equal(stdout(r), stdout(local));
    const missing = await s.run('image("nope.png")');
    assert.equal(missing.error?.type, 'FileNotFoundError');
    assert.deepEqual(asked, ['gray.png', 'nope.png']);
  });

  it('the element limit of the extension host applies in the worker', async () => {
    const s = nodeSession({ elementLimit: () => 100 });
    const r = await s.run(IMPORTS + 'x = torch.zeros(1, 1, 11, 11)');
    assert.equal(r.error?.type, 'RuntimeError');
    assert.match(r.error!.message, /more than the limit of 100/);
  });

  describe('in the kernel (a stand-in vscode module)', () => {
    const dec = (b: Uint8Array) => new TextDecoder().decode(b);
    const cell = (index: number, source: string) => ({ index, kind: NotebookCellKind.Code, document: { languageId: 'poolscript', getText: () => source } });
    const notebook = { uri: { toString: () => 'untitled:worker-nb' } };

    it('runs cells in a worker; interrupt stops a long op; restart terminates the worker', async () => {
      const started: WorkerPort[] = [];
      const terminated: WorkerPort[] = [];
      const spawnReal = nodeWorkerSpawner(bundles.node);
      const spawn = () => {
        const port = spawnReal();
        started.push(port);
        const terminate = port.terminate.bind(port);
        port.terminate = () => { terminated.push(port); terminate(); };
        return port;
      };
      const kernel = new PoolnbKernel(() => new WorkerSession(spawn));
      const controller: FakeController = notebooks.controllers[notebooks.controllers.length - 1];
      const run = (...cells: ReturnType<typeof cell>[]) => controller.executeHandler!(cells, notebook, controller) as Promise<void>;
      try {
        await run(cell(0, IMPORTS + 'x = torch.rand(1, 64, 1024, 1024)'), cell(1, 'print(x.shape)'));
        assert.equal(dec(controller.executions[1].outputs[0].items[0].data), 'torch.Size([1, 64, 1024, 1024])\n');
        const long = run(cell(2, 'y = F.avg_pool3d(x, 5, 1, 2)'), cell(3, 'print("never")'));
        await sleep(100);
        controller.interruptHandler!(notebook);
        await long;
        assert.equal(controller.executions.length, 3, 'the queued cell did not run');
        const error = JSON.parse(dec(controller.executions[2].outputs[0].items[0].data));
        assert.equal(error.name, 'KeyboardInterrupt');
        assert.equal(controller.executions[2].ended?.success, false);
        await run(cell(4, 'print(x.shape[1])'));
        assert.equal(dec(controller.executions[3].outputs[0].items[0].data), '64\n');
        assert.equal(started.length, 1);
        kernel.restart(notebook as never);
        assert.deepEqual(terminated, [started[0]], 'restart terminated the worker (its memory is freed)');
        await run(cell(5, 'print(x)'));
        assert.equal(JSON.parse(dec(controller.executions[4].outputs[0].items[0].data)).name, 'NameError');
        assert.equal(started.length, 2);
      } finally {
        kernel.dispose();
      }
      assert.equal(terminated.length, 2, 'dispose terminated the second worker');
    });
  });

  describe('the web worker bundle (a Web Worker stand-in, no shared memory)', () => {
    const saved = (globalThis as { Worker?: unknown }).Worker;
    before(() => { (globalThis as { Worker?: unknown }).Worker = FakeWebWorker; });
    after(() => { (globalThis as { Worker?: unknown }).Worker = saved; });

    it('runs cells with state, and an interrupt between heavy ops is seen by message', async () => {
      const s = new WorkerSession(webWorkerSpawner(bundles.web)!, { fallback: () => createSession() });
      sessions.push(s);
      await s.run(IMPORTS + 'x = torch.rand(1, 16, 1024, 1024)');
      assert.equal(stdout(await s.run('print(x.shape)')), 'torch.Size([1, 16, 1024, 1024])\n');
      assert.equal(s.usesWorker, true);
      const { result, latencyMs } = await interruptAfter(s, 'for i in range(50):\n    y = F.max_pool2d(x, 3, 1, 1)\n', 500);
      assert.equal(result.error?.type, 'KeyboardInterrupt');
      assert.equal(result.error?.message, '', 'the worker stopped itself between two ops');
      console.log(`      web worker without shared memory: answered ${latencyMs.toFixed(0)} ms after the interrupt`);
      assert.equal(stdout(await s.run('print(x.shape[1])')), '16\n');
    });

    it('falls back to an in-process session when the worker script cannot load', async () => {
      const s = new WorkerSession(webWorkerSpawner(path.join(path.dirname(bundles.web), 'missing.js'))!, { fallback: () => createSession() });
      sessions.push(s);
      assert.equal(stdout(await s.run('a = 2\nprint(a * 3)')), '6\n');
      assert.equal(s.usesWorker, false);
      assert.equal(stdout(await s.run('print(a)')), '2\n');
    });

    it('falls back to an in-process session when no Worker can be constructed', async () => {
      const s = new WorkerSession(() => { throw new Error('Creating workers from remote extensions is currently not supported.'); },
        { fallback: () => createSession() });
      sessions.push(s);
      assert.equal(stdout(await s.run('print(5)')), '5\n');
      assert.equal(s.usesWorker, false);
    });
  });
});
