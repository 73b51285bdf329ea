// The pooling benchmark (`npm run bench`, bundled and started by scripts/bench.js, one process per
// workload). For each of the issue's workloads it times, in one run: the naive nested-loop JS
// reference; poolnb through the engine's public call path on one thread (validation, output
// allocation, fast kernels) on a tensor allocated as the interpreter allocates it (in the tensor
// arena, src/engine/fast/arena.ts); the same call on a JS-heap tensor (what a host without
// WebAssembly memory to spare gets: bands copied through scratch); "kernels in place 1 thr", the
// kernels alone without validation or output allocation; the same engine call with its second
// thread (src/engine/fast/parallel.ts: planes split between this thread and a worker_thread, as
// in the CLI and the notebook sessions); and PyTorch (bench/torch_bench.py via /usr/bin/python3,
// single thread, timed right after; skipped with a note when torch is missing). It prints median
// ms over >= 7 runs, GB/s (input + output bytes), and ratios against the measured PyTorch and the
// issue's best-peer figures. `--json`: one JSON object per line.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { adaptiveAvgPool, avgPool, maxPool } from '../src/engine/pool';
import { Tensor } from '../src/engine/tensor';
import { getArenaBudget, inArena, parallelKernelCalls, setArenaBudget, setKernelPeerSpawner, wasmKernels } from '../src/engine/fast';
import { KIND, PoolJob, runSlice, threadScratchBytes } from '../src/engine/fast/parallel';
import { nodeKernelPeerSpawner } from '../src/host/nodeKernelPeer';
import { naiveAvgPool2d, naiveMaxPool2d, naiveMeanPlanes } from './naiveReference';

/**
 * Figures quoted in the issue "Pooling engine" (median ms, single thread unless noted, "this kind of
 * machine"): the best peers are ONNX Runtime, PyTorch with oneDNN or channels-last, TF.js WASM-SIMD.
 * W5 is per call in ms (PyTorch 1.4 µs, ONNX Runtime 8 µs; the goal is under 2 µs).
 */
const ISSUE = {
  naiveJs: { W1: 175, W2: 101, W3: 167, W4: 5.1 },
  pytorchNchw: { W1: 98, W2: 43, W3: 42, W4: 0.63, W5: 0.0014 },
  bestPeer: { W1: 14, W2: 3.3, W3: 6.6, W4: 0.50, W5: 0.0014 },
  cFloor: { W1: 8, W2: 1.2, W3: 1.3, W4: 0.47 },
  w5GoalMs: 0.002,
} as const;

type WName = 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
interface Row { workload: WName; impl: string; median_ms: number | null; gbps: number | null; note?: string; min_ms?: number | null }

const json = process.argv.includes('--json');
/** `--only=W4`: the workloads this process times (scripts/bench.js runs each in a fresh process). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['W1', 'W2', 'W3', 'W4', 'W5'];
const SUMMARY = process.argv.includes('--summary');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 9);

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The fastest run of the last time()/timePerCall() (shown beside the median: the machine may be shared). */
let lastMin = 0;

/**
 * Median ms of RUNS timed calls after three warm-up calls (the first calls of a fresh process
 * write their outputs into never-touched pages, until the first collections let memory be reused).
 */
function time(fn: () => void, runs = RUNS): number {
  for (let i = 0; i < 3; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  lastMin = Math.min(...t);
  return median(t);
}

/** Median per-call ms over RUNS batches of `batch` calls (for the tiny W5). */
function timePerCall(fn: () => void, batch: number): number {
  for (let i = 0; i < batch; i++) fn();
  const t: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const a = performance.now();
    for (let i = 0; i < batch; i++) fn();
    t.push((performance.now() - a) / batch);
  }
  lastMin = Math.min(...t);
  return median(t);
}

function fill(a: Float32Array, seed: number): Float32Array {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = (s / 4294967296 - 0.5) * 8;
  }
  return a;
}

