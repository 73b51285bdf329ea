// Loads the embedded WebAssembly pooling kernels once, on first use, synchronously (Node, the web
// worker extension host and workers allow synchronous compilation of a small module), and manages
// the kernels' linear memory: a scratch area the dispatchers copy bands of planes into and out of.
// When WebAssembly or its SIMD is unavailable, `wasmKernels()` returns null and callers fall back
// to the TypeScript reference.

import { POOL_KERNELS_WASM_BASE64 } from './wasmBytes.generated';
import { decodeBase64 } from '../../common/base64';

/** The kernels' exports (see src/engine/fast/asm/poolKernels.as for their contracts). */
export interface PoolKernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  hasNaN(ptr: number, n: number): number;
  maxPool2d(inP: number, outP: number, idxP: number, hv: number, hc: number, planes: number, inRows: number, rowBase: number,
            H: number, W: number, oh0: number, ohN: number, OW: number,
            kH: number, kW: number, sH: number, sW: number, pH: number, pW: number, dH: number, dW: number,
            mode: number): void;
  avgPool2d(inP: number, outP: number, planes: number, inRows: number, rowBase: number,
            H: number, W: number, oh0: number, ohN: number, OW: number,
            kH: number, kW: number, sH: number, sW: number, pH: number, pW: number,
            countIncludePad: number, divisorOverride: number): void;
  meanPlanes(inP: number, outP: number, planes: number, n: number, tmp: number): void;
  heapBase(): number;
}

/** The kernels plus typed views of their memory (refreshed whenever the memory grows). */
export interface WasmKernels {
  readonly k: PoolKernelExports;
  /** First free byte (64-aligned) after the module's own data. */
  readonly base: number;
  f32: Float32Array;
  f64: Float64Array;
  /** Makes sure `bytes` bytes from `base` exist; returns false if the memory cannot grow. */
  ensure(bytes: number): boolean;
}

// The few WebAssembly globals used, typed locally: the project's lib setting has no DOM types.
interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let state: WasmKernels | null | undefined;
let disabled = false;

/** Turns the fast kernels off (true) or back on (false); tests and benchmarks use it to run the reference. */
export function setFastKernelsDisabled(off: boolean): void { disabled = off; }

/** The loaded kernels, or null when WebAssembly SIMD is unavailable or the kernels are disabled. */
export function wasmKernels(): WasmKernels | null {
  if (disabled) return null;
  if (state !== undefined) return state;
  state = null;
  const wa = (globalThis as unknown as { WebAssembly?: WasmGlobal }).WebAssembly;
  if (!wa) return null;
  try {
    const module = new wa.Module(decodeBase64(POOL_KERNELS_WASM_BASE64));
    const k = new wa.Instance(module, {}).exports as PoolKernelExports;
    const base = k.heapBase();
    const s: WasmKernels = {
      k, base,
      f32: new Float32Array(k.memory.buffer),
      f64: new Float64Array(k.memory.buffer),
      ensure(bytes: number): boolean {
        const need = base + bytes;
        const have = k.memory.buffer.byteLength;
        if (need > have) {
          try { k.memory.grow(Math.ceil((need - have) / 65536)); } catch { return false; }
        }
        if (s.f32.buffer !== k.memory.buffer || s.f32.length * 4 !== k.memory.buffer.byteLength) {
          s.f32 = new Float32Array(k.memory.buffer);
          s.f64 = new Float64Array(k.memory.buffer);
        }
        return true;
      },
    };
    state = s;
  } catch {
    state = null; // no SIMD support, or synchronous compilation refused (browser main thread)
  }
  return state;
}
