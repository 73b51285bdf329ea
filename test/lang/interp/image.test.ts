// image(path, mode=...) against what torchvision's ToTensor gives for the same files
// (fixtures from scripts/gen_image_fixtures.py: PIL + torch 1.13.1). PNG decoding is
// exact; JPEG decoders differ slightly (libjpeg vs jpeg-js), hence its tolerance.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PoolSession } from '../../../src/lang/session';
import type { TensorView } from '../../../src/common/viewModel';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'interp', 'images');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, {
  file: string; mode: string | null; shape: number[]; values: number[]; tolerance: number;
}>;

const session = () => new PoolSession({ listLimit: Infinity, io: { readFile: async (p) => new Uint8Array(fs.readFileSync(path.join(DIR, p))) } });

describe('image()', () => {
  for (const [name, c] of Object.entries(expected)) {
    it(`${name} is ToTensor's result`, async () => {
      const call = c.mode === null ? `image(${JSON.stringify(c.file)})` : `image(${JSON.stringify(c.file)}, mode=${JSON.stringify(c.mode)})`;
      const r = await session().run(call);
      assert.strictEqual(r.error, undefined, JSON.stringify(r.error));
      const v = (r.outputs[0] as { view: TensorView }).view;
      assert.deepStrictEqual([v.shape, v.dtype], [c.shape, 'float32']);
      const values = (v.data as { values: number[] }).values;
      let worst = 0;
      values.forEach((x, i) => { worst = Math.max(worst, Math.abs(x - c.values[i])); });
      assert.ok(worst <= c.tolerance, `largest difference ${worst}`);
    });
  }

  it('pools a picture like any tensor', async () => {
    const r = await session().run('img = image("photo.jpg", mode="gray")\nprint(nn.MaxPool2d(2)(img).shape)');
    assert.strictEqual(r.outputs[0].text, 'torch.Size([1, 1, 16, 16])\n');
  });

  it('says clearly when the file is missing or not a picture', async () => {
    const missing = await session().run('image("nope.png")');
    assert.deepStrictEqual([missing.error?.type, missing.error?.message], ['FileNotFoundError', "[Errno 2] No such file or directory: 'nope.png'"]);
    const notPic = await session().run('image("expected.json")');
    assert.strictEqual(notPic.error?.type, 'ValueError');
    const badMode = await session().run('image("rgb.png", mode="cmyk")');
    assert.strictEqual(badMode.error?.type, 'ValueError');
  });
});