interface Workload {
  name: WName; shape: [number, number, number, number]; outShape: [number, number, number, number];
  job: PoolJob;
  engine: (t: Tensor) => unknown;
  naive: (x: Float32Array, y: Float32Array) => void;
}

function pooled(L: number, k: number, s: number, p: number, ceil: boolean): number {
  const o = Math.floor((L + 2 * p - (k - 1) - 1 + (ceil ? s - 1 : 0)) / s) + 1;
  return ceil && (o - 1) * s >= L + p ? o - 1 : o;
}

function poolWorkload(name: WName, shape: [number, number, number, number], kind: 1 | 2, k: number, s: number, p: number,
                      ceil: boolean, cip: boolean): Workload {
  const [N, C, H, W] = shape;
  const OH = pooled(H, k, s, p, ceil), OW = pooled(W, k, s, p, ceil);
  const job: PoolJob = { kind, planes: N * C, H, W, OH, OW, kH: k, kW: k, sH: s, sW: s, pH: p, pW: p, dH: 1, dW: 1,
    countIncludePad: cip, divisorOverride: null };
  return {
    name, shape, outShape: [N, C, OH, OW], job,
    engine: kind === KIND.MAX
      ? (t) => maxPool(2, t, { kernelSize: k, stride: s, padding: p, ceilMode: ceil })
      : (t) => avgPool(2, t, { kernelSize: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: cip }),
    naive: kind === KIND.MAX
      ? (x, y) => naiveMaxPool2d(x, N * C, H, W, k, k, s, s, p, p, 1, 1, OH, OW, y, null)
      : (x, y) => naiveAvgPool2d(x, N * C, H, W, k, k, s, s, p, p, OH, OW, cip, null, y),
  };
}

const WORKLOADS: Workload[] = [
  poolWorkload('W1', [1, 64, 512, 512], KIND.MAX, 2, 2, 0, false, true),
  poolWorkload('W2', [8, 64, 112, 112], KIND.MAX, 3, 2, 1, false, true),
  poolWorkload('W3', [1, 64, 256, 256], KIND.AVG, 3, 1, 1, false, false),
  {
    name: 'W4', shape: [32, 2048, 7, 7], outShape: [32, 2048, 1, 1],
    job: { kind: KIND.MEAN, planes: 32 * 2048, H: 7, W: 7, OH: 1, OW: 1, kH: 7, kW: 7, sH: 1, sW: 1, pH: 0, pW: 0,
      dH: 1, dW: 1, countIncludePad: true, divisorOverride: null },
    engine: (t) => adaptiveAvgPool(2, t, 1),
    naive: (x, y) => naiveMeanPlanes(x, 32 * 2048, 49, y),
  },
];

const numel = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** PyTorch's median for one workload, timed right after poolnb's (see bench/torch_bench.py). */
function torchRows(workload: WName): { rows: Map<string, number>; note?: string } {
  const script = path.join(process.env.POOLNB_ROOT ?? path.join(__dirname, '..'), 'bench', 'torch_bench.py');
  const r = spawnSync('/usr/bin/python3', [script, String(RUNS), workload], { encoding: 'utf8', timeout: 600_000 });
  const rows = new Map<string, number>();
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr || '').trim().split('\n').pop();
    return { rows, note: `PyTorch skipped: ${why || `exit ${r.status}`}` };
  }
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { workload: string; median_ms: number };
    rows.set(o.workload, o.median_ms);
  }
  return { rows };
}

function fmt(x: number | null, digits = 2): string {
  if (x === null) return '—';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x < 0.01 ? x.toExponential(2) : x.toFixed(digits);
}

