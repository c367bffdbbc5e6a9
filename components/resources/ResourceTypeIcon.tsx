import { RESOURCE_TYPE_LABELS, type ResourceType } from '@/lib/resources/resource-types';

export function resourceTypeLabel(type: ResourceType): string {
  return RESOURCE_TYPE_LABELS[type];
}

const BADGES: Record<ResourceType, { tone: string; text: string }> = {
  ssh: { tone: 'bg-zinc-900 text-emerald-400 dark:bg-black', text: '>_' },
  postgres: { tone: 'bg-sky-600 text-white', text: 'PG' },
  mysql: { tone: 'bg-orange-500 text-white', text: 'My' },
  kubernetes: { tone: 'bg-blue-700 text-white', text: 'K8' },
  http: { tone: 'bg-violet-600 text-white', text: '{}' },
};

/** A small type badge: a prompt for SSH, short marks for databases, Kubernetes and HTTP APIs. */
export function ResourceTypeIcon({ type }: { type: ResourceType }) {
  const { tone, text } = BADGES[type];
  return (
    <span aria-hidden className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-md font-mono text-xs font-bold ${tone}`}>
      {text}
    </span>
  );
}
