/**
 * Data the worker receives. Module paths are resolved by the parent, so the worker loads
 * exactly the packages the parent would.
 */
export interface PgliteWorkerData {
  pgliteModule: string;
  socketModule: string;
  dataDir: string;
  host: string;
  port: number;
  maxConnections: number;
}

/** Messages from the worker: started (with the port), failed to start, or stopped. */
export type PgliteWorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'stopped'; error?: string };

/**
 * The program of the thread that runs PGlite and its socket server.
 *
 * It is JavaScript source rather than a module file for two reasons: PGlite loads Node
 * built-ins with dynamic import(), which Jest's module sandbox refuses, while a worker runs
 * on Node's own loader; and a source string runs the same from the TypeScript sources
 * (tests) and from dist/ (apps), with no build step to copy a file. A thread of its own also
 * keeps PGlite's WebAssembly, which runs each query synchronously, off the app's event loop.
 */
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pgliteModule);
const { PGLiteSocketServer } = require(workerData.socketModule);

let db;
let server;

async function shutdown() {
  if (server) await server.stop();
  // stop() detaches client handlers without awaiting them; a detach may still roll back an
  // open transaction, so let those finish before closing the database under them.
  await new Promise((resolve) => setImmediate(resolve));
  if (db && !db.closed) await db.close();
}

async function start() {
  try {
    db = await PGlite.create(workerData.dataDir);
    server = new PGLiteSocketServer({
      db,
      host: workerData.host,
      port: workerData.port,
      maxConnections: workerData.maxConnections,
    });
    await server.start();
  } catch (error) {
    await shutdown().catch(() => undefined);
    parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    parentPort.close();
    return;
  }
  // host:port, with the port the OS picked when asked for port 0.
  const port = Number(server.getServerConn().split(':').pop());
  parentPort.on('message', (message) => {
    if (!message || message.type !== 'stop') return;
    shutdown().then(
      () => parentPort.postMessage({ type: 'stopped' }),
      (error) => parentPort.postMessage({ type: 'stopped', error: String(error) }),
    ).finally(() => parentPort.close());
  });
  parentPort.postMessage({ type: 'ready', port });
}

start();
`;
