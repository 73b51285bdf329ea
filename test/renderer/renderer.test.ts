// The notebook renderer bundle (dist/renderer.js) in headless Chromium, fed the view models
// the kernel produces (test/fixtures/renderer/views.json, measured with PyTorch by
// scripts/gen_renderer_fixtures.py). Grids are found by their accessible roles (table /
// role=grid, td / role=gridcell), so the tests hold however the renderer styles them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TensorView, ValueView } from '../../src/common/viewModel';
import { Harness, openHarness } from './harness';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'renderer', 'views.json');
const views: Record<string, ValueView> = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).views;

/** The values of a tensor view, as numbers (base64 decoded like the renderer must). */
function values(view: TensorView): number[] {
  if (view.data.encoding === 'list') return view.data.values.map((v) => (typeof v === 'number' ? v : Number(v.replace('nan', 'NaN').replace('inf', 'Infinity'))));
  const bytes = Buffer.from(view.data.bytes, 'base64');
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  switch (view.dtype) {
    case 'float32': return Array.from(new Float32Array(buf));
    case 'float64': case 'int64': return Array.from(new Float64Array(buf));
    case 'int32': return Array.from(new Int32Array(buf));
    default: return Array.from(new Uint8Array(buf));
  }
}

interface GridInfo { cells: string[] }

/** Every grid in an output, with its data cells' texts in document order. */
async function grids(h: Harness, id: string): Promise<GridInfo[]> {
  return h.page.evaluate((outputId) => {
    const root = document.getElementById(outputId)!;
    const found = Array.from(root.querySelectorAll('table, [role="grid"], [role="table"]'));
    // Shadow roots too: a renderer may isolate its styles.
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) found.push(...Array.from(el.shadowRoot.querySelectorAll('table, [role="grid"], [role="table"]')));
    }
    return found.map((g) => ({
      cells: Array.from(g.querySelectorAll('td, [role="gridcell"], [role="cell"]'))
        .filter((c) => c.closest('table, [role="grid"], [role="table"]') === g)
        .map((c) => (c.textContent ?? '').trim()),
    }));
  }, id);
}

async function text(h: Harness, id: string): Promise<string> {
  return h.page.evaluate((outputId) => {
    const root = document.getElementById(outputId)!;
    let t = root.innerText;
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) t += '\n' + (el.shadowRoot as unknown as HTMLElement).textContent;
    return t;
  }, id);
}

function sameNumbers(cells: string[], expected: number[]): boolean {
  return cells.length === expected.length && cells.every((c, i) => {
    const v = Number.parseFloat(c.replace('−', '-'));
    return Number.isNaN(expected[i]) ? /nan/i.test(c) : Math.abs(v - expected[i]) <= 1e-4 * Math.max(1, Math.abs(expected[i]));
  });
}

const SHAPE = (dims: number[]) => new RegExp(dims.join('\\s*[×x,]\\s*'));

describe('renderer bundle in Chromium', function () {
  let h: Harness;
  let n = 0;
  const render = async (view: ValueView): Promise<string> => {
    const id = `out-${++n}`;
    await h.render(id, JSON.stringify(view));
    const errors = h.errors.splice(0);
    assert.deepStrictEqual(errors, [], 'no errors in the page while rendering');
    return id;
  };

  before(async () => { h = await openHarness(); });
  after(async () => {
    if (!h) return;
    // A picture of everything drawn, to look at: it catches what DOM assertions miss.
    const dir = path.resolve(__dirname, '..', '..', '.screenshots');
    fs.mkdirSync(dir, { recursive: true });
    await h.page.screenshot({ path: path.join(dir, 'renderer-harness.png'), fullPage: true });
    await h.close();
  });

  it('draws a pooled tensor as a grid with its values, shape and dtype', async () => {
    const view = views.maxpoolCeil as TensorView;
    const id = await render(view);
    const expected = values(view);
    const all = await grids(h, id);
    assert.ok(all.some((g) => sameNumbers(g.cells, expected)),
      `a grid with cells ${expected.join(', ')}; found ${JSON.stringify(all.map((g) => g.cells))}`);
    const t = await text(h, id);
    assert.match(t, SHAPE(view.shape), 'the shape label');
    assert.match(t, /float32/, 'the dtype');
  });

  it('draws the pooling input and the output-size derivation of a ceil_mode layer', async () => {
    const view = views.maxpoolCeil as TensorView;
    const id = await render(view);
    const input = values(view.pooling!.input);
    const all = await grids(h, id);
    assert.ok(all.some((g) => input.every((v) => g.cells.some((c) => Number.parseFloat(c) === v)) && g.cells.length >= input.length),
      `a grid of the ${input.length} input values; found ${JSON.stringify(all.map((g) => g.cells.length))}`);
    const t = await text(h, id);
    assert.match(t, /ceil/i, 'the derivation uses ceil');
  });

  it('decodes base64 typed-array data', async () => {
    const view = views.base64Float as TensorView;
    assert.strictEqual(view.data.encoding, 'base64');
    const id = await render(view);
    const expected = values(view);
    const all = await grids(h, id);
    assert.ok(all.some((g) => sameNumbers(g.cells, expected)),
      `a grid with cells ${expected.join(', ')}; found ${JSON.stringify(all.map((g) => g.cells))}`);
  });

  it('shows nan and infinities as PyTorch names them', async () => {
    const id = await render(views.nonFinite);
    const t = await text(h, id);
    assert.match(t, /nan/);
    assert.match(t, /-inf/);
  });

  it('draws a large tensor as a picture, not a grid of thousands of cells', async () => {
    const view = views.large as TensorView;
    const id = await render(view);
    const all = await grids(h, id);
    const biggest = Math.max(0, ...all.map((g) => g.cells.length));
    assert.ok(biggest <= 400, `no grid past display.gridMaxCells (400); largest has ${biggest}`);
    const pictures = await h.page.evaluate((outputId) => document.getElementById(outputId)!.querySelectorAll('canvas, img, svg').length, id);
    assert.ok(pictures > 0, 'a canvas, image or svg draws it');
    assert.match(await text(h, id), SHAPE(view.shape));
  });

  it('shows a module with its effective parameters', async () => {
    const id = await render(views.module);
    const t = await text(h, id);
    assert.match(t, /MaxPool2d/);
    assert.match(t, /ceil_mode/);
  });

  it('shows a text value as text', async () => {
    const id = await render(views.text);
    assert.match(await text(h, id), /torch\.Size\(\[1, 1, 5, 5\]\)/);
  });
});
