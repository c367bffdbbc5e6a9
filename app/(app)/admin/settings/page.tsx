import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import type { SettingGroup } from '@/server/settings-view/installation-settings';
import { loadInstallationSettings } from '@/server/settings-view/load-installation-settings';

export const metadata: Metadata = { title: 'Settings' };

/** What this installation runs with, and where each setting is changed: read-only, never a secret. */
export default async function SettingsPage() {
  const actor = await requirePageActor('admin');
  const groups = await loadInstallationSettings({ actor });
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader
        title="Settings"
        description="What this installation runs with. Environment variables are read when Porthole starts (see the README's Configuration); the rest is changed on the page named beside it. Keys and passwords are never shown."
      />
      {groups.map((group) => (
        <SettingsCard key={group.title} group={group} />
      ))}
    </div>
  );
}

function SettingsCard({ group }: { group: SettingGroup }) {
  const headingId = `settings-${group.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Card>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="mb-3 text-sm font-semibold">
          {group.title}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_minmax(0,1fr)_auto] sm:gap-y-2">
          {group.rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="pt-2 text-zinc-500 sm:pt-0 dark:text-zinc-400">{row.label}</dt>
              <dd className="break-words text-zinc-900 dark:text-zinc-100">{row.value}</dd>
              <dd className="text-xs text-zinc-500 sm:text-right dark:text-zinc-400">
                {row.page ? (
                  <Link href={row.page.href} className="text-indigo-600 hover:underline dark:text-indigo-400">
                    {row.page.label}
                  </Link>
                ) : null}
                {row.page && row.envVar ? ' · ' : null}
                {row.envVar ? <code className="font-mono">{row.envVar}</code> : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </Card>
  );
}
