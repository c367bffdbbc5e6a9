import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { findPod, isAuthorized } from './api-routes';
import { runExecSession } from './exec-session';
import { notFound, statusFailure, unauthorized, type KubePod, type KubeStatus } from './kube-objects';

/** Newest first: the server picks the first of these the client offers. */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'channel.k8s.io'];

export type ExecRecord = { namespace: string; pod: string; container: string; command: string[]; tty: boolean; protocol: string };

export type ExecContext = {
  pods: KubePod[];
  token: string;
  cwd: string;
  shell: string[];
  execs: ExecRecord[];
  sessions: Set<() => void>;
  wss: WebSocketServer;
};

/** Before the upgrade the API server answers like any request: an HTTP status and a JSON Status. */
function refuse(socket: Duplex, status: KubeStatus): void {
  const body = JSON.stringify(status);
  const code = status.code ?? 500;
  socket.end(
    `HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter(Boolean);
}

type Checked = { status: KubeStatus } | { record: ExecRecord; stdin: boolean };

function checkContainer(pod: KubePod, container: string | null): KubeStatus | string {
  if (!container) {
    if (pod.containers.length === 1) return pod.containers[0]!;
    return statusFailure(400, 'BadRequest', `a container name must be specified for pod ${pod.name}, choose one of: [${pod.containers.join(' ')}]`);
  }
  if (!pod.containers.includes(container))
    return statusFailure(404, 'NotFound', `container "${container}" not found in pod "${pod.name}"`, { name: container, kind: 'containers' });
  return container;
}

/** The checks the API server and kubelet make before the stream opens, in their order. */
function checkExec(req: IncomingMessage, context: ExecContext): Checked {
  if (!isAuthorized(req, context.token)) return { status: unauthorized() };
  const url = new URL(req.url ?? '/', 'https://127.0.0.1');
  const match = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
  if (!match) return { status: statusFailure(404, 'NotFound', 'the server could not find the requested resource') };
  const [namespace, name] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)];
  const pod = findPod(context.pods, namespace, name);
  if (!pod) return { status: notFound('pods', name) };
  const container = checkContainer(pod, url.searchParams.get('container'));
  if (typeof container !== 'string') return { status: container };
  if ((pod.phase ?? 'Running') !== 'Running') return { status: statusFailure(400, 'BadRequest', `pod ${name} is not running (phase ${pod.phase})`) };
  const command = url.searchParams.getAll('command');
  if (command.length === 0) return { status: statusFailure(400, 'BadRequest', 'you must specify at least one command for the container') };
  const flag = (key: string) => ['true', '1'].includes(url.searchParams.get(key) ?? '');
  if (!flag('stdin') && !flag('stdout') && !flag('stderr'))
    return { status: statusFailure(400, 'BadRequest', 'you must specify at least 1 of stdin, stdout, stderr') };
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') {
    return {
      status: statusFailure(
        400,
        'BadRequest',
        `this harness speaks exec over WebSocket only (${EXEC_PROTOCOLS.join(', ')}), not ${req.headers.upgrade ?? 'a plain request'}`,
      ),
    };
  }
  const offered = offeredProtocols(req);
  // A client that offers nothing gets the original channel.k8s.io, as from the real kubelet.
  const protocol = offered.length === 0 ? 'channel.k8s.io' : EXEC_PROTOCOLS.find((candidate) => offered.includes(candidate));
  if (!protocol) return { status: statusFailure(400, 'BadRequest', `none of the offered subprotocols is supported: ${offered.join(', ')}`) };
  return { record: { namespace, pod: name, container, command, tty: flag('tty'), protocol }, stdin: flag('stdin') };
}

/** `GET …/pods/{pod}/exec` with Upgrade: websocket; every other upgrade is refused with a Status. */
export function handleExecUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, context: ExecContext): void {
  const checked = checkExec(req, context);
  if ('status' in checked) return refuse(socket, checked.status);
  const { record, stdin } = checked;
  context.wss.handleUpgrade(req, socket, head, (ws) => {
    context.execs.push(record);
    const kill = runExecSession(ws, {
      pod: record.pod,
      command: record.command,
      tty: record.tty,
      stdin,
      protocol: record.protocol,
      cwd: context.cwd,
      shell: context.shell,
    });
    context.sessions.add(kill);
    ws.on('close', () => context.sessions.delete(kill));
  });
}