function main(): void {
  if (SUMMARY) { summary(); return; }
  let torchNote: string | undefined;
  const all: Row[] = [];
  const emit = (rows: Row[], bytes: number | null) => {
    all.push(...rows);
    if (json) {
      for (const r of rows) console.log(JSON.stringify({ workload: r.workload, impl: r.impl, median_ms: r.median_ms, gbps: r.gbps }));
      return;
    }
    const w = rows[0].workload;
    const pt = rows.find((r) => r.impl.startsWith('pytorch'))?.median_ms ?? null;
    const best = ISSUE.bestPeer[w];
    console.log(`\n${w}${bytes ? `  (${(bytes / 1e6).toFixed(1)} MB in+out)` : '  (per call)'}`);
    console.log('  impl                      median ms     (min)     GB/s   vs PyTorch(measured)   vs best peer (issue)');
    for (const r of rows) {
      const vsPt = r.median_ms !== null && pt !== null ? `${fmt(r.median_ms / pt)}x` : '—';
      const vsBest = r.median_ms !== null ? `${fmt(r.median_ms / best)}x` : '—';
      const t = (v: number | null | undefined) => v == null ? '—' : w === 'W5' ? `${(v * 1000).toFixed(2)} µs` : fmt(v, 3);
      const ms = t(r.median_ms), mn = r.min_ms == null ? '' : `(${t(r.min_ms)})`;
      console.log(`  ${r.impl.padEnd(24)}  ${ms.padStart(9)} ${mn.padStart(11)}  ${fmt(r.gbps).padStart(7)}   ${vsPt.padStart(12)}           ${vsBest.padStart(8)}${r.note ? '   ' + r.note : ''}`);
    }
  };

  for (const wl of WORKLOADS.filter((w) => ONLY.includes(w.name))) {
    const inN = numel(wl.shape), outN = numel(wl.outShape);
    const bytes = (inN + outN) * 4;
    const gbps = (ms: number) => bytes / (ms * 1e6);
    const x = fill(new Float32Array(inN), 12345);
    const yNaive = new Float32Array(outN);
    const rows: Row[] = [];
    const tNaive = time(() => wl.naive(x, yNaive));
    rows.push({ workload: wl.name, impl: 'naive JS loops', median_ms: tNaive, min_ms: lastMin, gbps: gbps(tNaive) });
    // the engine call path, on a tensor allocated as the interpreter allocates them (Tensor.empty:
    // in the kernels' memory, src/engine/fast/arena.ts)
    const xt = Tensor.empty(wl.shape, 'float32');
    (xt.storage as Float32Array).set(x);
    const output = (r: unknown) => (r instanceof Tensor ? r : (r as { output: Tensor }).output).storage as Float32Array;
    let one: Float32Array | undefined;
    const tOne = time(() => { one = output(wl.engine(xt)); });
    rows.push({ workload: wl.name, impl: 'poolnb 1 thread', median_ms: tOne, min_ms: lastMin, gbps: gbps(tOne),
      note: inArena(xt.storage as Float32Array) ? undefined : 'input in the JS heap: the arena is full or off' });
    // the same call on a JS-heap tensor: what a host without WebAssembly memory to spare gets
    const budget = getArenaBudget();
    setArenaBudget(0);
    const xh = Tensor.empty(wl.shape, 'float32');
    (xh.storage as Float32Array).set(x);
    const tHeap = time(() => wl.engine(xh));
    setArenaBudget(budget);
    rows.push({ workload: wl.name, impl: 'poolnb 1 thr, heap tensors', median_ms: tHeap, min_ms: lastMin, gbps: gbps(tHeap) });
    // the kernels alone, in place (no validation, no output allocation): the floor of the engine path
    const w = wasmKernels()!;
    const yIn = Tensor.empty(wl.outShape, 'float32').storage as Float32Array;
    const scratch = w.scratch(threadScratchBytes(wl.job));
    const inAt = w.addressOf(xt.storage as Float32Array), outAt = w.addressOf(yIn);
    const tHere = inAt < 0 || outAt < 0 ? null : time(() => runSlice(w.k, wl.job, 0, wl.job.planes, inAt, outAt, 0, scratch));
    rows.push({ workload: wl.name, impl: 'kernels in place 1 thr', median_ms: tHere, min_ms: lastMin, gbps: tHere && gbps(tHere) });
    // the engine call path again, with its second thread (what the CLI and the notebook sessions do)
    setKernelPeerSpawner(nodeKernelPeerSpawner(__dirname));
    const calls = parallelKernelCalls();
    let two: Float32Array | undefined;
    const tPar = time(() => { two = output(wl.engine(xt)); });
    const split = parallelKernelCalls() > calls;
    setKernelPeerSpawner(null);
    rows.push({ workload: wl.name, impl: 'poolnb 2 threads', median_ms: tPar, min_ms: lastMin, gbps: gbps(tPar),
      note: split ? undefined : 'ran on one thread (no second core, or no peer)' });
    // the implementations must agree (bit for bit, W4's naive mean excepted: it sums sequentially)
    const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
    if (!same(one!, two!)) throw new Error(`${wl.name}: 1-thread and 2-thread results differ`);
    if (tHere !== null && !same(one!, yIn)) throw new Error(`${wl.name}: engine and in-place kernel results differ`);
    if (wl.name !== 'W4' && !same(one!, yNaive)) throw new Error(`${wl.name}: engine and naive results differ`);
    const torch = torchRows(wl.name);
    torchNote = torch.note;
    const pt = torch.rows.get(wl.name) ?? null;
    rows.push({ workload: wl.name, impl: 'pytorch (1 thread)', median_ms: pt, gbps: pt === null ? null : gbps(pt), note: torch.note });
    emit(rows, bytes);
  }

  // W5: MaxPool2d(3, ceil_mode=True) on 1x1x5x5, the whole engine call per call
  if (ONLY.includes('W5')) {
    const x = fill(new Float32Array(25), 7);
    const xt = new Tensor('float32', x, [1, 1, 5, 5]);
    const y = new Float32Array(4);
    const rows: Row[] = [];
    const tNaive = timePerCall(() => naiveMaxPool2d(x, 1, 5, 5, 3, 3, 3, 3, 0, 0, 1, 1, 2, 2, y, null), 200_000);
    rows.push({ workload: 'W5', impl: 'naive JS loops', median_ms: tNaive, min_ms: lastMin, gbps: null });
    const tOne = timePerCall(() => maxPool(2, xt, { kernelSize: 3, ceilMode: true }), 100_000);
    rows.push({ workload: 'W5', impl: 'poolnb 1 thread', median_ms: tOne, min_ms: lastMin, gbps: null, note: 'maxPool(2, input, args): checks + output Tensor + kernel' });
    rows.push({ workload: 'W5', impl: 'poolnb 2 threads', median_ms: null, gbps: null, note: 'not split: one 5x5 plane' });
    const torch = torchRows('W5');
    const pt = torch.rows.get('W5') ?? null;
    rows.push({ workload: 'W5', impl: 'pytorch (1 thread)', median_ms: pt, gbps: null, note: torch.note ?? 'nn.MaxPool2d module call' });
    emit(rows, null);
  }

  if (torchNote && !json) console.log(torchNote);
}

function summary(): void {
  if (!json) {
    console.log('\nGoals (issue): 1 thread W1-W4 <= PyTorch NCHW and <= 1.5x best peer (' +
      Object.entries(ISSUE.bestPeer).filter(([k]) => k !== 'W5').map(([k, v]) => `${k} ${(v * 1.5).toFixed(2)} ms`).join(', ') +
      '); W5 < 2 µs per call; 2 threads < best peer.');
    console.log(`Issue figures (ms): naive JS ${JSON.stringify(ISSUE.naiveJs)}, PyTorch NCHW ${JSON.stringify(ISSUE.pytorchNchw)}, C floor ${JSON.stringify(ISSUE.cFloor)}.`);
  }
}

main();
