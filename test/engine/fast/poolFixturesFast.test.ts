// The engine's PyTorch conformance fixtures (test/fixtures/pool, generated from real PyTorch
// 1.13.1 by scripts/gen_pool_fixtures.py) re-run with the fast kernels forced on for every size:
// each case must give exactly what it gives with the kernels off (the TypeScript reference), and
// the groups the kernels serve must match PyTorch outright.
import { strict as assert } from 'assert';
import { fastKernelCalls, setFastKernelsDisabled, setTinyWorkThreshold } from '../../../src/engine/fast';
import { checkCase, loadGroups } from '../pool/fixtureCodec';

const groups = loadGroups();
// groups the kernels serve, with the least number of kernel calls their float32 cases make
const SERVED: Record<string, number> = { max_pool: 50, avg_pool: 50, adaptive: 10, fuzz: 1, edges: 1 };

describe('engine/fast: PyTorch fixtures through the WebAssembly kernels', () => {
  before(() => setTinyWorkThreshold(0));
  after(() => { setTinyWorkThreshold(1024); setFastKernelsDisabled(false); });

  for (const { group, cases } of groups) {
    it(`${group}: ${cases.length} cases give the reference's result with the kernels on`, () => {
      const before = fastKernelCalls();
      const differ: string[] = [];
      for (const c of cases) {
        setFastKernelsDisabled(true);
        const ref = checkCase(c);
        setFastKernelsDisabled(false);
        const fast = checkCase(c);
        if (fast !== ref) differ.push(`${c.id}: reference ${ref ?? 'matches PyTorch'}, fast ${fast ?? 'matches PyTorch'}`);
        if (group in SERVED) assert.equal(fast, undefined, `${c.id} ${JSON.stringify(c.args)}: ${fast}`);
      }
      assert.deepEqual(differ, []);
      if (group in SERVED) assert.ok(fastKernelCalls() - before >= SERVED[group], `only ${fastKernelCalls() - before} kernel calls in ${group}`);
    });
  }
});
