import type { Sshd } from '@/test/harness/sshd';
import { startGatewayProcess, type GatewayProcess } from '../gateway-process';
import { openKubeExecClient, type KubeHarnessProcess } from '../kube-harness-process';
import { openGatewayClient, openSshClient, type PtyClient, type SshLogin } from '../pty-clients';
import type { Options } from './options';

export const MB = 1e6;
export const MiB = 2 ** 20;
export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export const SSH = 'ssh -tt';
export const CONFIGURED = 'gateway';
export const BARE = 'gateway, pass-through';
/** The Kubernetes path: a bare exec client straight to the harness, and the gateway to the same pod. */
export const EXEC = 'exec, direct';
export const KUBE = 'gateway, kubernetes';
export type ContenderName = typeof SSH | typeof CONFIGURED | typeof BARE | typeof EXEC | typeof KUBE;

export type Contender = {
  name: ContenderName;
  open: () => Promise<PtyClient>;
  /** The process whose CPU counts as the relay: ssh itself, the gateway child, or (exec, direct) the harness. */
  cpuPid: (client: PtyClient) => number;
  gateway?: GatewayProcess;
};

type Setup = { sshd: Sshd; login: SshLogin; newDatabase: () => Promise<string | undefined>; store: Options['store']; kube?: KubeHarnessProcess };

/**
 * The three contenders of a phase: `ssh -tt`, the gateway as configured and the pass-through
 * gateway. Fresh gateway processes per phase: one left busy (or bloated) by a phase spoils the
 * next. `rssAtStart` keeps each gateway's RSS after GC at the start of each phase.
 */
export class ContenderSet {
  readonly rssAtStart = new Map<string, number>();
  private readonly gateways: GatewayProcess[] = [];

  constructor(private readonly setup: Setup) {}

  async forPhase(phase: string): Promise<Contender[]> {
    await this.stop();
    const { sshd, login, newDatabase, store, kube } = this.setup;
    const kubeInit = kube && {
      url: kube.url,
      caPem: kube.caPem,
      token: kube.token,
      namespace: kube.pod.namespace,
      pod: kube.pod.name,
      container: kube.pod.container,
    };
    const configured = await startGatewayProcess(sshd, { pipeline: 'configured', databaseUrl: await newDatabase(), recordingStore: store, kube: kubeInit });
    this.gateways.push(configured);
    const bare = await startGatewayProcess(sshd, { pipeline: 'pass-through', databaseUrl: await newDatabase(), recordingStore: store });
    this.gateways.push(bare);
    const contenders: Contender[] = [
      { name: SSH, open: () => Promise.resolve(openSshClient(login)), cpuPid: (client) => client.pid ?? -1 },
      viaGateway(CONFIGURED, configured),
      viaGateway(BARE, bare),
      ...(kube
        ? [{ name: EXEC, open: () => openKubeExecClient(kube, EXEC), cpuPid: () => kube.pid } satisfies Contender, viaGateway(KUBE, configured, 'kubernetes')]
        : []),
    ];
    for (const contender of contenders) if (contender.gateway) this.rssAtStart.set(`${phase}/${contender.name}`, (await contender.gateway.memory()).rss / MiB);
    return contenders;
  }

  async stop(): Promise<void> {
    for (const gateway of this.gateways.splice(0)) await gateway.stop();
  }

  /** For a cleanup after a failure: every gateway still running, errors ignored. */
  async stopQuietly(): Promise<void> {
    await Promise.all(this.gateways.splice(0).map((g) => g.stop().catch(() => undefined)));
  }
}

function viaGateway(name: ContenderName, gateway: GatewayProcess, kind: 'ssh' | 'kubernetes' = 'ssh'): Contender {
  return {
    name,
    gateway,
    open: async () => openGatewayClient(await gateway.newSession(kind), { label: name, origin: gateway.origin }),
    cpuPid: () => gateway.pid,
  };
}
