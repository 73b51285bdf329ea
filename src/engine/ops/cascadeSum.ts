// Floating-point sums in the order PyTorch 1.13's CPU kernel adds (aten/src/ATen/native/cpu/
// SumKernel.cpp, cascade_sum, AVX2 build: 8 float32 / 4 float64 lanes), so float32 sums come
// out bit-identical. The TensorIterator part (dimension reordering and coalescing) is
// reproduced in reductionLayout(). Past 32768 elements PyTorch may split the work across
// threads, which changes the order: there poolnb agrees to ~1e-6 relative, not bit for bit.

import { CancelToken, throwIfCancelled } from '../errors';
import { reorderDimensions } from './broadcast';


// The token of the sum in progress, checked every few thousand chunks (a whole-tensor sum
// is one long row, so the outer loop alone would never look).
let activeToken: CancelToken | undefined;
let chunks = 0;
function tick(): void {
  if ((++chunks & 0xfff) === 0) throwIfCancelled(activeToken);
}
type Round = (x: number) => number;

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.floor(Math.log2(x - 1)) + 1;
}

/**
 * multi_row_sum for one column (element i at src[base + i * stride]): chunked sums in up to
 * 4 levels so that numbers of similar magnitude meet.
 */
function multiRowSum1(src: ArrayLike<number>, base: number, stride: number, size: number, r: Round): number {
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / 4));
  const levelStep = 2 ** levelPower;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) a0 = r(a0 + src[base + i * stride]);
    tick();
    // cascade up while the lower levels' counters wrap: (i & (mask << (j * levelPower))) == 0
    a1 = r(a1 + a0); a0 = 0;
    if (Math.floor(i / levelStep) % levelStep !== 0) continue;
    a2 = r(a2 + a1); a1 = 0;
    if (Math.floor(i / 2 ** (2 * levelPower)) % levelStep !== 0) continue;
    a3 = r(a3 + a2); a2 = 0;
  }
  for (; i < size; i++) a0 = r(a0 + src[base + i * stride]);
  a0 = r(a0 + a1);
  a0 = r(a0 + a2);
  return r(a0 + a3);
}

/** row_sum: four interleaved cascades (ILP), then the tail, then the four partials. */
function rowSum(src: ArrayLike<number>, base: number, stride: number, size: number, r: Round): number {
  const sizeIlp = Math.floor(size / 4);
  let p0 = multiRowSum1(src, base, 4 * stride, sizeIlp, r);
  const p1 = multiRowSum1(src, base + stride, 4 * stride, sizeIlp, r);
  const p2 = multiRowSum1(src, base + 2 * stride, 4 * stride, sizeIlp, r);
  const p3 = multiRowSum1(src, base + 3 * stride, 4 * stride, sizeIlp, r);
  for (let i = sizeIlp * 4; i < size; i++) p0 = r(p0 + src[base + i * stride]);
  p0 = r(p0 + p1);
  p0 = r(p0 + p2);
  return r(p0 + p3);
}

export interface Block {
  src: ArrayLike<number>;
  inBase: number;
  inStrides: [number, number];
  dst: Float32Array | Float64Array;
  outBase: number;
  outStrides: [number, number];
  size0: number;
  size1: number;
}

/** One call of cascade_sum's 2-D loop body (strides in elements). */
export function cascadeBlock(b: Block, r: Round, vec: number): void {
  let inS = b.inStrides.slice() as [number, number], outS = b.outStrides.slice() as [number, number];
  let size0 = b.size0, size1 = b.size1;
  const { src, dst, inBase, outBase } = b;
  if (outS[0] !== 0 && outS[1] === 0) {
    inS = [inS[1], inS[0]];
    outS = [outS[1], outS[0]];
    [size0, size1] = [size1, size0];
  }
  if (outS[0] !== 0 && outS[1] !== 0) {
    for (let j = 0; j < size1; j++) {
      for (let i = 0; i < size0; i++) {
        const o = outBase + j * outS[1] + i * outS[0];
        dst[o] = r(dst[o] + src[inBase + j * inS[1] + i * inS[0]]);
      }
    }
    return;
  }
  const outStride = outS[1];
  const store = (j: number, v: number) => {
    const o = outBase + j * outStride;
    dst[o] = r(dst[o] + v);
  };
  if (inS[0] === 1 && size0 >= vec) {
    // vectorized_inner_sum: lane l of vector k is element k*vec + l
    const vecSize = Math.floor(size0 / vec);
    for (let j = 0; j < size1; j++) {
      const row = inBase + j * inS[1];
      let fin = 0;
      for (let k = vecSize * vec; k < size0; k++) fin = r(fin + src[row + k]);
      for (let l = 0; l < vec; l++) fin = r(fin + rowSum(src, row + l, vec, vecSize, r));
      store(j, fin);
    }
  } else if (inS[1] === 1 && size1 >= vec) {
    // vectorized_outer_sum: columns in blocks of 4 vectors, then single vectors, then scalars
    let j = 0;
    for (; j + 4 * vec <= size1; j += 4 * vec) {
      for (let c = j; c < j + 4 * vec; c++) store(c, multiRowSum1(src, inBase + c, inS[0], size0, r));
    }
    for (; j < size1; j++) store(j, rowSum(src, inBase + j, inS[0], size0, r));
  } else if (inS[0] < inS[1]) {
    for (let j = 0; j < size1; j++) store(j, rowSum(src, inBase + j * inS[1], inS[0], size0, r));
  } else {
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      for (let c = j; c < j + 4; c++) store(c, multiRowSum1(src, inBase + c * inS[1], inS[0], size0, r));
    }
    for (; j < size1; j++) store(j, rowSum(src, inBase + j * inS[1], inS[0], size0, r));
  }
}

