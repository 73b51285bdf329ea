// ATen 1.13's summation order for a contiguous inner reduction (aten/src/ATen/native/cpu/
// SumKernel.cpp: cascade_sum -> vectorized_inner_sum / row_sum / multi_row_sum), with the
// AVX2 vector width (8 float32 or 4 float64). adaptive_avg_pool*d with an all-ones output
// size calls input.mean(spatial dims), i.e. this sum followed by one division.

type Round = (x: number) => number;

const NUM_LEVELS = 4;
const ILP = 4;

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.ceil(Math.log2(x));
}

/**
 * multi_row_sum: `nrows` parallel sums over `size` rows, with the cascade of levels that
 * keeps long sums accurate. `load(i, k)` returns row i, column k (a scalar or a vector
 * lane handled by the caller via `lanes`).
 */
function multiRowSum(load: (i: number, k: number) => number, nrows: number, size: number, r: Round): number[] {
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / NUM_LEVELS));
  const levelStep = 1 << levelPower;
  const acc: number[][] = [];
  for (let j = 0; j < NUM_LEVELS; j++) acc.push(new Array<number>(nrows).fill(0));
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) {
      for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + load(i, k));
    }
    for (let j = 1; j < NUM_LEVELS; j++) {
      for (let k = 0; k < nrows; k++) {
        acc[j][k] = r(acc[j][k] + acc[j - 1][k]);
        acc[j - 1][k] = 0;
      }
      // (i & (level_mask << (j * level_power))) != 0
      if (Math.floor(i / 2 ** (j * levelPower)) % levelStep !== 0) break;
    }
  }
  for (; i < size; i++) {
    for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + load(i, k));
  }
  for (let j = 1; j < NUM_LEVELS; j++) {
    for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + acc[j][k]);
  }
  return acc[0];
}

/** row_sum over `size` elements of width `lanes` (lanes = 1: scalars; > 1: vectors). */
function rowSum(get: (e: number, lane: number) => number, size: number, lanes: number, r: Round): number[] {
  const sizeIlp = Math.floor(size / ILP);
  // ILP rows of `lanes` columns: column (k, lane) of row i is element i*ILP + k
  const partial = multiRowSum((i, c) => get(i * ILP + Math.floor(c / lanes), c % lanes), ILP * lanes, sizeIlp, r);
  const sums: number[][] = [];
  for (let k = 0; k < ILP; k++) sums.push(partial.slice(k * lanes, (k + 1) * lanes));
  for (let e = sizeIlp * ILP; e < size; e++) {
    for (let l = 0; l < lanes; l++) sums[0][l] = r(sums[0][l] + get(e, l));
  }
  for (let k = 1; k < ILP; k++) {
    for (let l = 0; l < lanes; l++) sums[0][l] = r(sums[0][l] + sums[k][l]);
  }
  return sums[0];
}

/** sum(src[off .. off+n)) in ATen's order for a float32 (`f32`) or float64 tensor. */
export function atenInnerSum(src: ArrayLike<number>, off: number, n: number, f32: boolean): number {
  const r: Round = f32 ? Math.fround : (x) => x;
  const vec = f32 ? 8 : 4;
  if (n >= vec) {
    const nv = Math.floor(n / vec);
    const lanes = rowSum((e, l) => src[off + e * vec + l], nv, vec, r);
    let acc = 0;
    for (let k = nv * vec; k < n; k++) acc = r(acc + src[off + k]);
    for (let l = 0; l < vec; l++) acc = r(acc + lanes[l]);
    return acc;
  }
  return rowSum((e) => src[off + e], n, 1, r)[0];
}

/** input.mean() over one contiguous plane: the output starts at 0, accumulates the sum, then divides. */
export function atenMean(src: ArrayLike<number>, off: number, n: number, f32: boolean): number {
  const r: Round = f32 ? Math.fround : (x) => x;
  return r(r(0 + atenInnerSum(src, off, n, f32)) / n);
}
