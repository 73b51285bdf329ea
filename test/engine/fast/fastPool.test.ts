// Bit-identity of the WebAssembly pooling kernels against the plain nested-loop implementation of
// PyTorch's rules (bench/naiveReference.ts), on random inputs full of the awkward values: NaN
// (several payloads), ±inf, ±0, ties, with padding, ceil mode, dilation, odd sizes, many planes,
// and planes large enough to be cut into row bands.
import { strict as assert } from 'assert';
import {
  arenaFloat32, fastAvgPool2d, fastMaxPool2d, fastMeanPlanes, inArena, setTinyWorkThreshold, wasmKernels, ARENA_MIN_ELEMENTS,
} from '../../../src/engine/fast';
import { atenMeanPlanes, naiveAvgPool2d, naiveMaxPool2d } from '../../../bench/naiveReference';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAN_A = new Float32Array(new Uint32Array([0x7fc00000]).buffer)[0];
const NAN_B = new Float32Array(new Uint32Array([0xffc12345]).buffer)[0];

/** Values drawn so that ties, signed zeros, infinities and NaNs all occur often. */
function awkward(n: number, r: () => number, special: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < special * 0.2) a[i] = NAN_A;
    else if (u < special * 0.3) a[i] = NAN_B;
    else if (u < special * 0.5) a[i] = r() < 0.5 ? Infinity : -Infinity;
    else if (u < special) a[i] = r() < 0.5 ? 0 : -0;
    else if (u < 0.5) a[i] = Math.floor(r() * 5) - 2; // ties
    else a[i] = (r() - 0.5) * 10 ** Math.floor(r() * 8 - 4);
  }
  return a;
}

function finite(n: number, r: () => number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = r() < 0.2 ? Math.floor(r() * 3) : (r() - 0.5) * 10 ** Math.floor(r() * 6 - 3);
  return a;
}

/** PyTorch pooling_output_shape (the test's own copy, so a bug in the engine's cannot hide one here). */
function outSize(L: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const num = L + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
  let o = Math.floor(num / s) + 1;
  if (ceil && (o - 1) * s >= L + p) o--;
  return o;
}

/**
 * Bitwise equality. Max pooling selects an input, so even NaN payloads must match; a sum's NaN
 * payload is left to the hardware (IEEE 754 and WebAssembly do not fix it), so `anyNaN` accepts
 * any NaN where a NaN is expected.
 */
function sameBits(actual: Float32Array, expected: Float32Array, what: string, anyNaN = false): void {
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== e[i] && !(anyNaN && actual[i] !== actual[i] && expected[i] !== expected[i])) {
      assert.fail(`${what}: element ${i} is ${actual[i]} (0x${a[i].toString(16)}), expected ${expected[i]} (0x${e[i].toString(16)})`);
    }
  }
}

