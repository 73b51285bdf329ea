// The interrupt flag shared by the extension host and a session worker. Over a
// SharedArrayBuffer the worker sees the host's store at once, even while one long
// synchronous engine op runs: the engine's periodic throwIfCancelled(token) reads the
// flag through the `cancelled` getter (Atomics.load), so the op stops part-way.
// Without shared memory (a Web Worker where the page is not cross-origin isolated)
// the flag is a plain field, set by a 'cancel' message when the interpreter yields.

import type { CancelToken } from '../../engine/errors';

export class CancelFlag implements CancelToken {
  private readonly cell: Int32Array | undefined;
  private local = false;

  constructor(readonly buffer?: SharedArrayBuffer) {
    this.cell = buffer ? new Int32Array(buffer) : undefined;
  }

  /** A flag over new shared memory, or a local one for a worker that cannot share memory. */
  static create(shared: boolean): CancelFlag {
    return new CancelFlag(shared ? new SharedArrayBuffer(4) : undefined);
  }

  get shared(): boolean { return this.cell !== undefined; }

  get cancelled(): boolean {
    return this.cell ? Atomics.load(this.cell, 0) !== 0 : this.local;
  }

  set(): void {
    if (this.cell) Atomics.store(this.cell, 0, 1);
    else this.local = true;
  }

  clear(): void {
    if (this.cell) Atomics.store(this.cell, 0, 0);
    else this.local = false;
  }
}
