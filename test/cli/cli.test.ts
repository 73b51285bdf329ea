// The poolnb command line, called through its main() with captured output, and once
// as the built bundle (node dist/cli.js) when it exists.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { main, Io } from '../../src/cli/main';
import { readCells } from '../../src/cli/cells';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(argv, io);
  return { code, out, err };
}

function tmp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const notebook = (cells: [string, string][]) => JSON.stringify({
  version: 1, cells: cells.map(([kind, source]) => ({ kind, language: kind === 'code' ? 'poolscript' : 'markdown', source, metadata: {} })),
});

describe('poolnb CLI', () => {
  it('run: prints what Python prints, cell after cell', async () => {
    const f = tmp('a.poolnb', notebook([
      ['markdown', '# title'],
      ['code', 'x = torch.tensor([[1., 2.], [3., 4.]]).view(1, 1, 2, 2)'],
      ['code', 'print(nn.MaxPool2d(2)(x))\nx.sum()'],
    ]));
    const r = await cli('run', f);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, 'tensor([[[[4.]]]])\n');
    assert.strictEqual(r.err, '');
  });

  it('run: on an error, flushes earlier output and ends stderr with Type: message, exit 1', async () => {
    const f = tmp('b.poolnb', notebook([['code', 'print("one")'], ['code', 'nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2))'], ['code', 'print("never")']]));
    const r = await cli('run', f);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.out, 'one\n');
    const last = r.err.trimEnd().split('\n').pop();
    assert.strictEqual(last, 'RuntimeError: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
  });

  it('run: a .py file splits into cells at # %% lines', async () => {
    const f = tmp('c.py', 'x = 2\n# %%\nprint(x * 3)\n# %% second\nprint(x ** -1)\n');
    assert.deepStrictEqual(readCells(f, fs.readFileSync(f, 'utf8')).map((c) => [c.source, c.firstLine]), [
      ['x = 2', 1], ['print(x * 3)', 3], ['print(x ** -1)\n', 5],
    ]);
    const r = await cli('run', f);
    assert.strictEqual(r.out, '6\n0.5\n');
  });

  it('run --json: every cell\'s outputs, tensors with shape, dtype and data', async () => {
    const f = tmp('d.poolnb', notebook([['code', 'print(1)\ntorch.tensor([1.0, float("nan")])']]));
    const r = await cli('run', f, '--json');
    assert.strictEqual(r.code, 0);
    const doc = JSON.parse(r.out);
    const outs = doc.cells[0].outputs;
    assert.deepStrictEqual(outs[0], { kind: 'stdout', text: '1\n' });
    assert.deepStrictEqual([outs[1].view.shape, outs[1].view.dtype, outs[1].view.data], [[2], 'float32', { encoding: 'list', values: [1, 'nan'] }]);
  });

  it('size: output shape and the per-axis derivation', async () => {
    const r = await cli('size', '--op', 'max_pool2d', '--input', '1x1x5x5', '--kernel', '3', '--ceil');
    assert.strictEqual(r.code, 0);
    const lines = r.out.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'max_pool2d: input [1, 1, 5, 5] -> output [1, 1, 2, 2]');
    assert.match(lines[1], /^ {2}H: .* = 2$/);
    assert.match(lines[2], /^ {2}W: .* = 2$/);
  });

  it('size: accepts module names and per-axis values; reports PyTorch\'s error', async () => {
    const ok = await cli('size', '--op', 'AvgPool2d', '--input', '1x3x8x6', '--kernel', '2x3', '--stride', '2', '--padding', '1,1');
    assert.strictEqual(ok.out.split('\n')[0], 'avg_pool2d: input [1, 3, 8, 6] -> output [1, 3, 5, 3]');
    const bad = await cli('size', '--op', 'max_pool2d', '--input', '1x1x2x2', '--kernel', '3');
    assert.strictEqual(bad.code, 1);
    assert.strictEqual(bad.err.trim(), 'RuntimeError: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
    const adaptive = await cli('size', '--op', 'adaptive_avg_pool2d', '--input', '1x1x5x7', '--output-size', '2x3');
    assert.strictEqual(adaptive.out.split('\n')[0], 'adaptive_avg_pool2d: input [1, 1, 5, 7] -> output [1, 1, 2, 3]');
  });

  it('check: prints diagnostics as file:cell:line:col: severity: message and exits 1 on errors', async () => {
    const f = tmp('e.poolnb', notebook([['code', 'x = torch.ones(1, 1, 2, 2)'], ['code', 'y = 1\nz = nn.MaxPool2d(3)(x)']]));
    const r = await cli('check', f);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:2:5: error: .*Output size is too small`, 'm'));
    const clean = await cli('check', tmp('f.poolnb', notebook([['code', 'print(1)']])));
    assert.deepStrictEqual([clean.code, clean.out], [0, '']);
  });

  it('--help and --version', async () => {
    const h = await cli('--help');
    assert.strictEqual(h.code, 0);
    assert.match(h.out, /poolnb run FILE/);
    const v = await cli('--version');
    assert.match(v.out, /^\d+\.\d+\.\d+\n$/);
    const bad = await cli('frobnicate');
    assert.strictEqual(bad.code, 2);
  });

  it('the built bundle runs as a process (node dist/cli.js)', function () {
    const bundle = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!fs.existsSync(bundle)) {
      const b = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'esbuild.js')], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' });
      assert.strictEqual(b.status, 0, b.stderr);
    }
    const f = tmp('g.py', 'print(sum([1, 2]))\nraise ValueError("stop")\n');
    const r = spawnSync(process.execPath, [bundle, 'run', f], { encoding: 'utf8' });
    assert.strictEqual(r.stdout, '3\n');
    assert.strictEqual(r.stderr.trimEnd().split('\n').pop(), 'ValueError: stop');
    assert.strictEqual(r.status, 1);
  });
});
