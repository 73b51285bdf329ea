// The kernel runs each notebook's session in a worker: while one long synchronous engine op
// runs, the extension host's own timers keep firing, and an interrupt stops the op part-way
// without losing the session's variables. (Run in-process, the op would hold the extension
// host for its whole length, so the cell would be finished before this test could cancel it.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ERROR_MIME, decode, describeCell as show, openCells, runCells, selectPoolnbKernel, settled, waitFor } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session worker', () => {
  it('a long op leaves the extension host free; an interrupt stops it part-way and the variables survive', async () => {
    const editor = await openCells(
      'x = torch.rand(1, 16, 1024, 1024)',
      // one op, many seconds long: 5x5x5 windows over 16M elements through the TypeScript reference
      // (3-D average pooling has no WebAssembly kernel; 3-D max pooling now takes well under a second)
      'y = F.avg_pool3d(x, 5, 1, 2)',
      'print(x.shape)',
    );
    const [first] = await runCells(editor, 0, 1);
    assert.strictEqual(first.executionSummary?.success, true, show(first));
    await selectPoolnbKernel(editor);
    const long = editor.notebook.cellAt(1);
    const args = { ranges: [{ start: 1, end: 2 }], document: editor.notebook.uri };
    const executing = vscode.commands.executeCommand('notebook.cell.execute', args);
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 10);
    try {
      await sleep(1000);
      assert.ok(ticks > 0);
      assert.strictEqual(long.executionSummary?.success, undefined, `the op is still running: ${show(long)}`);
      const t0 = Date.now();
      await vscode.commands.executeCommand('notebook.cell.cancelExecution', args);
      await waitFor('the interrupted cell to finish', () => settled([long]), 20_000);
      console.log(`      interrupt of avg_pool3d answered in ${Date.now() - t0} ms (including the workbench round trip)`);
    } finally {
      clearInterval(timer);
    }
    await executing;
    assert.strictEqual(long.executionSummary?.success, false, show(long));
    const item = long.outputs.flatMap((o) => o.items).find((i) => i.mime === ERROR_MIME);
    assert.ok(item, show(long));
    const error = JSON.parse(decode(item));
    assert.strictEqual(error.name, 'KeyboardInterrupt', show(long));
    assert.doesNotMatch(error.message, /variables were lost/, 'the worker stopped by itself');
    const [after] = await runCells(editor, 2, 3);
    assert.strictEqual(after.executionSummary?.success, true, show(after));
    assert.strictEqual(after.outputs.flatMap((o) => o.items).map(decode).join('').trim(), 'torch.Size([1, 16, 1024, 1024])');
  });
});
