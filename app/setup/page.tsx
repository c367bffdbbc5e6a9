import type { Metadata } from 'next';
import { SetupForm } from '@/components/auth/SetupForm';
import { Alert } from '@/components/ui/Alert';
import { isSetupTokenValid } from '@/server/bootstrap/setup-link';
import { setupAction } from './actions';

export const metadata: Metadata = { title: 'Set up Porthole' };
export const dynamic = 'force-dynamic';

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const isValid = await isSetupTokenValid(token);
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-1 text-base font-semibold">Welcome to Porthole</h1>
        <p className="mb-4 text-sm text-zinc-500">Create the first admin account.</p>
        {isValid ? (
          <SetupForm token={token} action={setupAction} />
        ) : (
          <Alert tone="error">This setup link is invalid or was already used. Restart Porthole to print a new one, or sign in.</Alert>
        )}
      </div>
    </div>
  );
}
