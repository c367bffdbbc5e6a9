import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { log } from '../../log/logger';

const WORKER = path.join(process.cwd(), 'server', 'demo', 'postgres', 'demo-pg-worker.mjs');

type WorkerMessage =
  | { type: 'ready'; parameters: Record<string, string> }
  | { type: 'data'; id: number; bytes: Uint8Array }
  | { type: 'done'; id: number; isInTransaction: boolean }
  | { type: 'failed'; id: number; message: string };

/** The engine was restarted while this message ran: it was never finished. */
export class EngineRestartedError extends Error {}

type Running = { id: number; onData: (bytes: Uint8Array) => void; resolve: (isInTransaction: boolean) => void; reject: (error: Error) => void };

/**
 * The PGlite worker, one protocol message at a time. `restart` is the only way to stop a
 * statement: the worker is terminated and a fresh one seeded, so the data is back to the seed.
 */
export class DemoPgEngine {
  private worker: Worker | undefined;
  private ready: Promise<Record<string, string>>;
  private running: Running | undefined;
  private nextId = 1;

  constructor(private readonly seedSql: string) {
    this.ready = this.spawn();
  }

  /** The server parameters a startup reports (`server_version`, …), once the engine is up. */
  parameters(): Promise<Record<string, string>> {
    return this.ready;
  }

  /** Runs one protocol message; resolves with whether the backend is inside a transaction after it. */
  async run(bytes: Uint8Array, onData: (bytes: Uint8Array) => void): Promise<boolean> {
    await this.ready;
    if (this.running) throw new Error('the demo engine runs one message at a time');
    const worker = this.worker;
    if (!worker) throw new Error('the demo database is not running');
    const id = this.nextId++;
    return new Promise<boolean>((resolve, reject) => {
      this.running = { id, onData, resolve, reject };
      worker.postMessage({ type: 'run', id, bytes });
    });
  }

  isBusy(): boolean {
    return this.running !== undefined;
  }

  /** Ends whatever runs now (its `run` rejects with `EngineRestartedError`) and starts over from the seed. */
  async restart(): Promise<void> {
    const old = this.worker;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    running?.reject(new EngineRestartedError('the demo database was restarted'));
    this.ready = this.spawn();
    await old?.terminate();
    await this.ready;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.running?.reject(new EngineRestartedError('the demo database stopped'));
    this.running = undefined;
    await worker?.terminate();
  }

  private spawn(): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { seedSql: this.seedSql }, execArgv: [] });
      worker.unref();
      let isReady = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          isReady = true;
          this.worker = worker;
          return resolve(message.parameters);
        }
        const running = this.running;
        if (this.worker !== worker || !running || running.id !== message.id) return;
        if (message.type === 'data') return running.onData(message.bytes);
        this.running = undefined;
        if (message.type === 'done') running.resolve(message.isInTransaction);
        else running.reject(new Error(message.message));
      });
      worker.on('error', (error) => {
        if (!isReady) return reject(error);
        log().error({ err: error }, 'the demo database failed');
      });
      worker.on('exit', (code) => {
        if (!isReady) reject(new Error(`the demo database worker exited with code ${code}`));
        if (this.worker === worker) {
          this.worker = undefined;
          this.running?.reject(new Error('the demo database worker stopped'));
          this.running = undefined;
        }
      });
    });
  }
}
