// The worker side of a notebook session: one lang Session, driven by messages from the
// extension host. Shared by the Node (worker_threads) and the Web Worker entries, which
// only supply the endpoint. Imports lang and engine, never `vscode` or a Node built-in.

import { setElementLimit } from '../../engine/limits';
import { createSession } from '../../lang';
import type { Session } from '../../lang/api';
import { CancelFlag } from './cancelFlag';
import type { HostToWorker, WorkerToHost } from './protocol';

export interface WorkerEndpoint {
  post(message: WorkerToHost): void;
  onMessage(listener: (message: HostToWorker) => void): void;
  /** ends this worker (after 'dispose') */
  close(): void;
}

export function serveSession(endpoint: WorkerEndpoint): void {
  let flag = new CancelFlag();
  let nextRead = 1;
  const reads = new Map<number, { resolve(data: Uint8Array): void; reject(e: Error): void }>();

  // workspace files for image(path) are read by the extension host
  const readFile = (path: string) => new Promise<Uint8Array>((resolve, reject) => {
    const id = nextRead++;
    reads.set(id, { resolve, reject });
    endpoint.post({ type: 'readFile', id, path });
  });
  const session: Session = createSession({ io: { readFile } });

  // runs come one at a time from the host; the chain only guards against overlap
  let queue: Promise<void> = Promise.resolve();
  let running: number | undefined;

  endpoint.onMessage((msg) => {
    switch (msg.type) {
      case 'init':
        flag = new CancelFlag(msg.flag);
        break;
      case 'run':
        queue = queue.then(async () => {
          setElementLimit(msg.elementLimit);
          // the host clears a shared flag before it posts a run; a local one is cleared here
          if (!flag.shared) flag.clear();
          running = msg.id;
          const result = await session.run(msg.source, { token: flag, cellIndex: msg.cellIndex });
          running = undefined;
          endpoint.post({ type: 'result', id: msg.id, result });
        });
        break;
      case 'cancel':
        // only the run it was meant for: a late 'cancel' must not stop the next run
        if (!flag.shared && running === msg.id) flag.set();
        break;
      case 'reset':
        queue = queue.then(() => session.reset());
        break;
      case 'readFileResult': {
        const pending = reads.get(msg.id);
        reads.delete(msg.id);
        if (!pending) break;
        if (msg.data) pending.resolve(msg.data);
        else pending.reject(new Error(msg.error ?? 'cannot read file'));
        break;
      }
      case 'dispose':
        endpoint.close();
        break;
    }
  });
  endpoint.post({ type: 'ready' });
}
