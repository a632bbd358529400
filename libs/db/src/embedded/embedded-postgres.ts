import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock';
import { EmbeddedPostgresError } from './embedded-postgres.error';
import { PGLITE_WORKER_SOURCE } from './pglite-worker.source';
import type { PgliteWorkerData, PgliteWorkerMessage } from './pglite-worker.source';

export interface EmbeddedPostgresOptions {
  /** Folder holding the database files; created if missing. */
  dataDir: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * Client connections the server accepts at once. PGlite is ONE session shared by all of
   * them, so the data source over it must use poolSize 1; the default of 2 only leaves room
   * for a reconnect overlapping the close of an idle connection, or a psql to look around.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgres:// URL to give to createDataSource (with poolSize 1). */
  url: string;
  port: number;
  dataDir: string;
  /** Closes the server and the database so that everything is on disk; idempotent. */
  stop(): Promise<void>;
}

/**
 * Runs Postgres in-process (PGlite, WebAssembly, in a worker thread) on a data folder and
 * serves it over the Postgres wire protocol, so that the standalone mode uses the same pg
 * driver, SQL and migrations as a real server. A data folder serves one instance at a time.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);

  const workerData: PgliteWorkerData = {
    pgliteModule: require.resolve('@electric-sql/pglite'),
    socketModule: require.resolve('@electric-sql/pglite-socket'),
    dataDir,
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 2,
  };
  const worker = new Worker(PGLITE_WORKER_SOURCE, { eval: true, workerData });
  const exited = new Promise<number>((resolveExit) => worker.once('exit', resolveExit));

  let port: number;
  try {
    port = await nextReply(worker, exited, 'starting').then((reply) => {
      if (reply.type === 'ready') return reply.port;
      throw new EmbeddedPostgresError(`Embedded Postgres could not start on ${dataDir}: ${describeReply(reply)}`);
    });
  } catch (error) {
    await worker.terminate();
    lock.release();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    try {
      const reply = nextReply(worker, exited, 'stopping');
      worker.postMessage({ type: 'stop' });
      const stopped = await reply;
      if (stopped.type === 'stopped' && stopped.error) {
        throw new EmbeddedPostgresError(`Embedded Postgres on ${dataDir} did not stop cleanly: ${stopped.error}`);
      }
    } finally {
      // The database is closed by now; this only ends the thread without waiting for it.
      await worker.terminate();
      lock.release();
    }
  };

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `postgres://postgres@${urlHost}:${port}/postgres`,
    port,
    dataDir,
    stop: () => (stopping ??= stop()),
  };
}

/** The worker's next message; a worker that dies first is an error, not a hang. */
function nextReply(worker: Worker, exited: Promise<number>, phase: string): Promise<PgliteWorkerMessage> {
  return new Promise<PgliteWorkerMessage>((resolveReply, reject) => {
    const onMessage = (message: PgliteWorkerMessage) => settle(() => resolveReply(message));
    const onError = (error: Error) => settle(() => reject(error));
    const settle = (done: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      done();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    void exited.then((code) =>
      settle(() => reject(new EmbeddedPostgresError(`Embedded Postgres exited (code ${code}) while ${phase}`))),
    );
  });
}

function describeReply(reply: PgliteWorkerMessage): string {
  return reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`;
}
