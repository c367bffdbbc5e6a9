import { seedDemoPolicy } from '../../../bootstrap/seed-demo-policy';
import { ensureDemoSshResource } from '../../../resources/ensure-demo-ssh-resource';
import { startDemoSshServer, type DemoSshServer } from './demo-ssh-server';

/**
 * Demo mode's SSH target: the embedded server plus its catalogue entry, so a fresh install
 * has a working terminal. A failure here is logged, never fatal: the rest of Porthole runs.
 */
export async function startDemoTarget(dataDir: string): Promise<DemoSshServer | undefined> {
  try {
    const server = await startDemoSshServer(dataDir);
    await ensureDemoSshResource(server);
    // Demo mode shows just-in-time access: the demo shell needs an approved request.
    await seedDemoPolicy();
    return server;
  } catch (error) {
    console.error('[porthole] the demo SSH target did not start:', error);
    return undefined;
  }
}
