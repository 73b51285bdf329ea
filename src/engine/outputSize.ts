// The one place that knows how big a pooled axis is (ATen Pool.h, AdaptivePooling.h and
// torch.nn.functional._unpool_output_size). Hover, diagnostics, the checker, the CLI
// `size` command, the renderer's derivation and the ops themselves all ask this module.

import type { AxisDerivation } from '../common/viewModel';
import { runtimeError } from './errors';

/** Mathematical floor division (ATen div_rtn); a JS `/` on integers then Math.floor. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** C++ integer division: truncates toward zero (used on purpose by some ATen checks). */
export function truncDiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** ATen pooling_output_shape_pad_lr with symmetric padding, including the ceil correction. */
export function pooledSize(L: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  return pooledSizeDetail(L, k, s, p, d, ceilMode).output;
}

function pooledSizeDetail(L: number, k: number, s: number, p: number, d: number, ceilMode: boolean) {
  const num = L + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0);
  let out = floorDiv(num, s) + 1;
  let corrected = false;
  // A last window that would start in the right padding is dropped (one decrement suffices).
  if (ceilMode && (out - 1) * s >= L + p) {
    out--;
    corrected = true;
  }
  return { output: out, corrected };
}

/**
 * ATen pooling_output_shape: the three argument checks it makes (stride, then pad sign,
 * then pad <= kernel/2 with C++ truncating division, ignoring dilation as 1.13 does),
 * then the size.
 */
export function checkedPooledSize(L: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  checkPoolingArgs(k, s, p);
  return pooledSize(L, k, s, p, d, ceilMode);
}

export function checkPoolingArgs(k: number, s: number, p: number): void {
  if (s === 0) throw runtimeError('stride should not be zero');
  if (p < 0) throw runtimeError(`pad must be non-negative, but got pad: ${p}`);
  if (p > truncDiv(k, 2)) {
    throw runtimeError(`pad should be at most half of kernel size, but got pad=${p} and kernel_size=${k}`);
  }
}

/** The output-size derivation of one axis, for display (hover, renderer, CLI). */
export function deriveAxis(axis: string, L: number, k: number, s: number, p: number, d: number, ceilMode: boolean): AxisDerivation {
  const { output, corrected } = pooledSizeDetail(L, k, s, p, d, ceilMode);
  const rnd = ceilMode ? 'ceil' : 'floor';
  const dil = d === 1 ? '(k-1)' : 'd(k-1)';
  const formula = `${rnd}((${axis} + 2p - ${dil} - 1) / s) + 1`;
  const num = L + 2 * p - d * (k - 1) - 1;
  const substituted = `${rnd}((${L} + ${2 * p} - ${d * (k - 1)} - 1) / ${s}) + 1`;
  const steps: string[] = [
    `effective kernel = d(k-1)+1 = ${d * (k - 1) + 1}`,
    `numerator = ${L} + ${2 * p} - ${d * (k - 1)} - 1 = ${num}`,
  ];
  const raw = (ceilMode ? Math.ceil(num / s) : Math.floor(num / s)) + 1;
  steps.push(`${rnd}(${num} / ${s}) + 1 = ${raw}`);
  if (corrected) {
    steps.push(`ceil correction: the last window would start at ${(raw - 1) * s} >= ${axis} + p = ${L + p} (in the right padding), so it is dropped: ${output}`);
  }
  return { axis, input: L, kernel: k, stride: s, padding: p, dilation: d, ceilMode, formula, substituted, ceilCorrection: corrected, output, steps };
}

/** Adaptive bins of ATen AdaptivePooling.h: [floor(i*in/out), ceil((i+1)*in/out)). */
export function adaptiveStart(i: number, outSize: number, inSize: number): number {
  return Math.floor(i / outSize) * inSize + Math.floor(((i % outSize) * inSize) / outSize);
}

export function adaptiveEnd(i: number, outSize: number, inSize: number): number {
  return 1 + Math.floor(((i + 1) * inSize - 1) / outSize);
}

export function adaptiveBins(inSize: number, outSize: number): { start: number; end: number }[] {
  const bins: { start: number; end: number }[] = [];
  for (let i = 0; i < outSize; i++) bins.push({ start: adaptiveStart(i, outSize, inSize), end: adaptiveEnd(i, outSize, inSize) });
  return bins;
}

/** F._unpool_output_size's default: (in - 1)*s - 2p + k. */
export function unpoolDefaultSize(inSize: number, k: number, s: number, p: number): number {
  return (inSize - 1) * s + k - 2 * p;
}

export interface PoolCost {
  outputElements: number;
  /** input elements read (padding taps are not read) */
  windowReads: number;
  /** comparisons (max) or additions (avg / lp) */
  comparisons: number;
  additions: number;
}

/** In-bounds taps summed over all output positions of one axis (separable, so products give totals). */
function axisReads(a: AxisDerivation): number {
  let reads = 0;
  for (let o = 0; o < a.output; o++) {
    let start = o * a.stride - a.padding;
    const end = Math.min(start + (a.kernel - 1) * a.dilation + 1, a.input);
    while (start < 0) start += a.dilation;
    if (end > start) reads += Math.floor((end - start - 1) / a.dilation) + 1;
  }
  return reads;
}

/** Work figures of a kernel-based pooling op over `planes` (N*C) planes. */
export function poolCost(kind: 'max' | 'avg' | 'lp', planes: number, axes: AxisDerivation[]): PoolCost {
  let outPlane = 1;
  let reads = 1;
  for (const a of axes) {
    outPlane *= Math.max(a.output, 0);
    reads *= axisReads(a);
  }
  const outputElements = planes * outPlane;
  const windowReads = planes * reads;
  return {
    outputElements,
    windowReads,
    comparisons: kind === 'max' ? windowReads : 0,
    additions: kind === 'max' ? 0 : windowReads,
  };
}
