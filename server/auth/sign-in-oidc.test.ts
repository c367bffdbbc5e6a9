import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { signInOidc } from './sign-in-oidc';

const ADMIN_EMAIL = 'root@example.test';

async function row(email: string) {
  const [user] = await db().select().from(users).where(eq(users.email, email));
  return user;
}

const makeAdmin = () => makeUser({ email: ADMIN_EMAIL, roles: ['admin'] });

beforeEach(() => {
  setTestEnv({ OIDC_ISSUER: 'https://sso.example.test', OIDC_CLIENT_ID: 'porthole', OIDC_CLIENT_SECRET: 'shh' });
});

describeEachDriver('signInOidc', () => {
  it('refuses an unverified e-mail that matches an admin, and leaves the admin unbound', async () => {
    await makeAdmin();

    const error = await rejectsWith(signInOidc({ sub: 'attacker', email: 'Root@Example.test', email_verified: false }, '203.0.113.9'), 'FORBIDDEN');
    expect(error.userMessage).toMatch(/has not verified your e-mail address/);
    expect((await row(ADMIN_EMAIL))?.oidcSubject).toBeNull();
    expect(await db().select().from(users)).toHaveLength(1);
    const [refused] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(refused?.data).toMatchObject({ method: 'oidc', reason: 'email_unverified', sub: 'attacker', ip: '203.0.113.9' });
  });

  it('links a verified e-mail to the existing account, which then signs in by its subject', async () => {
    const { user } = await makeAdmin();
    const linked = await signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL, email_verified: true }, '2001:db8::7');
    expect(linked.id).toBe(user.id);
    const [login] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.login'));
    expect(login?.data).toMatchObject({ method: 'oidc', ip: '2001:db8::7' });
    expect(linked.oidcSubject).toBe('idp-root');
    // Bound by subject: signs in as before, even when the IdP no longer vouches for the e-mail.
    const again = await signInOidc({ sub: 'idp-root', email: 'renamed@example.test', email_verified: false });
    expect(again.id).toBe(user.id);
  });

  it('refuses to rebind an account already bound to another subject', async () => {
    const { user } = await makeAdmin();
    await signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL, email_verified: true });
    const error = await rejectsWith(signInOidc({ sub: 'someone-else', email: ADMIN_EMAIL, email_verified: true }), 'CONFLICT');
    expect(error.userMessage).toMatch(/linked to another single sign-on identity/);
    expect((await row(ADMIN_EMAIL))?.oidcSubject).toBe('idp-root');
    expect((await signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL, email_verified: true })).id).toBe(user.id);
  });

  it('refuses a missing email_verified claim unless OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM is on, which never trusts false', async () => {
    const { user } = await makeAdmin();
    await rejectsWith(signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL }), 'FORBIDDEN');
    await rejectsWith(signInOidc({ sub: 'new-person', email: 'new@example.test' }), 'FORBIDDEN');
    expect(await db().select().from(users)).toHaveLength(1);

    setTestEnv({ OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: 'true' });
    await rejectsWith(signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL, email_verified: false }), 'FORBIDDEN');
    expect((await row(ADMIN_EMAIL))?.oidcSubject).toBeNull();
    expect((await signInOidc({ sub: 'idp-root', email: ADMIN_EMAIL })).id).toBe(user.id);
    const created = await signInOidc({ sub: 'new-person', email: 'new@example.test', name: 'New Person' });
    expect(created).toMatchObject({ email: 'new@example.test', oidcSubject: 'new-person', roles: ['engineer'] });
  });

  it('creates an account for a new verified e-mail', async () => {
    const created = await signInOidc({ sub: 'fresh', email: 'Fresh@Example.test', email_verified: true, name: 'Fresh' });
    expect(created).toMatchObject({ email: 'fresh@example.test', oidcSubject: 'fresh', name: 'Fresh' });
  });
});
