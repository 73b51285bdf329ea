// Hover: every variable whose shape PyTorch reported (fixture programs) hovers as
// `Tensor[shape] dtype`; pooling results and layers add the per-axis derivation.

import * as assert from 'assert';
import { createStaticProject } from '../../../src/lang/check';
import fixture from '../../fixtures/check/programs.json';

interface Case {
  name: string; cells: string[]; mustKnow: string[];
  tensors?: Record<string, { shape: number[]; dtype: string }>;
  /** repr() of the torch.nn modules the notebook leaves in variables */
  modules?: Record<string, string>;
}
const cases = (fixture as { cases: Case[] }).cases;


describe('hover', () => {
  for (const c of cases) {
    if (!c.tensors || c.mustKnow.length === 0) continue;
    it(`${c.name}: variables hover with PyTorch's shape`, () => {
      const p = createStaticProject();
      p.setCells(c.cells);
      const cell = c.cells.length - 1;
      const src = c.cells[cell];
      let checked = 0;
      for (const name of c.mustKnow) {
        const real = c.tensors![name];
        const re = new RegExp(`\\b${name}\\b`, 'g');
        let off = -1;
        for (let m = re.exec(src); m; m = re.exec(src)) off = m.index;
        if (off < 0) continue;
        const h = p.hover(cell, off);
        assert.ok(h, `no hover on ${name}`);
        assert.ok(h.markdown.includes(`Tensor[${real.shape.join(', ')}] ${real.dtype}`), `${name}: ${h.markdown}`);
        assert.deepStrictEqual(src.slice(h.range.start, h.range.end).includes(name), true);
        checked++;
      }
      assert.ok(checked > 0);
    });
  }

  for (const c of cases) {
    if (!c.modules || Object.keys(c.modules).length === 0) continue;
    it(`${c.name}: layers hover as PyTorch prints them`, () => {
      const p = createStaticProject();
      p.setCells(c.cells);
      const cell = c.cells.length - 1;
      const src = c.cells[cell];
      for (const [name, repr] of Object.entries(c.modules!)) {
        // the last assignment: that is the value the variable holds at the end
        const at = [...src.matchAll(new RegExp(`^${name} =`, 'gm'))].pop()?.index;
        if (at === undefined) continue;
        const h = p.hover(cell, at);
        assert.ok(h, `no hover on ${name}`);
        assert.ok(h.markdown.includes(repr), `${name}: expected ${repr}\n${h.markdown}`);
      }
    });
  }

  it('a pooling call shows the derivation per axis (the tutorial: 5×5, kernel 3)', () => {
    const c = cases.find((x) => x.name === 'tutorial maxpool floor')!;
    const out = c.tensors!.y.shape; // [1, 1, 1, 1] from PyTorch
    const p = createStaticProject();
    p.setCells(c.cells);
    const src = c.cells[0];
    const h = p.hover(0, src.indexOf('pool(input)') + 1)!;
    assert.ok(h.markdown.includes(`H = floor((5 + 0 - 2 - 1) / 3) + 1 = ${out[2]}`), h.markdown);
    assert.ok(h.markdown.includes(`W = floor((5 + 0 - 2 - 1) / 3) + 1 = ${out[3]}`), h.markdown);
  });

  it('a layer shows its effective parameters and, once applied, its derivation', () => {
    const c = cases.find((x) => x.name === 'tutorial maxpool floor')!;
    const p = createStaticProject();
    p.setCells(c.cells);
    const src = c.cells[0];
    const h = p.hover(0, src.indexOf('pool ='))!;
    assert.ok(h.markdown.includes('MaxPool2d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False)'), h.markdown);
    assert.ok(h.markdown.includes('H = floor('), h.markdown);
  });

  it('ceil mode is shown with ceil and the correction when the last window is dropped', () => {
    const c = cases.find((x) => x.name === 'dilation ceil')!;
    const p = createStaticProject();
    p.setCells(c.cells);
    const src = c.cells[0];
    const h = p.hover(0, src.lastIndexOf('b ='))!;
    // PyTorch: MaxPool2d(2, stride=2, padding=1, ceil_mode=True) on 5×5 gives 3×3
    assert.ok(h.markdown.includes(`Tensor[${c.tensors!.b.shape.join(', ')}]`), h.markdown);
    assert.ok(h.markdown.includes('H = ceil((5 + 2 - 1 - 1) / 2) + 1 = '), h.markdown);
  });

  it('the name of a called layer or function also shows what the call gives', () => {
    const c = cases.find((x) => x.name === 'tutorial maxpool floor')!;
    const p = createStaticProject();
    p.setCells(c.cells);
    const src = c.cells[0];
    const h = p.hover(0, src.indexOf('pool(input)') + 1)!;
    assert.ok(h.markdown.includes('**pool(…)** gives'), h.markdown);
    assert.ok(h.markdown.includes(`Tensor[${c.tensors!.y.shape.join(', ')}] float32`), h.markdown);
  });

  it('library functions and classes show their signature and doc', () => {
    const p = createStaticProject();
    p.setCells(['y = F.max_pool2d(x, 2)']);
    const h = p.hover(0, 'y = F.max'.length)!;
    assert.ok(h.markdown.includes('F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)'), h.markdown);
  });

  it('works in a half-typed cell and inside f-strings', () => {
    const p = createStaticProject();
    p.setCells(['x = torch.zeros(1, 1, 4, 4)\nprint(f"{x.shape}")\ny = F.avg_pool2d(x, 2']);
    const src = 'x = torch.zeros(1, 1, 4, 4)\nprint(f"{x.shape}")\ny = F.avg_pool2d(x, 2';
    assert.ok(p.hover(0, src.indexOf('{x') + 1)!.markdown.includes('Tensor[1, 1, 4, 4] float32'));
    assert.ok(p.hover(0, src.indexOf('shape') + 1)!.markdown.includes('torch.Size([1, 1, 4, 4])'));
    assert.ok(p.hover(0, src.lastIndexOf('x') + 1)!.markdown.includes('Tensor[1, 1, 4, 4] float32'));
  });

  it('says nothing where it knows nothing', () => {
    const p = createStaticProject();
    p.setCells(['def f(a):\n    return a\n# comment']);
    assert.strictEqual(p.hover(0, 'def f(a):\n    return '.length), undefined);
    assert.strictEqual(p.hover(0, 'def f(a):\n    return a\n# com'.length), undefined);
  });
});
