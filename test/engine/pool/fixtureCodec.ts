// Reads the PyTorch fixtures written by scripts/gen_pool_fixtures.py and runs a case
// through the engine. Shared by the conformance test and the property tests.

import * as fs from 'fs';
import * as path from 'path';
import { DType } from '../../../src/engine/dtype';
import { TorchError } from '../../../src/engine/errors';
import { Tensor } from '../../../src/engine/tensor';
import {
  adaptiveAvgPool, adaptiveMaxPool, avgPool, fractionalMaxPool, lpPool, maxPool, maxUnpool,
} from '../../../src/engine/pool';

export interface EncodedTensor { shape: number[]; dtype: DType; b64: string }

export interface FixtureCase {
  id: string;
  op: 'max_pool' | 'avg_pool' | 'adaptive_avg' | 'adaptive_max' | 'lp_pool' | 'max_unpool' | 'frac_max';
  nd: 1 | 2 | 3;
  args: Record<string, any>;
  input: EncodedTensor;
  indices?: EncodedTensor;
  samples?: EncodedTensor;
  meanPath?: boolean;
  note?: string;
  expect: { outputs: EncodedTensor[] } | { error: { type: string; message: string } };
}

export const FIXTURE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'pool');

export function loadGroups(): { group: string; cases: FixtureCase[] }[] {
  return fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    group: f.replace(/\.json$/, ''),
    cases: JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8'), reviveNonFinite).cases as FixtureCase[],
  }));
}

/** Arguments store inf / nan as strings (JSON has no such numbers). */
function reviveNonFinite(_key: string, v: unknown): unknown {
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  return v;
}

export function decode(e: EncodedTensor): Tensor {
  const buf = Buffer.from(e.b64, 'base64');
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  let storage;
  switch (e.dtype) {
    case 'float32': storage = new Float32Array(ab); break;
    case 'float64': case 'int64': storage = new Float64Array(ab); break;
    case 'int32': storage = new Int32Array(ab); break;
    default: storage = new Uint8Array(ab);
  }
  // copied into storage the engine allocates, as the interpreter's tensors are (large float32
  // ones live in the kernels' arena)
  const t = Tensor.empty(e.shape, e.dtype);
  (t.storage as { set(a: ArrayLike<number>): void }).set(storage);
  return t;
}

/** Runs one fixture case through the engine: the tensors it returns (output, then indices). */
export function runCase(c: FixtureCase): Tensor[] {
  const x = decode(c.input);
  const a = c.args;
  switch (c.op) {
    case 'max_pool': {
      const r = maxPool(c.nd, x, a as any);
      return r.indices ? [r.output, r.indices] : [r.output];
    }
    case 'avg_pool':
      return [avgPool(c.nd, x, a as any)];
    case 'adaptive_avg':
      return [adaptiveAvgPool(c.nd, x, a.outputSize)];
    case 'adaptive_max': {
      const r = adaptiveMaxPool(c.nd, x, a.outputSize, a.returnIndices);
      return r.indices ? [r.output, r.indices] : [r.output];
    }
    case 'lp_pool':
      return [lpPool(c.nd as 1 | 2, x, a.normType, a.kernelSize, a.stride, a.ceilMode ?? false, { normIsInt: a.normIsInt, fromModule: a.fromModule })];
    case 'max_unpool':
      return [maxUnpool(c.nd, x, decode(c.indices!), a.kernelSize, a.stride, a.padding, a.outputSize)];
    case 'frac_max': {
      const r = fractionalMaxPool(c.nd as 2 | 3, x, a.kernelSize, a.outputSize, a.outputRatio, a.returnIndices,
        c.samples ? decode(c.samples) : undefined);
      return r.indices ? [r.output, r.indices] : [r.output];
    }
  }
}

const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** Distance in units in the last place between two finite numbers of one float type. */
export function ulpDistance(a: number, b: number, f32: boolean): number {
  const bits = (v: number) => {
    if (f32) { const i = new Int32Array(new Float32Array([v]).buffer)[0]; return BigInt(i < 0 ? -2147483648 - i : i); }
    const i = new BigInt64Array(new Float64Array([v]).buffer)[0];
    return i < 0n ? -9223372036854775808n - i : i;
  };
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

/**
 * LPPool with an exponent outside PyTorch's exact special kernels (x*x, sqrt, 1/x) ends
 * in a libm pow: glibc for the scalar tail of a loop, Sleef's vectorised pow (within one
 * ulp, not correctly rounded) for blocks of 16 float32 / 8 float64. The engine computes
 * the correctly rounded pow, so these cases may differ by an ulp or two (pow runs twice:
 * x.pow(p), then .pow(1/p)) where Sleef rounded the other way. These cases are allowed 4
 * ulp; every other value is compared bit for bit.
 */
export function libmPowCase(c: FixtureCase): boolean {
  return c.op === 'lp_pool' && ![1, 2, 0.5, -1, Infinity].includes(c.args.normType);
}

/** How many values were accepted within 4 ulp (libm pow cases only); reported by the test. */
export const ulpCounter = { count: 0 };

/** Compares one case; returns a description of the first difference, or undefined. */
export function checkCase(c: FixtureCase): string | undefined {
  let got: Tensor[];
  try {
    got = runCase(c);
  } catch (err) {
    if (!(err instanceof TorchError)) return `threw a non-Torch error: ${(err as Error).stack}`;
    if (!('error' in c.expect)) return `unexpected ${err.pyType}: ${err.message}`;
    const e = c.expect.error;
    if (err.pyType !== e.type || err.message !== e.message) {
      return `error differs\n   got: ${err.pyType}: ${err.message}\n  want: ${e.type}: ${e.message}`;
    }
    return undefined;
  }
  if ('error' in c.expect) return `no error; want ${c.expect.error.type}: ${c.expect.error.message}`;
  const want = c.expect.outputs;
  if (got.length !== want.length) return `returned ${got.length} tensors, want ${want.length}`;
  for (let t = 0; t < want.length; t++) {
    const w = decode(want[t]), g = got[t];
    if (g.dtype !== w.dtype) return `tensor ${t}: dtype ${g.dtype}, want ${w.dtype}`;
    if (g.shape.join(',') !== w.shape.join(',')) return `tensor ${t}: shape [${g.shape}], want [${w.shape}]`;
    for (let i = 0; i < w.numel; i++) {
      const gv = g.at(i), wv = w.at(i);
      if (Object.is(gv, wv)) continue;
      if (libmPowCase(c) && Number.isFinite(wv) && Number.isFinite(gv) && ulpDistance(gv, wv, w.dtype === 'float32') <= 4) {
        ulpCounter.count++;
        continue;
      }
      return `tensor ${t}: element ${i} is ${show(gv)}, want ${show(wv)}`;
    }
  }
  return undefined;
}
