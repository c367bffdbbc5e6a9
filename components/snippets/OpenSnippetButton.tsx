'use client';

import Link from 'next/link';
import { SNIPPET_PARAM, type SnippetView } from '@/lib/snippets/snippet-types';
import { StartSessionButton } from '../resources/StartSessionButton';
import { buttonClass } from '../ui/Button';

/**
 * "Open on <resource>": a new terminal or SQL console there with the snippet offered (never
 * run). Without access right now, the way there is the resource's request form, as in the
 * catalogue.
 */
export function OpenSnippetButton({ snippet, canOpen }: { snippet: SnippetView; canOpen: boolean }) {
  const resource = snippet.resource;
  if (!resource) return null;
  if (!canOpen) {
    return (
      <Link href={`/resources/${resource.id}`} className={buttonClass('secondary')}>
        Request access to {resource.name}
      </Link>
    );
  }
  if (resource.type === 'kubernetes') {
    // A pod shell needs its pod chosen first: the picker is on the resource's page.
    return (
      <Link href={`/resources/${resource.id}`} className={buttonClass('secondary')}>
        Pick a pod on {resource.name}
      </Link>
    );
  }
  return (
    <StartSessionButton
      resourceId={resource.id}
      pagePrefix={resource.type === 'ssh' ? '/terminal' : '/sql'}
      label={`Open on ${resource.name}`}
      pendingLabel="Opening…"
      icon={null}
      variant="secondary"
      query={`?${SNIPPET_PARAM}=${snippet.id}`}
    />
  );
}
