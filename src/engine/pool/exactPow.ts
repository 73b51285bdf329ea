// A correctly rounded pow(x, y) for doubles. PyTorch's CPU pow with a general exponent
// calls glibc's pow (correctly rounded in practice) or Sleef (within one ulp); V8's
// Math.pow is one ulp away in about 10 % of cases, which LPPool's `.pow(1/p)` would
// expose. This evaluates exp(y·ln x) in 128-bit fixed point with BigInt (table-driven
// argument reduction keeps the series short) and rounds once.

const F = 128n;
const ONE = 1n << F;
const TABLE = 64;

// 1/(2k+1) and 1/k! in fixed point, so that the series need no BigInt divisions
const INV_ODD: bigint[] = [];
const INV_FACT: bigint[] = [ONE];
for (let k = 0; k < 64; k++) INV_ODD.push(ONE / BigInt(2 * k + 1));
for (let k = 1; k < 40; k++) INV_FACT.push(INV_FACT[k - 1] / BigInt(k));

/** Terms needed so that x^n stays above 2^-F for |x| <= 2^-xBits, per power step. */
const termCount = (bitsPerTerm: number) => Math.ceil((Number(F) + 4) / bitsPerTerm) + 1;

/** 2·atanh(t) = 2(t + t³/3 + t⁵/5 + …) for a fixed-point t with |t| <= 2^-tBits. */
function twoAtanh(t: bigint, tBits: number): bigint {
  const terms = termCount(2 * tBits);
  const t2 = (t * t) >> F;
  let pw = t, sum = 0n;
  for (let i = 0; i < terms; i++) {
    sum += (pw * INV_ODD[i]) >> F;
    pw = (pw * t2) >> F;
  }
  return 2n * sum;
}

const EXP_TERMS: Record<number, number> = {};
/** exp(r) for a fixed-point |r| <= 2^-rBits by its Taylor series. */
function expSeries(r: bigint, rBits: number): bigint {
  let terms = EXP_TERMS[rBits];
  if (terms === undefined) {
    let bits = 0;
    for (terms = 1; bits < Number(F) + 4; terms++) bits += rBits + Math.log2(terms + 1);
    EXP_TERMS[rBits] = terms;
  }
  let pw = ONE, sum = ONE;
  for (let k = 1; k <= terms; k++) {
    pw = (pw * r) >> F;
    sum += (pw * INV_FACT[k]) >> F;
  }
  return sum;
}

/** m as a fixed-point BigInt, exactly, for a double m in [0.5, 4). */
function fixedOf(m: number): bigint {
  return BigInt(Math.round(m * 2 ** 60)) << (F - 60n);
}

const LN2 = twoAtanh(ONE / 3n, 1.5); // ln 2 = 2·atanh(1/3)
// ln(c_j) for the table points c_j = 1 + (j + 1/2)/64, and 2^(j/64)
let LNC: bigint[] | undefined;
let POW2: bigint[] | undefined;
function tables(): [bigint[], bigint[]] {
  if (!LNC || !POW2) {
    LNC = [];
    POW2 = [];
    for (let j = 0; j < TABLE; j++) {
      const c = fixedOf(1 + (j + 0.5) / TABLE);
      LNC.push(twoAtanh(((c - ONE) << F) / (c + ONE), 1.5));
      POW2.push(expSeries((LN2 * BigInt(j)) / BigInt(TABLE), 0.5));
    }
  }
  return [LNC, POW2];
}

/** ln(x) in fixed point for a finite x > 0 in the normal range. */
function lnFixed(x: number): bigint {
  const [lnc] = tables();
  let k = Math.floor(Math.log2(x));
  let m = x / 2 ** k;
  while (m >= 2) { m /= 2; k++; }
  while (m < 1) { m *= 2; k--; }
  const j = Math.min(TABLE - 1, Math.floor((m - 1) * TABLE));
  const M = fixedOf(m), C = fixedOf(1 + (j + 0.5) / TABLE);
  // |M - C| <= 2^-7 and M + C >= 2, so |t| <= 2^-8
  return BigInt(k) * LN2 + lnc[j] + twoAtanh(((M - C) << F) / (M + C), 8);
}

/** exp(z) for a fixed-point z, rounded once to the nearest double. */
function expToDouble(z: bigint): number {
  const [, pow2] = tables();
  // z = (N/64)·ln2 + r with |r| <= ln2/128
  const step = LN2 / BigInt(TABLE);
  let N = z / step;
  let r = z - N * step;
  if (r > step / 2n) { r -= step; N += 1n; }
  if (r < -step / 2n) { r += step; N -= 1n; }
  let q = N / BigInt(TABLE), j = N % BigInt(TABLE);
  if (j < 0n) { j += BigInt(TABLE); q -= 1n; }
  const v = (pow2[Number(j)] * expSeries(r, 7)) >> F; // |r| <= ln2/128 < 2^-7
  return roundToDouble(v, Number(q) - Number(F));
}

/** v · 2^e for a positive BigInt v, rounded to nearest-even double (normal range only). */
function roundToDouble(v: bigint, e: number): number {
  let bits = Math.floor(Math.log2(Number(v))) + 1;
  if (v >> BigInt(bits) !== 0n) bits++;
  if (v >> BigInt(bits - 1) === 0n) bits--;
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
    if (x === -1 && !Number.isFinite(y)) return 1;
    return Math.pow(x, y);
  }
  let sign = 1;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    if (Math.abs(y) < 2 ** 53 && Math.abs(y) % 2 === 1) sign = -1;
    x = -x;
  }
  const approx = Math.log2(x) * y;
  // outside the normal range (or with a subnormal x) Math.pow's 0 / inf / subnormal stands
  if (!(approx < 1020 && approx > -1020) || x < 2 ** -1000) return sign * Math.pow(x, y);
  // y = My · 2^ey exactly
  let ey = Math.floor(Math.log2(Math.abs(y))) - 52;
  let My = BigInt(Math.round(y / 2 ** ey));
  while (Number(My) * 2 ** ey !== y) { ey -= 1; My = BigInt(Math.round(y / 2 ** ey)); }
  let z = lnFixed(x) * My;
  z = ey >= 0 ? z << BigInt(ey) : z / (1n << BigInt(-ey));
  return sign * expToDouble(z);
}
