// The engine's own copy of ATen's reduction order (used by adaptive avg pooling to 1 for
// float64, and for float32 whenever the WebAssembly fast path declines), checked directly
// against the PyTorch fixtures of that path, bypassing the fast path.

import * as assert from 'assert';
import { atenMean } from '../../../src/engine/pool/atenSum';
import { decode, loadGroups } from './fixtureCodec';

describe('ATen mean summation order (adaptive average pooling to all-ones)', () => {
  const cases = loadGroups().flatMap((g) => g.cases).filter((c) => c.meanPath && 'outputs' in c.expect);
  it(`matches PyTorch bit for bit on ${cases.length} mean-path fixtures (float32 and float64, planes of 1..2100)`, () => {
    let checked = 0;
    for (const c of cases) {
      const x = decode(c.input);
      const want = decode((c.expect as { outputs: any[] }).outputs[0]);
      const planes = want.numel;
      if (planes === 0) continue;
      const n = x.numel / planes;
      for (let p = 0; p < planes; p++) {
        const got = atenMean(x.storage, p * n, n, x.dtype === 'float32');
        const w = want.at(p);
        assert.ok(Object.is(got, w), `${c.id} plane ${p} (n=${n}, ${x.dtype}): ${got} vs ${w}`);
        checked++;
      }
    }
    assert.ok(checked > 100);
  });
});
