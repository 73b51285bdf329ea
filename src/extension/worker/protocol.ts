// The messages between the extension host and a notebook's session worker (Node
// worker_threads or a Web Worker: the same structured-clone messages in both).
// The extension host asks; the worker answers runs and asks back for workspace files,
// which only the extension host can read (vscode.workspace.fs).

import type { CellResult } from '../../lang/api';

export type HostToWorker =
  /** first message: the shared cancel flag (absent where SharedArrayBuffer is not available) */
  | { type: 'init'; flag?: SharedArrayBuffer }
  /** elementLimit: the extension host's poolnb.maxTensorElements, which the worker's engine copy must honour */
  | { type: 'run'; id: number; source: string; cellIndex?: number; elementLimit: number }
  | { type: 'reset' }
  /** interrupt of run `id` for workers without a shared flag: seen when the interpreter next yields */
  | { type: 'cancel'; id: number }
  | { type: 'readFileResult'; id: number; data?: Uint8Array; error?: string }
  | { type: 'dispose' };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: CellResult }
  | { type: 'readFile'; id: number; path: string };
