import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { computeOutputSize } from '../../../src/extension/outputSizeCompute';
import { buildCellCode, findLayer, LAYERS, parseLayerArgs, parseShape } from '../../../src/extension/outputSizeInput';

interface Case { layer: string; settings: string; shape: number[]; outputShape?: number[]; indicesShape?: number[]; error?: string }
const fixture: { cases: Case[] } = JSON.parse(fs.readFileSync(
  path.join(__dirname, '../../fixtures/extension/output_size_cases.json'), 'utf8'));

describe('Compute Output Size: parsing the input shape', () => {
  const ok: Array<[string, number[]]> = [
    ['1,3,32,32', [1, 3, 32, 32]], ['1x3x32x32', [1, 3, 32, 32]], [' 1 x 3 X 32 × 32 ', [1, 3, 32, 32]],
    ['(1, 3, 32, 32)', [1, 3, 32, 32]], ['[1, 3, 32, 32]', [1, 3, 32, 32]], ['torch.Size([1, 3, 32, 32])', [1, 3, 32, 32]],
    ['1 3 32 32', [1, 3, 32, 32]], ['(5,)', [5]], ['0,4,4', [0, 4, 4]],
  ];
  for (const [text, shape] of ok) it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseShape(text), { ok: true, value: shape }));

  const bad: Array<[string, RegExp]> = [
    ['', /Enter the input size/], ['1,3,a,32', /"a" is not a size/], ['1,,3', /"" is not a size/],
    ['1.5,3', /"1.5" is not a size/], ['-1,3', /"-1" is not a size/], ['1,1,1,1,1,1', /6 dimensions/],
  ];
  for (const [text, message] of bad) {
    it(`explains what is wrong with ${JSON.stringify(text)}`, () => {
      const r = parseShape(text);
      assert.equal(r.ok, false);
      assert.match((r as { message: string }).message, message);
    });
  }
});

describe('Compute Output Size: parsing the layer settings', () => {
  const maxPool2d = findLayer('MaxPool2d')!;
  it('binds positional then keyword arguments in PyTorch order, filling defaults', () => {
    const r = parseLayerArgs(maxPool2d, '3, 2, ceil_mode=True');
    assert.ok(r.ok);
    assert.deepEqual(r.value.values, { kernel_size: 3, stride: 2, padding: 0, dilation: 1, return_indices: false, ceil_mode: true });
    assert.equal(r.value.source, '3, 2, ceil_mode=True');
  });
  it('reads tuples, lists, None and normalises the spelling', () => {
    const r = parseLayerArgs(maxPool2d, 'kernel_size=[3,2],stride=None, padding=( 1 , 0 )');
    assert.ok(r.ok);
    assert.deepEqual(r.value.values.kernel_size, [3, 2]);
    assert.equal(r.value.values.stride, null);
    assert.equal(r.value.source, 'kernel_size=(3, 2), stride=None, padding=(1, 0)');
  });
  const bad: Array<[string, string, RegExp]> = [
    ['MaxPool2d', 'stride=2', /MaxPool2d needs "kernel_size"/],
    ['MaxPool2d', 'kernel=2', /MaxPool2d has no setting "kernel"; its settings are: kernel_size, stride/],
    ['MaxPool2d', 'kernel_size=2, 3', /cannot follow a named setting/],
    ['MaxPool2d', '2, kernel_size=3', /"kernel_size" is given twice/],
    ['MaxPool2d', '2, 2, 0, 1, False, False, 7', /takes at most 6 settings/],
    ['MaxPool2d', 'kernel_size=', /"kernel_size" needs a value/],
    ['MaxPool2d', 'kernel_size=two', /"two" is not a value/],
    ['AvgPool1d', '2, divisor_override=2', /AvgPool1d has no setting "divisor_override"/],
    ['LPPool2d', 'kernel_size=2', /LPPool2d needs "norm_type"/],
  ];
  for (const [name, text, message] of bad) {
    it(`${name}(${text}) is refused with a clear message`, () => {
      const r = parseLayerArgs(findLayer(name)!, text);
      assert.equal(r.ok, false);
      assert.match((r as { message: string }).message, message);
    });
  }
  it('offers an example for every layer that parses', () => {
    for (const layer of LAYERS) assert.ok(parseLayerArgs(layer, layer.example).ok, layer.name);
  });
});

describe('Compute Output Size: the cell it inserts', () => {
  it('builds the layer, an input of the shape and shows the output shape', () => {
    const layer = findLayer('MaxPool2d')!;
    const args = parseLayerArgs(layer, '3, ceil_mode=True');
    assert.ok(args.ok);
    assert.equal(buildCellCode(layer, args.value, [1, 3, 32, 32]),
      'x = torch.rand(1, 3, 32, 32)\npool = nn.MaxPool2d(3, ceil_mode=True)\ny = pool(x)\ny.shape');
  });
  it('unpacks (output, indices) when the layer returns indices', () => {
    const layer = findLayer('AdaptiveMaxPool2d')!;
    const args = parseLayerArgs(layer, '(2, 2), return_indices=True');
    assert.ok(args.ok);
    assert.match(buildCellCode(layer, args.value, [1, 1, 4, 4]), /\ny, indices = pool\(x\)\ny\.shape$/);
  });
  it('gives MaxUnpool the indices it needs', () => {
    const layer = findLayer('MaxUnpool2d')!;
    const args = parseLayerArgs(layer, '2');
    assert.ok(args.ok);
    assert.equal(buildCellCode(layer, args.value, [1, 1, 2, 2]),
      'x = torch.rand(1, 1, 2, 2)\nindices = torch.zeros(1, 1, 2, 2, dtype=torch.long)\nunpool = nn.MaxUnpool2d(2)\ny = unpool(x, indices)\ny.shape');
  });
});

describe('Compute Output Size: answers match PyTorch (test/fixtures/extension/output_size_cases.json)', () => {
  for (const c of fixture.cases) {
    it(`nn.${c.layer}(${c.settings}) on [${c.shape.join(', ')}]`, () => {
      const layer = findLayer(c.layer);
      assert.ok(layer, c.layer);
      const args = parseLayerArgs(layer, c.settings);
      assert.ok(args.ok, JSON.stringify(args));
      const answer = computeOutputSize(layer, args.value, c.shape);
      if (c.error) {
        assert.equal(answer.ok, false, answer.text);
        assert.equal((answer as { error: string }).error, c.error);
        assert.ok(answer.text.includes(c.error));
      } else {
        assert.ok(answer.ok, answer.text);
        assert.deepEqual(answer.outputShape, c.outputShape);
        assert.deepEqual(answer.indicesShape, c.indicesShape);
        assert.ok(answer.text.includes(`torch.Size([${c.outputShape!.join(', ')}])`), answer.text);
      }
    });
  }
  it('writes the per-axis derivation with the user\'s numbers', () => {
    const layer = findLayer('MaxPool1d')!;
    const args = parseLayerArgs(layer, '2, 2, padding=1, ceil_mode=True');
    assert.ok(args.ok);
    const answer = computeOutputSize(layer, args.value, [1, 1, 5]);
    assert.ok(answer.ok);
    assert.match(answer.text, /L_out = ceil\(\(L \+ 2p - \(k-1\) - 1\) \/ s\) \+ 1\n {6}= ceil\(\(5 \+ 2 - 1 - 1\) \/ 2\) \+ 1 = 3/);
    assert.match(answer.text, /ceil correction/);
  });
});
