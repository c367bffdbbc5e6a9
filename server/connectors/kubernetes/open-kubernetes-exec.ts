import WebSocket from 'ws';
import type { IncomingMessage } from 'node:http';
import { ConnectorError } from '../connector-error';
import type { TerminalConnection, TerminalExit, TerminalHandlers, TerminalSize } from '../terminal-connector';
import { resolveTargetHost } from '../resolve-target-host';
import { Channel, EXEC_SUBPROTOCOLS, frame, parseExecStatus, parseFrame, resizeFrame, type ExecStatus } from './exec-channel';
import { apiPath, pinnedLookup, type KubeEndpoint, type KubePodTarget } from './kube-endpoint';
import { kubeSocketError, kubeStatusError } from './kube-errors';

/** bash when the image has it, sh otherwise (distroless-ish images often have only sh). */
export const EXEC_SHELL = 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi';
const HANDSHAKE_TIMEOUT_MS = 15_000;
/** write() returns false above this much unsent input, and onDrain fires once it is sent. */
const MAX_BUFFERED_INPUT = 64 * 1024;

export function execUrl(endpoint: KubeEndpoint, target: KubePodTarget): string {
  const enc = encodeURIComponent;
  const query = [
    `container=${enc(target.container)}`,
    'command=%2Fbin%2Fsh',
    'command=-c',
    `command=${enc(EXEC_SHELL)}`,
    'stdin=true',
    'stdout=true',
    'stderr=true',
    'tty=true',
  ];
  const path = apiPath(endpoint, `/api/v1/namespaces/${enc(target.namespace)}/pods/${enc(target.pod)}/exec?${query.join('&')}`);
  const url = new URL(endpoint.apiUrl);
  return `wss://${url.host}${path}`;
}

/** One exec stream with a TTY in one container. */
class KubernetesExec implements TerminalConnection {
  private status: ExecStatus | undefined;
  private isFinished = false;
  private isWaitingForDrain = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly handlers: TerminalHandlers,
    private readonly where: string,
  ) {
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('close', () => this.finish());
    // A socket error is followed by 'close'; finish() describes the end.
    ws.on('error', () => undefined);
  }

  write(data: Buffer): boolean {
    if (this.isFinished) return true;
    this.ws.send(frame(Channel.stdin, data), () => this.checkDrain());
    if (this.ws.bufferedAmount <= MAX_BUFFERED_INPUT) return true;
    this.isWaitingForDrain = true;
    return false;
  }

  resize({ cols, rows }: TerminalSize): void {
    if (!this.isFinished) this.ws.send(resizeFrame(cols, rows));
  }

  pause(): void {
    if (!this.isFinished) this.ws.pause();
  }

  resume(): void {
    if (!this.isFinished) this.ws.resume();
  }

  close(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.ws.close(1000);
    // A server that does not answer the close is not waited for.
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }

  private checkDrain(): void {
    if (!this.isWaitingForDrain || this.isFinished || this.ws.bufferedAmount > MAX_BUFFERED_INPUT / 2) return;
    this.isWaitingForDrain = false;
    this.handlers.onDrain();
  }

  private onMessage(message: Buffer): void {
    if (this.isFinished) return;
    const parsed = parseFrame(message);
    if (!parsed) return;
    if (parsed.channel === Channel.stdout || parsed.channel === Channel.stderr) {
      if (parsed.data.length > 0) this.handlers.onData(parsed.data);
    } else if (parsed.channel === Channel.status) {
      this.status = parseExecStatus(parsed.data);
    }
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.handlers.onExit(this.describeExit());
  }

  private describeExit(): TerminalExit {
    const status = this.status;
    if (status && status.exitCode !== null) return { reason: 'user_exit', message: status.message, exitCode: status.exitCode };
    if (status) return { reason: 'target_closed', message: status.message, exitCode: null };
    return { reason: 'target_closed', message: `${this.where} closed the exec stream.`, exitCode: null };
  }
}

function handshakeError(res: IncomingMessage, target: KubePodTarget): Promise<ConnectorError> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.length < 16 && chunks.push(chunk));
    res.on('error', () => undefined);
    res.on('end', () => {
      let message: string | undefined;
      try {
        message = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message?: string }).message;
      } catch {
        message = undefined;
      }
      const status = res.statusCode ?? 0;
      const what =
        status === 404
          ? `pod ${target.namespace}/${target.pod} (container ${target.container})`
          : `open a shell in pod ${target.namespace}/${target.pod} (pods/exec)`;
      resolve(kubeStatusError(status, what, message));
    });
  });
}

/** Opens `pods/exec` with a TTY over the channel protocol (v5, falling back to v4) and sends the initial size. */
export async function openKubernetesExec(
  endpoint: KubeEndpoint,
  target: KubePodTarget,
  size: TerminalSize,
  handlers: TerminalHandlers,
): Promise<TerminalConnection> {
  const address = await resolveTargetHost({ host: endpoint.host, port: endpoint.port, service: 'a Kubernetes API server' });
  const where = `pod ${target.namespace}/${target.pod}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(execUrl(endpoint, target), EXEC_SUBPROTOCOLS, {
      ca: endpoint.ca || undefined,
      rejectUnauthorized: true,
      lookup: pinnedLookup(address),
      headers: { authorization: `Bearer ${endpoint.token}` },
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      perMessageDeflate: false,
      maxPayload: 16 * 1024 * 1024,
    });
    let isSettled = false;
    const fail = (error: ConnectorError) => {
      if (isSettled) return;
      isSettled = true;
      ws.terminate();
      reject(error);
    };
    ws.on('unexpected-response', (_req, res) => void handshakeError(res, target).then(fail));
    ws.on('error', (error) =>
      fail(/handshake/i.test(error.message) ? new ConnectorError('timeout', `Timed out opening a shell in ${where}.`) : kubeSocketError(error, endpoint)),
    );
    ws.on('close', () => fail(new ConnectorError('connection_closed', `The API server closed the exec stream to ${where} before it opened.`)));
    ws.on('open', () => {
      if (isSettled) return;
      if (!EXEC_SUBPROTOCOLS.includes(ws.protocol))
        return fail(new ConnectorError('connect_failed', `The API server does not speak the exec protocol (${EXEC_SUBPROTOCOLS.join(', ')}).`));
      isSettled = true;
      ws.removeAllListeners();
      const exec = new KubernetesExec(ws, handlers, where);
      exec.resize(size);
      resolve(exec);
    });
  });
}
