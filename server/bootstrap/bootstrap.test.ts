import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { authenticatePassword } from '../auth/authenticate-password';
import { countUsers, findUserByEmail } from '../users/find-user';
import { bootstrap } from './bootstrap';
import { DEMO_ACCOUNTS } from './seed-demo';
import { completeSetup, isSetupTokenValid } from './setup-link';

const ADMIN = { email: 'ops@example.test', password: 'a long admin passphrase' };

function setupToken(setupUrl: string | undefined): string {
  const token = new URL(setupUrl ?? 'http://x/').searchParams.get('token');
  if (!token) throw new Error(`no setup token in ${setupUrl}`);
  return token;
}

describeEachDriver('bootstrap', () => {
  it('on a new embedded data directory seeds demo accounts that can sign in, once', async () => {
    const first = await bootstrap({ isNewDataDir: true });
    expect(first.isDemo).toBe(true);
    expect(first.demoAccounts?.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(first.setupUrl).toBeUndefined();
    expect(await countUsers()).toBe(DEMO_ACCOUNTS.length);

    const demoAdmin = DEMO_ACCOUNTS.find((a) => a.email.startsWith('admin'));
    if (!demoAdmin) throw new Error('no demo admin');
    const signedIn = await authenticatePassword({ email: demoAdmin.email, password: demoAdmin.password, ip: '127.0.0.1' });
    expect(signedIn.roles).toContain('admin');

    // A restart keeps demo mode (remembered in the database) and seeds nothing twice.
    const second = await bootstrap({ isNewDataDir: false });
    expect(second.isDemo).toBe(true);
    expect(await countUsers()).toBe(DEMO_ACCOUNTS.length);
  });

  it('PORTHOLE_DEMO=0 turns demo mode off and offers a setup link instead', async () => {
    setTestEnv({ PORTHOLE_DEMO: '0', PORTHOLE_PUBLIC_URL: 'https://porthole.example.test' });
    const result = await bootstrap({ isNewDataDir: true });
    expect(result.isDemo).toBe(false);
    expect(result.demoAccounts).toBeUndefined();
    expect(await countUsers()).toBe(0);
    expect(result.setupUrl).toMatch(/^https:\/\/porthole\.example\.test\/setup\?token=[\w-]{20,}$/);
  });

  it('is not in demo mode on a new PostgreSQL database (DATABASE_URL)', async () => {
    setTestEnv({ DATABASE_URL: 'postgres://somewhere/porthole' });
    const result = await bootstrap({ isNewDataDir: false });
    expect(result.isDemo).toBe(false);
    expect(result.setupUrl).toBeDefined();
  });

  it('creates the PORTHOLE_ADMIN_EMAIL admin when there are no users, and only then', async () => {
    setTestEnv({ PORTHOLE_DEMO: 'false', PORTHOLE_ADMIN_EMAIL: ADMIN.email, PORTHOLE_ADMIN_PASSWORD: ADMIN.password });
    const first = await bootstrap({ isNewDataDir: true });
    expect(first.createdAdmin).toBe(ADMIN.email);
    expect(first.setupUrl).toBeUndefined();
    const admin = await findUserByEmail(ADMIN.email);
    expect(admin?.roles).toEqual(expect.arrayContaining(['engineer', 'admin']));
    expect((await authenticatePassword({ ...ADMIN, ip: '127.0.0.1' })).id).toBe(admin?.id);

    const again = await bootstrap({ isNewDataDir: false });
    expect(again.createdAdmin).toBeUndefined();
    expect(await countUsers()).toBe(1);
  });

  it('stops the start with one line naming PORTHOLE_ADMIN_PASSWORD when it is easy to guess', async () => {
    setTestEnv({ PORTHOLE_DEMO: 'false', PORTHOLE_ADMIN_EMAIL: ADMIN.email, PORTHOLE_ADMIN_PASSWORD: 'qwertyuiop123' });
    await expect(bootstrap({ isNewDataDir: true })).rejects.toThrow(
      /^Invalid configuration: PORTHOLE_ADMIN_PASSWORD: too easy to guess\. This is similar to a commonly used password\./,
    );
    expect(await countUsers()).toBe(0);
  });

  it('leaves existing users alone even when PORTHOLE_ADMIN_EMAIL names someone new', async () => {
    await makeUser({ email: 'existing@example.test' });
    setTestEnv({ PORTHOLE_DEMO: 'off', PORTHOLE_ADMIN_EMAIL: ADMIN.email, PORTHOLE_ADMIN_PASSWORD: ADMIN.password });
    const result = await bootstrap({ isNewDataDir: false });
    expect(result.createdAdmin).toBeUndefined();
    expect(result.setupUrl).toBeUndefined();
    expect(await findUserByEmail(ADMIN.email)).toBeUndefined();
  });
});

describeEachDriver('setup link', () => {
  it('creates the first admin once; the same link then fails', async () => {
    setTestEnv({ PORTHOLE_DEMO: '0' });
    const token = setupToken((await bootstrap({ isNewDataDir: true })).setupUrl);
    expect(await isSetupTokenValid(token)).toBe(true);
    expect(await isSetupTokenValid(`${token}x`)).toBe(false);

    const created = await completeSetup({ token, input: { email: 'First@Example.test', name: 'First Admin', password: ADMIN.password } });
    expect(created.email).toBe('first@example.test');
    const admin = await findUserByEmail('first@example.test');
    expect(admin?.roles).toEqual(expect.arrayContaining(['engineer', 'approver', 'auditor', 'admin']));

    await expect(completeSetup({ token, input: { email: 'second@example.test', name: 'Second', password: ADMIN.password } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await countUsers()).toBe(1);
    // With a user in place, a restart prints no new link.
    expect((await bootstrap({ isNewDataDir: false })).setupUrl).toBeUndefined();
  });

  it('refuses a wrong token, and refuses a valid one once someone exists', async () => {
    setTestEnv({ PORTHOLE_DEMO: '0' });
    const token = setupToken((await bootstrap({ isNewDataDir: true })).setupUrl);
    await expect(completeSetup({ token: 'guess', input: { email: 'a@example.test', name: 'A', password: ADMIN.password } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(completeSetup({ token: '', input: { email: 'a@example.test', name: 'A', password: ADMIN.password } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await makeUser();
    await expect(completeSetup({ token, input: { email: 'a@example.test', name: 'A', password: ADMIN.password } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await findUserByEmail('a@example.test')).toBeUndefined();
  });

  it('lets only one of two simultaneous setups through', async () => {
    setTestEnv({ PORTHOLE_DEMO: '0' });
    const token = setupToken((await bootstrap({ isNewDataDir: true })).setupUrl);
    const results = await Promise.allSettled(
      ['one', 'two', 'three'].map((who) => completeSetup({ token, input: { email: `${who}@example.test`, name: who, password: ADMIN.password } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().select().from(users)).toHaveLength(1);
  });

  it('validates the form and keeps the link usable after a mistake', async () => {
    setTestEnv({ PORTHOLE_DEMO: '0' });
    const token = setupToken((await bootstrap({ isNewDataDir: true })).setupUrl);
    await expect(completeSetup({ token, input: { email: 'bad', name: '', password: 'short' } })).rejects.toThrow();
    expect(await isSetupTokenValid(token)).toBe(true);
    await expect(completeSetup({ token, input: { email: 'ok@example.test', name: 'OK', password: 'aaaaaaaaaaaa' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { password: [expect.stringMatching(/Repeated characters/)] },
    });
    expect(await countUsers()).toBe(0);
    await completeSetup({ token, input: { email: 'ok@example.test', name: 'OK', password: ADMIN.password } });
    expect(await countUsers()).toBe(1);
  });
});