function sameIdx(actual: Float64Array, expected: Float64Array, what: string): void {
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) assert.fail(`${what}: index ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

/**
 * Where the kernels' inputs and outputs live: JS-heap arrays (copied through scratch) or the tensor
 * arena (read and written in place), each way round. Every kernel test runs in all four.
 */
type Where = 'heap' | 'arena';
const PLACEMENTS: [Where, Where][] = [['heap', 'heap'], ['arena', 'arena'], ['arena', 'heap'], ['heap', 'arena']];
let inWhere: Where = 'heap', outWhere: Where = 'heap';

/** One arena block per role, kept for the whole run (thousands of cases would otherwise wait for finalizers). */
const blocks: Record<'in' | 'out', Float32Array | null> = { in: null, out: null };
let shift = 0;

function buffer(n: number, where: Where, role: 'in' | 'out'): Float32Array {
  if (where === 'heap') return new Float32Array(n);
  let b = blocks[role];
  if (!b || b.length < n + 8) {
    b = blocks[role] = arenaFloat32(Math.max(n + 8, ARENA_MIN_ELEMENTS, b ? 2 * b.length : 0));
    assert.ok(b && inArena(b));
  }
  // start 0..4 floats into the block: the kernels must not assume 16-byte alignment
  const off = shift++ % 5;
  const v = b.subarray(off, off + n);
  v.fill(0);
  return v;
}
/** The kernel's input: `x` copied where the current placement wants it. */
function input(x: Float32Array): Float32Array { const b = buffer(x.length, inWhere, 'in'); b.set(x); return b; }
/** A zeroed output buffer where the current placement wants it. */
function output(n: number): Float32Array { return buffer(n, outWhere, 'out'); }

interface Geo { planes: number; H: number; W: number; kH: number; kW: number; sH: number; sW: number;
  pH: number; pW: number; dH: number; dW: number; ceil: boolean; OH: number; OW: number }

/** A random valid geometry (PyTorch's checks: pad <= k/2, output >= 1). */
function randomGeo(r: () => number, maxSide: number, dilation: boolean): Geo {
  for (;;) {
    const pick = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const kH = pick(1, 5), kW = pick(1, 5);
    const g = {
      planes: pick(1, 6), H: pick(1, maxSide), W: pick(1, maxSide), kH, kW,
      sH: pick(1, 4), sW: pick(1, 4), pH: pick(0, kH >> 1), pW: pick(0, kW >> 1),
      dH: dilation ? pick(1, 3) : 1, dW: dilation ? pick(1, 3) : 1, ceil: r() < 0.5, OH: 0, OW: 0,
    };
    g.OH = outSize(g.H, g.kH, g.sH, g.pH, g.dH, g.ceil);
    g.OW = outSize(g.W, g.kW, g.sW, g.pW, g.dW, g.ceil);
    if (g.OH >= 1 && g.OW >= 1) return g;
  }
}

function checkMax(g: Geo, x: Float32Array, withIdx: boolean, what: string): void {
  const n = g.planes * g.OH * g.OW;
  const want = new Float32Array(n), wantIdx = new Float64Array(n);
  naiveMaxPool2d(x, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.dH, g.dW, g.OH, g.OW, want, wantIdx);
  const got = output(n), gotIdx = withIdx ? new Float64Array(n) : null;
  assert.equal(fastMaxPool2d(input(x), 0, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.dH, g.dW, g.OH, g.OW, got, gotIdx), true);
  sameBits(got, want, what);
  if (gotIdx) sameIdx(gotIdx, wantIdx, what);
}

for (const [inW, outW] of PLACEMENTS)
describe(`engine/fast: WebAssembly pooling kernels (input in the ${inW === 'heap' ? 'JS heap' : 'arena'}, output in the ${outW === 'heap' ? 'JS heap' : 'arena'})`, () => {
  // small cases normally go to the reference; here every case must run the kernels
  before(() => { setTinyWorkThreshold(0); inWhere = inW; outWhere = outW; });
  after(() => { setTinyWorkThreshold(1024); inWhere = outWhere = 'heap'; });

  it('loads the embedded module (WebAssembly SIMD is available in Node 20)', () => {
    assert.notEqual(wasmKernels(), null);
  });

  it('max pool: values and indices bit-identical on 400 random geometries with NaN/±inf/±0/ties', () => {
    const r = rng(1);
    for (let t = 0; t < 400; t++) {
      const g = randomGeo(r, 23, true);
      const x = awkward(g.planes * g.H * g.W, r, t % 3 === 0 ? 0 : 0.3);
      const what = `case ${t} ${JSON.stringify(g)}`;
      checkMax(g, x, false, what + ' values only');
      checkMax(g, x, true, what + ' with indices');
    }
  });

  it('max pool: the NaN-free fast path and the exact path agree with the rules', () => {
    const r = rng(2);
    for (let t = 0; t < 100; t++) {
      const g = randomGeo(r, 40, false);
      const x = finite(g.planes * g.H * g.W, r);
      // signed zeros without NaN exercise pmax's first-wins tie rule
      for (let i = 0; i < x.length; i += 3) if (x[i] === 0) x[i] = -0;
      checkMax(g, x, false, `finite case ${t}`);
      x[Math.floor(r() * x.length)] = NaN;
      checkMax(g, x, false, `one-NaN case ${t}`);
    }
  });

  it('max pool: the issue workloads\' geometries (k2 s2; k3 s2 p1; k3 ceil) and row bands of a large plane', () => {
    const r = rng(3);
    const cases: Geo[] = [
      { planes: 3, H: 64, W: 64, kH: 2, kW: 2, sH: 2, sW: 2, pH: 0, pW: 0, dH: 1, dW: 1, ceil: false, OH: 32, OW: 32 },
      { planes: 5, H: 112, W: 112, kH: 3, kW: 3, sH: 2, sW: 2, pH: 1, pW: 1, dH: 1, dW: 1, ceil: false, OH: 56, OW: 56 },
      { planes: 1, H: 5, W: 5, kH: 3, kW: 3, sH: 3, sW: 3, pH: 0, pW: 0, dH: 1, dW: 1, ceil: true, OH: 2, OW: 2 },
      { planes: 2, H: 301, W: 517, kH: 3, kW: 2, sH: 2, sW: 1, pH: 1, pW: 1, dH: 2, dW: 1, ceil: true, OH: 0, OW: 0 },
      { planes: 1, H: 700, W: 200, kH: 4, kW: 4, sH: 3, sW: 3, pH: 2, pW: 2, dH: 1, dW: 1, ceil: true, OH: 0, OW: 0 },
    ];
    for (const g of cases) {
      g.OH = outSize(g.H, g.kH, g.sH, g.pH, g.dH, g.ceil);
      g.OW = outSize(g.W, g.kW, g.sW, g.pW, g.dW, g.ceil);
      const x = awkward(g.planes * g.H * g.W, r, 0.05);
      checkMax(g, x, false, JSON.stringify(g));
      checkMax(g, x, true, JSON.stringify(g));
      checkMax(g, finite(x.length, r), false, 'finite ' + JSON.stringify(g));
    }
  });

  it('max pool: an all-padding window (dilation) gives -inf and the out-of-range first tap index', () => {
    // L=3, k=2, p=1, d=4: one window with taps -1 and 3 -> -inf, index 3 (POOLING_SEMANTICS §5 [M6])
    const g: Geo = { planes: 1, H: 1, W: 3, kH: 1, kW: 2, sH: 1, sW: 1, pH: 0, pW: 1, dH: 1, dW: 4, ceil: false, OH: 1, OW: 1 };
    checkMax(g, new Float32Array([1, 2, 3]), true, 'all padding');
    const idx = new Float64Array(1), out = new Float32Array(1);
    fastMaxPool2d(new Float32Array([1, 2, 3]), 0, 1, 1, 3, 1, 2, 1, 1, 0, 1, 1, 4, 1, 1, out, idx);
    assert.equal(out[0], -Infinity);
    assert.equal(idx[0], 3);
  });

  it('avg pool: bit-identical on 400 random geometries (count_include_pad, divisor_override, ceil)', () => {
    const r = rng(4);
    for (let t = 0; t < 400; t++) {
      const g = randomGeo(r, 23, false);
      const x = t % 4 === 0 ? awkward(g.planes * g.H * g.W, r, 0.2) : finite(g.planes * g.H * g.W, r);
      const cip = r() < 0.5;
      const dov = r() < 0.25 ? 1 + Math.floor(r() * 7) : null;
      const n = g.planes * g.OH * g.OW;
      const want = new Float32Array(n), got = output(n);
      naiveAvgPool2d(x, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.OH, g.OW, cip, dov, want);
      assert.equal(fastAvgPool2d(input(x), 0, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.OH, g.OW, cip, dov, got), true);
      sameBits(got, want, `case ${t} ${JSON.stringify({ ...g, cip, dov })}`, true);
    }
  });

  it('avg pool: W3 geometry (k3 s1 p1, count_include_pad=False) and banded large planes', () => {
    const r = rng(5);
    for (const [planes, H, W, k, s, p] of [[3, 64, 64, 3, 1, 1], [1, 400, 300, 3, 1, 1], [2, 333, 257, 4, 2, 2]]) {
      const OH = outSize(H, k, s, p, 1, true), OW = outSize(W, k, s, p, 1, true);
      const x = finite(planes * H * W, r);
      for (const cip of [false, true]) {
        const want = new Float32Array(planes * OH * OW), got = output(planes * OH * OW);
        naiveAvgPool2d(x, planes, H, W, k, k, s, s, p, p, OH, OW, cip, null, want);
        assert.equal(fastAvgPool2d(input(x), 0, planes, H, W, k, k, s, s, p, p, OH, OW, cip, null, got), true);
        sameBits(got, want, `${planes}x${H}x${W} k${k} s${s} p${p} cip=${cip}`);
      }
    }
  });

  it('mean of planes (adaptive avg to 1): ATen summation order for n = 1..511', () => {
    const r = rng(6);
    for (let n = 1; n < 512; n += n < 80 ? 1 : 37) {
      const planes = 1 + Math.floor(r() * 5);
      const x = n % 5 === 0 ? awkward(planes * n, r, 0.1) : finite(planes * n, r);
      const want = new Float32Array(planes), got = output(planes);
      atenMeanPlanes(x, planes, n, want);
      assert.equal(fastMeanPlanes(input(x), 0, planes, n, got), true);
      sameBits(got, want, `n=${n}`, true);
    }
  });

  it('1-D rows longer than the scratch budget (a larger scratch area)', () => {
    const r = rng(8);
    const g: Geo = { planes: 2, H: 1, W: 150001, kH: 1, kW: 5, sH: 1, sW: 3, pH: 0, pW: 2, dH: 1, dW: 2, ceil: true, OH: 1, OW: 0 };
    g.OW = outSize(g.W, g.kW, g.sW, g.pW, g.dW, g.ceil);
    const x = awkward(g.planes * g.W, r, 0.01);
    checkMax(g, x, false, 'long row');
    checkMax(g, x, true, 'long row with indices');
    const OW = outSize(g.W, 5, 3, 2, 1, true);
    const want = new Float32Array(2 * OW), got = output(2 * OW);
    naiveAvgPool2d(x, 2, 1, g.W, 1, 5, 1, 3, 0, 2, 1, OW, false, null, want);
    assert.equal(fastAvgPool2d(input(x), 0, 2, 1, g.W, 1, 5, 1, 3, 0, 2, 1, OW, false, null, got), true);
    sameBits(got, want, 'long row avg', true);
  });

  it('reads the planes from srcOff (a tensor whose storage starts earlier)', () => {
    const r = rng(7);
    const g: Geo = { planes: 3, H: 9, W: 11, kH: 3, kW: 2, sH: 2, sW: 1, pH: 1, pW: 1, dH: 1, dW: 1, ceil: true, OH: 0, OW: 0 };
    g.OH = outSize(g.H, g.kH, g.sH, g.pH, g.dH, g.ceil); g.OW = outSize(g.W, g.kW, g.sW, g.pW, g.dW, g.ceil);
    const n = g.planes * g.H * g.W, m = g.planes * g.OH * g.OW;
    const x = finite(n, r), padded = buffer(n + 17, inWhere, 'in');
    padded.set(x, 17);
    const want = new Float32Array(m), got = output(m);
    naiveMaxPool2d(x, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, 1, 1, g.OH, g.OW, want, null);
    fastMaxPool2d(padded, 17, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, 1, 1, g.OH, g.OW, got, null);
    sameBits(got, want, 'max at offset');
    naiveAvgPool2d(x, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.OH, g.OW, false, null, want);
    fastAvgPool2d(padded, 17, g.planes, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pH, g.pW, g.OH, g.OW, false, null, got);
    sameBits(got, want, 'avg at offset');
    const wantM = new Float32Array(g.planes), gotM = output(g.planes);
    atenMeanPlanes(x, g.planes, g.H * g.W, wantM);
    fastMeanPlanes(padded, 17, g.planes, g.H * g.W, gotM);
    sameBits(gotM, wantM, 'mean at offset');
  });

  it('declines what it does not handle, so the caller runs the reference', () => {
    const x64 = new Float64Array(16), o64 = new Float64Array(4);
    assert.equal(fastMaxPool2d(x64, 0, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, o64, null), false);
    assert.equal(fastAvgPool2d(x64, 0, 1, 4, 4, 2, 2, 2, 2, 0, 0, 2, 2, true, null, o64), false);
    assert.equal(fastMeanPlanes(new Float32Array(600), 0, 1, 600, new Float32Array(1)), false);
  });

  it('leaves tiny calls (W5: 3x3 windows on a 5x5 plane) to the reference', () => {
    setTinyWorkThreshold(1024);
    try {
      assert.equal(fastMaxPool2d(new Float32Array(25), 0, 1, 5, 5, 3, 3, 3, 3, 0, 0, 1, 1, 2, 2, new Float32Array(4), null), false);
    } finally {
      setTinyWorkThreshold(0);
    }
  });
});
