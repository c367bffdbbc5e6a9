import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildInit } from './gateway-child';

export type GatewayChild = {
  child: ChildProcess;
  ready: { origin: string; recovered: number };
  /** Sends a request and resolves with the child's answer (rejects when it says `failed`). */
  ask<T>(message: unknown): Promise<T>;
};

/** A gateway process (gateway-child.ts) on a data directory that outlives it, and a way to ask it things. */
export async function startGatewayChild(init: ChildInit, children: ChildProcess[]): Promise<GatewayChild> {
  const child = fork(path.join(__dirname, 'gateway-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  children.push(child);
  const replies: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  child.on('message', (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else replies.push(message);
  });
  const next = () =>
    new Promise<{ type: string; message?: string } & Record<string, unknown>>((resolve) => {
      const queued = replies.shift();
      if (queued) resolve(queued as never);
      else waiters.push(resolve as never);
    });
  const ask = async <T>(message: unknown): Promise<T> => {
    child.send(message as never);
    const answer = await next();
    if (answer.type === 'failed') throw new Error(answer.message);
    return answer as T;
  };
  child.send(init);
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`child failed: ${ready.message}`);
  return { child, ready: ready as unknown as GatewayChild['ready'], ask };
}
