'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formText } from '@/lib/form-data';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';

export function LoginForm({ initialError, notice, oidcName, callbackUrl }: { initialError?: string; notice?: string; oidcName?: string; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      redirect: false,
      // Without it next-auth returns to this page's URL, and reads an `?error=` left there by an earlier SSO attempt as this sign-in's.
      callbackUrl,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Wrong e-mail or password.');
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={(event) => void onSubmit(event)} className="space-y-3" noValidate>
        <TextField label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={isPending}>
          {isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {oidcName ? (
        <>
          <div className="flex items-center gap-2 text-xs text-zinc-400">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            or
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <Button variant="secondary" className="w-full" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with {oidcName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