export interface Layout { shape: number[]; inStrides: number[]; outStrides: number[] }

/**
 * TensorIterator's reorder_dimensions + coalesce_dimensions for a reduction: reduced dims
 * first, then by increasing stride; adjacent dims merge when their strides chain.
 */
export function reductionLayout(shape: readonly number[], inStrides: readonly number[], outStrides: readonly number[]): Layout {
  const nd = shape.length;
  if (nd === 0) return { shape: [1], inStrides: [0], outStrides: [0] };
  const ops = [outStrides, inStrides];
  const shouldSwap = (d0: number, d1: number): number => {
    for (let a = 0; a < ops.length; a++) {
      const s0 = ops[a][d0], s1 = ops[a][d1];
      if (a === 0 && (s0 === 0) !== (s1 === 0)) return s1 === 0 ? 1 : -1;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  const perm = reorderDimensions(nd, shouldSwap);
  const sh = perm.map((d) => shape[d]);
  const st = ops.map((o) => perm.map((d) => o[d]));
  let prev = 0;
  for (let dim = 1; dim < nd; dim++) {
    const canCoalesce = sh[prev] === 1 || sh[dim] === 1 || st.every((s) => sh[prev] * s[prev] === s[dim]);
    if (canCoalesce) {
      if (sh[prev] === 1) for (const s of st) s[prev] = s[dim];
      sh[prev] *= sh[dim];
    } else {
      prev++;
      if (prev !== dim) {
        for (const s of st) s[prev] = s[dim];
        sh[prev] = sh[dim];
      }
    }
  }
  return { shape: sh.slice(0, prev + 1), inStrides: st[1].slice(0, prev + 1), outStrides: st[0].slice(0, prev + 1) };
}

/**
 * Sums `src` (read with `inStrides`/`inOffset` over `shape`) into `dst` (zero-filled,
 * addressed by `outStrides`, 0 on reduced dims) in PyTorch's order.
 */
export function cascadeSum(
  src: ArrayLike<number>, inOffset: number, shape: readonly number[], inStrides: readonly number[],
  dst: Float32Array | Float64Array, outStrides: readonly number[], token?: CancelToken,
): void {
  const r: Round = dst instanceof Float32Array ? Math.fround : (x) => x;
  const vec = dst instanceof Float32Array ? 8 : 4;
  const lay = reductionLayout(shape, inStrides, outStrides);
  if (lay.shape.some((s) => s === 0)) return;
  activeToken = token;
  const outer = lay.shape.slice(2);
  const count = outer.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(outer.length).fill(0);
  for (let n = 0; n < count; n++) {
    throwIfCancelled(token);
    let inBase = inOffset, outBase = 0;
    for (let k = 0; k < outer.length; k++) {
      inBase += idx[k] * lay.inStrides[k + 2];
      outBase += idx[k] * lay.outStrides[k + 2];
    }
    cascadeBlock({
      src, inBase, dst, outBase,
      inStrides: [lay.inStrides[0], lay.inStrides[1] ?? 0],
      outStrides: [lay.outStrides[0], lay.outStrides[1] ?? 0],
      size0: lay.shape[0], size1: lay.shape[1] ?? 1,
    }, r, vec);
    for (let k = 0; k < outer.length; k++) {
      if (++idx[k] < outer[k]) break;
      idx[k] = 0;
    }
  }
}
