// What the extension host needs from a started worker, whether a Node worker thread or a
// Web Worker: post, listen, terminate. nodeTransport.ts and webTransport.ts adapt them.

import type { HostToWorker, WorkerToHost } from './protocol';

export interface WorkerPort {
  /** a SharedArrayBuffer posted to this worker is shared (Node; browsers when cross-origin isolated) */
  readonly sharedMemory: boolean;
  post(message: HostToWorker, transfer?: ArrayBuffer[]): void;
  /** onFailure: the worker threw, failed to load, ran out of memory or exited by itself */
  listen(onMessage: (message: WorkerToHost) => void, onFailure: (error: Error) => void): void;
  /** stops the worker at once, whatever it is doing (its memory is freed) */
  terminate(): void;
}

/** Starts a fresh worker; throws when this host cannot start one. */
export type WorkerSpawner = () => WorkerPort;
