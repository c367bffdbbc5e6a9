import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { currentActor } from '@/server/auth/current-user';
import { env } from '@/server/env';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

// next-auth's own error codes, turned into sentences; our messages pass through as they are.
const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: 'Could not reach the identity provider. Try again.',
  OAuthCallback: 'The identity provider sign-in did not complete. Try again.',
  OAuthAccountNotLinked: 'This e-mail is linked to another sign-in method.',
  Callback: 'The sign-in did not complete. Try again.',
  AccessDenied: 'Access denied.',
  SessionRequired: 'Sign in to continue.',
  Default: 'Sign-in failed. Try again.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string; notice?: string }> }) {
  const { error, callbackUrl, notice } = await searchParams;
  if (await currentActor().catch(() => undefined)) redirect('/resources');
  const oidc = env().oidc;
  const message = error ? (NEXT_AUTH_ERRORS[error] ?? (error.length < 200 ? error : NEXT_AUTH_ERRORS.Default)) : undefined;
  const safeCallback = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/resources';
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-indigo-600 dark:border-indigo-400" />
          Porthole
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="mb-4 text-base font-semibold">Sign in</h1>
          <LoginForm initialError={message} notice={notice} oidcName={oidc?.displayName} callbackUrl={safeCallback} />
        </div>
      </div>
    </div>
  );
}
