import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { currentActor } from '@/server/auth/current-user';
import { env } from '@/server/env';
import { signInErrorMessage } from '@/server/auth/sign-in-error';
import { afterSignInPath } from '@/lib/auth/after-sign-in';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; sig?: string; callbackUrl?: string; notice?: string }> }) {
  const { error, sig, callbackUrl, notice } = await searchParams;
  if (await currentActor().catch(() => undefined)) redirect('/resources');
  const oidc = env().oidc;
  const message = signInErrorMessage(error, sig);
  const safeCallback = afterSignInPath(callbackUrl);
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
