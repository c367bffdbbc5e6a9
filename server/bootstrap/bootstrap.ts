import { passwordWeakness } from '../users/password-policy';
import { env, EnvError } from '../env';
import { createUser } from '../users/create-user';
import { countUsers } from '../users/find-user';
import { seedDemo, DEMO_ACCOUNTS } from './seed-demo';
import { seedDemoPolicy } from './seed-demo-policy';
import { mintSetupToken } from './setup-link';
import { readSetting, writeSetting } from './settings';

export type BootstrapResult = {
  isDemo: boolean;
  demoAccounts?: typeof DEMO_ACCOUNTS;
  setupUrl?: string;
  createdAdmin?: string;
};

/**
 * Start-up accounts: demo accounts on a new embedded instance, the admin named by
 * PORTHOLE_ADMIN_EMAIL when there are no users, otherwise a one-time setup link.
 */
export async function bootstrap({ isNewDataDir }: { isNewDataDir: boolean }): Promise<BootstrapResult> {
  const config = env();
  const wasDemo = (await readSetting<boolean>('demo')) === true;
  const isDemo = config.demo ?? (wasDemo || (isNewDataDir && !config.databaseUrl));
  await writeSetting('demo', isDemo);

  const result: BootstrapResult = { isDemo };
  if ((await countUsers()) === 0 && config.admin) {
    const weakness = passwordWeakness(config.admin.password, { email: config.admin.email, name: 'Administrator' });
    if (weakness) throw new EnvError(`Invalid configuration: PORTHOLE_ADMIN_PASSWORD: too easy to guess. ${weakness}`);
    await createUser({
      actor: null,
      input: { email: config.admin.email, name: 'Administrator', password: config.admin.password, roles: ['approver', 'auditor', 'admin'] },
    });
    result.createdAdmin = config.admin.email;
  }
  if (isDemo) {
    await seedDemo();
    await seedDemoPolicy();
    result.demoAccounts = DEMO_ACCOUNTS;
  }
  if ((await countUsers()) === 0) {
    result.setupUrl = `${config.publicUrl}/setup?token=${await mintSetupToken()}`;
  }
  return result;
}
