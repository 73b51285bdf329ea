// 3-D max pooling through the 2-D kernel and a fold across depth (src/engine/fast/maxPool3d.ts):
// values and indices bit-identical to the reference on random geometries full of NaN, ±inf, ±0
// and ties, with depth padding, dilation and ceil mode; windows entirely in depth padding are
// left to the reference.
import { strict as assert } from 'assert';
import { Tensor } from '../../../src/engine/tensor';
import { maxPool } from '../../../src/engine/pool';
import { fastKernelCalls, setFastKernelsDisabled, setTinyWorkThreshold } from '../../../src/engine/fast';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function awkward(shape: number[], r: () => number): Tensor {
  const t = Tensor.empty(shape, 'float32');
  const s = t.storage as Float32Array;
  for (let i = 0; i < s.length; i++) {
    const u = r();
    s[i] = u < 0.04 ? NaN : u < 0.08 ? -Infinity : u < 0.1 ? Infinity : u < 0.15 ? (r() < 0.5 ? 0 : -0) : Math.floor(r() * 7) - 3;
  }
  return t;
}

function run(x: Tensor, a: Parameters<typeof maxPool>[2], fast: boolean): { out: number[]; idx: number[] } | string {
  setFastKernelsDisabled(!fast);
  try {
    const r = maxPool(3, x, a);
    const bits = new Uint32Array(Float32Array.from(r.output.storage as Float32Array).buffer);
    return { out: Array.from(bits), idx: r.indices ? Array.from(r.indices.storage) : [] };
  } catch (e) {
    return (e as Error).message;
  } finally {
    setFastKernelsDisabled(false);
  }
}

describe('engine/fast: 3-D max pooling (2-D kernel per depth slice, then a fold across depth)', () => {
  before(() => setTinyWorkThreshold(0));
  after(() => setTinyWorkThreshold(1024));

  it('gives the reference\'s values and indices on 300 random geometries', () => {
    const r = rng(31);
    const pick = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    let ran = 0;
    const calls = fastKernelCalls();
    for (let c = 0; c < 300; c++) {
      const k = [pick(1, 3), pick(1, 3), pick(1, 3)];
      const args = {
        kernelSize: k, stride: [pick(1, 3), pick(1, 3), pick(1, 3)],
        padding: k.map((kk) => pick(0, kk >> 1)), dilation: [pick(1, 2), pick(1, 2), pick(1, 2)],
        ceilMode: r() < 0.5, returnIndices: r() < 0.6,
      };
      const shape = r() < 0.3 ? [pick(1, 3), pick(1, 9), pick(1, 9), pick(1, 9)] : [pick(1, 2), pick(1, 3), pick(1, 9), pick(1, 9), pick(1, 9)];
      const x = awkward(shape, r);
      const ref = run(x, args, false), fast = run(x, args, true);
      assert.deepEqual(fast, ref, `case ${c}: ${JSON.stringify({ shape, args })}`);
      if (typeof ref !== 'string') ran++;
    }
    assert.ok(ran > 150, `only ${ran} geometries were valid`);
    assert.ok(fastKernelCalls() - calls > 100, 'the kernels did not run');
  });
});
