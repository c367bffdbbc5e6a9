import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { handleApiRequest, sendJson, type ApiContext } from './api-routes';
import { EXEC_PROTOCOLS, handleExecUpgrade, type ExecContext, type ExecRecord } from './exec-upgrade';
import { statusFailure, type KubePod } from './kube-objects';
import { makeHarnessCert } from './tls-cert';

/*
 * A stand-in for a Kubernetes API server, for tests: the list, get, self-review and exec
 * endpoints over TLS on 127.0.0.1, with bearer-token auth and exec backed by a real PTY.
 * It shares no code with Porthole's own Kubernetes client (server/connectors/kubernetes),
 * so a test of that client against it proves something; kube-harness.test.ts proves the
 * harness itself against the real kubectl.
 */

export type { KubePod } from './kube-objects';

export type KubeHarness = {
  /** https://127.0.0.1:<port> */
  url: string;
  /** The CA that signed the server certificate (SAN IP:127.0.0.1, DNS:localhost). */
  caPem: string;
  token: string;
  close(): Promise<void>;
  /** Every exec that reached the upgrade, in order. */
  execs: ExecRecord[];
};

export type KubeHarnessOptions = {
  pods?: KubePod[];
  /** Random when unset. */
  token?: string;
  /** What `bash` or `sh` alone runs; default bash --norc --noprofile -i, prompt `<pod>$ `. */
  shell?: string[];
  /** What SelfSubjectRulesReview/AccessReview report (all namespaces when unset); requests are not refused. */
  allowed?: { namespaces?: string[] };
};

const DEFAULT_PODS: KubePod[] = [{ namespace: 'default', name: 'web-0', labels: { app: 'web' }, containers: ['app'] }];

export async function startKubeHarness(options: KubeHarnessOptions = {}): Promise<KubeHarness> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'porthole-kube-'));
  const cwd = path.join(dir, 'home');
  await fs.mkdir(cwd);
  // A bash started by other means (`sh -c 'exec bash'`, as Porthole's client asks) reads
  // /etc/bash.bashrc and then this: the same stable prompt as the default shell's.
  await fs.writeFile(path.join(cwd, '.bashrc'), `PS1="$HOSTNAME"'$ '\nunset PROMPT_COMMAND\n`);
  const cert = await makeHarnessCert(dir);
  const token = options.token ?? randomBytes(24).toString('hex');
  const pods = options.pods ?? DEFAULT_PODS;
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem });
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => EXEC_PROTOCOLS.find((candidate) => protocols.has(candidate)) ?? false,
  });
  let url = '';
  const api: ApiContext = { pods, token, allowed: options.allowed ?? {}, serverAddress: () => url.replace('https://', '') };
  const exec: ExecContext = { pods, token, cwd, shell: options.shell ?? ['bash', '--norc', '--noprofile', '-i'], execs: [], sessions: new Set(), wss };

  server.on('request', (req, res) => {
    handleApiRequest(req, res, api).catch(() => sendJson(res, 500, statusFailure(500, 'InternalError', 'the harness failed to answer')));
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    handleExecUpgrade(req, socket, head, exec);
  });
  // Port 0: the kernel picks a free port while we listen, so no other process can take it in between.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    caPem: cert.caPem,
    token,
    execs: exec.execs,
    close: async () => {
      for (const kill of exec.sessions) kill();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
