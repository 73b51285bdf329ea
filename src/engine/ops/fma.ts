// Fused multiply-add as PyTorch's kernels get it: GCC contracts `a + b * c` in some kernels
// (linspace) into one FMA instruction, rounding once. These reproduce that rounding.

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

function nextFloat32(x: number, up: boolean): number {
  f32[0] = x;
  if (x === 0) return up ? 2 ** -149 : -(2 ** -149);
  i32[0] += (x > 0) === up ? 1 : -1;
  return f32[0];
}

/** round-to-float32 of the exact value s + e (s = fl64(s + e), |e| tiny). */
function roundToF32(s: number, e: number): number {
  const f = Math.fround(s);
  if (e === 0 || f === s || !Number.isFinite(s)) return f;
  const other = nextFloat32(f, s > f);
  if (s !== (f + other) / 2) return f;
  return (e > 0) === (other > f) ? other : f;
}

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

/** fmaf(a, b, c) for float32 a, b, c (a * b is exact in float64). */
export function fmaF32(a: number, b: number, c: number): number {
  const [s, e] = twoSum(a * b, c);
  return roundToF32(s, e);
}

function split(a: number): [number, number] {
  const t = 134217729 * a; // 2^27 + 1
  const hi = t - (t - a);
  return [hi, a - hi];
}

/** fma(a, b, c) in float64 (Dekker's product + TwoSum; correctly rounded except in rare ties). */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p)) return p + c;
  const [ah, al] = split(a), [bh, bl] = split(b);
  const pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const [s, se] = twoSum(p, c);
  return s + (pe + se);
}
