import { strict as assert } from 'assert';
import { HELPERS, IMPORTS, toJupyterNotebook, toPythonScript } from '../../../src/extension/exportFormats';

const cells = [
  { kind: 'markdown' as const, source: '# Max pooling\n\nceil_mode keeps the last window.' },
  { kind: 'code' as const, source: 'x = torch.ones(1, 1, 5, 5)\nprint(nn.MaxPool2d(3, ceil_mode=True)(x).shape)\n' },
  { kind: 'code' as const, source: 'show(x)' },
];

describe('export formats', () => {
  it('writes a `# %%` script: imports, helpers, then the cells in order', () => {
    const py = toPythonScript(cells, 'basics');
    assert.ok(py.startsWith(`# basics (exported from poolnb)\n\n${IMPORTS}\n\n# poolnb helpers`));
    const body = py.slice(py.indexOf('# %% [markdown]'));
    assert.equal(body, '# %% [markdown]\n# # Max pooling\n#\n# ceil_mode keeps the last window.\n\n'
      + '# %%\nx = torch.ones(1, 1, 5, 5)\nprint(nn.MaxPool2d(3, ceil_mode=True)(x).shape)\n\n# %%\nshow(x)\n');
  });

  it('defines show, explain and image in the helper module', () => {
    for (const name of ['show', 'explain', 'image']) assert.match(HELPERS, new RegExp(`^def ${name}\\(`, 'm'));
  });

  it('writes nbformat 4.5 JSON with ids, line lists and a Python kernel', () => {
    const nb = JSON.parse(toJupyterNotebook(cells));
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.nbformat_minor, 5);
    assert.equal(nb.metadata.kernelspec.name, 'python3');
    assert.deepEqual(nb.cells.map((c: { cell_type: string }) => c.cell_type), ['code', 'markdown', 'code', 'code']);
    const ids = nb.cells.map((c: { id: string }) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-zA-Z0-9-_]{1,64}$/);
    assert.deepEqual(nb.cells[2].source, ['x = torch.ones(1, 1, 5, 5)\n', 'print(nn.MaxPool2d(3, ceil_mode=True)(x).shape)']);
    assert.deepEqual(nb.cells[2].outputs, []);
    assert.equal(nb.cells[2].execution_count, null);
    assert.ok(nb.cells[0].source.join('').startsWith(IMPORTS));
    assert.equal(nb.cells[1].outputs, undefined, 'markdown cells have no outputs field');
  });
});
