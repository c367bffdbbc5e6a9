import type { Sshd } from '@/test/harness/sshd';
import { startGatewayProcess, type GatewayProcess } from '../gateway-process';
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
export type ContenderName = typeof SSH | typeof CONFIGURED | typeof BARE;

export type Contender = {
  name: ContenderName;
  open: () => Promise<PtyClient>;
  /** The process whose CPU counts as the relay: ssh itself, or the gateway child. */
  cpuPid: (client: PtyClient) => number;
  gateway?: GatewayProcess;
};

type Setup = { sshd: Sshd; login: SshLogin; newDatabase: () => Promise<string | undefined>; store: Options['store'] };

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
    const { sshd, login, newDatabase, store } = this.setup;
    const configured = await startGatewayProcess(sshd, { pipeline: 'configured', databaseUrl: await newDatabase(), recordingStore: store });
    this.gateways.push(configured);
    const bare = await startGatewayProcess(sshd, { pipeline: 'pass-through', databaseUrl: await newDatabase(), recordingStore: store });
    this.gateways.push(bare);
    const contenders: Contender[] = [
      { name: SSH, open: () => Promise.resolve(openSshClient(login)), cpuPid: (client) => client.pid ?? -1 },
      viaGateway(CONFIGURED, configured),
      viaGateway(BARE, bare),
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

function viaGateway(name: ContenderName, gateway: GatewayProcess): Contender {
  return {
    name,
    gateway,
    open: async () => openGatewayClient(await gateway.newSession(), { label: name, origin: gateway.origin }),
    cpuPid: () => gateway.pid,
  };
}
