import { signInErrorUrl } from './sign-in-error';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { deriveKey } from '../crypto/master-key';
import { env } from '../env';
import { toAppError } from '../errors/to-app-error';
import { findUserById } from '../users/find-user';
import { authorizeCredentials } from './authorize-credentials';
import { endBrowserSession } from './end-browser-session';
import { checkSessionAge, nowInSeconds } from './session-age';
import { signInOidc, type OidcProfile } from './sign-in-oidc';

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Epoch seconds of the sign-in: the absolute session limit counts from here. */
    signedInAt?: number;
  }
}

/** next-auth configuration, built on first use so `next build` never reads secrets. */
/**
 * `clientIp`: the address the custom server stamped on this request (the auth route passes
 * it), recorded with an OIDC sign-in as the password sign-in records its own.
 */
export function authOptions({ clientIp = 'unknown' }: { clientIp?: string } = {}): AuthOptions {
  const config = env();
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: (raw, req) => authorizeCredentials(raw, req.headers),
    }),
  ];
  if (config.oidc) {
    providers.push({
      id: 'oidc',
      name: config.oidc.displayName,
      type: 'oauth',
      wellKnown: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      authorization: { params: { scope: config.oidc.scopes } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: OidcProfile) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    });
  }

  return {
    secret: deriveKey('next-auth').toString('hex'),
    // The cookie and token live for the idle limit; each refresh (SessionKeepAlive, on user
    // activity) slides it. The absolute limit is checked against signedInAt below and in
    // userFromSessionClaims. next-auth 4 ignores updateAge for JWT sessions.
    session: { strategy: 'jwt', maxAge: config.session.idleSeconds },
    pages: { signIn: '/login', error: '/login' },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        try {
          const local = await signInOidc(profile as OidcProfile, clientIp);
          user.id = local.id; // from here on the token carries Porthole's user id
          return true;
        } catch (error) {
          return signInErrorUrl(toAppError(error).userMessage);
        }
      },
      async jwt({ token, user }) {
        if (user) {
          const local = await findUserById(user.id);
          token.uid = local?.id;
          token.sv = local?.sessionVersion;
          token.signedInAt = nowInSeconds();
          return token;
        }
        // Thrown, next-auth clears the cookie (session route) or answers "no session".
        const age = checkSessionAge({ signedInAt: token.signedInAt, refreshedAt: token.iat as number | undefined }, config.session, nowInSeconds());
        if (!age.isValid) throw new Error(`Browser session ended: ${age.reason}`);
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, signedInAt: token.signedInAt, refreshedAt: token.iat };
      },
    },
    events: {
      async signOut({ token }) {
        // Errors here are logged by next-auth and the cookie is still cleared.
        await endBrowserSession({ uid: token?.uid, sv: token?.sv });
      },
    },
  };
}
