import type { WebSocket } from 'ws';

export type SocketWatch = {
  /** Resolves when the socket closes, with its code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Call after each message: wakes whoever waits in `until`. */
  notify: () => void;
  /** Polls `probe` after every message (and every 200 ms; a slow probe less often) until it returns a value. */
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
      const started = performance.now();
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${describeState()}`);
      // A probe that scans all the output (a flood's tens of MB) after every frame made waiting
      // quadratic: probes take at most a fifth of the time, small ones are not delayed at all.
      const nextProbe = started + 5 * (performance.now() - started);
      await new Promise<void>((resolve) => {
        wake.push(resolve);
        setTimeout(resolve, 200);
      });
      const rest = nextProbe - performance.now();
      if (rest > 1) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  };
  return { closed, notify, until };
}
