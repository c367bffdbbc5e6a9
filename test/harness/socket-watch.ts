import type { WebSocket } from 'ws';

export type SocketWatch = {
  /** Resolves when the socket closes, with its code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Call after each message: wakes whoever waits in `until`. */
  notify: () => void;
  /** Polls `probe` after every message (and every 200 ms) until it returns a value. */
  until: <T>(probe: () => T | undefined, what: string, timeoutMs: number) => Promise<T>;
};

/** What the scripted terminal and SQL clients share: a close promise and waiting on messages. */
export function watchSocket(ws: WebSocket, describeState: () => string): SocketWatch {
  let wake: (() => void)[] = [];
  const notify = () => {
    const pending = wake;
    wake = [];
    pending.forEach((fn) => fn());
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      notify();
    }),
  );
  const until = async <T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${describeState()}`);
      await new Promise<void>((resolve) => {
        wake.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { closed, notify, until };
}
