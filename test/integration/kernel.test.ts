// Running cells through the workbench's own commands, as a user's Run button does.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ERROR_MIME, POOLNB_MIME, decode, describeCell as show, openCells, openExample, runCells, selectPoolnbKernel, settled, waitFor } from './helpers';

describe('kernel', () => {
  it('runs a cell: the displayed tensor comes as the view model and as PyTorch text', async () => {
    const editor = await openCells('x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)\nnn.MaxPool2d(2)(x)');
    const [cell] = await runCells(editor, 0, 1);
    assert.strictEqual(cell.executionSummary?.success, true, show(cell));
    const items = cell.outputs.flatMap((o) => o.items);
    const mimes = items.map((i) => i.mime);
    assert.ok(mimes.includes(POOLNB_MIME), `outputs ${mimes.join(', ')} include ${POOLNB_MIME}`);
    assert.ok(mimes.includes('text/plain'), `outputs ${mimes.join(', ')} include text/plain`);

    const view = JSON.parse(decode(items.find((i) => i.mime === POOLNB_MIME)!));
    assert.strictEqual(view.kind, 'tensor');
    assert.deepStrictEqual(view.shape, [1, 1, 2, 2]);
    assert.strictEqual(view.dtype, 'float32');
    // The text item is what PyTorch 1.13.1 prints for this value (checked with /usr/bin/python3).
    assert.strictEqual(decode(items.find((i) => i.mime === 'text/plain')!).trimEnd(), 'tensor([[[[ 5.,  7.],\n          [13., 15.]]]])');
  });

  it('runs with notebook.execute, keeping state across cells in order', async () => {
    const editor = await openCells('a = torch.ones(1, 1, 4, 4)', 'print(nn.AvgPool2d(2)(a).shape)');
    await selectPoolnbKernel(editor);
    await vscode.commands.executeCommand('notebook.execute', editor.notebook.uri);
    const cells = editor.notebook.getCells();
    await waitFor('both cells to finish', () => settled(cells));
    assert.ok(cells.every((c) => c.executionSummary?.success), cells.map(show).join('\n'));
    const out = cells[1].outputs.flatMap((o) => o.items).map(decode).join('');
    assert.strictEqual(out.trim(), 'torch.Size([1, 1, 2, 2])');
    const orders = cells.map((c) => c.executionSummary?.executionOrder ?? 0);
    assert.ok(orders[1] > orders[0], `execution order increases: ${orders.join(', ')}`);
  });

  it('reports an error as an error output, with PyTorch\'s exception', async () => {
    const editor = await openCells('nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2))');
    const [cell] = await runCells(editor, 0, 1);
    assert.strictEqual(cell.executionSummary?.success, false, show(cell));
    const item = cell.outputs.flatMap((o) => o.items).find((i) => i.mime === ERROR_MIME);
    assert.ok(item, `an error output item: ${show(cell)}`);
    const error = JSON.parse(decode(item));
    assert.strictEqual(error.name, 'RuntimeError', show(cell));
    assert.match(error.message, /Output size is too small/);
  });

  it('runs every cell of an example notebook', async () => {
    const editor = await openExample('avg-vs-max.poolnb');
    const count = editor.notebook.cellCount;
    const cells = (await runCells(editor, 0, count)).filter((c) => c.kind === vscode.NotebookCellKind.Code);
    for (const c of cells) assert.strictEqual(c.executionSummary?.success, true, show(c));
    assert.ok(cells.every((c) => c.outputs.length > 0), 'every code cell has output');
  });
});
