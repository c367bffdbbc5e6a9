import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { UserRoleBadges } from '@/components/admin/UserRoleBadges';
import { ApiTokens } from '@/components/profile/ApiTokens';
import { ChangePasswordForm } from '@/components/profile/ChangePasswordForm';
import { ThemeToggle } from '@/components/shell/ThemeToggle';
import { PageHeader } from '@/components/ui/PageHeader';
import { hasRole } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listApiTokens } from '@/server/tokens/list-api-tokens';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_CHOICES } from '@/server/tokens/token-schemas';
import { findUserById } from '@/server/users/find-user';
import { toUserView } from '@/server/users/user-view';
import { changePasswordAction, createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'Profile' };

function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-0.5 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{description}</p> : <div className="mb-4" />}
      {children}
    </section>
  );
}

export default async function ProfilePage() {
  const actor = await requirePageActor();
  const [row, tokens] = await Promise.all([findUserById(actor.id), listApiTokens({ actor })]);
  if (!row) notFound();
  const user = toUserView(row);

  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title="Profile" description="Your account, password, API tokens and appearance." />

      <Section id="account-heading" title="Account">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">E-mail</dt>
          <dd>{user.email}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Roles</dt>
          <dd>
            <UserRoleBadges roles={user.roles} />
          </dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Signs in with</dt>
          <dd>{[user.hasPassword ? 'Password' : null, user.isSso ? 'Single sign-on' : null].filter(Boolean).join(' and ')}</dd>
        </dl>
      </Section>

      <Section
        id="password-heading"
        title="Change password"
        description={user.hasPassword ? 'Changing it signs you out of every browser and revokes your API tokens.' : undefined}
      >
        {user.hasPassword ? (
          <ChangePasswordForm action={changePasswordAction} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            You sign in with single sign-on, so you have no Porthole password. Change your password with your identity provider.
          </p>
        )}
      </Section>

      <Section
        id="tokens-heading"
        title="API tokens"
        description={
          <>
            Tokens act as you, with your roles, for scripts and CI. Changing your password revokes them. See the{' '}
            <a href="/api/v1/openapi.json" className="text-indigo-600 underline dark:text-indigo-400">
              API description
            </a>
            .
          </>
        }
      >
        <ApiTokens
          tokens={tokens.map(({ id, name, prefix, createdAt, lastUsedAt, expiresAt }) => ({ id, name, prefix, createdAt, lastUsedAt, expiresAt }))}
          lifetimes={{ choices: TOKEN_LIFETIME_CHOICES, defaultDays: DEFAULT_TOKEN_LIFETIME_DAYS }}
          canCreateNeverExpiring={hasRole(actor, 'admin')}
          createAction={createTokenAction}
          revokeAction={revokeTokenAction}
        />
      </Section>

      <Section id="appearance-heading" title="Appearance" description="Applies to this browser.">
        <div className="inline-flex items-center gap-3 rounded-md border border-zinc-200 px-3 py-1.5 dark:border-zinc-700">
          <span className="text-sm text-zinc-600 dark:text-zinc-300" aria-hidden>
            Theme
          </span>
          <ThemeToggle />
        </div>
      </Section>
    </div>
  );
}
