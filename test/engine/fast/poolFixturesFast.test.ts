// The engine's PyTorch conformance fixtures (test/fixtures/pool, generated from real PyTorch
// 1.13.1 by scripts/gen_pool_fixtures.py) re-run with the fast kernels forced on for every size:
// each case must give exactly what it gives with the kernels off (the TypeScript reference), and
// the groups the kernels serve must match PyTorch outright.
import { strict as assert } from 'assert';
import {
  fastKernelCalls, inPlaceKernelCalls, parallelKernelCalls, reloadKernelsForTest, setArenaTestPolicy, setFastKernelsDisabled,
  setKernelPeerSpawner, setParallelTestPolicy, setTinyWorkThreshold, wasmKernels,
} from '../../../src/engine/fast';
import { realPeer } from './realPeer';
import { checkCase, loadGroups } from '../pool/fixtureCodec';

const groups = loadGroups();
// groups the kernels serve, with the least number of kernel calls their float32 cases make
const SERVED: Record<string, number> = { max_pool: 50, avg_pool: 50, adaptive: 10, fuzz: 1, edges: 1 };

const MODES = {
  heap: '',
  privateMemory: ', kernels over a private memory (a host without SharedArrayBuffer), every float32 tensor in its arena',
  arena: ', every float32 tensor in the arena (kernels in place)',
  twoThreads: ', every float32 tensor in the arena and every kernel call split between two threads',
};
for (const [mode, title] of Object.entries(MODES))
describe(`engine/fast: PyTorch fixtures through the WebAssembly kernels${title}`, function () {
  const arena = mode !== 'heap';
  this.timeout(60_000);
  before(() => {
    setTinyWorkThreshold(0);
    if (mode === 'privateMemory') { reloadKernelsForTest(false); assert.equal(wasmKernels()?.sharedMemory, null); }
    if (arena) setArenaTestPolicy({ minElements: 0, reusedMayTakeFresh: true });
    if (mode === 'twoThreads') { setKernelPeerSpawner(realPeer); setParallelTestPolicy({ minReads: 0 }); }
  });
  after(() => {
    if (mode === 'privateMemory') reloadKernelsForTest(true);
    setTinyWorkThreshold(1024); setFastKernelsDisabled(false); setArenaTestPolicy({});
    setKernelPeerSpawner(null); setParallelTestPolicy({});
  });

  for (const { group, cases } of groups) {
    it(`${group}: ${cases.length} cases give the reference's result with the kernels on`, () => {
      const before = fastKernelCalls(), beforeInPlace = inPlaceKernelCalls(), beforeParallel = parallelKernelCalls();
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
      const calls = fastKernelCalls() - before, inPlace = inPlaceKernelCalls() - beforeInPlace;
      if (group in SERVED) assert.ok(calls >= SERVED[group], `only ${calls} kernel calls in ${group}`);
      // with every storage in the arena, every kernel call reads its input in place
      if (arena) assert.equal(inPlace, calls, `${calls - inPlace} of ${calls} kernel calls copied their input`);
      else assert.equal(inPlace, 0);
      const parallel = parallelKernelCalls() - beforeParallel;
      if (mode === 'twoThreads' && group in SERVED) assert.ok(parallel > 0, `no call in ${group} ran on two threads`);
      if (mode !== 'twoThreads') assert.equal(parallel, 0);
    });
  }
});
