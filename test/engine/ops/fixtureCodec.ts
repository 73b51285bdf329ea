// Reads the fixtures written by scripts/gen_ops_fixtures.py and compares engine results
// with them (bit for bit unless the case carries a tolerance).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DType, allocate } from '../../../src/engine/dtype';
import { TorchError } from '../../../src/engine/errors';
import { Tensor } from '../../../src/engine/tensor';
import { ELLIPSIS, PyScalar, ValuesIndices, pyBool, pyFloat, pyInt, slice } from '../../../src/engine/ops';

export type Enc = null | string | number | { [k: string]: unknown };
export interface Case {
  name: string;
  op: string;
  args: Enc[];
  kwargs: Record<string, Enc>;
  out: Enc;
  tol?: { ulp?: number; rtol?: number; atol?: number };
  strides?: boolean;
}

export function loadCases(group: string): Case[] {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'ops', `${group}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).cases as Case[];
}

const num = (v: unknown): number =>
  v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number);

export interface DTypeArg { dtype: DType }

/** Decodes an argument into what the engine API takes. Lists and tuples both become arrays. */
export function decode(e: Enc): unknown {
  if (e === null || typeof e === 'string' || typeof e === 'number') return e;
  if ('T' in e) {
    const data = (e.data as unknown[]).map(num);
    const t = Tensor.fromValues(data, e.shape as number[], e.T as DType);
    const stride = e.stride as number[] | undefined;
    if (!stride || t.numel === 0 || stride.every((s, i) => s === t.strides[i] || t.shape[i] === 1)) return t;
    // Rebuild PyTorch's memory layout (a transposed or expanded input stays one).
    const span = 1 + t.shape.reduce((a, s, i) => a + (s - 1) * stride[i], 0);
    const out = new Tensor(t.dtype, allocate(t.dtype, span), t.shape, stride, 0);
    const idx = new Array<number>(t.ndim).fill(0);
    for (let i = 0; i < t.numel; i++) {
      out.storage[out.offsetOf(idx)] = t.storage[i];
      for (let d = t.ndim - 1; d >= 0; d--) {
        if (++idx[d] < t.shape[d]) break;
        idx[d] = 0;
      }
    }
    return out;
  }
  if ('P' in e) {
    const shape = e.shape as number[];
    const n = shape.reduce((a, b) => a * b, 1);
    const a = e.a as number, m = e.m as number, c = e.c as number, d = e.d as number;
    const vals = new Float64Array(n);
    // (i * a) can pass 2^53 for big inputs: reduce i first (exact in both languages).
    for (let i = 0; i < n; i++) vals[i] = ((((i % m) * a) % m) - c) / d;
    return Tensor.fromValues(vals, shape, e.P as DType);
  }
  if ('int' in e) return pyInt(e.int as number);
  if ('float' in e) return pyFloat(num(e.float));
  if ('bool' in e) return pyBool(e.bool as boolean);
  if ('dtype' in e) return { dtype: e.dtype } as DTypeArg;
  if ('slice' in e) {
    const [a, b, c] = e.slice as (number | null)[];
    return slice(a, b, c);
  }
  if ('ellipsis' in e) return ELLIPSIS;
  if ('list' in e) return (e.list as Enc[]).map(decode);
  if ('tuple' in e) return (e.tuple as Enc[]).map(decode);
  throw new Error(`cannot decode ${JSON.stringify(e)}`);
}

function close(actual: number, expected: number, c: Case): boolean {
  if (Object.is(actual, expected) || (actual !== actual && expected !== expected)) return true;
  if (!c.tol) return false;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  const diff = Math.abs(actual - expected);
  if (c.tol.ulp !== undefined) return diff <= c.tol.ulp * ulp32(expected);
  return diff <= (c.tol.atol ?? 0) + (c.tol.rtol ?? 0) * Math.abs(expected);
}

/** The gap between |x| and the next float32 up. */
function ulp32(x: number): number {
  const a = Math.abs(Math.fround(x));
  if (a === 0) return 2 ** -149;
  const e = Math.floor(Math.log2(a));
  return 2 ** Math.max(e - 23, -149) * (2 ** e > a ? 0.5 : 1);
}

export function assertTensor(actual: unknown, e: Enc, c: Case, where = 'result'): void {
  if (!(actual instanceof Tensor)) assert.fail(`${where}: expected a tensor, got ${describe(actual)}`);
  const t: Tensor = actual;
  const exp = e as { T: string; shape: number[]; data: unknown[]; stride: number[] };
  assert.strictEqual(t.dtype, exp.T, `${where}: dtype`);
  assert.deepStrictEqual(t.shape, exp.shape, `${where}: shape`);
  if (c.strides) assert.deepStrictEqual(t.strides, exp.stride, `${where}: strides`);
  const data = exp.data.map(num);
  for (let i = 0; i < data.length; i++) {
    const v: number = t.at(i);
    if (!close(v, data[i], c)) {
      assert.fail(`${where}: element ${i} is ${v}, PyTorch gives ${data[i]}` + (c.tol ? ` (tolerance ${JSON.stringify(c.tol)})` : ''));
    }
  }
}

function describe(x: unknown): string {
  if (x instanceof Tensor) return `Tensor${JSON.stringify(x.shape)} ${x.dtype}`;
  try { return JSON.stringify(x); } catch { return String(x); }
}

/** Compares an engine result with an encoded PyTorch result. */
export function assertResult(actual: unknown, e: Enc, c: Case, where = 'result'): void {
  if (e === null) return assert.strictEqual(actual, null, where);
  if (typeof e !== 'object') throw new Error('unexpected encoded result');
  if ('T' in e) return assertTensor(actual, e, c, where);
  if ('vi' in e) {
    const [v, i] = e.vi as Enc[];
    const r = actual as ValuesIndices;
    assertTensor(r.values, v, c, `${where}.values`);
    assertTensor(r.indices, i, c, `${where}.indices`);
    return;
  }
  if ('tuple' in e || 'list' in e) {
    const items = (('tuple' in e) ? e.tuple : e.list) as Enc[];
    if (!Array.isArray(actual)) assert.fail(`${where}: expected a sequence, got ${describe(actual)}`);
    const seq: unknown[] = actual;
    assert.strictEqual(seq.length, items.length, `${where}: length`);
    items.forEach((it, k) => assertResult(seq[k], it, c, `${where}[${k}]`));
    return;
  }
  if ('bool' in e) {
    const v = typeof actual === 'boolean' ? actual : (actual as PyScalar).value !== 0;
    if (typeof actual === 'object' && actual !== null) assert.strictEqual((actual as PyScalar).kind, 'bool', `${where}: kind`);
    assert.strictEqual(v, e.bool, where);
    return;
  }
  if ('int' in e || 'float' in e) {
    const kind = 'int' in e ? 'int' : 'float';
    const expected = num('int' in e ? e.int : e.float);
    if (typeof actual === 'object' && actual !== null) {
      assert.strictEqual((actual as PyScalar).kind, kind, `${where}: Python type`);
      actual = (actual as PyScalar).value;
    }
    assert.ok(close(actual as number, expected, c), `${where}: ${actual} != ${expected}`);
    return;
  }
  throw new Error(`cannot compare with ${JSON.stringify(e)}`);
}

export function assertError(fn: () => unknown, e: { type: string; message: string }): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, `expected ${e.type}: ${e.message}`);
  assert.ok(thrown instanceof TorchError, `expected TorchError ${e.type}, got ${String(thrown)}`);
  assert.strictEqual(`${thrown.pyType}: ${thrown.message}`, `${e.type}: ${e.message}`);
}
