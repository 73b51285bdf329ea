// A correctly rounded pow(x, y) for doubles. PyTorch's CPU pow with a general exponent
// calls glibc's pow (correctly rounded in practice); V8's Math.pow is sometimes one ulp
// away, which LPPool's `.pow(1/p)` would expose. This evaluates exp(y·ln x) in 160-bit
// fixed point with BigInt and rounds once. Slow (tens of µs), so it is only used where
// the fast special cases (x², √x, 1/x, …) do not apply.

const F = 160n;
const ONE = 1n << F;

/** 2·atanh(t) for a fixed-point t (|t| < 1/5): the series t + t³/3 + t⁵/5 + … */
function twoAtanh(t: bigint): bigint {
  const t2 = (t * t) / ONE;
  let term = t, sum = 0n, k = 1n;
  while (term !== 0n) {
    sum += term / k;
    term = (term * t2) / ONE; // truncating, so a negative term also reaches 0
    k += 2n;
  }
  return 2n * sum;
}

// ln 2 = 2·atanh(1/3)
const LN2 = twoAtanh(ONE / 3n);
const SQRT2 = Math.SQRT2;

/** ln(x) in fixed point for a finite x > 0. */
function lnFixed(x: number): bigint {
  // x = m · 2^k with m in [1/√2, √2)
  let k = Math.floor(Math.log2(x));
  let m = x / 2 ** k;
  if (!Number.isFinite(m) || m === 0) { // subnormal x: scale first
    const kk = Math.floor(Math.log2(x * 2 ** 600)) - 600;
    k = kk; m = (x * 2 ** 600) / 2 ** (kk + 600);
  }
  while (m >= SQRT2) { m /= 2; k++; }
  while (m < SQRT2 / 2) { m *= 2; k--; }
  // m is exact: m = M / 2^60
  const M = BigInt(Math.round(m * 2 ** 60));
  const S = 1n << 60n;
  const t = ((M - S) << F) / (M + S);
  return BigInt(k) * LN2 + twoAtanh(t);
}

/** exp(z) for a fixed-point z, rounded once to the nearest double. */
function expToDouble(z: bigint): number {
  // z = n·ln2 + r, |r| <= ln2/2
  let n = z / LN2;
  let r = z - n * LN2;
  if (r > LN2 / 2n) { r -= LN2; n += 1n; }
  if (r < -LN2 / 2n) { r += LN2; n -= 1n; }
  let term = ONE, sum = 0n, k = 1n;
  while (term !== 0n) {
    sum += term;
    term = (term * r) / ONE / k;
    k += 1n;
  }
  return roundToDouble(sum, Number(n) - Number(F));
}

/** v · 2^e for a positive BigInt v, rounded to nearest-even double (normal range only). */
function roundToDouble(v: bigint, e: number): number {
  const bits = v.toString(2).length;
  const shift = bits - 53;
  let mant = v >> BigInt(shift);
  const rem = v - (mant << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
  const exp = shift + e;
  // split the scaling so that 2^exp itself never under/overflows
  return Number(mant) * 2 ** Math.trunc(exp / 2) * 2 ** (exp - Math.trunc(exp / 2));
}

/** C99 pow(x, y), correctly rounded in the normal range. */
export function exactPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) {
    if ((x === -1) && !Number.isFinite(y)) return 1;
    return Math.pow(x, y);
  }
  let sign = 1;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    if (Math.abs(y) < 2 ** 53 && Math.abs(y) % 2 === 1) sign = -1;
    x = -x;
  }
  const approx = Math.log2(x) * y;
  // far outside the normal range the result is 0 or inf anyway (or subnormal: let Math.pow do it)
  if (!(approx < 1020 && approx > -1020)) return sign * Math.pow(x, y);
  // y = My · 2^ey exactly
  let ey = Math.floor(Math.log2(Math.abs(y))) - 52;
  let My = BigInt(Math.round(y / 2 ** ey));
  while (Number(My) / 2 ** -ey !== y) { ey -= 1; My = BigInt(Math.round(y / 2 ** ey)); }
  let z = lnFixed(x) * My;
  z = ey >= 0 ? z << BigInt(ey) : z / (1n << BigInt(-ey));
  return sign * expToDouble(z);
}
