// Loads the committed fixtures of scripts/gen_format_fixtures.py (real PyTorch output).
import * as fs from 'fs';
import * as path from 'path';
import { DType } from '../../../src/engine/dtype';
import { Tensor } from '../../../src/engine/tensor';
import { PyData, PyFloat, PyTuple } from '../../../src/lang/format';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'format');

export function loadFixture<T>(name: string): T[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T[];
}

/** JSON numbers, or "nan" / "inf" / "-inf". */
export function decodeFloat(v: number | string): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v as number;
}

export function makeTensor(dtype: string, shape: number[], values: (number | string)[]): Tensor {
  return Tensor.fromValues(values.map(decodeFloat), shape, dtype as DType);
}

/** The generator's encoding of Python values: {float}, {tuple}, lists, ints, bools, None, str. */
export function decodePy(v: unknown): PyData {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(decodePy);
  const o = v as { float?: number | string; tuple?: unknown[] };
  if (o.float !== undefined) return new PyFloat(decodeFloat(o.float));
  if (o.tuple !== undefined) return new PyTuple(o.tuple.map(decodePy));
  throw new Error('bad encoded value ' + JSON.stringify(v));
}
