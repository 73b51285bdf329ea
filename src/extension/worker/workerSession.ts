// A notebook session that runs in a worker (Node worker thread or Web Worker), so long
// PoolScript work never blocks the extension host. Implements the lang Session contract,
// so the kernel cannot tell it from an in-process session.
//
// Interrupt: the run's CancelToken is polled here (the host's event loop is free), and
// interrupt() stores 1 into the flag shared with the worker, which the engine's periodic
// checks see even inside one long synchronous op. If the worker has not answered within
// `interruptGraceMs` (default 1 s), it is terminated; the run reports KeyboardInterrupt
// with a note that the session's state was lost, and the next run starts a new worker.
// A worker that crashes (throws, runs out of memory, exits) is reported the same way, as
// an error of the cell that was running.

import { getElementLimit } from '../../engine/limits';
import type { CellError, CellResult, Session } from '../../lang/api';
import type { CancelToken } from '../../engine/errors';
import { CancelFlag } from './cancelFlag';
import type { WorkerPort, WorkerSpawner } from './port';
import type { WorkerToHost } from './protocol';

export interface WorkerSessionOptions {
  /** reads a workspace file for image(path) on the worker's behalf */
  readFile?(path: string): Promise<Uint8Array>;
  /** the element limit sent with each run (default: this host's engine setting) */
  elementLimit?(): number;
  /** how long an interrupted worker may take to answer before it is terminated (ms) */
  interruptGraceMs?: number;
  /** how often a running cell's CancelToken is looked at (ms) */
  pollMs?: number;
  /** where the worker cannot start at all (VS Code for the Web without nested workers):
   * the session to run in-process instead */
  fallback?(): Session;
}

type RunOptions = { token?: CancelToken; cellIndex?: number };

interface PendingRun {
  id: number;
  source: string;
  options: RunOptions;
  started: number;
  interrupted: boolean;
  finish(result: CellResult): void;
}

