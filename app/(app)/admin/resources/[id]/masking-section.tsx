import Link from 'next/link';
import { MASKING_MODE_TEXT, MASKING_MODES } from '@/components/masking/masking-modes';
import { ResourceMaskingModeSelect } from '@/components/masking/ResourceMaskingModeSelect';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { getResourceMaskingMode } from '@/server/masking/rules-store/masking-rules';
import { setResourceMaskingModeAction } from '../../masking/actions';

/** Where this resource's sessions are masked; the same setting as on Admin → Masking. */
export async function MaskingSection({ resourceId, resourceName }: { resourceId: string; resourceName: string }) {
  const actor = await requirePageActor('admin');
  const { mode } = await getResourceMaskingMode({ actor, resourceId });
  return (
    <section aria-labelledby="masking-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="masking-heading" className="text-sm font-semibold">
        Masking
      </h2>
      <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        Secrets are masked by the{' '}
        <Link href="/admin/masking" className="text-indigo-600 underline dark:text-indigo-400">
          masking rules
        </Link>
        ; this decides where. New sessions use it.
      </p>
      <ul className="mb-3 space-y-1 text-sm">
        {MASKING_MODES.map((value) => (
          <li key={value}>
            <span className="font-medium">{MASKING_MODE_TEXT[value].label}:</span>{' '}
            <span className="text-zinc-600 dark:text-zinc-300">{MASKING_MODE_TEXT[value].description}</span>
          </li>
        ))}
      </ul>
      <ResourceMaskingModeSelect resourceId={resourceId} resourceName={resourceName} mode={mode} setMode={setResourceMaskingModeAction} />
    </section>
  );
}
