// The session worker for the Node extension host (bundled to dist/sessionWorker.js and
// started with worker_threads by nodeTransport.ts). The only Node-specific worker file.

import { parentPort } from 'worker_threads';
import { serveSession } from './serve';
import { nodeKernelPeerSpawner } from '../../host/nodeKernelPeer';
import { setKernelPeerSpawner } from '../../engine/fast';
import type { HostToWorker } from './protocol';

if (!parentPort) throw new Error('dist/sessionWorker.js runs only as a worker thread');
// large pooling calls use a second thread (src/engine/fast/parallel.ts)
setKernelPeerSpawner(nodeKernelPeerSpawner(__dirname));
const port = parentPort;
serveSession({
  post: (message) => port.postMessage(message),
  onMessage: (listener) => port.on('message', (m: HostToWorker) => listener(m)),
  close: () => port.close(),
});