export const STATE_LOST_NOTE =
  'the session did not stop within a second and was restarted: its variables were lost';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class WorkerSession implements Session {
  private port?: WorkerPort;
  /** the current worker has said 'ready' (it loaded and runs) */
  private ready = false;
  private flag = new CancelFlag();
  private pending?: PendingRun;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private inProcess?: Session;
  private disposed = false;

  constructor(private readonly spawn: WorkerSpawner, private readonly opts: WorkerSessionOptions = {}) {}

  /** true while runs go to a worker (false after falling back to an in-process session) */
  get usesWorker(): boolean { return this.inProcess === undefined; }

  run(source: string, options: RunOptions = {}): Promise<CellResult> {
    const result = this.queue.then(() => this.runNow(source, options));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Forgets the variables; the worker keeps running. */
  reset(): void {
    if (this.inProcess) this.inProcess.reset();
    else this.port?.post({ type: 'reset' });
  }

  /** Stops the running cell: the shared flag at once, a message for workers without one,
   * and the worker itself if it has not answered within the grace period. */
  interrupt(): void {
    const run = this.pending;
    // an in-process session (the fallback) sees the run's token itself
    if (!run || run.interrupted || this.inProcess) return;
    run.interrupted = true;
    this.flag.set();
    if (!this.flag.shared) this.port?.post({ type: 'cancel', id: run.id });
    const grace = this.opts.interruptGraceMs ?? 1000;
    setTimeout(() => {
      if (this.pending !== run) return;
      this.stopWorker();
      run.finish(this.failure(run, { type: 'KeyboardInterrupt', message: STATE_LOST_NOTE }));
    }, grace);
  }

  /** A new worker for the next run: all state and memory of the old one are gone. */
  restart(): void {
    this.stopWorker();
    const run = this.pending;
    if (run) run.finish(this.failure(run, { type: 'KeyboardInterrupt', message: 'the session was restarted' }));
    this.inProcess?.reset();
  }

  dispose(): void {
    this.disposed = true;
    this.port?.post({ type: 'dispose' });
    this.restart();
  }

  private async runNow(source: string, options: RunOptions): Promise<CellResult> {
    if (this.disposed) throw new Error('the PoolScript session was disposed');
    if (this.inProcess) return this.inProcess.run(source, options);
    const started = now();
    if (options.token?.cancelled) return { outputs: [], error: { type: 'KeyboardInterrupt', message: '' }, durationMs: 0 };
    let port: WorkerPort;
    try {
      port = this.startedWorker();
    } catch (e) {
      if (this.opts.fallback) return this.useInProcess().run(source, options);
      return { outputs: [], error: { type: 'RuntimeError', message: `poolnb: cannot start the session worker: ${messageOf(e)}` }, durationMs: 0 };
    }
    // a flag left set by the last interrupt must not stop this run
    this.flag.clear();
    return new Promise<CellResult>((resolve) => {
      let poll: ReturnType<typeof setInterval> | undefined;
      const run: PendingRun = {
        id: this.nextId++, source, options, started, interrupted: false,
        finish: (result) => {
          if (poll !== undefined) clearInterval(poll);
          if (this.pending === run) this.pending = undefined;
          resolve(result);
        },
      };
      this.pending = run;
      const token = options.token;
      if (token) poll = setInterval(() => { if (token.cancelled) this.interrupt(); }, this.opts.pollMs ?? 20);
      const elementLimit = this.opts.elementLimit?.() ?? getElementLimit();
      port.post({ type: 'run', id: run.id, source, cellIndex: options.cellIndex, elementLimit });
    });
  }

  private startedWorker(): WorkerPort {
    if (this.port) return this.port;
    const port = this.spawn();
    this.port = port;
    this.ready = false;
    this.flag = CancelFlag.create(port.sharedMemory);
    port.listen((m) => this.onMessage(port, m), (e) => this.onFailure(port, e));
    port.post({ type: 'init', flag: this.flag.buffer });
    return port;
  }

  private onMessage(port: WorkerPort, msg: WorkerToHost): void {
    if (port !== this.port) return; // a terminated worker's last words
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        break;
      case 'result':
        if (this.pending?.id === msg.id) this.pending.finish(msg.result);
        break;
      case 'readFile': {
        const read = this.opts.readFile;
        if (!read) { port.post({ type: 'readFileResult', id: msg.id, error: 'this host cannot read files' }); break; }
        read(msg.path).then(
          (data) => { if (port === this.port) port.post({ type: 'readFileResult', id: msg.id, data }); },
          (e) => { if (port === this.port) port.post({ type: 'readFileResult', id: msg.id, error: messageOf(e) }); },
        );
        break;
      }
    }
  }

  private onFailure(port: WorkerPort, error: Error): void {
    if (port !== this.port) return;
    const loaded = this.ready;
    this.stopWorker();
    const run = this.pending;
    if (!loaded && this.opts.fallback) {
      // the worker never ran (e.g. its script cannot load here): run in-process from now on
      const session = this.useInProcess();
      if (run) session.run(run.source, run.options).then(run.finish, (e) => run.finish(this.failure(run, { type: 'RuntimeError', message: messageOf(e) })));
      return;
    }
    if (!run) return; // an idle worker died: the next run starts a new one
    const oom = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    run.finish(this.failure(run, oom
      ? { type: 'MemoryError', message: `poolnb: the session ran out of memory (${error.message}); it was restarted and its variables were lost` }
      : { type: 'RuntimeError', message: `poolnb: the session's worker stopped (${error.message}); it was restarted and its variables were lost` }));
  }

  private useInProcess(): Session {
    this.inProcess ??= this.opts.fallback!();
    return this.inProcess;
  }

  private stopWorker(): void {
    const port = this.port;
    this.port = undefined;
    this.ready = false;
    port?.terminate();
  }

  private failure(run: PendingRun, error: CellError): CellResult {
    return { outputs: [], error, durationMs: now() - run.started };
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
