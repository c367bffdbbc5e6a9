import { seedDemoPolicy } from '../../bootstrap/seed-demo-policy';
import { ensureDemoSshResource } from '../../resources/ensure-demo-ssh-resource';
import { DemoShellUnavailableError, startDemoSshServer, type DemoSshServer } from './demo-ssh-server';
import { log } from '../../log/logger';

export type DemoTarget = { server?: DemoSshServer; unavailable?: string };

/**
 * Demo mode's SSH target: the embedded server plus its catalogue entry, so a fresh install
 * has a working terminal. A failure here is logged, never fatal: the rest of Porthole runs.
 * `unavailable` says why there is no demo shell, for the start banner.
 */
export async function startDemoTarget(dataDir: string): Promise<DemoTarget> {
  try {
    const server = await startDemoSshServer(dataDir);
    await ensureDemoSshResource(server);
    // Demo mode shows just-in-time access: the demo shell needs an approved request.
    await seedDemoPolicy();
    return { server };
  } catch (error) {
    if (error instanceof DemoShellUnavailableError) return { unavailable: `the demo shell is off: ${error.message}` };
    log().error({ err: error }, 'the demo SSH target did not start');
    return { unavailable: 'the demo shell did not start (see the error above)' };
  }
}
