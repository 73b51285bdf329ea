// Python's float formatting: the JS fast path must agree with the exact (BigInt) path,
// which rounds exact decimal ties to even as CPython does.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { pyFormatDouble, setFloatFastPath } from '../../../src/lang/format/pyFloat';

function both(x: number, code: 'e' | 'f' | 'g', p: number): [string, string] {
  setFloatFastPath(true);
  const fast = pyFormatDouble(x, code, p);
  setFloatFastPath(false);
  try {
    return [fast, pyFormatDouble(x, code, p)];
  } finally {
    setFloatFastPath(true);
  }
}

describe('pyFormatDouble', () => {
  it('rounds exact ties to even like CPython', () => {
    assert.strictEqual(pyFormatDouble(0.125, 'f', 2), '0.12');
    assert.strictEqual(pyFormatDouble(0.375, 'f', 2), '0.38');
    assert.strictEqual(pyFormatDouble(2.5, 'f', 0), '2');
    assert.strictEqual(pyFormatDouble(3.5, 'f', 0), '4');
    assert.strictEqual(pyFormatDouble(-0.5, 'f', 0), '-0');
    assert.strictEqual(pyFormatDouble(1.25, 'e', 1), '1.2e+00');
    assert.strictEqual(pyFormatDouble(2.675, 'f', 2), '2.67'); // 2.675 is below the tie in binary
    assert.strictEqual(pyFormatDouble(1e-5, 'r', 0, { addDot0: true }), '1e-05');
    assert.strictEqual(pyFormatDouble(1e16, 'r', 0, { addDot0: true }), '1e+16');
    assert.strictEqual(pyFormatDouble(123.0, 'r', 0, { addDot0: true }), '123.0');
  });

  it('fast path equals the exact path on random doubles', () => {
    fc.assert(fc.property(
      fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('e', 'f', 'g'), fc.integer({ min: 0, max: 20 }),
      (x, code, p) => {
        const [fast, exact] = both(x, code as 'e' | 'f' | 'g', p);
        assert.strictEqual(fast, exact);
      }), { numRuns: 3000 });
  });

  it('fast path equals the exact path on float32 values and binary fractions', () => {
    fc.assert(fc.property(
      fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }).map((v) => Math.fround(v)),
        fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => n / 2 ** k)),
      fc.constantFrom('e', 'f', 'g'), fc.integer({ min: 0, max: 10 }),
      (x, code, p) => {
        const [fast, exact] = both(x, code as 'e' | 'f' | 'g', p);
        assert.strictEqual(fast, exact);
      }), { numRuns: 5000 });
  });
});
