// The renderer's pure helpers (no DOM): decoding view-model data and formatting values.
import { strict as assert } from 'assert';
import { finiteRange, formatValue, planeIndex, planeLayout, tensorValues } from '../../../src/renderer/data';
import type { TensorView } from '../../../src/common/viewModel';

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const view = (dtype: TensorView['dtype'], data: TensorView['data'], shape: number[]): TensorView => ({ kind: 'tensor', dtype, data, shape, text: '' });

describe('renderer data helpers', () => {
  it('decodes JSON lists with non-finite strings', () => {
    assert.deepEqual(Array.from(tensorValues(view('float32', { encoding: 'list', values: [1, 'nan', 'inf', '-inf'] }, [4]))),
      [1, NaN, Infinity, -Infinity]);
  });

  it('decodes base64 typed-array bytes for every dtype', () => {
    const f32 = new Float32Array([0.1, -2, NaN]);
    assert.deepEqual(Array.from(tensorValues(view('float32', { encoding: 'base64', bytes: b64(f32) }, [3]))), Array.from(f32));
    const f64 = new Float64Array([0.1, 2 ** 53, -Infinity]);
    assert.deepEqual(Array.from(tensorValues(view('float64', { encoding: 'base64', bytes: b64(f64) }, [3]))), Array.from(f64));
    assert.deepEqual(Array.from(tensorValues(view('int64', { encoding: 'base64', bytes: b64(new Float64Array([5, -7])) }, [2]))), [5, -7]);
    assert.deepEqual(Array.from(tensorValues(view('int32', { encoding: 'base64', bytes: b64(new Int32Array([-3, 4])) }, [2]))), [-3, 4]);
    assert.deepEqual(Array.from(tensorValues(view('uint8', { encoding: 'base64', bytes: b64(new Uint8Array([0, 255])) }, [2]))), [0, 255]);
  });

  it('formats values compactly, keeping nan and inf as PyTorch names them', () => {
    const cases: Array<[number, string, string]> = [
      [2, 'float32', '2'], [1.5, 'float32', '1.5'], [14 / 9, 'float32', '1.556'], [-0.000123, 'float32', '-1.23e-4'],
      [123456, 'float32', '1.23e+5'], [NaN, 'float32', 'nan'], [-Infinity, 'float64', '-inf'], [7, 'int64', '7'],
      [1, 'bool', 'True'], [0, 'float32', '0'],
    ];
    for (const [v, dtype, text] of cases) assert.equal(formatValue(v, dtype), text, `${v} ${dtype}`);
  });

  it('splits shapes into labelled planes', () => {
    assert.deepEqual(planeLayout([2, 3, 4, 5]), { lead: [2, 3], rows: 4, cols: 5, planes: 6 });
    assert.deepEqual(planeLayout([7]), { lead: [], rows: 1, cols: 7, planes: 1 });
    assert.deepEqual(planeIndex([2, 3], 4), [1, 1]);
    assert.deepEqual(finiteRange([NaN, 3, -1, Infinity]), { min: -1, max: 3, finite: 2, low: -1, high: Infinity, nan: 1 });
    // the header's extremes: NaN skipped, ±inf kept (was "min 1.5 · max 1.5" for [1.5, nan, inf, -inf])
    assert.deepEqual(finiteRange([1.5, NaN, Infinity, -Infinity]), { min: 1.5, max: 1.5, finite: 1, low: -Infinity, high: Infinity, nan: 1 });
    assert.deepEqual(finiteRange([NaN, NaN]), { min: 0, max: 0, finite: 0, nan: 2 });
  });
});
