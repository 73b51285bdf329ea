// The session worker for VS Code for the Web (bundled to dist/web/sessionWorker.js and
// started as a Web Worker by webTransport.ts).

import { serveSession } from './serve';
import type { HostToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: HostToWorker }) => void): void;
  close(): void;
}
const scope = globalThis as unknown as WorkerScope;
serveSession({
  post: (message) => scope.postMessage(message),
  onMessage: (listener) => scope.addEventListener('message', (e) => listener(e.data)),
  close: () => scope.close(),
});
